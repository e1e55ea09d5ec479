import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '#audit';
import { TenantScope } from '#database';

/** What an anonymised call keeps in place of the caller's number. */
export const ERASED_CALLER_NUMBER = 'erased';

/** Why retention erased: the client's period passed while it is a client, or after its contract ended. */
export type ErasureRule = 'active_client' | 'contract_ended';

/** Rows changed per transaction, so a large client's erasure never holds one huge transaction. */
const BATCH = 1000;

/**
 * The one way caller messages and calls leave: deleted, or — where the invoicing hold applies — a call
 * kept for its time and duration with the caller's number and the phone system's reference removed.
 * Used by retention (by rule, in batches, each batch audited by record id and counted for the client)
 * and by a data subject's erasure (by id, in the request's transaction, which audits it).
 * Recordings are not touched: they follow their own rule (deleted at download or at their retention).
 */
@Injectable()
export class CallerDataErasure {
  constructor(
    private readonly scope: TenantScope,
    private readonly audit: AuditService,
  ) {}

  /** Deletes the client's messages with these ids; the ids actually deleted. */
  async deleteMessages(tx: EntityManager, clientId: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    return this.ids(tx, `WITH gone AS (DELETE FROM caller_messages WHERE client_id = $1 AND id = ANY($2::uuid[]) RETURNING id) SELECT id FROM gone`, [clientId, ids]);
  }

  /** Removes the caller's number and the external reference from the client's calls with these ids; the ids changed now. */
  async anonymiseCalls(tx: EntityManager, clientId: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    return this.ids(
      tx,
      `WITH changed AS (UPDATE calls SET caller_number = '${ERASED_CALLER_NUMBER}', external_ref = NULL
                         WHERE client_id = $1 AND id = ANY($2::uuid[]) AND (caller_number <> '${ERASED_CALLER_NUMBER}' OR external_ref IS NOT NULL)
                         RETURNING id)
       SELECT id FROM changed`,
      [clientId, ids],
    );
  }

  /** Messages due: counted from delivery or, never delivered, from creation, at or before `dueBy` (every message when null). */
  eraseMessagesDue(clientId: string, dueBy: Date | null, rule: ErasureRule): Promise<number> {
    return this.inBatches(clientId, 'retention.caller_message.erase', 'caller_message', rule, null, (tx) =>
      this.ids(
        tx,
        `WITH gone AS (DELETE FROM caller_messages WHERE id IN (
            SELECT id FROM caller_messages WHERE client_id = $1 AND ($2::timestamptz IS NULL OR coalesce(delivered_at, created_at) <= $2) LIMIT ${BATCH})
          RETURNING id)
         SELECT id FROM gone`,
        [clientId, dueBy],
      ),
    );
  }

  /** Calls created at or before `dueBy` whose messages are gone, kept under the invoicing hold without the caller's number. */
  anonymiseCallsDue(clientId: string, dueBy: Date, rule: ErasureRule): Promise<number> {
    return this.inBatches(clientId, 'retention.call.anonymise', 'call', rule, 'invoicing', async (tx) => {
      const due = await this.ids(
        tx,
        `SELECT c.id FROM calls c
          WHERE c.client_id = $1 AND c.created_at <= $2 AND (c.caller_number <> '${ERASED_CALLER_NUMBER}' OR c.external_ref IS NOT NULL)
            AND NOT EXISTS (SELECT 1 FROM caller_messages m WHERE m.call_id = c.id)
          LIMIT ${BATCH}`,
        [clientId, dueBy],
      );
      return this.anonymiseCalls(tx, clientId, due);
    });
  }

  /** Every call of the client, once its messages are gone and its recording (if any) is deleted; the rest wait for their recordings. */
  async deleteCallsDue(clientId: string, rule: ErasureRule): Promise<{ erased: number; waitingForRecordings: number }> {
    const erased = await this.inBatches(clientId, 'retention.call.erase', 'call', rule, null, (tx) =>
      this.ids(
        tx,
        `WITH gone AS (DELETE FROM calls WHERE id IN (
            SELECT c.id FROM calls c WHERE c.client_id = $1
               AND NOT EXISTS (SELECT 1 FROM recordings r WHERE r.call_id = c.id AND r.status <> 'deleted')
               AND NOT EXISTS (SELECT 1 FROM caller_messages m WHERE m.call_id = c.id)
             LIMIT ${BATCH}) RETURNING id)
         SELECT id FROM gone`,
        [clientId],
      ),
    );
    const [{ n }] = await this.scope.run(clientId, (tx) => tx.query(`SELECT count(*)::int AS n FROM calls WHERE client_id = $1`, [clientId]));
    return { erased, waitingForRecordings: n };
  }

  /**
   * Runs `erase` in the client's tenant scope until a batch comes back short. Each batch's transaction
   * carries one event per record (its id, the rule, any hold) and one count for the client.
   */
  private async inBatches(
    clientId: string,
    action: string,
    kind: 'caller_message' | 'call',
    rule: ErasureRule,
    hold: 'invoicing' | null,
    erase: (tx: EntityManager) => Promise<string[]>,
  ): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.scope.run(clientId, async (tx) => {
        const ids = await erase(tx);
        for (const id of ids) await this.audit.append(this.event(clientId, action, { type: kind, id }, { rule, hold }), tx);
        if (ids.length) await this.audit.append(this.event(clientId, action, { type: 'client', id: clientId }, { count: ids.length }), tx);
        return ids.length;
      });
      total += n;
      if (n < BATCH) return total;
    }
  }

  private async ids(tx: EntityManager, sql: string, params: unknown[]): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(sql, params);
    return rows.map((r) => r.id);
  }

  private event(clientId: string, action: string, subject: { type: string; id: string }, details: Record<string, string | number | null>) {
    return {
      actor: { id: null, role: 'system' as const },
      clientId,
      dataRole: 'processor' as const,
      purpose: 'legal_obligation' as const,
      action,
      subject,
      outcome: 'success' as const,
      details,
    };
  }
}
