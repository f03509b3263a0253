import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { createHash, randomBytes } from 'node:crypto';
import { ZipWriter } from '../../../src/core/release/zip.ts';
import { listZip } from '../../../src/core/release/unzip.ts';
import { isTokumeiError } from '../../../src/core/errors.ts';
import { chunked, concat, fingerprint as fp, runTool, writeZip, type Entry } from './helpers.ts';

const text = (s: string) => new TextEncoder().encode(s);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
// Compressible but not trivially so, a few deflate blocks long.
const csvLike = text(Array.from({ length: 20_000 }, (_, i) => `${i},山田${i % 97},${(i * 7919) % 1000}\r\n`).join(''));
const noise = randomBytes(150_000);

function entries(): Entry[] {
  return [
    { path: 'spec.json', content: text('{"version":1}') },
    { path: 'data/データ.csv', content: () => chunked(csvLike, [1, 65_536, 7, 100_003]) },
    { path: 'empty.txt', content: new Uint8Array(0) },
    { path: 'data/data.parquet', content: noise, compress: false },
  ];
}

describe('ZipWriter', () => {
  it('is readable by fflate with names, contents and reported hashes intact', async () => {
    const { zip, written } = await writeZip(entries());
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(['spec.json', 'data/データ.csv', 'empty.txt', 'data/data.parquet']);
    expect(fp(files['data/データ.csv'])).toBe(fp(csvLike));
    expect(fp(files['data/data.parquet'])).toBe(fp(noise));
    expect(files['empty.txt'].length).toBe(0);
    expect(written.map((w) => [w.path, w.bytes, w.sha256])).toEqual([
      ['spec.json', 13, sha(text('{"version":1}'))],
      ['data/データ.csv', csvLike.length, sha(csvLike)],
      ['empty.txt', 0, sha(new Uint8Array(0))],
      ['data/data.parquet', noise.length, sha(noise)],
    ]);
  });

  it('writes the same bytes every time, however the content is chunked', async () => {
    const a = await writeZip(entries());
    const b = await writeZip(entries());
    const c = await writeZip(entries().map((e) => (e.path === 'data/データ.csv' ? { ...e, content: csvLike } : e)));
    const d = await writeZip(entries().map((e) => (e.path === 'data/データ.csv' ? { ...e, content: () => chunked(csvLike, [65_536]) } : e)));
    expect(fp(b.zip)).toBe(fp(a.zip));
    expect(fp(c.zip)).toBe(fp(a.zip));
    expect(fp(d.zip)).toBe(fp(a.zip));
  });

  it('fixes every metadata field: DOS epoch, UTF-8 flag, no extra fields, mode 0644', async () => {
    const { zip } = await writeZip(entries());
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (const e of listZip(zip)) {
      const l = e.headerOffset;
      expect(view.getUint16(l + 6, true)).toBe(0x0808); // data descriptor + UTF-8
      expect(view.getUint16(l + 10, true)).toBe(0); // 00:00:00
      expect(view.getUint16(l + 12, true)).toBe(0x21); // 1980-01-01
      expect(view.getUint16(l + 28, true)).toBe(0); // no extra field
      expect(e.method).toBe(e.path === 'data/data.parquet' ? 0 : 8);
    }
    // Central directory: find each record by signature and check version made by, extra length and mode.
    let seen = 0;
    for (let i = 0; i + 4 <= zip.length; i++) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      seen++;
      expect(view.getUint16(i + 4, true)).toBe(0x032d);
      expect(view.getUint16(i + 30, true)).toBe(0);
      expect(view.getUint32(i + 38, true) >>> 16).toBe(0o100644);
    }
    expect(seen).toBe(4);
  });

  it('passes python3 -m zipfile -t and unzip -t, zip64 records included', async () => {
    for (const zip64 of ['auto', 'always'] as const) {
      const { zip } = await writeZip(entries(), { zip64 });
      const py = runTool('python3', (f) => ['-m', 'zipfile', '-t', f], zip);
      expect(py, 'python3 is required for this check').not.toBeNull();
      expect(py!.status, py!.out).toBe(0);
      const names = runTool('python3', (f) => ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip()); print("\\n".join(i.filename + " " + str(i.file_size) + " " + str(i.date_time) for i in z.infolist()))', f], zip);
      expect(names!.out.trim().split('\n')).toEqual([
        'None',
        'spec.json 13 (1980, 1, 1, 0, 0, 0)',
        `data/データ.csv ${csvLike.length} (1980, 1, 1, 0, 0, 0)`,
        'empty.txt 0 (1980, 1, 1, 0, 0, 0)',
        `data/data.parquet ${noise.length} (1980, 1, 1, 0, 0, 0)`,
      ]);
      const unzip = runTool('unzip', (f) => ['-t', f], zip);
      if (unzip === null) console.warn('unzip is not installed: unzip -t sub-check skipped (python3 checked the same file)');
      else expect(unzip.status, unzip.out).toBe(0);
      expect(Object.keys(unzipSync(zip)).length).toBe(4);
    }
  });

  it('refuses paths an unzip tool could misplace, and duplicates', async () => {
    const zip = new ZipWriter({ write: () => {} });
    for (const path of ['', '/etc/passwd', 'a/../b', './a', 'a\\b', 'dir/', 'a//b', 'tab\there']) {
      const err = await zip.add(path, new Uint8Array(1)).catch((e) => e);
      expect(isTokumeiError(err) && err.key, path).toBe('releaseBytes.zip.badPath');
    }
    await zip.add('a.txt', new Uint8Array(1));
    const dup = await zip.add('a.txt', new Uint8Array(1)).catch((e) => e);
    expect(isTokumeiError(dup) && dup.key).toBe('releaseBytes.zip.duplicatePath');
  });

  it('waits for an asynchronous sink: nothing is still in flight when add() resolves, and the bytes are the same', async () => {
    const parts: Uint8Array[] = [];
    let inFlight = 0;
    const zip = new ZipWriter({
      write: async (c) => {
        inFlight++;
        await new Promise((r) => setTimeout(r, 0));
        parts.push(c.slice());
        inFlight--;
      },
    });
    const pending: number[] = [];
    for (const e of entries()) {
      await zip.add(e.path, typeof e.content === 'function' ? e.content() : e.content, { compress: e.compress });
      pending.push(inFlight);
    }
    await zip.close();
    expect(pending).toEqual([0, 0, 0, 0]);
    expect(inFlight).toBe(0);
    expect(fp(concat(parts))).toBe(fp((await writeZip(entries())).zip));
  });

  it('refuses to go on after an entry failed half-way, since its bytes are already in the sink', async () => {
    const zip = new ZipWriter({ write: () => {} });
    async function* failing() {
      yield text('a,b\r\n');
      throw new Error('encoder failed');
    }
    await expect(zip.add('data/data.csv', failing())).rejects.toThrow('encoder failed');
    await expect(zip.add('spec.json', text('{}'))).rejects.toThrow(/earlier entry failed/);
    await expect(zip.close()).rejects.toThrow(/earlier entry failed/);
  });
});
