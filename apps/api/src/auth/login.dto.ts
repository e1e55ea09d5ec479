import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES } from '#audit';
import type { Role } from '#audit';
import { ApiUuid } from '../common/api-docs';

export class LoginDto {
  @ApiProperty({ format: 'email' })
  @IsEmail()
  email: string;

  @ApiProperty({ minLength: 1, maxLength: 1024 })
  @IsString() @MinLength(1) @MaxLength(1024)
  password: string;
}

export class SignedInUserDto {
  @ApiUuid()
  id: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiUuid({ nullable: true, description: 'Set for role client only: the client business the user belongs to' })
  clientId: string | null;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'Bearer token for the Authorization header; expires after ACCESS_TOKEN_TTL_SECONDS' })
  accessToken: string;

  @ApiProperty({ type: SignedInUserDto })
  user: SignedInUserDto;
}
