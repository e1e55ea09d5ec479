import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { NoPersonalData } from '#audit';
import { Client } from '#clients';
import { Breach } from './breach.entity';

/** A client whose caller data a breach touched, and when the operator told it (art. 33(2)). */
@NoPersonalData()
@Entity('breach_affected_clients')
export class BreachAffectedClient {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_breach_affected_clients' })
  breachId: string;

  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_breach_affected_clients' })
  clientId: string;

  @ManyToOne(() => Breach, (breach) => breach.affectedClients, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'breach_id', foreignKeyConstraintName: 'fk_breach_affected_clients_breach' })
  breach?: Breach;

  @ManyToOne(() => Client, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_breach_affected_clients_client' })
  client?: Client;

  /** "Without undue delay": the operator's target is 24 hours from detection. */
  @Column('timestamptz')
  notifyBy: Date;

  @Column('timestamptz', { nullable: true })
  notifiedAt: Date | null;

  @Column('uuid', { nullable: true })
  notifiedBy: string | null;

  @Column('varchar', { length: 16, nullable: true })
  channel: string | null;
}
