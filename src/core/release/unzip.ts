import { Inflate } from 'fflate';
import { TokumeiError } from '../errors.ts';
import { Crc32 } from './crc32.ts';
import { METHOD_DEFLATE, METHOD_STORE, SIG, U16_MARK, U32_MARK, ZIP64_EXTRA_ID, readU64 } from './zip-format.ts';

/**
 * Reads zips: the packages ZipWriter writes and ordinary ones (zip64, data descriptors,
 * stored or deflated). Entries are found through the central directory, as unzip does.
 * The zip is either bytes in memory or a random-access source (CLI: `fs.readSync`; worker:
 * `FileReaderSync` on `File.slice`), so a package larger than memory can still be checked;
 * content is inflated in slices, never held whole.
 */

export interface ZipSource {
  size: number;
  /** Exactly `length` bytes from `offset` (the caller stays within `size`). */
  read(offset: number, length: number): Uint8Array;
}

export interface ZipEntry {
  path: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the local file header. */
  headerOffset: number;
}

const SLICE = 1 << 20;
const utf8 = new TextDecoder('utf-8');

export function zipSource(zip: Uint8Array | ZipSource): ZipSource {
  if (!(zip instanceof Uint8Array)) return zip;
  return { size: zip.length, read: (offset, length) => zip.subarray(offset, offset + length) };
}

function corrupt(detail: string): TokumeiError {
  return new TokumeiError('releaseBytes.unzip.corrupt', { detail });
}

function viewOf(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

/** Where the central directory is and how many entries it has, from the end record (zip64 if present). */
function directory(src: ZipSource): { count: number; offset: number; size: number } {
  if (src.size < 22) throw new TokumeiError('releaseBytes.unzip.notZip');
  // The end record (22 bytes) is followed by a comment of at most 65535 bytes; a zip64 locator (20) precedes it.
  const tailStart = Math.max(0, src.size - 22 - U16_MARK - 20);
  const tail = src.read(tailStart, src.size - tailStart);
  const view = viewOf(tail);
  let end = -1;
  for (let at = tail.length - 22; at >= 0; at--) {
    if (view.getUint32(at, true) === SIG.end && at + 22 + view.getUint16(at + 20, true) <= tail.length) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new TokumeiError('releaseBytes.unzip.notZip');
  let count = view.getUint16(end + 10, true);
  let size = view.getUint32(end + 12, true);
  let offset = view.getUint32(end + 16, true);
  const locator = end - 20;
  if (locator >= 0 && view.getUint32(locator, true) === SIG.zip64Locator) {
    const at = readU64(view, locator + 8);
    if (at + 56 > src.size) throw corrupt('zip64 end record not found');
    const z = viewOf(src.read(at, 56));
    if (z.getUint32(0, true) !== SIG.zip64End) throw corrupt('zip64 end record not found');
    count = readU64(z, 32);
    size = readU64(z, 40);
    offset = readU64(z, 48);
  }
  if (offset + size > src.size) throw corrupt('central directory lies outside the file');
  return { count, offset, size };
}

export function listZip(zip: Uint8Array | ZipSource): ZipEntry[] {
  const src = zipSource(zip);
  const dir = directory(src);
  const cd = src.read(dir.offset, dir.size);
  const view = viewOf(cd);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < dir.count; i++) {
    if (at + 46 > cd.length || view.getUint32(at, true) !== SIG.central) throw corrupt(`central directory entry ${i + 1} is damaged`);
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    if (at + 46 + nameLen + extraLen > cd.length) throw corrupt(`central directory entry ${i + 1} is damaged`);
    let compressedSize = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    let headerOffset = view.getUint32(at + 42, true);
    // Names without the UTF-8 flag are CP437 by the spec; UTF-8 is what our packages use.
    const path = utf8.decode(cd.subarray(at + 46, at + 46 + nameLen));
    // Zip64 extra: only the fields marked 0xFFFFFFFF are present, in this order.
    const extraEnd = at + 46 + nameLen + extraLen;
    for (let e = at + 46 + nameLen; e + 4 <= extraEnd; ) {
      const id = view.getUint16(e, true);
      const len = view.getUint16(e + 2, true);
      if (id === ZIP64_EXTRA_ID) {
        let p = e + 4;
        if (size === U32_MARK) (size = readU64(view, p)), (p += 8);
        if (compressedSize === U32_MARK) (compressedSize = readU64(view, p)), (p += 8);
        if (headerOffset === U32_MARK) headerOffset = readU64(view, p);
      }
      e += 4 + len;
    }
    entries.push({
      path, compressedSize, size, headerOffset,
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function dataStart(src: ZipSource, e: ZipEntry): number {
  if (e.headerOffset + 30 > src.size) throw corrupt(`local header of ${e.path} not found`);
  const h = viewOf(src.read(e.headerOffset, 30));
  if (h.getUint32(0, true) !== SIG.local) throw corrupt(`local header of ${e.path} not found`);
  const start = e.headerOffset + 30 + h.getUint16(26, true) + h.getUint16(28, true);
  if (start + e.compressedSize > src.size) throw corrupt(`${e.path} extends beyond the end of the file`);
  return start;
}

function unreadable(e: ZipEntry, detail: string, cause?: unknown): TokumeiError {
  return new TokumeiError('releaseBytes.verify.unreadable', { path: e.path, detail }, { cause });
}

/**
 * Feed an entry's uncompressed content to `onChunk` in slices, then check its size and
 * CRC-32. Throws TokumeiError on damage or an unsupported method (encryption included).
 */
export function readEntryChunks(zip: Uint8Array | ZipSource, e: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
  if (e.flags & 1) throw new TokumeiError('releaseBytes.unzip.unsupported', { path: e.path, detail: 'encrypted' });
  if (e.method !== METHOD_STORE && e.method !== METHOD_DEFLATE) {
    throw new TokumeiError('releaseBytes.unzip.unsupported', { path: e.path, detail: `method ${e.method}` });
  }
  const src = zipSource(zip);
  const start = dataStart(src, e);
  const crc = new Crc32();
  let size = 0;
  const take = (c: Uint8Array) => {
    crc.update(c);
    size += c.length;
    onChunk(c);
  };
  const inflate = e.method === METHOD_DEFLATE ? new Inflate((c) => take(c)) : null;
  try {
    for (let p = 0; p < e.compressedSize || (inflate && p === 0); p += SLICE) {
      const n = Math.min(SLICE, e.compressedSize - p);
      const slice = src.read(start + p, n);
      if (inflate) inflate.push(slice, p + n >= e.compressedSize);
      else take(slice);
    }
  } catch (cause) {
    throw unreadable(e, String((cause as Error)?.message ?? cause), cause);
  }
  if (size !== e.size) throw unreadable(e, `size ${size} ≠ ${e.size}`);
  if (crc.value() !== e.crc) throw unreadable(e, 'CRC-32');
}

/** An entry's whole content: for small files (MANIFEST, spec.json). */
export function readEntry(zip: Uint8Array | ZipSource, e: ZipEntry): Uint8Array {
  const parts: Uint8Array[] = [];
  readEntryChunks(zip, e, (c) => parts.push(c.slice()));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}
