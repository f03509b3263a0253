import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { comparePaths, formatManifest, parseManifest } from '../../../src/core/release/manifest.ts';
import { isTokumeiError } from '../../../src/core/errors.ts';
import type { ManifestLine } from '../../../src/core/release/types.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const line = (path: string, content = path): ManifestLine => ({ path, bytes: Buffer.byteLength(content), sha256: sha(content) });
const keyOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return isTokumeiError(e) ? e.key : `not a TokumeiError: ${e}`;
  }
  return 'no error';
};

describe('MANIFEST', () => {
  it('writes one LF-terminated line per file, sorted by code point (= UTF-8 byte order)', () => {
    // JS string order would put U+FF5E (～) after U+20000 (𠀀, a surrogate pair); code-point order does not.
    const paths = ['spec.json', 'data/data.csv', '𠀀.txt', '～.txt', 'Z.txt', 'records/creation-record.json'];
    const text = formatManifest(paths.map((p) => line(p)));
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    const written = lines.map((l) => l.split('  ')[2]);
    const byUtf8 = [...paths].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect(written).toEqual(byUtf8);
    expect(written.indexOf('～.txt')).toBeLessThan(written.indexOf('𠀀.txt'));
    expect(lines[0]).toBe(`${sha('Z.txt')}  5  Z.txt`);
  });

  it('round-trips any set of paths', () => {
    const path = fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' }).filter((p) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(p) && p !== 'MANIFEST');
    fc.assert(
      fc.property(fc.uniqueArray(path, { maxLength: 8 }), fc.array(fc.nat(1e9), { minLength: 8, maxLength: 8 }), (paths, sizes) => {
        if (paths.length === 0) return;
        const lines = paths.map((p, i) => ({ path: p, bytes: sizes[i], sha256: sha(p) }));
        const parsed = parseManifest(formatManifest(lines));
        expect(parsed).toEqual([...lines].sort((a, b) => comparePaths(a.path, b.path)));
      }),
    );
  });

  it('rejects anything a machine would not have written', () => {
    const good = formatManifest([line('a.txt'), line('b.txt')]);
    expect(parseManifest(good.trimEnd())).toHaveLength(2); // a missing final LF is tolerated
    expect(keyOf(() => parseManifest(''))).toBe('releaseBytes.manifest.empty');
    expect(keyOf(() => parseManifest(good.replace('\n', '\r\n')))).toBe('releaseBytes.manifest.invalidLine');
    expect(keyOf(() => parseManifest('\ufeff' + good))).toBe('releaseBytes.manifest.invalidLine');
    expect(keyOf(() => parseManifest(good.toUpperCase()))).toBe('releaseBytes.manifest.invalidLine');
    expect(keyOf(() => parseManifest(good.replace('  ', ' ')))).toBe('releaseBytes.manifest.invalidLine');
    expect(keyOf(() => parseManifest(good + good))).toBe('releaseBytes.manifest.duplicate');
    expect(keyOf(() => parseManifest(`${good}\n`))).toBe('releaseBytes.manifest.invalidLine');
    expect(keyOf(() => formatManifest([line('a\nb')]))).toBe('releaseBytes.manifest.badPath');
    expect(keyOf(() => formatManifest([line('a\u2028b')]))).toBe('releaseBytes.manifest.badPath');
    expect(keyOf(() => formatManifest([line('a'), line('a')]))).toBe('releaseBytes.manifest.duplicate');
    expect(() => formatManifest([line('MANIFEST')])).toThrow();
  });

  it('names the offending line', () => {
    const text = formatManifest([line('a.txt'), line('b.txt'), line('c.txt')]).replace(`  ${Buffer.byteLength('b.txt')}  b.txt`, '  x  b.txt');
    try {
      parseManifest(text);
      expect.unreachable();
    } catch (e) {
      expect(isTokumeiError(e) && e.params).toEqual({ line: 2 });
    }
  });

  it('is what sha256sum -c checks once the size column is removed (as documented in manifest.ts)', () => {
    const files = { 'spec.json': '{"v":1}', 'data/data.csv': 'a,b\r\n1,2\r\n', 'records/提供記録.json': '{}' };
    const dir = mkdtempSync(join(tmpdir(), 'tokumei-manifest-'));
    try {
      for (const [p, c] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, p)), { recursive: true });
        writeFileSync(join(dir, p), c);
      }
      writeFileSync(join(dir, 'MANIFEST'), formatManifest(Object.entries(files).map(([p, c]) => line(p, c))));
      const r = spawnSync('sh', ['-c', "sed -E 's/^([0-9a-f]{64})  [0-9]+  /\\1  /' MANIFEST | sha256sum -c"], { cwd: dir, encoding: 'utf8' });
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stdout.trim().split('\n')).toHaveLength(3);
      writeFileSync(join(dir, 'spec.json'), '{"v":2}');
      const tampered = spawnSync('sh', ['-c', "sed -E 's/^([0-9a-f]{64})  [0-9]+  /\\1  /' MANIFEST | sha256sum -c"], { cwd: dir, encoding: 'utf8' });
      expect(tampered.status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
