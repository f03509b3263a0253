import { readRecords } from './csv-records.ts';
import { columnNames } from './column-names.ts';
import { looksLikeHeader } from './header.ts';
import type { CsvDialect } from './types.ts';

export const DELIMITERS = [',', '\t', ';', '|'] as const;
const QUOTE = '"';
const MAX_RECORDS = 1000;

export interface SniffOptions {
  /** Force the delimiter instead of detecting it. */
  delimiter?: string;
  /** Force header / no header. */
  hasHeader?: boolean;
  /** The text is the whole file (otherwise its last, possibly cut, record is ignored). */
  complete?: boolean;
}

/** Most common field count and the share of records that have it. */
function consistency(records: string[][]): { fields: number; share: number } {
  const counts = new Map<number, number>();
  for (const r of records) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let fields = 0;
  let best = 0;
  for (const [n, c] of counts) if (c > best || (c === best && n > fields)) [fields, best] = [n, c];
  return { fields, share: records.length ? best / records.length : 0 };
}

/**
 * The delimiter that splits the sample into the most consistent field counts (more fields
 * breaking ties, then the order , TAB ; |). A quote left open at the end of a complete
 * sample counts against a candidate: it usually means the wrong delimiter split a field.
 */
function chooseDelimiter(text: string, complete: boolean): string {
  let best: { delimiter: string; share: number; fields: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const sample = readRecords(text, delimiter, QUOTE, MAX_RECORDS, complete);
    const { fields, share } = consistency(sample.records);
    if (fields < 2) continue;
    const score = sample.unterminatedQuote && complete ? share / 2 : share;
    if (!best || score > best.share || (score === best.share && fields > best.fields)) best = { delimiter, share: score, fields };
  }
  return best?.delimiter ?? ',';
}

/**
 * Work out delimiter, header and column names from the start of a UTF-8 CSV. Quote and
 * escape are always the double quote (RFC 4180), which is what Japanese spreadsheets write.
 * Returns columns: [] when the sample holds no record at all.
 */
export function sniffCsv(sampleText: string, options: SniffOptions = {}): CsvDialect {
  const complete = options.complete ?? false;
  const delimiter = options.delimiter ?? chooseDelimiter(sampleText, complete);
  const { records } = readRecords(sampleText, delimiter, QUOTE, MAX_RECORDS, complete);
  const hasHeader = options.hasHeader ?? looksLikeHeader(records);
  const header = hasHeader ? (records[0] ?? null) : null;
  const body = hasHeader ? records.slice(1) : records;
  // A header shorter than the rows (data rows ending in a delimiter) still names what it can.
  const count = Math.max(header?.length ?? 0, consistency(body).fields);
  return { delimiter, quote: QUOTE, hasHeader, columns: columnNames(header, count) };
}
