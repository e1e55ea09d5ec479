import type { MessageToDeliver } from '#calls';
import { CsvColumn, toCsv } from '#csv';
/** One caller message as the client receives it (messages.json and messages.csv): the calls library's record, its times as ISO text. */
export type DeliveredMessage = Omit<MessageToDeliver, 'createdAt' | 'callStartedAt' | 'callEndedAt'> & {
  createdAt: string;
  callStartedAt: string | null;
  callEndedAt: string | null;
  /** The archive path of the call's recording, when this delivery carries it. */
  recordingFile: string | null;
};

export interface ManifestFile {
  name: string;
  size: number;
  sha256: string;
  recordingId?: string;
  callId?: string;
}

export interface Manifest {
  format: 'callvault-delivery-2';
  deliveryId: string;
  /** When the delivery was made; also every entry's timestamp, so each attempt gives the same bytes. */
  createdAt: string;
  files: ManifestFile[];
  /** Recordings chosen for the delivery that no longer exist (deleted at their retention meanwhile). */
  omitted: { recordingId: string; reason: 'no_longer_stored' }[];
  /** Items held back because their data subject restricted or objected to this use: ids only. */
  withheld: { type: 'recording' | 'message'; id: string; reason: 'processing_restricted' }[];
}

const EXTENSIONS: Record<string, string> = { 'audio/wav': 'wav', 'audio/mpeg': 'mp3', 'audio/ogg': 'ogg', 'audio/mp4': 'm4a' };

/**
 * `recordings/2026-11-22T10-31-05Z_1a2b3c4d.wav`: the call's start (UTC, to the second) and a prefix of
 * the recording id, lengthened if two would collide. Nothing personal: no caller name or number.
 */
export function recordingFileName(startedAt: Date | null, recordingId: string, contentType: string, taken: Set<string>): string {
  const stamp = startedAt ? startedAt.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-') : 'unknown-time';
  const extension = EXTENSIONS[contentType] ?? 'bin';
  const compact = recordingId.replace(/-/g, '');
  for (let length = 8; ; length += 4) {
    const name = `recordings/${stamp}_${compact.slice(0, Math.min(length, compact.length))}.${extension}`;
    if (!taken.has(name) || length >= compact.length) {
      taken.add(name);
      return name;
    }
  }
}

// messages.csv: snake_case headers, one row per message; custom fields as a JSON column.
const CSV_COLUMNS: CsvColumn<DeliveredMessage>[] = [
  'id',
  { key: 'createdAt', header: 'created_at' },
  { key: 'callId', header: 'call_id' },
  { key: 'callStartedAt', header: 'call_started_at' },
  { key: 'callEndedAt', header: 'call_ended_at' },
  { key: 'callerNumber', header: 'caller_number' },
  { key: 'callerName', header: 'caller_name' },
  { key: 'callerPhone', header: 'caller_phone' },
  { key: 'callerEmail', header: 'caller_email' },
  'urgency',
  { key: 'callbackRequested', header: 'callback_requested' },
  'body',
  { key: 'customFields', header: 'custom_fields' },
  { key: 'recordingFile', header: 'recording_file' },
];

/** messages.json, page by page: `{"deliveryId":…,"messages":[…]}`. */
export async function* messagesJson(deliveryId: string, pages: AsyncIterable<DeliveredMessage[]>): AsyncGenerator<Buffer> {
  yield Buffer.from(`{"deliveryId":${JSON.stringify(deliveryId)},"messages":[`);
  let first = true;
  for await (const page of pages) {
    const parts: string[] = [];
    for (const message of page) {
      parts.push(`${first ? '' : ','}\n${JSON.stringify(message)}`);
      first = false;
    }
    if (parts.length) yield Buffer.from(parts.join(''));
  }
  yield Buffer.from(`${first ? '' : '\n'}]}\n`);
}

/** messages.csv, page by page, header first, CRLF line ends. */
export async function* messagesCsv(pages: AsyncIterable<DeliveredMessage[]>): AsyncGenerator<Buffer> {
  yield Buffer.from(toCsv([], CSV_COLUMNS));
  for await (const page of pages) if (page.length) yield Buffer.from(toCsv(page.map((m) => ({ ...m, customFields: m.customFields ?? {} })), CSV_COLUMNS, { header: false }));
}
