import { TokumeiError } from '../errors.ts';

/**
 * Text → CP932 bytes with the WHATWG Shift_JIS encoder's rules, which is what browsers
 * and Node produce and what Excel on Windows reads: NEC row 13 (①, ㈱, №) and the IBM
 * extensions (髙, 﨑) are encodable; ～ is U+FF5E. No engine has a Shift_JIS *encoder*
 * (TextEncoder is UTF-8 only), but every one has the decoder, so the table is built once,
 * lazily, by decoding every double-byte code — the same index in every host, with no
 * 7 000-entry table in the source.
 *
 * WHATWG encoder rules applied (encoding.spec.whatwg.org, "Shift_JIS encoder"):
 * ASCII and U+0080 as one byte; U+00A5 → 0x5C; U+203E → 0x7E; halfwidth katakana
 * U+FF61–U+FF9F → 0xA1–0xDF; U+2212 → as U+FF0D; otherwise the *first* jis0208 pointer,
 * skipping pointers 8272–8835 (NEC-selected IBM extensions, which duplicate the IBM ones)
 * and the user-defined area (pointers 8836–10715, which decode to U+E000… and are not
 * in the index). Everything else — e.g. WAVE DASH U+301C, emoji — is unmappable.
 */

const UNMAPPED = 0xffff;
/**
 * Fingerprint of the finished table, identical in Node 20 (ICU) and Chromium 156 (checked
 * when this was written: 7521 encodable characters). Node's decoder differs from WHATWG in
 * single bytes (0x1A/0x1C/0x7F/0x80), which is why single bytes come from the rules above,
 * not from decoding. Should some engine decode double bytes differently, refusing is better
 * than silently writing bytes that differ from the other hosts'.
 */
const TABLE_SIZE = 7521;
const TABLE_HASH = 1470008559;
let table: Uint16Array | null = null;

function fingerprint(t: Uint16Array): { size: number; hash: number } {
  let hash = 0;
  let size = 0;
  for (let i = 0; i < t.length; i++) {
    hash = (Math.imul(hash, 31) + t[i]) | 0;
    if (t[i] !== UNMAPPED) size++;
  }
  return { size, hash };
}

function buildTable(): Uint16Array {
  const t = new Uint16Array(0x10000).fill(UNMAPPED);
  for (let c = 0; c <= 0x80; c++) t[c] = c;
  t[0xa5] = 0x5c;
  t[0x203e] = 0x7e;
  for (let c = 0xff61; c <= 0xff9f; c++) t[c] = c - 0xff61 + 0xa1;
  const decoder = new TextDecoder('shift_jis');
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const pointer = (lead - (lead < 0xa0 ? 0x81 : 0xc1)) * 188 + trail - (trail < 0x7f ? 0x40 : 0x41);
      if (pointer >= 8272 && pointer <= 10715) continue;
      pair[0] = lead;
      pair[1] = trail;
      const s = decoder.decode(pair);
      if (s.length !== 1 || s === '\ufffd') continue;
      const c = s.charCodeAt(0);
      if (t[c] === UNMAPPED) t[c] = (lead << 8) | trail; // leads and trails ascend with the pointer: first pointer wins
    }
  }
  t[0x2212] = t[0xff0d];
  const f = fingerprint(t);
  if (f.size !== TABLE_SIZE || f.hash !== TABLE_HASH) throw new TokumeiError('releaseBytes.cp932.platform', { detail: `${f.size}/${f.hash}` });
  return t;
}

export interface Unmappable {
  /** UTF-16 index in the text. */
  index: number;
  char: string;
  /** U+XXXX */
  codePoint: string;
}

function unmappableAt(text: string, i: number): Unmappable {
  const cp = text.codePointAt(i)!;
  return { index: i, char: String.fromCodePoint(cp), codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` };
}

/** The first character of `text` that CP932 cannot represent, or null. */
export function findUnmappable(text: string): Unmappable | null {
  const t = (table ??= buildTable());
  for (let i = 0; i < text.length; i++) if (t[text.charCodeAt(i)] === UNMAPPED) return unmappableAt(text, i);
  return null;
}

export function encodeCp932(text: string): Uint8Array {
  const t = (table ??= buildTable());
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const v = t[text.charCodeAt(i)];
    if (v === UNMAPPED) {
      const u = unmappableAt(text, i);
      throw new TokumeiError('releaseBytes.cp932.unmappable', { char: u.char, codePoint: u.codePoint });
    }
    if (v < 0x100) out[n++] = v;
    else {
      out[n++] = v >>> 8;
      out[n++] = v & 0xff;
    }
  }
  return out.slice(0, n);
}
