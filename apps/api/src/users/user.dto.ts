import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ROLES } from '#audit';
import type { Role } from '#audit';

export class CreateUserDto {
  @IsEmail()
  email: string;

  @IsString() @MinLength(12) @MaxLength(1024)
  password: string;

  @IsIn(ROLES)
  role: Role;

  @IsOptional() @IsUUID()
  clientId?: string;
}

export class AgentClientsDto {
  /** The clients this agent serves; empty restores the default (every active client). */
  @IsArray() @ArrayMaxSize(1000) @IsUUID('all', { each: true })
  clientIds: string[];
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'email' })
  email: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  clientId: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  disabledAt: Date | null;

  @ApiProperty({ description: 'A second factor (TOTP) is enrolled' })
  totpEnrolled: boolean;
}

export class PasswordResetIssuedDto {
  @ApiProperty({ description: 'One-time reset token (cvpr_…), shown only now: hand it to the user over a trusted channel' })
  token: string;

  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt: Date;
}
