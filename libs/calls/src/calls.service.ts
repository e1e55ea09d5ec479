import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessPolicy, actorOf } from '#access';
import type { Principal } from '#access';
import { AuditService } from '#audit';
import { Clock } from '#clock';
import { AppConfig } from '#config';
import { RequiredWriteMissingError, TenantScope, WriteBatch } from '#database';
import { DomainError, NotFoundError } from '#errors';
import { billableMinutes, UsageLedger } from '#usage';
import type { UsageRecord } from '#usage';
import { NotificationsService } from '#notifications';
import { Call } from './call.entity';
import { callRecords } from './call-records.repository';
import type { MessageFilter } from './call-records.repository';
import { CallerDataOwners } from './caller-data-owners';
import { CallerMessage } from './caller-message.entity';
import { ConflictError, ForbiddenError, InvalidInputError } from './errors';
import { Recording } from './recording.entity';
import { validateCustomFields } from './intake-validation';
import { asMissing, DEFAULT_PAGE, isStaff, MAX_PAGE, newestFirst, readerScope, windowStart } from './reader-scope';

export interface NewCall {
  /** Required for agents; for an ingest key it may be left out, and must be the key's client if sent. */
  clientId?: string;
  /** The phone system's own id for the call: a repeat with the same reference answers the first call. */
  externalRef?: string;
  callerNumber: string;
  startedAt: Date;
  endedAt?: Date | null;
}

/** A create's answer: the call, and whether this request created it (201) or found it by its reference (200). */
export interface CallCreation {
  call: Call;
  created: boolean;
}

export interface NewMessage {
  callerName: string;
  callerPhone: string;
  callerEmail?: string | null;
  body: string;
  urgency?: 'normal' | 'urgent';
  callbackRequested?: boolean;
  /** Answers to the client's own intake fields; checked against its current instructions. */
  customFields?: unknown;
}

/** A correction: the fields given replace the saved ones; callerEmail null clears it. */
export type MessageCorrection = Partial<Omit<NewMessage, 'callerEmail'>> & { callerEmail?: string | null };

const CORRECTABLE = ['callerName', 'callerPhone', 'callerEmail', 'body', 'urgency', 'callbackRequested', 'customFields'] as const;

export interface ListQuery {
  clientId?: string;
  limit?: number;
  /** Id of the last item of the previous page. */
  before?: string;
}

/** The agent's corrected message: what it logged, as corrected; not the client's read, action or delivery state. */
export type CorrectedMessage = Pick<
  CallerMessage,
  'id' | 'clientId' | 'callId' | 'callerName' | 'callerPhone' | 'callerEmail' | 'body' | 'urgency' | 'callbackRequested' | 'customFields' | 'instructionsVersion' | 'createdAt' | 'correctedAt'
>;

const correctedView = (m: CallerMessage): CorrectedMessage => ({
  id: m.id,
  clientId: m.clientId,
  callId: m.callId,
  callerName: m.callerName,
  callerPhone: m.callerPhone,
  callerEmail: m.callerEmail,
  body: m.body,
  urgency: m.urgency,
  callbackRequested: m.callbackRequested,
  customFields: m.customFields,
  instructionsVersion: m.instructionsVersion,
  createdAt: m.createdAt,
  correctedAt: m.correctedAt,
});

/**
 * Capture: agents log calls and the caller's messages for the clients they serve; the phone system
 * creates calls with its ingest key, by its own call id, and agents attach messages to them. Every write and
 * read runs in the owning client's tenant scope, is decided by the access policy and is audited (ids
 * and the instructions version only). Agents read back their own work within the working window.
 */
@Injectable()
export class CallsService {
  constructor(
    private readonly scope: TenantScope,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly owners: CallerDataOwners,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly ledger: UsageLedger,
    private readonly notifications: NotificationsService,
  ) {}

  async createCall(principal: Principal, input: NewCall): Promise<CallCreation> {
    const clientId = this.clientOf(principal, input.clientId);
    if (input.endedAt && input.endedAt.getTime() < input.startedAt.getTime()) throw new InvalidInputError('endedAt must not be before startedAt');
    const now = this.clock.now();
    const made = await this.scope.run(clientId, async (tx) => {
      const { instructions } = await this.policy.authorize(principal, this.request('call.create', clientId), tx);
      const call = tx.create(Call, {
        id: randomUUID(),
        clientId,
        agentId: principal.kind === 'user' ? principal.id : null,
        ingestKeyId: principal.kind === 'ingest_key' ? principal.id : null,
        externalRef: input.externalRef ?? null,
        callerNumber: input.callerNumber,
        startedAt: input.startedAt,
        endedAt: input.endedAt ?? null,
        instructionsVersion: instructions.version,
        createdAt: now,
      });
      const created = input.externalRef ? await callRecords.insertUnlessKnown(tx, call) : await callRecords.insertCall(tx, call).then(() => true);
      if (created) {
        await this.ledger.record(tx, usageOfCall(call));
        await this.audit.append(this.event(principal, clientId, 'call.create', { type: 'call', id: call.id }, { instructionsVersion: instructions.version }), tx);
        return { call, created: true };
      }
      return { call: await this.repeatedCreate(principal, tx, clientId, input, now, instructions.version), created: false };
    });
    this.owners.ownerIs('call', made.call.id, clientId); // its messages follow, usually at once
    return made;
  }

  /**
   * A create whose external reference the client already has (a retry, or the other side of the call
   * creating it first): answers that call. An end time the call lacks is taken (the call ended);
   * nothing else of the first call changes.
   */
  private async repeatedCreate(principal: Principal, tx: EntityManager, clientId: string, input: NewCall, now: Date, version: number): Promise<Call> {
    const existing = await callRecords.byExternalRef(tx, clientId, input.externalRef!);
    if (!existing) throw new Error('a call with this external reference conflicted but cannot be found');
    if (isStaff(principal) && !this.reachable(principal, existing, now)) throw new ConflictError('Another call already has this externalRef', 'external_ref_taken');
    if (input.endedAt && !existing.endedAt) {
      if (input.endedAt.getTime() < existing.startedAt.getTime()) throw new InvalidInputError("endedAt must not be before the call's startedAt");
      if (await callRecords.endIfOpen(tx, clientId, existing.id, input.endedAt)) {
        existing.endedAt = input.endedAt;
        await this.ledger.record(tx, usageOfCall(existing));
        await this.audit.append(this.event(principal, clientId, 'call.end', { type: 'call', id: existing.id }, { instructionsVersion: version }), tx);
      }
    }
    await this.audit.append(this.event(principal, clientId, 'call.read', { type: 'call', id: existing.id }, { via: 'external_ref', instructionsVersion: version }), tx);
    return existing;
  }

  /** `GET /calls?externalRef=`: the client's call with the phone system's reference (none or one); audited. */
  async findByExternalRef(principal: Principal, query: { clientId?: string; externalRef: string }): Promise<Call[]> {
    const clientId = this.clientOf(principal, query.clientId);
    const now = this.clock.now();
    return this.scope.run(clientId, async (tx) => {
      const { instructions } = await this.policy.authorize(principal, this.request('call.read', clientId), tx);
      const call = await callRecords.byExternalRef(tx, clientId, query.externalRef);
      if (!call || (isStaff(principal) && !this.reachable(principal, call, now))) return [];
      await this.audit.append(this.event(principal, clientId, 'call.read', { type: 'call', id: call.id }, { via: 'external_ref', instructionsVersion: instructions.version }), tx);
      return [call];
    });
  }

  /**
   * The client a capture request is for. An ingest key acts for its own client only: a different
   * clientId is refused (403, audited by nobody else since nothing was touched). Agents name the client.
   */
  private clientOf(principal: Principal, requested: string | undefined): string {
    if (principal.kind === 'ingest_key') {
      if (requested && requested !== principal.clientId) throw new ForbiddenError("clientId does not match the ingest key's client", 'client_mismatch');
      return principal.clientId;
    }
    if (!requested) throw new InvalidInputError('clientId is required');
    return requested;
  }

  /**
   * Staff reach a call within their working window when they logged it, or when the phone system
   * created it (the agent answering it attaches the caller's message); assignment rules are the policy's.
   */
  private reachable(principal: Principal, call: Call, now: Date): boolean {
    const own = call.agentId === principal.id || call.agentId === null;
    return own && call.createdAt.getTime() >= windowStart(now, this.config.agentWindowHours).getTime();
  }

  async addMessage(principal: Principal, callId: string, input: NewMessage): Promise<CallerMessage> {
    const now = this.clock.now();
    const id = randomUUID();
    try {
      return await this.logMessage(principal, callId, input, now, id, true);
    } catch (error) {
      if (!(error instanceof RequiredWriteMissingError)) throw error;
      // The client's notice closed while the message was on its way: nothing was written; again, the usual way.
      return this.logMessage(principal, callId, input, now, id, false);
    }
  }

  /**
   * `quick`: when the notice it joins is known open, the message commits with its write batch (one
   * round trip less); otherwise the notice step follows the batch in the same transaction.
   */
  private logMessage(principal: Principal, callId: string, input: NewMessage, now: Date, id: string, quick: boolean): Promise<CallerMessage> {
    const asked = (clientId: string) => this.request('message.create', clientId, { type: 'call', id: callId });
    const also = (tx: EntityManager, clientId: string) => ({ call: callRecords.byIdPart(tx, clientId, callId) });
    // With the call's client known, the policy's facts go out with the transaction's begin.
    const ahead = (clientId: string, manager: EntityManager) => [this.policy.factsAhead(principal, asked(clientId), also(manager, clientId))];
    return this.owners.inScopeOfOwner('call', callId, async (tx, clientId) => {
      // The call is read with the policy's facts (one round trip), and used only once access is granted.
      const { instructions, also: read } = await this.policy.authorize(principal, asked(clientId), tx, also(tx, clientId)).catch(asMissing('Call'));
      const call = callRecords.fromJson(tx, read?.call);
      await this.ownCallInWindow(principal, clientId, callId, now, 'message.create', tx, { phoneSystemCalls: true, call });
      const customFields = validateCustomFields(instructions.intakeFields ?? [], input.customFields);
      const message: CallerMessage = Object.assign(new CallerMessage(), {
        id,
        clientId,
        callId,
        agentId: principal.id,
        callerName: input.callerName,
        callerPhone: input.callerPhone,
        callerEmail: input.callerEmail ?? null,
        body: input.body,
        urgency: input.urgency ?? 'normal',
        callbackRequested: input.callbackRequested ?? false,
        customFields,
        instructionsVersion: instructions.version,
        deliveryId: null,
        deliveredAt: null,
        readAt: null,
        readBy: null,
        actionedAt: null,
        actionedBy: null,
        createdAt: now,
        correctedAt: null,
      });
      // The message, its usage row, its audit event and (usually) its notice in one statement.
      const notice = { clientId, messageId: message.id, urgent: message.urgency === 'urgent' };
      const batch = new WriteBatch();
      callRecords.insertMessageIn(batch, message);
      this.ledger.recordNewIn(batch, [{ clientId, kind: 'message', occurredAt: now, sourceId: message.id }]);
      this.audit.appendIn(batch, this.event(principal, clientId, 'message.create', { type: 'message', id: message.id }, { callId, instructionsVersion: instructions.version }), tx);
      if (quick && this.notifications.messageJoinsIn(batch, notice)) {
        await batch.runAndCommit(tx).catch((error: unknown) => {
          if (error instanceof RequiredWriteMissingError) this.notifications.messageJoinMissed(clientId);
          throw error;
        });
        return message;
      }
      this.notifications.messageLoggedIn(batch, notice);
      await this.notifications.messageLoggedAfter(tx, await batch.run(tx), notice);
      return message;
    }, ahead);
  }

  /**
   * The agent who logged a message corrects it, within its working window and before the message
   * was delivered. Custom fields are checked against the instructions the message was taken under
   * when they are still current, else the current ones. The audit event names the fields changed,
   * never their values.
   */
  async correctMessage(principal: Principal, messageId: string, changes: MessageCorrection): Promise<CorrectedMessage> {
    const fields = CORRECTABLE.filter((f) => changes[f] !== undefined);
    if (!fields.length) throw new InvalidInputError(`Nothing to correct: give one of ${CORRECTABLE.join(', ')}`);
    const now = this.clock.now();
    return this.owners.inScopeOfOwner('message', messageId, async (tx, clientId) => {
      const subject = { type: 'message', id: messageId };
      const { instructions } = await this.policy.authorize(principal, this.request('message.correct', clientId, subject), tx).catch(asMissing('Message'));
      const message = await callRecords.lockMessage(tx, messageId);
      if (!message) throw new NotFoundError('Message');
      const reason =
        message.agentId !== principal.id
          ? 'not_own_message'
          : message.createdAt.getTime() < windowStart(now, this.config.agentWindowHours).getTime()
            ? 'outside_working_window'
            : message.deliveryId
              ? 'already_delivered'
              : null;
      if (reason) {
        // Recorded in its own transaction: the caller's rolls back with the refusal.
        await this.audit.append({ ...this.event(principal, clientId, 'message.correct', subject, { reason }), outcome: 'denied' });
        if (reason === 'already_delivered') throw new ConflictError('The message was already delivered to the client and can no longer be corrected', 'message_delivered');
        throw new NotFoundError('Message');
      }
      const { customFields, ...rest } = changes;
      Object.assign(message, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
      if (customFields !== undefined) message.customFields = validateCustomFields(instructions.intakeFields ?? [], customFields);
      message.correctedAt = now;
      await callRecords.saveMessage(tx, message);
      await this.audit.append(
        this.event(principal, clientId, 'message.correct', subject, { fields: fields.join(','), instructionsVersion: instructions.version }),
        tx,
      );
      return correctedView(message);
    });
  }

  /**
   * Newest first. A client user gets all of its client's messages; an agent (or supervisor) only the
   * ones it logged within the working window, across the clients it logged them for.
   */
  async listMessages(principal: Principal, query: ListQuery & MessageFilter): Promise<CallerMessage[]> {
    const now = this.clock.now();
    const limit = Math.min(Math.max(query.limit ?? DEFAULT_PAGE, 1), MAX_PAGE);
    const reader = await readerScope(principal, query.clientId, { now, hours: this.config.agentWindowHours }, (a, s) => this.owners.agentClients(a, s));
    const before = query.before ? await this.cursor(principal, query.before, reader.clientIds, reader.agent) : undefined;

    const found: { clientId: string; version: number; rows: CallerMessage[] }[] = [];
    for (const clientId of reader.clientIds) {
      const page = await this.scope.run(clientId, async (tx) => {
        const grant = await this.authorizeRead(principal, clientId, 'message.read', tx, Boolean(reader.agent));
        if (!grant) return null;
        const rows = await callRecords.messagePage(tx, clientId, { limit, agent: reader.agent, before, filter: query });
        const withheld = await this.policy.withheld(this.request('message.read', clientId), rows.map((m) => ({ type: 'message', id: m.id })), tx);
        return { clientId, version: grant.instructions.version, rows: rows.filter((m) => !withheld.has(m.id)) };
      });
      if (page) found.push(page);
    }
    const chosen = found.flatMap((p) => p.rows).sort(newestFirst).slice(0, limit);
    await this.auditList(principal, 'message', found, chosen);
    return chosen;
  }

  /**
   * The call must be this agent's, logged within its working window (with `phoneSystemCalls`, a call
   * the phone system created within the window also passes); ingest keys and client users pass.
   */
  async ownCallInWindow(
    principal: Principal,
    clientId: string,
    callId: string,
    now: Date,
    action: string,
    tx: EntityManager,
    options: { phoneSystemCalls?: boolean; call?: Call | null } = {},
  ): Promise<Call> {
    const call = options.call !== undefined ? options.call : await callRecords.byId(tx, clientId, callId);
    if (!call) throw new NotFoundError('Call');
    if (!isStaff(principal)) return call;
    const ours = call.agentId === principal.id || (options.phoneSystemCalls && call.agentId === null);
    const reason = !ours ? 'not_own_call' : call.createdAt.getTime() < windowStart(now, this.config.agentWindowHours).getTime() ? 'outside_working_window' : null;
    if (!reason) return call;
    // Recorded in its own transaction: the caller's rolls back with the refusal.
    await this.audit.append({ ...this.event(principal, clientId, action, { type: 'call', id: callId }, { reason }), outcome: 'denied' });
    throw new NotFoundError('Call');
  }

  /** The access decision for one client of a list; for agents, a client it no longer serves is skipped (the refusal is audited). */
  async authorizeRead(principal: Principal, clientId: string, action: string, tx: EntityManager, skipRefused: boolean, content = true) {
    try {
      return await this.policy.authorize(principal, { ...this.request(action, clientId), content }, tx);
    } catch (error) {
      if (skipRefused && error instanceof DomainError) return null;
      throw error;
    }
  }

  /** One list event per client involved (or one without a client when there was none), then one read event per item returned. */
  async auditList<T extends { id: string; clientId: string }>(
    principal: Principal,
    kind: 'message' | 'recording',
    pages: { clientId: string; version: number; rows: T[] }[],
    chosen: T[],
  ): Promise<void> {
    if (!pages.length) {
      await this.audit.append(this.event(principal, null, `${kind}.list`, undefined, { count: 0 }));
      return;
    }
    for (const page of pages) {
      const items = chosen.filter((item) => item.clientId === page.clientId);
      await this.scope.run(page.clientId, async (tx) => {
        await this.audit.append(this.event(principal, page.clientId, `${kind}.list`, undefined, { count: items.length, instructionsVersion: page.version }), tx);
        for (const item of items) {
          await this.audit.append(this.event(principal, page.clientId, `${kind}.read`, { type: kind, id: item.id }, { instructionsVersion: page.version, via: 'list' }), tx);
        }
      });
    }
  }

  /** The keyset position of `before`: an item the reader may see (else 400: the cursor is not one of its items). */
  private async cursor(principal: Principal, id: string, clientIds: string[], agent?: { id: string; since: Date }) {
    const clientId = await this.owners.ownerOf('message', id);
    const row =
      clientId && clientIds.includes(clientId)
        ? await this.scope.run(clientId, (tx) => callRecords.messagePosition(tx, id))
        : null;
    if (!row || (agent && (row.agentId !== agent.id || row.createdAt < agent.since))) throw new InvalidInputError('before is not a message of this list');
    return { createdAt: row.createdAt, id: row.id };
  }

  private request(action: string, clientId: string, subject?: { type: string; id: string }) {
    // The records the action touches; their entity's declaration gives the data role and purposes.
    const data = action.startsWith('call.') ? Call : action.startsWith('recording.') ? Recording : CallerMessage;
    return { action, clientId, data, purpose: 'service_delivery' as const, content: true, subject };
  }

  private event(
    principal: Principal,
    clientId: string | null,
    action: string,
    subject: { type: string; id: string } | undefined,
    details: Record<string, string | number | boolean | null>,
  ) {
    return {
      actor: actorOf(principal),
      clientId,
      dataRole: 'processor' as const,
      purpose: 'service_delivery' as const,
      action,
      subject,
      outcome: 'success' as const,
      details,
    };
  }
}

/** What a call counts in the usage ledger: the call itself and, once it has ended, its billable minutes (both on the day it started). */
function usageOfCall(call: Call): UsageRecord[] {
  const base = { clientId: call.clientId, occurredAt: call.startedAt, sourceId: call.id };
  return [{ ...base, kind: 'call' }, ...(call.endedAt ? [{ ...base, kind: 'call_minutes' as const, quantity: billableMinutes(call.startedAt, call.endedAt) }] : [])];
}
