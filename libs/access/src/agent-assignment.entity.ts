import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { NoPersonalData } from '#audit';
import { Client } from '#clients';

/**
 * Restricts an agent to a list of clients. An agent with no rows serves every active client (the
 * default); with rows, only those.
 */
@NoPersonalData()
@Entity('agent_assignments')
export class AgentAssignment {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_agent_assignments' })
  userId: string;

  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'pk_agent_assignments' })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_agent_assignments_client' })
  client?: Client;
}
