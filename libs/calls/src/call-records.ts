import type { EntityManager } from 'typeorm';
import { Call } from './call.entity';

/** The calls table's SQL for capture by external reference; every method runs in the owning client's tenant scope. */
export const callRecords = {
  /**
   * Inserts the call unless the client already has one with its external reference. Race-safe: the
   * unique index decides, so two concurrent creates give one call. True when this insert won.
   */
  async insertUnlessKnown(tx: EntityManager, call: Call): Promise<boolean> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO calls (id, client_id, agent_id, ingest_key_id, external_ref, caller_number, started_at, ended_at, instructions_version, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (client_id, external_ref) DO NOTHING
       RETURNING id`,
      [call.id, call.clientId, call.agentId, call.ingestKeyId, call.externalRef, call.callerNumber, call.startedAt, call.endedAt, call.instructionsVersion, call.createdAt],
    );
    return rows.length === 1;
  },

  byExternalRef(tx: EntityManager, clientId: string, externalRef: string): Promise<Call | null> {
    return tx.findOne(Call, { where: { clientId, externalRef } });
  },

  /** Sets the end of a call that has none yet; true when this call ended now. */
  async endIfOpen(tx: EntityManager, clientId: string, callId: string, endedAt: Date): Promise<boolean> {
    const result = await tx
      .createQueryBuilder()
      .update(Call)
      .set({ endedAt })
      .where('id = :callId AND client_id = :clientId AND ended_at IS NULL', { callId, clientId })
      .execute();
    return Boolean(result.affected);
  },
};
