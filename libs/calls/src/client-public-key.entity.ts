import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PersonalData } from '#audit';
import { Client } from '#clients';

/**
 * A client's registered RSA public key (≥ 3072 bits), bare or inside an X.509 certificate, for
 * end-to-end delivery of recordings (RSA-OAEP wrapping of data keys). One per client; registering
 * again replaces it. A certificate's subject may name a person: controller data.
 */
@PersonalData({ dataRole: 'controller', category: 'client_contact', purposes: ['service_delivery', 'security'] })
@Entity('client_public_keys')
@Check('ck_client_public_keys_kind', `kind IN ('public-key', 'certificate')`)
@Check('ck_client_public_keys_bits', `bits >= 3072`)
export class ClientPublicKeyRecord {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_client_public_keys' })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_client_public_keys_client' })
  client?: Client;

  @Column('varchar', { length: 16 })
  kind: 'public-key' | 'certificate';

  @Column('int')
  bits: number;

  /** SHA-256 of the DER SubjectPublicKeyInfo, lower-case hex (the same for a key and its certificate). */
  @Column('char', { length: 64 })
  fingerprintSha256: string;

  /** The key alone, as SPKI PEM. */
  @Column('text')
  publicKeyPem: string;

  /** The certificate as sent, when one was. */
  @Column('text', { nullable: true })
  certificatePem: string | null;

  @Column('varchar', { length: 1000, nullable: true })
  subject: string | null;

  @Column('timestamptz', { nullable: true })
  notAfter: Date | null;

  @Column('uuid')
  registeredBy: string;

  @Column('timestamptz')
  registeredAt: Date;
}
