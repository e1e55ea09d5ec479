import { parse } from 'csv-parse/sync';
import { csvText, toCsv } from './csv';

describe('the one CSV writer', () => {
  it('neutralises formulas but leaves phone numbers as written', () => {
    expect(csvText('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(csvText('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvText('-2+3')).toBe(`'-2+3`);
    expect(csvText('+44 20 7946 0000')).toBe('+44 20 7946 0000');
    expect(csvText('+1 (555) 010-9999')).toBe('+1 (555) 010-9999');
    expect(csvText('plain text')).toBe('plain text');
  });

  it('writes RFC 4180 that csv-parse reads back: quotes, commas, newlines, dates, objects, booleans, nulls', () => {
    const rows = [
      { id: 'a', at: new Date('2026-12-01T10:00:00Z'), text: 'He said "call me", twice\nthanks', ok: true, extra: { k: 1 }, none: null },
      { id: 'b', at: new Date('2026-12-02T00:00:00Z'), text: '=1+1', ok: false, extra: {}, none: null },
    ];
    const csv = toCsv(rows, ['id', 'at', { key: 'text', header: 'message' }, 'ok', 'extra', 'none']);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parse(csv, { columns: true })).toEqual([
      { id: 'a', at: '2026-12-01T10:00:00.000Z', message: 'He said "call me", twice\nthanks', ok: 'true', extra: '{"k":1}', none: '' },
      { id: 'b', at: '2026-12-02T00:00:00.000Z', message: "'=1+1", ok: 'false', extra: '{}', none: '' },
    ]);
  });

  it('writes rows without a header for streamed pages', () => {
    expect(toCsv([{ a: 1 }], ['a'], { header: false })).toBe('1\r\n');
  });
});
