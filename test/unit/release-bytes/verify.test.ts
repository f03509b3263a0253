import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { createHash } from 'node:crypto';
import { formatManifest } from '../../../src/core/release/manifest.ts';
import { verifyPackage, verifySummary } from '../../../src/core/release/verify.ts';
import { listZip, readEntry } from '../../../src/core/release/unzip.ts';
import { isTokumeiError } from '../../../src/core/errors.ts';
import { allMessageKeys, t } from '../../../src/core/i18n/catalog.ts';
import { releaseBytes } from '../../../src/core/i18n/messages/release-bytes.ts';
import { chunked, runTool, writeZip, type Entry } from './helpers.ts';

const text = (s: string) => new TextEncoder().encode(s);
const csv = text('\ufeff年齢,性別\r\n40-44,女\r\n'.repeat(2000));
const files: Entry[] = [
  { path: 'data/data.csv', content: () => chunked(csv, [4096]) },
  { path: 'spec.json', content: text('{"version":1}') },
  { path: 'records/creation-record.json', content: text('{"seed":"s"}') },
];

/** A package as the release command will assemble it: files first, MANIFEST from what the writer reported. */
async function makePackage(opts: { extra?: Entry[]; manifest?: (m: string) => string; dropManifest?: boolean; zip64?: 'always' } = {}) {
  const first = await writeZip(files);
  let manifest = formatManifest(first.written);
  if (opts.manifest) manifest = opts.manifest(manifest);
  const entries = [...files, ...(opts.extra ?? []), ...(opts.dropManifest ? [] : [{ path: 'MANIFEST', content: text(manifest) }])];
  return (await writeZip(entries, { zip64: opts.zip64 })).zip;
}

const statuses = (r: ReturnType<typeof verifyPackage>) => r.files.map((f) => `${f.status} ${f.path}`);
const keys = (r: ReturnType<typeof verifyPackage>) => r.problems.map((p) => `${p.key} ${p.params.path ?? p.params.line ?? ''}`.trim());

describe('verifyPackage', () => {
  it('accepts an intact package and reports every file with its hash', async () => {
    for (const zip64 of [undefined, 'always'] as const) {
      const report = verifyPackage(await makePackage({ zip64 }));
      expect(report.ok).toBe(true);
      expect(report.problems).toEqual([]);
      expect(statuses(report)).toEqual(['ok data/data.csv', 'ok records/creation-record.json', 'ok spec.json']);
      const data = report.files[0];
      expect(data.actual).toEqual({ sha256: createHash('sha256').update(csv).digest('hex'), bytes: csv.length });
      expect(data.expected).toEqual(data.actual);
      expect(verifySummary(report)).toEqual({ key: 'releaseBytes.verify.ok', params: { files: 3 } });
    }
  });

  it('finds an altered file, a missing one and an unlisted one', async () => {
    const tampered = await makePackage({
      manifest: (m) => m.replace(/^[0-9a-f]{64}(?=  \d+  spec\.json)/m, '0'.repeat(64)) + `${'1'.repeat(64)}  3  dictionary.csv\n`,
      extra: [{ path: 'notes.txt', content: text('hello') }],
    });
    const report = verifyPackage(tampered);
    expect(report.ok).toBe(false);
    expect(statuses(report)).toEqual(['ok data/data.csv', 'missing dictionary.csv', 'unlisted notes.txt', 'ok records/creation-record.json', 'mismatch spec.json']);
    expect(keys(report).sort()).toEqual([
      'releaseBytes.verify.mismatch spec.json',
      'releaseBytes.verify.missing dictionary.csv',
      'releaseBytes.verify.unlisted notes.txt',
    ]);
    expect(report.files.find((f) => f.path === 'notes.txt')!.actual!.bytes).toBe(5);
    expect(verifySummary(report)).toEqual({ key: 'releaseBytes.verify.failed', params: { problems: 3 } });
  });

  it('treats a size that disagrees with MANIFEST as a mismatch', async () => {
    const report = verifyPackage(await makePackage({ manifest: (m) => m.replace(/  13  spec\.json/, '  14  spec.json') }));
    expect(statuses(report)).toContain('mismatch spec.json');
  });

  it('reports a missing or unparsable MANIFEST clearly and still lists what the package holds', async () => {
    const none = verifyPackage(await makePackage({ dropManifest: true }));
    expect(none.ok).toBe(false);
    expect(keys(none)[0]).toBe('releaseBytes.verify.manifestMissing');
    expect(statuses(none)).toEqual(['unlisted data/data.csv', 'unlisted records/creation-record.json', 'unlisted spec.json']);

    const broken = verifyPackage(await makePackage({ manifest: (m) => m.replace('  13  ', ' 13 ') }));
    expect(broken.ok).toBe(false);
    expect(keys(broken)).toContain('releaseBytes.manifest.invalidLine 3');

    const notUtf8 = await writeZip([...files, { path: 'MANIFEST', content: new Uint8Array([0xff, 0xfe, 0x00]) }]);
    expect(keys(verifyPackage(notUtf8.zip))).toContain('releaseBytes.manifest.invalidLine 1');
  });

  it('detects damaged bytes inside the zip (CRC) without crashing', async () => {
    const zip = await makePackage();
    const entry = listZip(zip).find((e) => e.path === 'spec.json')!;
    const damaged = zip.slice();
    const dataAt = entry.headerOffset + 30 + 'spec.json'.length;
    damaged[dataAt + 2] ^= 0x55;
    const report = verifyPackage(damaged);
    expect(report.ok).toBe(false);
    expect(report.problems.some((p) => p.key === 'releaseBytes.verify.unreadable' && p.params.path === 'spec.json')).toBe(true);
    expect(statuses(report)).toContain('mismatch spec.json');
  });

  it('checks a package through a random-access source in bounded reads (packages larger than memory)', async () => {
    const big = new Uint8Array(3_500_000).map((_, i) => (i * 7) & 0xff);
    const first = await writeZip([{ path: 'data/data.parquet', content: big, compress: false }, { path: 'spec.json', content: text('{}') }]);
    const zip = (await writeZip([
      { path: 'data/data.parquet', content: big, compress: false },
      { path: 'spec.json', content: text('{}') },
      { path: 'MANIFEST', content: text(formatManifest(first.written)) },
    ])).zip;
    let largest = 0;
    const source = {
      size: zip.length,
      read: (offset: number, length: number) => {
        largest = Math.max(largest, length);
        return zip.slice(offset, offset + length);
      },
    };
    const report = verifyPackage(source);
    expect(report.ok).toBe(true);
    expect(report).toEqual(verifyPackage(zip));
    expect(largest).toBeLessThanOrEqual(1 << 20);
  });

  it('throws a clear error for something that is not a zip', () => {
    for (const bytes of [new Uint8Array(0), text('name,age\r\n'), new Uint8Array(5000)]) {
      try {
        verifyPackage(bytes);
        expect.unreachable();
      } catch (e) {
        expect(isTokumeiError(e) && e.key).toBe('releaseBytes.unzip.notZip');
      }
    }
  });

  it('flags a path stored twice (possible only in a zip made by other tools)', () => {
    // fflate cannot write a name twice; Python can (with a warning).
    const r = runTool('python3', (f) => ['-c', `import zipfile, warnings\nwarnings.simplefilter('ignore')\nz = zipfile.ZipFile(${JSON.stringify('dup.zip')}, 'w')\nz.writestr('a.txt', 'x')\nz.writestr('a.txt', 'y')\nz.close()\nprint(open('dup.zip','rb').read().hex())`], new Uint8Array(0), 'unused');
    expect(r, 'python3 is required for this check').not.toBeNull();
    const zip = Uint8Array.from(Buffer.from(r!.out.trim(), 'hex'));
    const report = verifyPackage(zip);
    expect(keys(report)).toContain('releaseBytes.verify.duplicateEntry a.txt');
  });
});

describe('unzip', () => {
  it('reads ordinary zips made by other tools (fflate, Python with zip64)', () => {
    const plain = zipSync({ 'a.txt': strToU8('あいう'), 'dir/b.bin': new Uint8Array([1, 2, 3]) }, { level: 9 });
    expect(listZip(plain).map((e) => [e.path, new TextDecoder().decode(readEntry(plain, e))])).toEqual([
      ['a.txt', 'あいう'],
      ['dir/b.bin', '\u0001\u0002\u0003'],
    ]);
    const py = runTool('python3', () => ['-c', `import zipfile, io\nb = io.BytesIO()\nz = zipfile.ZipFile(b, 'w', zipfile.ZIP_DEFLATED)\nwith z.open('大きい.txt', 'w', force_zip64=True) as f: f.write('データ'.encode() * 1000)\nz.writestr('c.txt', 'c')\nz.comment = b'a comment'\nz.close()\nprint(b.getvalue().hex())`], new Uint8Array(0), 'unused');
    expect(py, 'python3 is required for this check').not.toBeNull();
    const zip = Uint8Array.from(Buffer.from(py!.out.trim(), 'hex'));
    const [big, c] = listZip(zip);
    expect(big.path).toBe('大きい.txt');
    expect(new TextDecoder().decode(readEntry(zip, big))).toBe('データ'.repeat(1000));
    expect(new TextDecoder().decode(readEntry(zip, c))).toBe('c');
  });
});

describe('release-bytes messages', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  it('are registered, bilingual, prefixed and use the same placeholders in both languages', () => {
    const registered = new Set<string>(allMessageKeys());
    for (const [key, m] of Object.entries(releaseBytes)) {
      expect(registered.has(key), key).toBe(true);
      expect(key.startsWith('releaseBytes.'), key).toBe(true);
      expect(m.ja.trim() && m.en.trim(), key).toBeTruthy();
      expect(placeholders(m.ja), key).toEqual(placeholders(m.en));
    }
    expect(t('ja', 'releaseBytes.verify.mismatch', { path: 'spec.json' })).toContain('spec.json');
  });
});
