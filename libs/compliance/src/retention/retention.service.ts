import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditSegments, AuditService } from '#audit';
import { Clock } from '#clock';
import { CallerDataErasure } from '#calls';
import { ClientContacts, ClientsService } from '#clients';
import { UserRecords } from '#identity';
import { CLIENT_CONTACT_RETENTION_MONTHS } from '../dsr/controller-data-operations';
import { addCalendarMonths, DAY_MS } from '../rules/deadlines';

export interface RetentionReport {
  ranAt: string;
  /** Clients whose business contacts (and client users) were erased, 7 years after contract end. */
  clientContacts: { clientId: string; usersAnonymised: number }[];
  /** Caller data of terminated clients past their instructions' period. */
  callerData: { clientId: string; messages: number; calls: number; callsWaitingForRecordings: number }[];
  /** Caller data of active clients past their instructions' period: messages erased, calls anonymised (invoicing hold). */
  activeClients: { clientId: string; messages: number; callsAnonymised: number }[];
  /** Audit sealed into a segment this run, and segments pruned past AUDIT_RETENTION_MONTHS. */
  audit: { sealed: { firstSeq: string; lastSeq: string; events: number } | null; pruned: { firstSeq: string; lastSeq: string; events: number }[] };
}

/**
 * Retention schedules (D12), run by the worker. Idempotent: what is gone stays gone and a second run
 * finds nothing. Each erasure is audited with counts and ids, never content.
 *
 * Recordings are not deleted here: the deliveries library deletes them at download or at the client's
 * maximum retention, and a call whose recording is still live waits for that. Usage reports read the
 * usage ledger, which erasure never touches, so past reports stay as they were.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly auditSegments: AuditSegments,
    private readonly clock: Clock,
    private readonly clients: ClientsService,
    private readonly erasure: CallerDataErasure,
    private readonly contacts: ClientContacts,
    private readonly users: UserRecords,
  ) {}

  async sweep(): Promise<RetentionReport> {
    const now = this.clock.now();
    const clientContacts = await this.eraseClientContacts(now);
    const { callerData, activeClients } = await this.eraseCallerData(now);
    const { sealed, pruned } = await this.auditSegments.retire(now);
    const span = (s: { firstSeq: string; lastSeq: string; events: number }) => ({ firstSeq: s.firstSeq, lastSeq: s.lastSeq, events: s.events });
    const report: RetentionReport = { ranAt: now.toISOString(), clientContacts, callerData, activeClients, audit: { sealed: sealed && span(sealed), pruned: pruned.map(span) } };
    this.logger.log(
      `retention sweep: ${clientContacts.length} clients' contacts, ${callerData.length} ended clients' caller data, ${activeClients.length} active clients' caller data, ${pruned.length} audit segments pruned`,
    );
    return report;
  }

  /** Seed 001: business contact information is kept seven years after the contract ends, then erased. */
  private async eraseClientContacts(now: Date): Promise<RetentionReport['clientContacts']> {
    const cutoff = addCalendarMonths(now, -CLIENT_CONTACT_RETENTION_MONTHS);
    // Due: a contact still held, or a client user not anonymised yet (the clients and identity libraries each answer for their own).
    const ended = await this.contacts.endedBy(this.dataSource.manager, cutoff);
    const withAccounts = await this.users.clientsWithLiveAccounts(this.dataSource.manager, ended.map((c) => c.id));
    const due = ended.filter((c) => c.hasContact || withAccounts.has(c.id));
    const erased: RetentionReport['clientContacts'] = [];
    for (const { id } of due) {
      const usersAnonymised = await this.dataSource.transaction(async (tx) => {
        await this.contacts.erase(tx, id);
        const anonymised = await this.users.anonymiseClientUsers(tx, id, now);
        await this.event(tx, 'retention.client_contact.erase', id, 'controller', { usersAnonymised: anonymised });
        return anonymised;
      });
      erased.push({ clientId: id, usersAnonymised });
    }
    return erased;
  }

  /**
   * Caller data, by the client's current callerDataRetentionDays (its processing instructions), through
   * the calls library's erasure (one mechanism for retention and data subjects' erasure):
   * - a terminated client's: everything, that many days after the contract ended (a call whose
   *   recording is still live waits for it);
   * - an active client's: each message that many days after its delivery, or its creation when never
   *   delivered; then each call as old whose messages are gone, anonymised under the invoicing hold.
   */
  private async eraseCallerData(now: Date): Promise<Pick<RetentionReport, 'callerData' | 'activeClients'>> {
    const callerData: RetentionReport['callerData'] = [];
    const activeClients: RetentionReport['activeClients'] = [];
    for (const terms of await this.clients.callerDataRetentionTerms()) {
      const { clientId } = terms;
      const dueBy = new Date(now.getTime() - terms.callerDataRetentionDays * DAY_MS);
      if (terms.status === 'active') {
        const messages = await this.erasure.eraseMessagesDue(clientId, dueBy, 'active_client');
        const callsAnonymised = await this.erasure.anonymiseCallsDue(clientId, dueBy, 'active_client');
        if (messages || callsAnonymised) activeClients.push({ clientId, messages, callsAnonymised });
      } else if (terms.contractEndedAt && terms.contractEndedAt.getTime() <= dueBy.getTime()) {
        const messages = await this.erasure.eraseMessagesDue(clientId, null, 'contract_ended');
        const { erased: calls, waitingForRecordings } = await this.erasure.deleteCallsDue(clientId, 'contract_ended');
        if (messages || calls || waitingForRecordings) callerData.push({ clientId, messages, calls, callsWaitingForRecordings: waitingForRecordings });
      }
    }
    return { callerData, activeClients };
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
