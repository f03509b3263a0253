/**
 * Byte ranges that end just after a line feed. 0x0A never occurs inside a multi-byte
 * character in UTF-8, Shift_JIS (trail bytes are >= 0x40) or EUC-JP (>= 0xA1), so each
 * range can be decoded on its own, without carrying decoder state across ranges.
 */
export interface ByteRange {
  start: number;
  end: number;
}

/** Consecutive ranges of about `size` bytes covering all of `bytes`. */
export function* lineAlignedRanges(bytes: Uint8Array, size: number): Generator<ByteRange> {
  let start = 0;
  while (start < bytes.length) {
    let end = start + size >= bytes.length ? bytes.length : bytes.indexOf(0x0a, start + size) + 1;
    if (end === 0) end = bytes.length; // no further line feed: the rest is one range
    yield { start, end };
    start = end;
  }
}

/**
 * A window of about `size` bytes at `offset`, shrunk to whole lines; null when it holds
 * no complete line. Used for sampling the middle of big files.
 */
export function lineAlignedWindow(bytes: Uint8Array, offset: number, size: number): ByteRange | null {
  const start = offset === 0 ? 0 : bytes.indexOf(0x0a, offset) + 1;
  if (start === 0) return null;
  const limit = Math.min(bytes.length, start + size);
  if (limit === bytes.length) return start < limit ? { start, end: limit } : null;
  const end = bytes.lastIndexOf(0x0a, limit - 1) + 1;
  return end > start ? { start, end } : null;
}
