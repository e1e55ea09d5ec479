import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditSegments, AuditService } from '#audit';
import { Clock } from '#clock';
import { TenantScope } from '#database';
import { ERASED_EMAIL_PREFIX, UserErasure } from '#identity';
import { CLIENT_CONTACT_RETENTION_MONTHS } from '../dsr/controller-data-operations';
import { addCalendarMonths } from '../shared/deadlines';

/** Rows deleted per transaction, so a large client's erasure never holds one huge transaction. */
const BATCH = 1000;

export interface RetentionReport {
  ranAt: string;
  /** Clients whose business contacts (and client users) were erased, 7 years after contract end. */
  clientContacts: { clientId: string; usersAnonymised: number }[];
  /** Caller data of terminated clients past their instructions' period. */
  callerData: { clientId: string; messages: number; calls: number; callsWaitingForRecordings: number }[];
  /** Audit sealed into a segment this run, and segments pruned past AUDIT_RETENTION_MONTHS. */
  audit: { sealed: { firstSeq: string; lastSeq: string; events: number } | null; pruned: { firstSeq: string; lastSeq: string; events: number }[] };
}

/**
 * Retention schedules (D12), run by the worker. Idempotent: what is gone stays gone and a second run
 * finds nothing. Each erasure is audited with counts and ids, never content.
 *
 * Recordings are not deleted here: the deliveries library deletes them at download or at the client's
 * maximum retention, and a call whose recording is still live waits for that.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: TenantScope,
    private readonly audit: AuditService,
    private readonly auditSegments: AuditSegments,
    private readonly clock: Clock,
    private readonly erasure: UserErasure,
  ) {}

  async sweep(): Promise<RetentionReport> {
    const now = this.clock.now();
    const clientContacts = await this.eraseClientContacts(now);
    const callerData = await this.eraseCallerData(now);
    const { sealed, pruned } = await this.auditSegments.retire(now);
    const span = (s: { firstSeq: string; lastSeq: string; events: number }) => ({ firstSeq: s.firstSeq, lastSeq: s.lastSeq, events: s.events });
    const report: RetentionReport = { ranAt: now.toISOString(), clientContacts, callerData, audit: { sealed: sealed && span(sealed), pruned: pruned.map(span) } };
    this.logger.log(`retention sweep: ${clientContacts.length} clients' contacts, ${callerData.length} clients' caller data, ${pruned.length} audit segments pruned`);
    return report;
  }

  /** Seed 001: business contact information is kept seven years after the contract ends, then erased. */
  private async eraseClientContacts(now: Date): Promise<RetentionReport['clientContacts']> {
    const cutoff = addCalendarMonths(now, -CLIENT_CONTACT_RETENTION_MONTHS);
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT c.id FROM clients c
        WHERE c.status = 'terminated' AND c.contract_ended_at IS NOT NULL AND c.contract_ended_at <= $1
          AND (c.contact_name IS NOT NULL OR c.contact_email IS NOT NULL OR c.contact_phone IS NOT NULL
               OR EXISTS (SELECT 1 FROM users u WHERE u.client_id = c.id AND u.email NOT LIKE '${ERASED_EMAIL_PREFIX}%'))
        ORDER BY c.contract_ended_at`,
      [cutoff],
    );
    const erased: RetentionReport['clientContacts'] = [];
    for (const { id } of due) {
      const usersAnonymised = await this.dataSource.transaction(async (tx) => {
        await tx.query(`UPDATE clients SET contact_name = NULL, contact_email = NULL, contact_phone = NULL, updated_at = now() WHERE id = $1`, [id]);
        const users: { id: string }[] = await tx.query(`SELECT id FROM users WHERE client_id = $1`, [id]);
        const anonymised = await this.erasure.anonymise(tx, users.map((u) => u.id), now);
        await this.event(tx, 'retention.client_contact.erase', id, 'controller', { usersAnonymised: anonymised.length });
        return anonymised.length;
      });
      erased.push({ clientId: id, usersAnonymised });
    }
    return erased;
  }

  /** Caller data of a terminated client is erased its instructions' callerDataRetentionDays after the contract ended. */
  private async eraseCallerData(now: Date): Promise<RetentionReport['callerData']> {
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT c.id FROM clients c
         JOIN LATERAL (SELECT p.caller_data_retention_days AS days FROM processing_instructions p
                        WHERE p.client_id = c.id ORDER BY p.version DESC LIMIT 1) i ON true
        WHERE c.status = 'terminated' AND c.contract_ended_at IS NOT NULL
          AND c.contract_ended_at + make_interval(days => i.days) <= $1
        ORDER BY c.contract_ended_at`,
      [now],
    );
    const results: RetentionReport['callerData'] = [];
    for (const { id } of due) {
      const messages = await this.inBatches(id, 'retention.caller_message.erase', (tx) =>
        tx.query(
          `WITH gone AS (DELETE FROM caller_messages WHERE id IN (SELECT id FROM caller_messages WHERE client_id = $1 LIMIT ${BATCH}) RETURNING id)
           SELECT count(*)::int AS n FROM gone`,
          [id],
        ),
      );
      const calls = await this.inBatches(id, 'retention.call.erase', (tx) =>
        tx.query(
          `WITH gone AS (DELETE FROM calls WHERE id IN (
              SELECT c.id FROM calls c WHERE c.client_id = $1
                 AND NOT EXISTS (SELECT 1 FROM recordings r WHERE r.call_id = c.id AND r.status <> 'deleted')
               LIMIT ${BATCH}) RETURNING id)
           SELECT count(*)::int AS n FROM gone`,
          [id],
        ),
      );
      const [{ n: waiting }] = await this.scope.run(id, (tx) => tx.query(`SELECT count(*)::int AS n FROM calls WHERE client_id = $1`, [id]));
      if (messages || calls || waiting) results.push({ clientId: id, messages, calls, callsWaitingForRecordings: waiting });
    }
    return results;
  }

  /** Runs `erase` in the client's tenant scope until it erases nothing; one audit event per batch, in its transaction. */
  private async inBatches(clientId: string, action: string, erase: (tx: EntityManager) => Promise<{ n: number }[]>): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.scope.run(clientId, async (tx) => {
        const [{ n: count }] = await erase(tx);
        if (count) await this.event(tx, action, clientId, 'processor', { count });
        return count;
      });
      total += n;
      if (n < BATCH) return total;
    }
  }

  private event(tx: EntityManager, action: string, clientId: string, dataRole: 'controller' | 'processor', details: Record<string, number>) {
    return this.audit.append(
      {
        actor: { id: null, role: 'system' },
        clientId,
        dataRole,
        purpose: 'legal_obligation',
        action,
        subject: { type: 'client', id: clientId },
        outcome: 'success',
        details,
      },
      tx,
    );
  }
}
