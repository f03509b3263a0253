import { TokumeiError } from '../errors.ts';
import { hasUtf8Bom } from './encoding.ts';
import { lineAlignedRanges, type ByteRange } from './line-ranges.ts';
import type { TextEncoding } from './types.ts';
import { isUtf8 } from './utf8-valid.ts';

/** Decode this many bytes at a time: big enough to be fast, small enough to keep strings modest. */
const CHUNK = 8 * 1024 * 1024;

/**
 * The text as UTF-8 without a BOM, ready to register for read_csv. UTF-8 input is only
 * validated (isUtf8) and handed back as the same bytes (a BOM is cut off with a view), so the
 * common case costs no copy. Shift_JIS / EUC-JP are decoded range by range with fatal
 * decoders into one growing buffer, never one giant string.
 * Throws load.decodeFailed naming the byte offset and line of the first invalid byte.
 */
export function decodeToUtf8(bytes: Uint8Array, encoding: TextEncoding): Uint8Array {
  if (encoding === 'utf-8') {
    const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
    if (isUtf8(body)) return body;
    // Invalid somewhere: the decoder pass locates and reports the first bad byte.
    const base = bytes.length - body.length;
    for (const r of lineAlignedRanges(body, CHUNK)) decodeRange(body, r, encoding, base);
    return body;
  }
  const out = new Utf8Builder(Math.ceil(bytes.length * 1.5) + 16);
  for (const r of lineAlignedRanges(bytes, CHUNK)) out.append(decodeRange(bytes, r, encoding, 0));
  return out.result();
}

function decodeRange(bytes: Uint8Array, r: ByteRange, encoding: TextEncoding, base: number): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(r.start, r.end));
  } catch (e) {
    const offset = base + firstInvalidByte(bytes, r, encoding);
    throw new TokumeiError('load.decodeFailed', { encoding, offset, line: lineNumberAt(bytes, offset - base) }, { cause: e });
  }
}

/**
 * Offset of the first byte that cannot be decoded. The failing line is found first, then
 * the shortest failing prefix of it by bisection: with stream:true an incomplete final
 * character is not an error, so a prefix fails exactly when it contains the bad byte.
 */
function firstInvalidByte(bytes: Uint8Array, r: ByteRange, encoding: TextEncoding): number {
  for (const line of lineAlignedRanges(bytes.subarray(r.start, r.end), 1)) {
    const start = r.start + line.start;
    const end = r.start + line.end;
    if (decodes(bytes.subarray(start, end), encoding, false)) continue;
    if (decodes(bytes.subarray(start, end), encoding, true)) return end - 1; // truncated final character
    let ok = 0;
    let bad = end - start;
    while (bad - ok > 1) {
      const mid = (ok + bad) >> 1;
      if (decodes(bytes.subarray(start, start + mid), encoding, true)) ok = mid;
      else bad = mid;
    }
    return start + bad - 1;
  }
  return r.start;
}

function decodes(bytes: Uint8Array, encoding: TextEncoding, stream: boolean): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream });
    return true;
  } catch {
    return false;
  }
}

/** 1-based line number of a byte offset (counting line feeds before it). */
function lineNumberAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

/** Appends strings as UTF-8 into one buffer that grows only when the estimate was short. */
class Utf8Builder {
  private buf: Uint8Array;
  private length = 0;
  private readonly encoder = new TextEncoder();
  constructor(capacity: number) {
    this.buf = new Uint8Array(capacity);
  }
  append(text: string): void {
    for (;;) {
      const { read, written } = this.encoder.encodeInto(text, this.buf.subarray(this.length));
      this.length += written;
      if (read === text.length) return;
      text = text.slice(read);
      const bigger = new Uint8Array(Math.max(this.buf.length * 1.5, this.length + text.length * 3) | 0);
      bigger.set(this.buf.subarray(0, this.length));
      this.buf = bigger;
    }
  }
  result(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}
