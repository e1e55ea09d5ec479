import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '#access';
import type { AccessRequest } from '#access';
import { DeliverableCallerData, RecordingVault } from '#calls';
import type { MessageToDeliver } from '#calls';
import { TenantScope } from '#database';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveredMessage, Manifest, ManifestFile, messagesCsv, messagesJson, recordingFileName } from './delivery-archive';
import { Delivery } from './delivery.entity';
import { Sha256Meter } from './streams';
import { zipLength, ZipEntrySpec } from './zip-format';

const MESSAGE_PAGE = 200;
const FIRST = { createdAt: new Date(0), id: '00000000-0000-0000-0000-000000000000' };

export interface PlannedEntry {
  spec: ZipEntrySpec;
  /** The entry's bytes, checked on the way against the size and SHA-256 the plan promised. */
  open(): Promise<Readable>;
}

/** Everything a download sends, decided before its first byte. */
export interface ArchivePlan {
  delivery: Delivery;
  entries: PlannedEntry[];
  /** The archive's exact length: the Content-Length. */
  length: number;
  archived: string[];
  omitted: string[];
  withheld: string[];
  recordingsArchived: number;
  messagesArchived: number;
}

/**
 * Plans a delivery's archive so that every attempt sends the same bytes: fixed entry order (recordings
 * by call start then id, messages.json, messages.csv, manifest.json), every timestamp the delivery's
 * creation, stored entries of known size. What the access policy withholds for a data subject's
 * restriction or objection (the same answer GET /messages and GET /recordings get) is left out and
 * listed in the manifest by id. The messages files are generated twice, once here to learn their
 * size and SHA-256 and once while streaming, checked against the first; a message changed in between
 * fails the transfer rather than sending something other than the manifest says.
 */
@Injectable()
export class DeliveryPlanner {
  constructor(
    private readonly scope: TenantScope,
    private readonly policy: AccessPolicy,
    private readonly callerData: DeliverableCallerData,
    private readonly vault: RecordingVault,
    private readonly deliveries: DeliveriesRepository,
  ) {}

  async plan(clientId: string, deliveryId: string): Promise<ArchivePlan> {
    const { delivery, recordings, recordingIds, messageIds, withheld } = await this.scope.run(clientId, async (tx) => {
      const delivery = await this.deliveries.ofClientOrFail(tx, clientId, deliveryId);
      const items = await this.deliveries.items(tx, clientId, deliveryId);
      const withheld = await this.withheld(clientId, items, tx);
      const wanted = (kind: string) => items.filter((i) => i.kind === kind && !withheld.has(i.itemId)).map((i) => i.itemId);
      const recordingIds = wanted('recording');
      const recordings = await this.callerData.recordings(tx, clientId, recordingIds);
      return { delivery, recordings, recordingIds, messageIds: wanted('message'), withheld: items.filter((i) => withheld.has(i.itemId)) };
    });
    const at = delivery.createdAt;

    const taken = new Set<string>();
    const fileOfCall = new Map<string, string>();
    const files: ManifestFile[] = [];
    const entries: PlannedEntry[] = [];
    const archivedRecordings: string[] = [];
    const found = new Set(recordings.map((r) => r.id));
    const omitted: Manifest['omitted'] = [];
    for (const r of recordings) {
      const deliverable = (r.status === 'stored' || r.status === 'delivered') && r.dataKeyId && r.size !== null && r.sha256 !== null;
      if (!deliverable) {
        omitted.push({ recordingId: r.id, reason: 'no_longer_stored' });
        continue;
      }
      const name = recordingFileName(r.startedAt, r.id, r.contentType, taken);
      fileOfCall.set(r.callId, name);
      files.push({ name, size: r.size!, sha256: r.sha256!, recordingId: r.id, callId: r.callId });
      archivedRecordings.push(r.id);
      // openPlaintext decrypts and verifies against ingest's size and SHA-256 (those the manifest states).
      entries.push({ spec: { name, size: r.size!, date: r.startedAt ?? at }, open: () => this.vault.openPlaintext(clientId, r.id) });
    }
    // Chosen but gone altogether (erased): omitted too, in a fixed order.
    for (const id of recordingIds.filter((i) => !found.has(i)).sort()) omitted.push({ recordingId: id, reason: 'no_longer_stored' });

    const pages = () => this.messagePages(clientId, messageIds, fileOfCall);
    const present: string[] = [];
    const json = await measure(messagesJson(delivery.id, this.tap(pages(), present)));
    const csv = await measure(messagesCsv(pages()));
    files.push({ name: 'messages.json', ...json }, { name: 'messages.csv', ...csv });
    entries.push(
      { spec: { name: 'messages.json', size: json.size, date: at }, open: async () => verified(Readable.from(messagesJson(delivery.id, pages())), json) },
      { spec: { name: 'messages.csv', size: csv.size, date: at }, open: async () => verified(Readable.from(messagesCsv(pages())), csv) },
    );

    const manifest: Manifest = {
      format: 'callvault-delivery-2',
      deliveryId: delivery.id,
      createdAt: at.toISOString(),
      files,
      omitted,
      withheld: withheld.map((w) => ({ type: w.kind, id: w.itemId, reason: 'processing_restricted' as const })).sort((x, y) => (x.type + x.id).localeCompare(y.type + y.id)),
    };
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    entries.push({ spec: { name: 'manifest.json', size: manifestBytes.length, date: at }, open: async () => Readable.from([manifestBytes]) });

    return {
      delivery,
      entries,
      length: zipLength(entries.map((e) => e.spec)),
      archived: [...archivedRecordings, ...present],
      omitted: omitted.map((o) => o.recordingId),
      withheld: withheld.map((w) => w.itemId),
      recordingsArchived: archivedRecordings.length,
      messagesArchived: present.length,
    };
  }

  /** What the policy withholds among these items (restrictions and objections to service delivery). */
  async withheld(clientId: string, items: { kind: string; itemId: string }[], tx: Parameters<AccessPolicy['withheld']>[2]): Promise<Set<string>> {
    const request: AccessRequest = { action: 'delivery.download', clientId, data: Delivery, purpose: 'service_delivery', content: true };
    return this.policy.withheld(request, items.map((i) => ({ type: i.kind, id: i.itemId })), tx);
  }

  /** The messages, oldest first, a page (and a short transaction) at a time. */
  private async *messagePages(clientId: string, ids: string[], fileOfCall: Map<string, string>): AsyncGenerator<DeliveredMessage[]> {
    let after = FIRST;
    for (;;) {
      const rows = await this.scope.run(clientId, (tx) => this.callerData.messagePage(tx, clientId, ids, after, MESSAGE_PAGE));
      yield rows.map((m) => delivered(m, fileOfCall));
      if (rows.length < MESSAGE_PAGE) return;
      after = { createdAt: rows[rows.length - 1].createdAt, id: rows[rows.length - 1].id };
    }
  }

  private async *tap(pages: AsyncIterable<DeliveredMessage[]>, ids: string[]): AsyncGenerator<DeliveredMessage[]> {
    for await (const page of pages) {
      for (const m of page) ids.push(m.id);
      yield page;
    }
  }
}

const delivered = (m: MessageToDeliver, fileOfCall: Map<string, string>): DeliveredMessage => ({
  id: m.id,
  callId: m.callId,
  createdAt: m.createdAt.toISOString(),
  callStartedAt: m.callStartedAt?.toISOString() ?? null,
  callEndedAt: m.callEndedAt?.toISOString() ?? null,
  callerNumber: m.callerNumber,
  callerName: m.callerName,
  callerPhone: m.callerPhone,
  callerEmail: m.callerEmail,
  urgency: m.urgency,
  callbackRequested: m.callbackRequested,
  body: m.body,
  customFields: m.customFields,
  recordingFile: fileOfCall.get(m.callId) ?? null,
});

async function measure(chunks: AsyncIterable<Buffer>): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of chunks) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest('hex') };
}

function verified(source: Readable, expected: { size: number; sha256: string }): Readable {
  const meter = new Sha256Meter(expected);
  source.on('error', (error) => meter.destroy(error));
  return source.pipe(meter);
}
