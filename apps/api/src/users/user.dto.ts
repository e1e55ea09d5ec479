import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ROLES } from '#audit';
import type { Role } from '#audit';
import { ApiDateTime, ApiUuid } from '../common/api-docs';

export class CreateUserDto {
  @ApiProperty({ format: 'email' })
  @IsEmail()
  email: string;

  @ApiProperty({ minLength: 12, maxLength: 1024 })
  @IsString() @MinLength(12) @MaxLength(1024)
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for role client, not allowed for other roles' })
  @IsOptional() @IsUUID()
  clientId?: string;
}

export class AgentClientsDto {
  /** The clients this agent serves; empty restores the default (every active client). */
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 1000, description: 'The clients this agent serves; empty restores the default (every active client)' })
  @IsArray() @ArrayMaxSize(1000) @IsUUID('all', { each: true })
  clientIds: string[];
}

export class UserDto {
  @ApiUuid()
  id: string;

  @ApiProperty({ format: 'email', description: 'Lower-cased' })
  email: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiUuid({ nullable: true, description: 'Set for role client only' })
  clientId: string | null;

  @ApiDateTime()
  createdAt: Date;

  @ApiDateTime({ nullable: true })
  disabledAt: Date | null;

  @ApiProperty({ description: 'A second factor (TOTP) is enrolled' })
  totpEnrolled: boolean;
}

export class PasswordResetIssuedDto {
  @ApiProperty({ description: 'One-time reset token (cvpr_…), shown only now: hand it to the user over a trusted channel' })
  token: string;

  @ApiDateTime()
  expiresAt: Date;
}
