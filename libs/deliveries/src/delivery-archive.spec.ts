import { parse } from 'csv-parse/sync';
import { messagesCsv, messagesJson, recordingFileName } from './delivery-archive';
import type { DeliveredMessage } from './delivery-archive';

describe('delivery archive', () => {
  it('names recordings by call time and id prefix, without personal data, never twice', () => {
    const taken = new Set<string>();
    const at = new Date('2026-11-22T10:31:05.123Z');
    expect(recordingFileName(at, '1a2b3c4d-0000-4000-8000-000000000001', 'audio/wav', taken)).toBe('recordings/2026-11-22T10-31-05Z_1a2b3c4d.wav');
    expect(recordingFileName(at, '1a2b3c4d-0000-4000-8000-000000000002', 'audio/wav', taken)).toBe('recordings/2026-11-22T10-31-05Z_1a2b3c4d0000.wav');
    expect(recordingFileName(at, 'ffffffff-0000-4000-8000-000000000002', 'audio/mpeg', taken)).toBe('recordings/2026-11-22T10-31-05Z_ffffffff.mp3');
    expect(recordingFileName(null, 'eeeeeeee-0000-4000-8000-000000000002', 'audio/x-unknown', taken)).toBe('recordings/unknown-time_eeeeeeee.bin');
  });

  it('writes messages.csv through the one CSV writer: snake_case header, formulas defused, phone numbers as written', async () => {
    const message = {
      id: 'm1', createdAt: '2026-11-22T10:31:05.123Z', callId: 'c1', callStartedAt: '2026-11-22T10:30:00.000Z', callEndedAt: null,
      callerNumber: '+44 20 7946 0958', callerName: '=HYPERLINK("http://x")', callerPhone: '+44 20 7946 0958', callerEmail: null,
      urgency: 'urgent', callbackRequested: false, body: 'a "quoted", text\r\nline', customFields: { ref: 7 }, recordingFile: null,
    } as unknown as DeliveredMessage;
    async function* pages() {
      yield [message];
    }
    const chunks: Buffer[] = [];
    for await (const chunk of messagesCsv(pages())) chunks.push(chunk);
    const [row] = parse(Buffer.concat(chunks).toString(), { columns: true });
    expect(row).toMatchObject({ id: 'm1', caller_number: '+44 20 7946 0958', caller_phone: '+44 20 7946 0958', caller_name: `'=HYPERLINK("http://x")` });
    expect(row).toMatchObject({ body: 'a "quoted", text\r\nline', callback_requested: 'false', custom_fields: '{"ref":7}', caller_email: '', call_ended_at: '' });
  });

  it('streams messages.json as one valid document across pages', async () => {
    const m = (id: string) => ({ id, body: 'x' }) as unknown as DeliveredMessage;
    async function* pages() {
      yield [m('1'), m('2')];
      yield [];
      yield [m('3')];
    }
    const parts: Buffer[] = [];
    for await (const chunk of messagesJson('d', pages())) parts.push(chunk);
    expect(JSON.parse(Buffer.concat(parts).toString())).toEqual({ deliveryId: 'd', messages: [m('1'), m('2'), m('3')] });
    const empty: Buffer[] = [];
    for await (const chunk of messagesJson('d', (async function* () {})())) empty.push(chunk);
    expect(JSON.parse(Buffer.concat(empty).toString())).toEqual({ deliveryId: 'd', messages: [] });
  });
});
