import { createHash } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import type { Archiver, ArchiverError, ArchiverOptions } from 'archiver';
import { toCsv } from '#csv';

// archiver 7 (installed) exports a factory; @types/archiver 8 describes v8's classes, so type the factory here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const createArchive = require('archiver') as (format: 'zip', options?: ArchiverOptions) => Archiver;

/**
 * One kind of record in an export: a JSON array and a CSV file with these columns. The columns are the
 * one list of what the export carries: both files hold those fields only, whatever else a row has.
 */
export interface ExportTable {
  name: string;
  columns: string[];
  rows: readonly object[];
}

const columnsOf = (table: ExportTable) =>
  table.rows.map((row) => Object.fromEntries(table.columns.map((column) => [column, (row as Record<string, unknown>)[column]])));

/**
 * Everything one export holds, ready to be archived. Deliberately independent of HTTP: the same
 * dataset can be streamed to the DPO, or handed to the one-time delivery mechanism as one archive.
 */
export interface ExportDataset {
  format: 'callvault-dsr-export/1';
  requestId: string;
  /** 'operator' for the operator's own records, or the client whose caller records these are. */
  scope: { dataRole: 'controller' } | { dataRole: 'processor'; clientId: string };
  generatedAt: string;
  tables: ExportTable[];
  notes: string[];
}


const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** The archive's files, in order: data.json, one CSV per table, then manifest.json naming each with its SHA-256. */
export function exportFiles(dataset: ExportDataset): { name: string; content: Buffer }[] {
  const json = Buffer.from(
    JSON.stringify(
      {
        format: dataset.format,
        requestId: dataset.requestId,
        scope: dataset.scope,
        generatedAt: dataset.generatedAt,
        ...Object.fromEntries(dataset.tables.map((t) => [t.name, columnsOf(t)])),
      },
      (_key, value) => (value instanceof Date ? value.toISOString() : value),
      2,
    ),
  );
  const files = [{ name: 'data.json', content: json }, ...dataset.tables.map((t) => ({ name: `${t.name}.csv`, content: Buffer.from(toCsv(columnsOf(t), t.columns)) }))];
  const manifest = {
    format: dataset.format,
    requestId: dataset.requestId,
    scope: dataset.scope,
    generatedAt: dataset.generatedAt,
    files: files.map((f) => ({
      name: f.name,
      sha256: sha256(f.content),
      bytes: f.content.length,
      records: f.name === 'data.json' ? undefined : dataset.tables.find((t) => `${t.name}.csv` === f.name)?.rows.length,
    })),
    notes: dataset.notes,
  };
  return [...files, { name: 'manifest.json', content: Buffer.from(JSON.stringify(manifest, null, 2)) }];
}

/** The dataset as a ZIP stream (JSON + CSV + manifest). */
export function exportArchive(dataset: ExportDataset): Readable {
  const zip = createArchive('zip', { zlib: { level: 6 } });
  const out = new PassThrough();
  zip.on('error', (error: ArchiverError) => out.destroy(error));
  zip.pipe(out);
  const date = new Date(dataset.generatedAt);
  for (const file of exportFiles(dataset)) zip.append(file.content, { name: file.name, date });
  void zip.finalize();
  return out;
}
