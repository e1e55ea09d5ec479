import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @IsEmail()
  email: string;

  @IsString() @MinLength(1) @MaxLength(1024)
  password: string;
}
