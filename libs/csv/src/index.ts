export { csvText, toCsv } from './csv';
export type { CsvColumn } from './csv';
