import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '#audit';
import { TenantScope } from '#database';
import { CallerMessagesRepository } from './caller-messages.repository';
import { CallsRepository } from './calls.repository';

export { ERASED_CALLER_NUMBER } from './calls.repository';

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
    private readonly calls: CallsRepository,
    private readonly messages: CallerMessagesRepository,
  ) {}

  /** Deletes the client's messages with these ids; the ids actually deleted. */
  async deleteMessages(tx: EntityManager, clientId: string, ids: string[]): Promise<string[]> {
    return idsOf(await this.messages.delete(tx, clientId, ids));
  }

  /** Removes the caller's number and the external reference from the client's calls with these ids; the ids changed now. */
  async anonymiseCalls(tx: EntityManager, clientId: string, ids: string[]): Promise<string[]> {
    return idsOf(await this.calls.anonymise(tx, clientId, ids));
  }

  /** Messages due: counted from delivery or, never delivered, from creation, at or before `dueBy` (every message when null). */
  eraseMessagesDue(clientId: string, dueBy: Date | null, rule: ErasureRule): Promise<number> {
    return this.inBatches(clientId, 'retention.caller_message.erase', 'caller_message', rule, null, async (tx) => idsOf(await this.messages.deleteDue(tx, clientId, dueBy, BATCH)));
  }

  /** Calls created at or before `dueBy` whose messages are gone, kept under the invoicing hold without the caller's number. */
  anonymiseCallsDue(clientId: string, dueBy: Date, rule: ErasureRule): Promise<number> {
    return this.inBatches(clientId, 'retention.call.anonymise', 'call', rule, 'invoicing', async (tx) => {
      const due = idsOf(await this.calls.anonymisableBy(tx, clientId, dueBy, BATCH));
      return this.anonymiseCalls(tx, clientId, due);
    });
  }

  /** Every call of the client, once its messages are gone and its recording (if any) is deleted; the rest wait for their recordings. */
  async deleteCallsDue(clientId: string, rule: ErasureRule): Promise<{ erased: number; waitingForRecordings: number }> {
    const erased = await this.inBatches(clientId, 'retention.call.erase', 'call', rule, null, async (tx) => idsOf(await this.calls.deleteEmptied(tx, clientId, BATCH)));
    const waitingForRecordings = await this.scope.run(clientId, (tx) => this.calls.count(tx, clientId));
    return { erased, waitingForRecordings };
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

const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id);
