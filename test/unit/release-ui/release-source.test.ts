import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_TABLES, demoChunks, generateDemoFiles } from '../../../src/core/demo/index.ts';
import { isTokumeiError } from '../../../src/core/errors.ts';
import { blobSha256, demoTableSha256, SourceHashes } from '../../../workers/engine/release-source.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('source hashes', () => {
  it('hashes a Blob read as a stream like sha256sum hashes the file', async () => {
    // Several parts of odd sizes, so block boundaries fall inside chunks.
    const parts = [new Uint8Array(63).fill(1), new Uint8Array(70_001).map((_, i) => i * 31), new TextEncoder().encode('患者ID,氏名\n')];
    const whole = Buffer.concat(parts);
    expect(await blobSha256(new Blob(parts))).toBe(sha(whole));
    expect(await blobSha256(new Blob([]))).toBe(sha(new Uint8Array(0)));
  });

  it('stops reading when cancelled', async () => {
    const ctl = new AbortController();
    ctl.abort();
    const e = await blobSha256(new Blob([new Uint8Array(10)]), ctl.signal).catch((x: unknown) => x);
    expect(isTokumeiError(e) && e.key).toBe('engine.cancelled');
  });

  it('gives a demo table the hash of the file `tokumei demo` writes, and of the bytes the app loads', () => {
    const opts = { patients: 120, seed: 20240401 };
    const loaded = generateDemoFiles(opts);
    for (const t of DEMO_TABLES) {
      const written = Buffer.concat([...demoChunks(opts)].filter((c) => c.table === t.key).map((c) => c.bytes));
      const h = demoTableSha256(t.name, opts.patients, '20240401');
      expect(h).toBe(sha(written));
      expect(h).toBe(sha(loaded.find((f) => f.name === t.name)!.bytes));
    }
  });

  it('refuses a table whose source is unknown', async () => {
    const hashes = new SourceHashes();
    for (const run of [() => hashes.of('x', null), () => hashes.of('no-such-demo-table', { kind: 'demo', patients: 10, seed: 1 })]) {
      const e = await run().catch((x: unknown) => x);
      expect(isTokumeiError(e) && e.key).toBe('uiRelease.error.noSource');
    }
  });

  it('reads a file afresh each time and remembers a demo table', async () => {
    const hashes = new SourceHashes();
    expect(await hashes.of('t', { kind: 'file', file: new Blob(['a']) })).toBe(sha(new TextEncoder().encode('a')));
    expect(await hashes.of('t', { kind: 'file', file: new Blob(['b']) })).toBe(sha(new TextEncoder().encode('b')));
    const a = await hashes.of('患者', { kind: 'demo', patients: 30, seed: 5 });
    expect(await hashes.of('患者', { kind: 'demo', patients: 30, seed: 5 })).toBe(a);
    expect(await hashes.of('患者', { kind: 'demo', patients: 31, seed: 5 })).not.toBe(a);
  });
});
