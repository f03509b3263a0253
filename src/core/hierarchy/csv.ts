import { TokumeiError } from '../errors.ts';
import type { Hierarchy } from './types.ts';
import { validateHierarchy } from './validate.ts';

export interface HierarchyCsvOptions {
  /** Cell separator. Default: ARX's ';', or ',' / tab when the first line has no ';'. */
  delimiter?: string;
  /** Encoding of byte input. Default UTF-8 (a BOM is dropped either way). */
  encoding?: 'utf-8' | 'shift_jis';
  /** Shown in error messages (file name). */
  name?: string;
  /** Column the hierarchy is for, shown in validation errors. */
  column?: string;
}

/**
 * Reads an ARX hierarchy CSV (column 0 the original value, column i its level-i generalization)
 * and validates it. CRLF/LF/CR line ends, a BOM and RFC-4180 quoting are accepted, so files
 * saved by ARX, Excel or a text editor all load.
 */
export function parseHierarchyCsv(input: string | Uint8Array, opts: HierarchyCsvOptions = {}): Hierarchy {
  const name = opts.name ?? 'hierarchy.csv';
  const text = typeof input === 'string' ? input : decode(input, opts.encoding ?? 'utf-8', name);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = opts.delimiter ?? guessDelimiter(body);
  const rows = splitCsv(body, delimiter, name);
  const hierarchy: Hierarchy = { levels: rows[0]?.length ?? 0, rows };
  validateHierarchy(hierarchy, opts.column ?? name);
  return hierarchy;
}

/**
 * Writes the ARX format back: ';' by default, LF line ends, quotes only where a cell needs them
 * (an empty cell is written "" so a one-column row is not mistaken for a blank line).
 */
export function formatHierarchyCsv(h: Hierarchy, delimiter = ';'): string {
  const needsQuotes = (v: string) =>
    v === '' || v.includes(delimiter) || v.includes('"') || v.includes('\n') || v.includes('\r');
  const cell = (v: string) => (needsQuotes(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return h.rows.map((r) => r.map(cell).join(delimiter)).join('\n') + '\n';
}

function decode(bytes: Uint8Array, encoding: 'utf-8' | 'shift_jis', name: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (cause) {
    throw new TokumeiError('risk.hierarchy.encoding', { name, encoding }, { cause });
  }
}

function guessDelimiter(text: string): string {
  const firstLine = text.split(/\r\n|\r|\n/, 20).find((l) => l !== '') ?? '';
  for (const d of [';', ',', '\t']) if (firstLine.includes(d)) return d;
  return ';';
}

/**
 * A small RFC-4180 reader: quoted cells may hold delimiters, quotes ("") and line breaks.
 * Blank lines are skipped; a line holding only "" is a row with one empty cell.
 */
function splitCsv(text: string, delimiter: string, name: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let blank = true;
  let line = 1;
  let i = 0;
  const n = text.length;
  const endRow = () => {
    row.push(cell);
    if (!blank) rows.push(row);
    row = [];
    cell = '';
    blank = true;
  };
  while (i < n) {
    const ch = text[i];
    if (ch !== '\r' && ch !== '\n') blank = false;
    if (ch === '"' && cell === '') {
      const startLine = line;
      let j = i + 1;
      for (;;) {
        if (j >= n) throw new TokumeiError('risk.hierarchy.unclosedQuote', { name, row: startLine });
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            cell += '"';
            j += 2;
            continue;
          }
          break;
        }
        if (text[j] === '\n') line++;
        cell += text[j++];
      }
      i = j + 1;
      continue;
    }
    if (text.startsWith(delimiter, i)) {
      row.push(cell);
      cell = '';
      i += delimiter.length;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      line++;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  if (!blank) endRow();
  return rows;
}
