import { Injectable } from '@nestjs/common';
import { AccessPolicy, actorOf } from '#access';
import type { Principal } from '#access';
import { AuditService } from '#audit';
import { Clock } from '#clock';
import { AppConfig } from '#config';
import { TenantScope } from '#database';
import { NotFoundError } from '#errors';
import { CallerDataOwners } from './caller-data-owners';
import type { ListQuery } from './calls.service';
import { CallsService } from './calls.service';
import { InvalidInputError } from './errors';
import { Recording } from './recording.entity';
import { RecordingReader, RecordingsRepository } from './recordings.repository';
import { asMissing, DEFAULT_PAGE, isStaff, MAX_PAGE, newestFirst, readerScope, windowStart } from './reader-scope';

/** What any reader sees of a recording: metadata only, never audio, storage key or key ids. */
export interface RecordingView {
  id: string;
  callId: string;
  clientId: string;
  status: Recording['status'];
  contentType: string;
  size: number | null;
  sha256: string | null;
  createdAt: Date;
  storedAt: Date | null;
  retainUntil: Date | null;
  deliveredAt: Date | null;
  deletedAt: Date | null;
}

export const recordingView = (r: Recording): RecordingView => ({
  id: r.id,
  callId: r.callId,
  clientId: r.clientId,
  status: r.status,
  contentType: r.contentType,
  size: r.size,
  sha256: r.sha256,
  createdAt: r.createdAt,
  storedAt: r.storedAt,
  retainUntil: r.retainUntil,
  deliveredAt: r.deliveredAt,
  deletedAt: r.deletedAt,
});

/**
 * Recording metadata for readers: a client user reads all of its own; an agent (or supervisor) the
 * recordings of calls it logged within the working window; an admin names the client (metadata is
 * not caller content, so the policy lets it). Every read is audited.
 */
@Injectable()
export class RecordingsService {
  constructor(
    private readonly scope: TenantScope,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly owners: CallerDataOwners,
    private readonly calls: CallsService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly recordings: RecordingsRepository,
  ) {}

  async list(principal: Principal, query: ListQuery): Promise<RecordingView[]> {
    const now = this.clock.now();
    const limit = Math.min(Math.max(query.limit ?? DEFAULT_PAGE, 1), MAX_PAGE);
    const reader = await readerScope(principal, query.clientId, { now, hours: this.config.agentWindowHours }, (a, s) => this.owners.agentClients(a, s));
    const before = query.before ? await this.cursor(principal, query.before, reader.clientIds) : undefined;

    const found: { clientId: string; version: number; rows: Recording[] }[] = [];
    for (const clientId of reader.clientIds) {
      const page = await this.scope.run(clientId, async (tx) => {
        const grant = await this.calls.authorizeRead(principal, clientId, 'recording.read', tx, Boolean(reader.agent), false);
        if (!grant) return null;
        const rows = await this.recordings.visiblePage(tx, this.reader(principal, now), clientId, limit, before);
        const request = { action: 'recording.read', clientId, data: Recording, purpose: 'service_delivery' as const, content: false };
        const withheld = await this.policy.withheld(request, rows.map((r) => ({ type: 'recording', id: r.id })), tx);
        return { clientId, version: grant.instructions.version, rows: rows.filter((r) => !withheld.has(r.id)) };
      });
      if (page) found.push(page);
    }
    const chosen = found.flatMap((p) => p.rows).sort(newestFirst).slice(0, limit);
    await this.calls.auditList(principal, 'recording', found, chosen);
    return chosen.map(recordingView);
  }

  async get(principal: Principal, recordingId: string): Promise<RecordingView> {
    const clientId = await this.owners.ownerOf('recording', recordingId);
    if (!clientId) throw new NotFoundError('Recording');
    const now = this.clock.now();
    const subject = { type: 'recording', id: recordingId };
    const found = await this.scope.run(clientId, async (tx) => {
      const { instructions } = await this.policy
        .authorize(principal, { action: 'recording.read', clientId, data: Recording, purpose: 'service_delivery', content: false, subject }, tx)
        .catch(asMissing('Recording'));
      const row = await this.recordings.visibleOne(tx, this.reader(principal, now), recordingId);
      if (!row) return { denied: true as const };
      await this.audit.append(
        { actor: actorOf(principal), clientId, dataRole: 'processor', purpose: 'service_delivery', action: 'recording.read', subject, outcome: 'success', details: { instructionsVersion: instructions.version } },
        tx,
      );
      return { row };
    });
    if ('denied' in found) {
      const reason = isStaff(principal) ? 'not_own_or_outside_working_window' : 'not_visible';
      await this.audit.append({ actor: actorOf(principal), clientId, dataRole: 'processor', purpose: 'service_delivery', action: 'recording.read', subject, outcome: 'denied', details: { reason } });
      throw new NotFoundError('Recording');
    }
    return recordingView(found.row);
  }

  /** Recordings this principal may see in the current tenant scope: all of them, or for staff those of its own calls within the window. */
  private reader(principal: Principal, now: Date): RecordingReader {
    return isStaff(principal) ? { agentId: principal.id, since: windowStart(now, this.config.agentWindowHours) } : null;
  }

  private async cursor(principal: Principal, id: string, clientIds: string[]) {
    const clientId = await this.owners.ownerOf('recording', id);
    const row =
      clientId && clientIds.includes(clientId)
        ? await this.scope.run(clientId, (tx) => this.recordings.visibleOne(tx, this.reader(principal, this.clock.now()), id))
        : null;
    if (!row) throw new InvalidInputError('before is not a recording of this list');
    return { createdAt: row.createdAt, id: row.id };
  }
}
