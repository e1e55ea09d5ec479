import { csvCell, messagesJson, recordingFileName } from './delivery-archive';
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

  it('writes CSV cells per RFC 4180 and defuses spreadsheet formulas, but not phone numbers', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a "quoted", text\r\nline')).toBe('"a ""quoted"", text\r\nline"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('+44 20 7946 0958')).toBe('+44 20 7946 0958');
    expect(csvCell(null)).toBe('');
    expect(csvCell(false)).toBe('false');
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
