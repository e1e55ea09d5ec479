import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { matchedFields, PersonSearchKeys } from '#database';
import type { Call } from './call.entity';
import { CallerDataErasure } from './caller-data-erasure';
import type { CallerMessage } from './caller-message.entity';
import { CallerMessagesRepository } from './caller-messages.repository';
import type { CallerMessageChanges } from './caller-messages.repository';
import { CallsRepository } from './calls.repository';
import type { Recording } from './recording.entity';
import { RecordingDisposal } from './recording-disposal';
import { RecordingsRepository } from './recordings.repository';

/** One caller record found for a person, and which of the person's identifiers it matched on. */
export interface CallerRecordMatch {
  kind: 'call' | 'caller_message' | 'recording';
  id: string;
  matchedOn: ('name' | 'email' | 'phone' | 'call')[];
}

/** Ids of one client's caller records, by kind. */
export interface CallerRecordIds {
  callIds: string[];
  messageIds: string[];
  recordingIds: string[];
}

/** What an erasure did: the ids found of each kind, and the stored objects to remove after the commit. */
export interface CallerRecordsErased {
  recordings: string[];
  messages: string[];
  calls: string[];
  objectKeys: string[];
}

/**
 * What the compliance library needs of one person's caller records (data subjects' requests, marketing
 * permission), so it never reads or writes the calls library's tables. Every method runs in the
 * caller's transaction: in the client's tenant scope, or across clients where it says so.
 */
@Injectable()
export class CallerDataSubjects {
  constructor(
    private readonly calls: CallsRepository,
    private readonly messages: CallerMessagesRepository,
    private readonly recordings: RecordingsRepository,
    private readonly erasure: CallerDataErasure,
    private readonly disposal: RecordingDisposal,
  ) {}

  /**
   * Every client's caller records matching the person, grouped by the client that controls them:
   * calls from the person's number, messages by e-mail, phone, name (alone only when nothing else was
   * given) or logged on such a call, and those calls' recordings. `tx` must see across clients.
   */
  async matchesByClient(tx: EntityManager, keys: PersonSearchKeys): Promise<Map<string, CallerRecordMatch[]>> {
    const byClient = new Map<string, CallerRecordMatch[]>();
    const add = (clientId: string, match: CallerRecordMatch) => byClient.set(clientId, [...(byClient.get(clientId) ?? []), match]);
    const calls = await this.calls.fromNumbers(tx, keys.phones);
    for (const call of calls) add(call.client_id, { kind: 'call', id: call.id, matchedOn: ['phone'] });
    const callIds = calls.map((c) => c.id);
    for (const m of await this.messages.matching(tx, keys, callIds)) {
      add(m.client_id, { kind: 'caller_message', id: m.id, matchedOn: [...matchedFields(m), ...(m.on_call ? (['call'] as const) : [])] });
    }
    for (const r of await this.recordings.ofCalls(tx, callIds)) add(r.client_id, { kind: 'recording', id: r.id, matchedOn: ['call'] });
    return byClient;
  }

  /**
   * Recordings crypto-shredded and marked deleted, messages deleted, calls kept without the caller's
   * number (their time and duration invoice and evidence the service).
   */
  async erase(tx: EntityManager, clientId: string, ids: CallerRecordIds, at: Date): Promise<CallerRecordsErased> {
    const { found, objectKeys } = await this.disposal.eraseNow(tx, clientId, ids.recordingIds, at);
    const messages = await this.erasure.deleteMessages(tx, clientId, ids.messageIds);
    const calls = await this.calls.existingAmong(tx, clientId, ids.callIds);
    await this.erasure.anonymiseCalls(tx, clientId, calls);
    return { recordings: found, messages, calls, objectKeys };
  }

  /** Corrects the caller's details on the messages (and the number on the calls); the ids found of each. */
  async rectify(tx: EntityManager, clientId: string, ids: Pick<CallerRecordIds, 'messageIds' | 'callIds'>, values: { name?: string; phone?: string; email?: string }) {
    const changes: CallerMessageChanges = {
      ...(values.name !== undefined ? { callerName: values.name } : {}),
      ...(values.phone !== undefined ? { callerPhone: values.phone } : {}),
      ...(values.email !== undefined ? { callerEmail: values.email } : {}),
    };
    const messages = await this.messages.existingAmong(tx, clientId, ids.messageIds);
    await this.messages.update(tx, clientId, messages, changes);
    const calls = await this.calls.existingAmong(tx, clientId, ids.callIds);
    if (values.phone !== undefined) await this.calls.setCallerNumber(tx, clientId, calls, values.phone);
    return { messages, calls, messagesChanged: Object.keys(changes).length > 0, callsChanged: values.phone !== undefined };
  }

  /** The records themselves, for the client's export to the person. */
  async records(tx: EntityManager, clientId: string, ids: CallerRecordIds): Promise<{ messages: CallerMessage[]; calls: Call[]; recordings: Recording[] }> {
    return {
      messages: await this.messages.byIds(tx, clientId, ids.messageIds),
      calls: await this.calls.byIds(tx, clientId, ids.callIds),
      recordings: await this.recordings.byIds(tx, clientId, ids.recordingIds),
    };
  }

  /** Of these, what a delivery can still carry: messages that exist, recordings still stored. */
  async deliverable(tx: EntityManager, clientId: string, ids: Pick<CallerRecordIds, 'messageIds' | 'recordingIds'>): Promise<{ messageIds: string[]; recordingIds: string[] }> {
    return { messageIds: await this.messages.existingAmong(tx, clientId, ids.messageIds), recordingIds: await this.recordings.storedAmong(tx, clientId, ids.recordingIds) };
  }

  /** Of these ids, the client's messages. */
  messagesAmong(tx: EntityManager, clientId: string, ids: string[]): Promise<string[]> {
    return this.messages.existingAmong(tx, clientId, ids);
  }

  /** The callers' contact details on these messages, to check or use their marketing permission. */
  callerContacts(tx: EntityManager, clientId: string, messageIds: string[]) {
    return this.messages.callerContacts(tx, clientId, messageIds);
  }
}
