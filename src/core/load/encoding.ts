import type { EncodingGuess, TextEncoding } from './types.ts';
import { lineAlignedWindow, type ByteRange } from './line-ranges.ts';
import { plausibility } from './plausibility.ts';

const CANDIDATES: readonly TextEncoding[] = ['utf-8', 'shift_jis', 'euc-jp'];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Files up to this size are checked whole; larger ones by line-aligned windows. */
const WHOLE_FILE_LIMIT = 4 * 1024 * 1024;
const HEAD_WINDOW = 1024 * 1024;
const WINDOW = 256 * 1024;

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((b, i) => bytes[i] === b);
}

/** Index of the first byte >= 0x80, or -1 for pure ASCII. */
function firstNonAscii(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return i;
  return -1;
}

/**
 * Where to look: the head, evenly spread windows, the tail, and always the region of the
 * first non-ASCII byte, so a file whose Japanese text starts deep inside is still judged
 * on Japanese text rather than on ASCII that every candidate accepts.
 */
function sampleRanges(bytes: Uint8Array, nonAscii: number): ByteRange[] {
  if (bytes.length <= WHOLE_FILE_LIMIT) return [{ start: 0, end: bytes.length }];
  const ranges: ByteRange[] = [];
  const head = lineAlignedWindow(bytes, 0, HEAD_WINDOW);
  ranges.push(head ?? { start: 0, end: HEAD_WINDOW });
  for (const f of [0.25, 0.5, 0.75]) {
    const w = lineAlignedWindow(bytes, Math.floor(bytes.length * f), WINDOW);
    if (w) ranges.push(w);
  }
  const tail = lineAlignedWindow(bytes, bytes.length - WINDOW, WINDOW);
  if (tail) ranges.push(tail);
  const around = lineAlignedWindow(bytes, Math.max(0, bytes.lastIndexOf(0x0a, nonAscii)), WINDOW);
  if (around) ranges.push(around);
  return ranges;
}

/** Fatal decode of every range; null when any byte is invalid in this encoding. */
function tryDecode(bytes: Uint8Array, ranges: ByteRange[], encoding: TextEncoding): string | null {
  const parts: string[] = [];
  for (const r of ranges) {
    try {
      // stream:true: a window cut inside a character (only possible without line feeds) is not an error.
      parts.push(new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(r.start, r.end), { stream: true }));
    } catch {
      return null;
    }
  }
  return parts.join('\n');
}

function replacementCount(bytes: Uint8Array, ranges: ByteRange[], encoding: TextEncoding): number {
  let n = 0;
  for (const r of ranges) {
    for (const c of new TextDecoder(encoding).decode(bytes.subarray(r.start, r.end), { stream: true })) if (c === '\uFFFD') n++;
  }
  return n;
}

/**
 * Guess the text encoding of a CSV. Decisive evidence first: a BOM, then pure ASCII, then
 * valid UTF-8 (Shift_JIS/EUC-JP text practically never is). Otherwise the legacy encodings
 * are tried with fatal decoders, and when both decode, the more plausible Japanese wins;
 * close calls are reported as 'unsure' so the UI asks instead of guessing silently.
 */
export function guessEncoding(bytes: Uint8Array): EncodingGuess {
  if (hasUtf8Bom(bytes)) return { encoding: 'utf-8', hadBom: true, confidence: 'sure', alternatives: [] };
  const nonAscii = firstNonAscii(bytes);
  if (nonAscii < 0) return { encoding: 'utf-8', hadBom: false, confidence: 'sure', alternatives: [] };
  const ranges = sampleRanges(bytes, nonAscii);
  const decoded = CANDIDATES.map((encoding) => ({ encoding, text: tryDecode(bytes, ranges, encoding) }));
  const ok = decoded.filter((d): d is { encoding: TextEncoding; text: string } => d.text !== null);
  const others = (e: TextEncoding) => ok.map((d) => d.encoding).filter((x) => x !== e);

  if (ok.some((d) => d.encoding === 'utf-8')) {
    return { encoding: 'utf-8', hadBom: false, confidence: 'sure', alternatives: others('utf-8') };
  }
  if (ok.length === 0) {
    // Nothing decodes cleanly: offer the least damaged reading; decoding will name the bad byte.
    const best = CANDIDATES.map((e) => ({ e, bad: replacementCount(bytes, ranges, e) })).sort((a, b) => a.bad - b.bad)[0].e;
    return { encoding: best, hadBom: false, confidence: 'unsure', alternatives: [] };
  }
  const scored = ok.map((d) => ({ encoding: d.encoding, score: plausibility(d.text) })).sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  const clear = best.score >= 0.9 && (second === undefined || best.score - second.score >= 0.2);
  return { encoding: best.encoding, hadBom: false, confidence: clear ? 'sure' : 'unsure', alternatives: others(best.encoding) };
}
