import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '#audit';
import { Client } from '#clients';
import { PersonalData } from '#audit';

/** An operator or client user (data role: controller). A client user belongs to exactly one client. */
@PersonalData({ dataRole: 'controller', category: 'operator_user', purposes: ['service_delivery', 'security'] })
@Entity('users')
@Index('uq_users_email', { synchronize: false })
@Check('ck_users_role', `role IN ('agent', 'supervisor', 'admin', 'dpo', 'client')`)
@Check('ck_users_client_role', `(role = 'client') = (client_id IS NOT NULL)`)
export class User {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_users' })
  id: string;

  /** Stored lower-cased; unique case-insensitively (index created in the migration). */
  @Column('varchar', { length: 320 })
  email: string;

  @Column('text')
  passwordHash: string;

  @Column('varchar', { length: 16 })
  role: Role;

  @Column('uuid', { nullable: true })
  clientId: string | null;

  @ManyToOne(() => Client, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_users_client' })
  client?: Client;

  @Column('timestamptz', { nullable: true })
  disabledAt: Date | null;

  @Column('timestamptz', { nullable: true })
  lastLoginAt: Date | null;

  @Column('timestamptz', { nullable: true })
  passwordChangedAt: Date | null;

  /** The TOTP secret, AES-GCM-wrapped under a key derived from MASTER_KEY; set at enrolment. */
  @Column('bytea', { nullable: true, select: false })
  totpSecret: Buffer | null;

  /** Set once a code from the enrolled secret was confirmed: from then on sign-in needs a code. */
  @Column('timestamptz', { nullable: true })
  totpConfirmedAt: Date | null;

  /** The last TOTP time step accepted, so a code is never accepted twice. */
  @Column('int', { nullable: true })
  totpLastStep: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
