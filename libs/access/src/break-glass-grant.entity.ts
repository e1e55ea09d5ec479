import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PersonalData } from '#audit';
import { Client } from '#clients';

/**
 * A DPO's time-limited, reasoned access to one client's caller content. Opening one is audited under
 * that client, so the client sees it in its own trail.
 */
@PersonalData({ dataRole: 'controller', category: 'break_glass_record', purposes: ['security', 'legal_obligation'] })
@Entity('break_glass_grants')
@Index('ix_break_glass_grants_dpo_client', ['dpoId', 'clientId', 'expiresAt'])
export class BreakGlassGrant {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_break_glass_grants' })
  id: string;

  @Column('uuid')
  dpoId: string;

  @Column('uuid')
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_break_glass_grants_client' })
  client?: Client;

  @Column('text')
  reason: string;

  @Column('timestamptz')
  expiresAt: Date;

  /** Set when the DPO closed the grant before it expired; expiresAt then equals it. */
  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
