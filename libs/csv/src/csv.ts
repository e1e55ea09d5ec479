import { stringify } from 'csv-stringify/sync';

/** A column: the record's key, and the header if it differs. */
export type CsvColumn<T> = (keyof T & string) | { key: keyof T & string; header: string };

// Digits with the usual phone punctuation cannot carry a formula, and a client's spreadsheet should show
// the number as written; so the one phone rule is: such a cell is left as it is, in every export.
const PHONE_LIKE = /^\+?[0-9][0-9 ().-]*$/;
// A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** The one text rule of every CSV CallVault writes: formulas neutralised with a leading apostrophe. */
export function csvText(value: string): string {
  return FORMULA_START.test(value) && !PHONE_LIKE.test(value) ? `'${value}` : value;
}

/**
 * RFC 4180 CSV (CRLF line ends) through csv-stringify: dates as ISO 8601, objects as JSON, booleans as
 * true/false, null as an empty cell, and `csvText` on every string. Each export's JSON keeps exact values.
 */
export function toCsv<T extends object>(rows: readonly T[], columns: readonly CsvColumn<T>[], options: { header?: boolean } = {}): string {
  return stringify(rows as T[], {
    header: options.header ?? true,
    columns: columns.map((c) => (typeof c === 'string' ? { key: c } : c)),
    record_delimiter: 'windows',
    cast: {
      string: (value) => csvText(value),
      boolean: (value) => String(value),
      date: (value) => value.toISOString(),
      object: (value) => csvText(JSON.stringify(value)),
      number: (value) => String(value),
      bigint: (value) => String(value),
    },
  });
}
