import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { ApiDateTime, ApiUuid } from '../common/api-docs';

export class RegisterPublicKeyDto {
  /** PEM: "BEGIN PUBLIC KEY" (SPKI) or "BEGIN CERTIFICATE", RSA of at least 3072 bits. */
  @ApiProperty({ minLength: 1, maxLength: 65536, description: 'PEM: "BEGIN PUBLIC KEY" (SPKI) or "BEGIN CERTIFICATE", RSA of at least 3072 bits' })
  @IsString() @MinLength(1) @MaxLength(65536)
  pem: string;
}

export class ClientPublicKeyDto {
  @ApiUuid()
  clientId: string;

  @ApiProperty({ enum: ['public-key', 'certificate'] })
  kind: 'public-key' | 'certificate';

  @ApiProperty({ type: 'integer', minimum: 3072 })
  bits: number;

  @ApiProperty({ description: 'SHA-256 of the DER SubjectPublicKeyInfo, lower-case hex' })
  fingerprintSha256: string;

  @ApiProperty({ description: 'The key alone, as SPKI PEM' })
  publicKeyPem: string;

  @ApiProperty({ type: String, nullable: true, description: 'The certificate as sent, when one was' })
  certificatePem: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The certificate's subject" })
  subject: string | null;

  @ApiDateTime({ nullable: true, description: "The certificate's expiry" })
  notAfter: Date | null;

  @ApiUuid()
  registeredBy: string;

  @ApiDateTime()
  registeredAt: Date;
}
