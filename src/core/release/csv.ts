import type { SqlRow, SqlValue } from '../engine.ts';
import { isTokumeiError, TokumeiError } from '../errors.ts';
import { encodeCp932, findUnmappable } from './cp932.ts';
import type { ReleasedColumn } from './types.ts';
import { valueKinds, type ValueKind } from './value-kind.ts';

/**
 * The released data as CSV for spreadsheets: header row, RFC 4180 quoting, CRLF after
 * every row (Excel's line end), UTF-8 with BOM (so Excel detects UTF-8) or CP932.
 *
 * - NULL → empty cell; the empty string → `""`, so the two stay distinguishable.
 * - Numbers are printed by ECMAScript's Number-to-String (shortest round-trip digits),
 *   which the language fixes exactly, so every host prints the same text. NaN and
 *   infinities print as NaN, Infinity, -Infinity. BIGINT and DECIMAL arrive as DuckDB's
 *   exact text (see value-kind.ts) and are written as they are.
 * - Formula injection: a *text* cell (and a column name) beginning with = + - @ TAB or CR
 *   gets a leading apostrophe, as OWASP advises, so a spreadsheet shows it as text
 *   instead of evaluating it. Numeric columns are decided by type, not by looking at the
 *   value, so -5 in an INTEGER column stays -5 (a value "-5" in a VARCHAR column becomes '-5).
 */

export type CsvEncoding = 'utf8-bom' | 'cp932';

const CHUNK = 64 * 1024;
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
const RISKY_START = new Set(['=', '+', '-', '@', '\t', '\r']);
const NEEDS_QUOTES = /[",\r\n]/;

function quote(s: string): string {
  return s === '' || NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function neutralize(s: string): string {
  return s.length > 0 && RISKY_START.has(s[0]) ? `'${s}` : s;
}

function formatNumber(v: number): string {
  return String(v); // -0 prints as 0
}

function cell(v: SqlValue, kind: ValueKind): string {
  if (v === null) return '';
  if (kind === 'text') return quote(neutralize(String(v)));
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return quote(v);
}

/** Encodes rows into fixed-size buffers; each finished buffer is copied out as one chunk. */
class ChunkWriter {
  private buf = new Uint8Array(CHUNK);
  private at = 0;
  readonly done: Uint8Array[] = [];
  private readonly utf8 = new TextEncoder();

  constructor(private readonly cp932: boolean) {}

  raw(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buf.set(bytes, this.at);
    this.at += bytes.length;
  }

  /** Throws the CP932 encoder's TokumeiError on an unmappable character. */
  text(s: string): void {
    if (this.cp932) return this.raw(encodeCp932(s));
    this.room(s.length * 3);
    this.at += this.utf8.encodeInto(s, this.buf.subarray(this.at)).written;
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) this.buf = new Uint8Array(n);
  }

  flush(): void {
    if (this.at > 0) this.done.push(this.buf.slice(0, this.at));
    this.at = 0;
  }

  /** The chunks finished so far (each about CHUNK bytes; the last one after flush()). */
  take(): Uint8Array[] {
    return this.done.splice(0);
  }
}

function unmappableError(texts: string[], columns: readonly ReleasedColumn[], row: number | null): TokumeiError | null {
  for (let c = 0; c < texts.length; c++) {
    const u = findUnmappable(texts[c]);
    if (!u) continue;
    const params = { column: columns[c].name, char: u.char, codePoint: u.codePoint };
    return row === null
      ? new TokumeiError('releaseBytes.csv.unmappableHeader', params)
      : new TokumeiError('releaseBytes.csv.unmappableCell', { ...params, row });
  }
  return null;
}

export async function* csvChunks(
  columns: readonly ReleasedColumn[],
  batches: AsyncIterable<SqlRow[]>,
  opts: { encoding: CsvEncoding },
): AsyncIterable<Uint8Array> {
  const kinds = valueKinds(columns);
  const names = columns.map((c) => c.name);
  const out = new ChunkWriter(opts.encoding === 'cp932');
  if (opts.encoding === 'utf8-bom') out.raw(BOM);

  // CP932 failures are rare: encode a whole row, and only on failure find the cell to name.
  const writeRow = (texts: string[], row: number | null) => {
    try {
      out.text(texts.join(',') + '\r\n');
    } catch (e) {
      if (isTokumeiError(e) && e.key === 'releaseBytes.cp932.unmappable') throw unmappableError(texts, columns, row) ?? e;
      throw e;
    }
  };

  writeRow(names.map((n) => quote(neutralize(n))), null);
  let row = 0;
  for await (const batch of batches) {
    for (const r of batch) {
      row++;
      const texts = new Array<string>(names.length);
      for (let c = 0; c < names.length; c++) texts[c] = cell(r[names[c]] ?? null, kinds[c]);
      writeRow(texts, row);
    }
    yield* out.take();
  }
  out.flush();
  yield* out.take();
}
