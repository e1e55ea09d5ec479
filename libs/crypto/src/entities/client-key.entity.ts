import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { NoPersonalData } from '#audit';

export type ClientKeyStatus = 'active' | 'retired';

/**
 * A client's key-encryption key (KEK), wrapped by the master key with AAD 'kek:<clientId>:<version>'.
 * Constraint names are explicit here and in the migration so the schema diff stays empty.
 * No FK to clients: that table belongs to another library.
 */
@NoPersonalData()
@Entity({ name: 'client_keys' })
@Unique('uq_client_keys_client_version', ['clientId', 'version'])
@Index('uq_client_keys_one_active', ['clientId'], { unique: true, where: `"status" = 'active'` })
@Check('ck_client_keys_status', `"status" IN ('active', 'retired')`)
export class ClientKey {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_client_keys' })
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'wrapped_key', type: 'bytea' })
  wrappedKey: Buffer;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: ClientKeyStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
