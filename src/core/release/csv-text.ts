import { neutralize } from './csv.ts';

/**
 * CSV text for the package's small tables (dictionary, provision ledger), written like the data
 * CSV (csv.ts): RFC 4180 quoting, CRLF line ends, and the same formula-injection rule (a text
 * cell beginning with = + - @ TAB or CR gets a leading apostrophe; numbers are left as they
 * are). No BOM here: the caller adds the UTF-8 BOM when it writes bytes (utf8WithBom).
 */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? String(v) : neutralize(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvText(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',') + '\r\n').join('');
}

/** UTF-8 bytes with a BOM, so Excel on Japanese Windows opens the file as UTF-8, not CP932. */
export function utf8WithBom(text: string): Uint8Array {
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}
