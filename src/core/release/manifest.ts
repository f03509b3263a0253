import { TokumeiError } from '../errors.ts';
import { PACKAGE_PATHS, type ManifestLine } from './types.ts';

/**
 * MANIFEST: one line per package file, `<sha256>  <bytes>  <path>`, LF, UTF-8, no BOM.
 * Paths are sorted by Unicode code point (= UTF-8 byte order, = `LC_ALL=C sort`), not by
 * JS string order, which differs for characters outside the BMP. MANIFEST does not list
 * itself. Without the size column a line is exactly what `sha256sum -c` reads, so an auditor
 * can check an unpacked package with `sed -E 's/^([0-9a-f]{64})  [0-9]+  /\1  /' MANIFEST | sha256sum -c`.
 */

const LINE = /^([0-9a-f]{64}) {2}(0|[1-9][0-9]*) {2}(.+)$/;
/** Control characters and the Unicode line and paragraph separators: a path with one would not stay on its line for text tools (nor for `.` in LINE). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Code-point order. */
export function comparePaths(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

export function formatManifest(lines: ManifestLine[]): string {
  const seen = new Set<string>();
  for (const l of lines) {
    if (l.path === PACKAGE_PATHS.manifest) throw new Error('MANIFEST must not list itself');
    if (l.path === '' || CONTROL.test(l.path)) throw new TokumeiError('releaseBytes.manifest.badPath', { path: l.path });
    if (!/^[0-9a-f]{64}$/.test(l.sha256) || !Number.isSafeInteger(l.bytes) || l.bytes < 0) {
      throw new Error(`MANIFEST line for ${l.path} has a malformed hash or size`);
    }
    if (seen.has(l.path)) throw new TokumeiError('releaseBytes.manifest.duplicate', { path: l.path });
    seen.add(l.path);
  }
  return [...lines]
    .sort((a, b) => comparePaths(a.path, b.path))
    .map((l) => `${l.sha256}  ${l.bytes}  ${l.path}\n`)
    .join('');
}

/** Strict: MANIFEST is written by a machine, so anything unexpected means it was edited or damaged. */
export function parseManifest(text: string): ManifestLine[] {
  const raw = text.endsWith('\n') ? text.slice(0, -1) : text;
  if (raw === '') throw new TokumeiError('releaseBytes.manifest.empty');
  const out: ManifestLine[] = [];
  const seen = new Set<string>();
  raw.split('\n').forEach((line, i) => {
    const m = LINE.exec(line);
    if (!m || CONTROL.test(m[3]) || !Number.isSafeInteger(Number(m[2]))) {
      throw new TokumeiError('releaseBytes.manifest.invalidLine', { line: i + 1 });
    }
    const path = m[3];
    if (seen.has(path)) throw new TokumeiError('releaseBytes.manifest.duplicate', { path });
    seen.add(path);
    out.push({ sha256: m[1], bytes: Number(m[2]), path });
  });
  return out;
}
