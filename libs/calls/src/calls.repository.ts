import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { digitsOf } from '#database';
import { Call } from './call.entity';

/** What an anonymised call keeps in place of the caller's number. */
export const ERASED_CALLER_NUMBER = 'erased';

/**
 * The SQL on `calls` for erasure, retention and data subjects' requests. Capture's own SQL (creating
 * and finding calls on the intake path) stays in call-records.ts. Every method runs in the caller's
 * transaction, in the tenant scope it chose.
 */
@Injectable()
export class CallsRepository {
  /** Removes the caller's number and the phone system's reference; the ids changed now. */
  anonymise(tx: EntityManager, clientId: string, ids: string[]): Promise<{ id: string }[]> {
    if (!ids.length) return Promise.resolve([]);
    return tx.query(
      `WITH changed AS (UPDATE calls SET caller_number = '${ERASED_CALLER_NUMBER}', external_ref = NULL
                         WHERE client_id = $1 AND id = ANY($2::uuid[]) AND (caller_number <> '${ERASED_CALLER_NUMBER}' OR external_ref IS NOT NULL)
                         RETURNING id)
       SELECT id FROM changed`,
      [clientId, ids],
    );
  }

  /** Calls created at or before `dueBy`, not anonymised yet, whose messages are gone. */
  anonymisableBy(tx: EntityManager, clientId: string, dueBy: Date, limit: number): Promise<{ id: string }[]> {
    return tx.query(
      `SELECT c.id FROM calls c
        WHERE c.client_id = $1 AND c.created_at <= $2 AND (c.caller_number <> '${ERASED_CALLER_NUMBER}' OR c.external_ref IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM caller_messages m WHERE m.call_id = c.id)
        LIMIT ${Number(limit)}`,
      [clientId, dueBy],
    );
  }

  /** Deletes up to `limit` calls of the client with no message and no live recording left; the ids deleted. */
  deleteEmptied(tx: EntityManager, clientId: string, limit: number): Promise<{ id: string }[]> {
    return tx.query(
      `WITH gone AS (DELETE FROM calls WHERE id IN (
          SELECT c.id FROM calls c WHERE c.client_id = $1
             AND NOT EXISTS (SELECT 1 FROM recordings r WHERE r.call_id = c.id AND r.status <> 'deleted')
             AND NOT EXISTS (SELECT 1 FROM caller_messages m WHERE m.call_id = c.id)
           LIMIT ${Number(limit)}) RETURNING id)
       SELECT id FROM gone`,
      [clientId],
    );
  }

  async count(tx: EntityManager, clientId: string): Promise<number> {
    const [{ n }] = await tx.query(`SELECT count(*)::int AS n FROM calls WHERE client_id = $1`, [clientId]);
    return n;
  }

  /** Calls from any of these numbers (digit strings), across clients (`tx` sees every client). */
  fromNumbers(tx: EntityManager, phones: string[]): Promise<{ id: string; client_id: string }[]> {
    if (!phones.length) return Promise.resolve([]);
    return tx.query(`SELECT id, client_id FROM calls WHERE ${digitsOf('caller_number')} = ANY($1::text[]) ORDER BY started_at`, [phones]);
  }

  async existingAmong(tx: EntityManager, clientId: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await tx.find(Call, { where: { clientId, id: In(ids) }, select: { id: true } });
    return rows.map((c) => c.id);
  }

  async setCallerNumber(tx: EntityManager, clientId: string, ids: string[], callerNumber: string): Promise<void> {
    if (ids.length) await tx.update(Call, { clientId, id: In(ids) }, { callerNumber });
  }

  byIds(tx: EntityManager, clientId: string, ids: string[]): Promise<Call[]> {
    if (!ids.length) return Promise.resolve([]);
    return tx.find(Call, { where: { clientId, id: In(ids) }, order: { startedAt: 'ASC' } });
  }
}
