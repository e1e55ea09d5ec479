import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ClientKey } from './client-key.entity';
import { NoPersonalData } from '#audit';

/**
 * One recording's data key, wrapped by its client's KEK with AAD 'dek:<clientId>:<id>'. Deleting the row
 * is crypto-shredding: every copy of the ciphertext becomes unreadable.
 */
@NoPersonalData()
@Entity({ name: 'data_keys' })
@Index('ix_data_keys_client_id', ['clientId'])
@Index('ix_data_keys_client_key_id', ['clientKeyId'])
export class DataKey {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_data_keys' })
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'client_key_id', type: 'uuid' })
  clientKeyId: string;

  @ManyToOne(() => ClientKey, { nullable: false, onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'client_key_id', foreignKeyConstraintName: 'fk_data_keys_client_key' })
  clientKey?: ClientKey;

  @Column({ name: 'wrapped_key', type: 'bytea' })
  wrappedKey: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
