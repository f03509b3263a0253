import { DEMO_TABLES, tableChunks } from '../../src/core/demo/index.ts';
import { TokumeiError } from '../../src/core/errors.ts';
import { Sha256 } from '../../src/core/release/sha256.ts';

/**
 * Where a table's bytes came from, as the page knows it (EngineClient keeps each table's File).
 * The package records the SHA-256 of these bytes, as `tokumei release` records `sha256sum` of
 * its input file, so a ledger search by source hash finds packages made in either host.
 */
export type ReleaseSource =
  | { kind: 'file'; file: Blob }
  /** The built-in demo: its bytes are generated again (the same as `tokumei demo --rows N --seed S` writes). */
  | { kind: 'demo'; patients: number; seed: number | string };

/** SHA-256 of a Blob read as a stream: a source larger than memory is never held whole. */
export async function blobSha256(blob: Blob, signal?: AbortSignal): Promise<string> {
  const hash = new Sha256();
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      if (signal?.aborted) throw new TokumeiError('engine.cancelled');
      const { done, value } = await reader.read();
      if (done) break;
      hash.update(value);
    }
  } finally {
    reader.releaseLock();
  }
  return hash.hex();
}

/** SHA-256 of one demo table's CSV bytes: those of the file `tokumei demo` writes for it. */
export function demoTableSha256(table: string, patients: number, seed: number | string): string {
  const info = DEMO_TABLES.find((t) => t.name === table);
  if (!info) throw new TokumeiError('uiRelease.error.noSource', { table });
  const hash = new Sha256();
  for (const chunk of tableChunks(info.key, { patients, seed })) hash.update(chunk);
  return hash.hex();
}

/**
 * The source hash of a table. A File is read afresh each time (a File crosses to the worker as a
 * new object, so identity cannot key a cache, and the record must state what was read); a demo
 * table's hash depends only on its parameters and is remembered.
 */
export class SourceHashes {
  private readonly demo = new Map<string, string>();

  async of(table: string, source: ReleaseSource | null, signal?: AbortSignal): Promise<string> {
    if (!source) throw new TokumeiError('uiRelease.error.noSource', { table });
    if (source.kind === 'file') return blobSha256(source.file, signal);
    const k = `${table}\u0000${source.patients}\u0000${source.seed}`;
    let h = this.demo.get(k);
    if (h === undefined) this.demo.set(k, (h = demoTableSha256(table, source.patients, source.seed)));
    return h;
  }
}
