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
