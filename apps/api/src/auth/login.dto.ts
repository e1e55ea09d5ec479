import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
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

  @ApiPropertyOptional({ description: 'Six-digit code from the authenticator app, for accounts with a second factor', example: '123456' })
  @IsOptional() @Matches(/^\s*\d{6}\s*$/, { message: 'totp must be six digits' })
  totp?: string;

  @ApiPropertyOptional({ description: 'One of the recovery codes shown at enrolment, instead of totp (each works once)', example: 'K7Q2-9XMD-4RTA-B8NC' })
  @IsOptional() @IsString() @MinLength(16) @MaxLength(32)
  recoveryCode?: string;
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
  @ApiProperty({ description: 'Bearer token for Authorization; ends at expiry, logout, password change, disabling or erasure' })
  accessToken: string;

  @ApiProperty({ type: SignedInUserDto })
  user: SignedInUserDto;

  @ApiPropertyOptional({
    description: 'Present (true) when the account must enrol a second factor first: the token then works only for POST /auth/totp/enrol, POST /auth/totp/confirm and POST /auth/logout',
    enum: [true],
  })
  totpEnrolmentRequired?: true;
}

export class ChangePasswordDto {
  @ApiProperty({ minLength: 1, maxLength: 1024 })
  @IsString() @MinLength(1) @MaxLength(1024)
  currentPassword: string;

  @ApiProperty({ minLength: 12, maxLength: 1024 })
  @IsString() @MinLength(12) @MaxLength(1024)
  newPassword: string;
}

export class ResetPasswordDto {
  @ApiProperty({ description: 'The one-time token an administrator issued (cvpr_…)' })
  @IsString() @MaxLength(100)
  token: string;

  @ApiProperty({ minLength: 12, maxLength: 1024 })
  @IsString() @MinLength(12) @MaxLength(1024)
  newPassword: string;
}

export class TotpEnrolmentDto {
  @ApiProperty({ description: 'Base32 secret, for typing into the authenticator app' })
  secret: string;

  @ApiProperty({ description: 'otpauth:// URI, for a QR code' })
  otpauthUrl: string;
}

export class ConfirmTotpDto {
  @ApiProperty({ example: '123456' })
  @Matches(/^\s*\d{6}\s*$/, { message: 'code must be six digits' })
  code: string;
}

export class RecoveryCodesDto {
  @ApiProperty({ type: [String], description: 'Ten one-time recovery codes, shown only now' })
  recoveryCodes: string[];
}
