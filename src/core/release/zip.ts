import { Deflate } from 'fflate';
import { TokumeiError } from '../errors.ts';
import { Crc32 } from './crc32.ts';
import { Sha256 } from './sha256.ts';
import type { ByteSink, EntryContent, WrittenEntry } from './types.ts';
import {
  FLAG_DATA_DESCRIPTOR, FLAG_UTF8, LeWriter, METHOD_DEFLATE, METHOD_STORE, SIG, U16_MARK, U32_MARK, ZIP64_EXTRA_ID,
} from './zip-format.ts';

/**
 * A deterministic, streaming zip writer: the same entries (path, content, compress) in
 * the same order give the same bytes, in every host and however the content is chunked.
 *
 * Fixed choices, so nothing about the moment or the machine leaks into the package:
 * - timestamp 1980-01-01 00:00 (the DOS epoch), no extra fields (no extended timestamps,
 *   no uid/gid), "version made by" 4.5 on Unix, mode 0644 on every file;
 * - UTF-8 names (flag bit 11), so Japanese paths survive;
 * - every entry streams: local header without sizes, data, then a data descriptor
 *   (flag bit 3). Used even for small byte arrays, so bytes never depend on whether a
 *   host passed a file as one array or as a stream;
 * - deflate by fflate at level 6, memory level 8, fed in fixed 64 KiB blocks (fflate's
 *   output depends on push boundaries, so the input is re-blocked first).
 * Zip64 records appear only where a size or offset reaches 4 GiB (as Go's archive/zip
 * does): then the central directory gets a zip64 extra field and the data descriptor
 * 8-byte sizes. Readers that use the central directory (unzip, 7-Zip, Python, fflate)
 * handle this; the local headers stay free of extra fields.
 */

export interface IncrementalHash {
  update(bytes: Uint8Array): unknown;
  hex(): string;
}

export interface ZipWriterOptions {
  /** 'auto' (default): zip64 records only where needed. 'always': on every entry and the end record (tests the zip64 path on small data). */
  zip64?: 'auto' | 'always';
  /** A faster SHA-256 the host may inject (e.g. node:crypto in the CLI); the digest is the same. */
  newHash?: () => IncrementalHash;
}

const DEFLATE_LEVEL = 6;
const DEFLATE_MEM = 8;
const BLOCK = 64 * 1024;
const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const VERSION_NEEDED = 20; // deflate
const VERSION_NEEDED_ZIP64 = 45;
const VERSION_MADE_BY = (3 << 8) | 45; // Unix, spec 4.5
const EXTERNAL_ATTRS = 0o100644 * 2 ** 16; // regular file, rw-r--r--
const FLAGS = FLAG_DATA_DESCRIPTOR | FLAG_UTF8;

interface CentralEntry {
  name: Uint8Array;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

const utf8 = new TextEncoder();

/** Paths are fixed by the package layout; refuse anything an unzip tool could misplace. */
function checkPath(path: string): Uint8Array {
  const bad =
    path === '' || path.startsWith('/') || path.endsWith('/') || path.includes('\\') ||
    /[\u0000-\u001f\u007f]/.test(path) || path.split('/').some((s) => s === '' || s === '.' || s === '..');
  const name = utf8.encode(path);
  if (bad || name.length > U16_MARK) throw new TokumeiError('releaseBytes.zip.badPath', { path });
  return name;
}

export class ZipWriter {
  private offset = 0;
  private readonly entries: CentralEntry[] = [];
  private readonly paths = new Set<string>();
  private busy = false;
  private closed = false;
  /** Set when an entry failed half-way: its bytes are already in the sink, so the package is unusable. */
  private failed: unknown = null;
  private readonly always: boolean;
  private readonly newHash: () => IncrementalHash;

  constructor(private readonly sink: ByteSink, opts: ZipWriterOptions = {}) {
    this.always = opts.zip64 === 'always';
    this.newHash = opts.newHash ?? (() => new Sha256());
  }

  private async put(bytes: Uint8Array): Promise<void> {
    if (bytes.length === 0) return;
    this.offset += bytes.length;
    await this.sink.write(bytes);
  }

  async add(path: string, content: EntryContent, opts: { compress?: boolean } = {}): Promise<WrittenEntry> {
    if (this.closed) throw new Error('ZipWriter: add after close');
    if (this.failed) throw new Error('ZipWriter: an earlier entry failed; the package is incomplete', { cause: this.failed });
    if (this.busy) throw new Error('ZipWriter: add while another entry is being written');
    const name = checkPath(path);
    if (this.paths.has(path)) throw new TokumeiError('releaseBytes.zip.duplicatePath', { path });
    this.busy = true;
    try {
      this.paths.add(path);
      const method = opts.compress === false ? METHOD_STORE : METHOD_DEFLATE;
      const offset = this.offset;
      await this.put(localHeader(name, method));
      const { crc, size, compressed, sha256 } = await this.data(content, method);
      const big = this.always || size >= U32_MARK || compressed >= U32_MARK;
      await this.put(dataDescriptor(crc, compressed, size, big));
      this.entries.push({ name, method, crc, compressed, size, offset });
      return { path, bytes: size, sha256 };
    } catch (e) {
      this.failed = e;
      throw e;
    } finally {
      this.busy = false;
    }
  }

  /** Stream the content through CRC-32, SHA-256 and (when compressing) deflate into the sink. */
  private async data(content: EntryContent, method: number) {
    const crc = new Crc32();
    const hash = this.newHash();
    let size = 0;
    let compressed = 0;
    const out: Uint8Array[] = [];
    const deflate = method === METHOD_DEFLATE ? new Deflate({ level: DEFLATE_LEVEL, mem: DEFLATE_MEM }, (c) => void out.push(c)) : null;
    const block = new Uint8Array(BLOCK);
    let filled = 0;
    const flush = async () => {
      for (const c of out) {
        compressed += c.length;
        await this.put(c);
      }
      out.length = 0;
    };
    const chunks = content instanceof Uint8Array ? [content] : content;
    for await (const chunk of chunks) {
      if (chunk.length === 0) continue;
      crc.update(chunk);
      hash.update(chunk);
      size += chunk.length;
      if (!deflate) {
        compressed += chunk.length;
        await this.put(chunk);
        continue;
      }
      for (let p = 0; p < chunk.length; ) {
        const n = Math.min(BLOCK - filled, chunk.length - p);
        block.set(chunk.subarray(p, p + n), filled);
        filled += n;
        p += n;
        if (filled === BLOCK) {
          deflate.push(block, false); // fflate copies the block into its window
          filled = 0;
          await flush();
        }
      }
    }
    if (deflate) {
      deflate.push(block.subarray(0, filled), true);
      await flush();
    }
    return { crc: crc.value(), size, compressed, sha256: hash.hex() };
  }

  /** Write the central directory and the end records. The sink is not closed: that is the host's. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.failed) throw new Error('ZipWriter: an earlier entry failed; the package is incomplete', { cause: this.failed });
    if (this.busy) throw new Error('ZipWriter: close while an entry is being written');
    this.closed = true;
    const start = this.offset;
    for (const e of this.entries) await this.put(centralHeader(e, this.always));
    const cdSize = this.offset - start;
    const count = this.entries.length;
    const needs64 = this.always || count >= U16_MARK || cdSize >= U32_MARK || start >= U32_MARK;
    if (needs64) {
      const at = this.offset;
      await this.put(zip64End(count, cdSize, start));
      await this.put(zip64Locator(at));
    }
    await this.put(endRecord(count, cdSize, start, needs64));
  }
}

function localHeader(name: Uint8Array, method: number): Uint8Array {
  return new LeWriter(30 + name.length)
    .u32(SIG.local).u16(VERSION_NEEDED).u16(FLAGS).u16(method).u16(DOS_TIME).u16(DOS_DATE)
    .u32(0).u32(0).u32(0) // CRC and sizes follow in the data descriptor
    .u16(name.length).u16(0)
    .raw(name).done();
}

function dataDescriptor(crc: number, compressed: number, size: number, big: boolean): Uint8Array {
  const w = new LeWriter(big ? 24 : 16).u32(SIG.dataDescriptor).u32(crc);
  return (big ? w.u64(compressed).u64(size) : w.u32(compressed).u32(size)).done();
}

function centralHeader(e: CentralEntry, always: boolean): Uint8Array {
  // Zip64 extra: only the fields that overflow, in the order the spec fixes.
  const sizeBig = always || e.size >= U32_MARK;
  const compBig = always || e.compressed >= U32_MARK;
  const offBig = always || e.offset >= U32_MARK;
  const extraLen = (sizeBig ? 8 : 0) + (compBig ? 8 : 0) + (offBig ? 8 : 0);
  const extra = extraLen ? 4 + extraLen : 0;
  const w = new LeWriter(46 + e.name.length + extra)
    .u32(SIG.central).u16(VERSION_MADE_BY).u16(extra ? VERSION_NEEDED_ZIP64 : VERSION_NEEDED)
    .u16(FLAGS).u16(e.method).u16(DOS_TIME).u16(DOS_DATE).u32(e.crc)
    .u32(compBig ? U32_MARK : e.compressed).u32(sizeBig ? U32_MARK : e.size)
    .u16(e.name.length).u16(extra).u16(0) // no comment
    .u16(0).u16(0).u32(EXTERNAL_ATTRS) // disk 0, internal attributes, mode 0644
    .u32(offBig ? U32_MARK : e.offset)
    .raw(e.name);
  if (extra) {
    w.u16(ZIP64_EXTRA_ID).u16(extraLen);
    if (sizeBig) w.u64(e.size);
    if (compBig) w.u64(e.compressed);
    if (offBig) w.u64(e.offset);
  }
  return w.done();
}

function zip64End(count: number, cdSize: number, cdOffset: number): Uint8Array {
  return new LeWriter(56)
    .u32(SIG.zip64End).u64(44).u16(VERSION_MADE_BY).u16(VERSION_NEEDED_ZIP64)
    .u32(0).u32(0).u64(count).u64(count).u64(cdSize).u64(cdOffset).done();
}

function zip64Locator(zip64EndOffset: number): Uint8Array {
  return new LeWriter(20).u32(SIG.zip64Locator).u32(0).u64(zip64EndOffset).u32(1).done();
}

function endRecord(count: number, cdSize: number, cdOffset: number, zip64: boolean): Uint8Array {
  const n = zip64 ? U16_MARK : count;
  return new LeWriter(22)
    .u32(SIG.end).u16(0).u16(0).u16(n).u16(n)
    .u32(zip64 ? U32_MARK : cdSize).u32(zip64 ? U32_MARK : cdOffset)
    .u16(0).done();
}
