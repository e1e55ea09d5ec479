import { IsString, MaxLength, MinLength } from 'class-validator';

export class RegisterPublicKeyDto {
  /** PEM: "BEGIN PUBLIC KEY" (SPKI) or "BEGIN CERTIFICATE", RSA of at least 3072 bits. */
  @IsString() @MinLength(1) @MaxLength(65536)
  pem: string;
}
