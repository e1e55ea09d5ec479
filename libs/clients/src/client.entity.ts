import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PersonalData } from '#audit';

/**
 * A client business of the operator (data role: controller — the operator's own account data).
 * Its contacts are kept 7 years after the contract ends (seed 001), then erased.
 */
@PersonalData({ dataRole: 'controller', category: 'client_contact', purposes: ['service_delivery', 'billing', 'legal_obligation', 'marketing'] })
@Entity('clients')
@Check('ck_clients_status', `status IN ('active', 'terminated')`)
export class Client {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_clients' })
  id: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('varchar', { length: 16, default: 'active' })
  status: 'active' | 'terminated';

  @Column('varchar', { length: 200, nullable: true })
  contactName: string | null;

  @Column('varchar', { length: 320, nullable: true })
  contactEmail: string | null;

  @Column('varchar', { length: 40, nullable: true })
  contactPhone: string | null;

  @Column('timestamptz', { nullable: true })
  contractEndedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
