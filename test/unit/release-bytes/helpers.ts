import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZipWriter, type ZipWriterOptions } from '../../../src/core/release/zip.ts';
import type { EntryContent, WrittenEntry } from '../../../src/core/release/types.ts';

export async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  return concat(parts);
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}

export async function* chunked(bytes: Uint8Array, sizes: number[]): AsyncIterable<Uint8Array> {
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const n = Math.max(1, sizes[i % sizes.length]);
    yield bytes.slice(at, at + n);
    at += n;
  }
}

export async function* pages<T>(items: T[], size: number): AsyncIterable<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export interface Entry {
  path: string;
  content: EntryContent | (() => EntryContent);
  compress?: boolean;
}

/** Write a zip into memory; the sink copies each chunk, as a file stream would. */
export async function writeZip(entries: Entry[], opts?: ZipWriterOptions): Promise<{ zip: Uint8Array; written: WrittenEntry[] }> {
  const parts: Uint8Array[] = [];
  const zip = new ZipWriter({ write: (c) => void parts.push(c.slice()) }, opts);
  const written: WrittenEntry[] = [];
  for (const e of entries) {
    const content = typeof e.content === 'function' ? e.content() : e.content;
    written.push(await zip.add(e.path, content, { compress: e.compress }));
  }
  await zip.close();
  return { zip: concat(parts), written };
}

/** Run an external tool on a file; null when the tool is not installed. */
export function runTool(cmd: string, args: (file: string) => string[], bytes: Uint8Array, name = 'test.zip'): { status: number | null; out: string } | null {
  const dir = mkdtempSync(join(tmpdir(), 'tokumei-rb-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const r = spawnSync(cmd, args(file), { encoding: 'utf8', cwd: dir });
    if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A short, comparable fingerprint: Vitest's deep equality walks big typed arrays element by element, which takes seconds. */
export function fingerprint(b: Uint8Array): string {
  return `${b.length}:${createHash('sha256').update(b).digest('hex')}`;
}
