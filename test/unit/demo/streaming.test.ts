import { describe, expect, it } from 'vitest';
import { concatBytes, demoChunks, DEMO_TABLES, generateDemo, generateDemoFiles, tableChunks } from '../../../src/core/demo/index.ts';
import { csvRow } from '../../../src/core/demo/csv.ts';
import { isTokumeiError } from '../../../src/core/errors.ts';

const decode = (b: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(b);
/** Byte equality without a deep-equality walk over every element. */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe('demo generation is deterministic and streamable', () => {
  it('gives identical bytes for the same seed and different bytes for another', () => {
    const a = generateDemoFiles({ patients: 300, seed: 'abc' });
    const b = generateDemoFiles({ patients: 300, seed: 'abc' });
    const c = generateDemoFiles({ patients: 300, seed: 'abd' });
    for (let i = 0; i < a.length; i++) {
      expect(same(a[i].bytes, b[i].bytes)).toBe(true);
      expect(same(a[i].bytes, c[i].bytes)).toBe(false);
    }
    const n = generateDemoFiles({ patients: 50, seed: 7 });
    const s = generateDemoFiles({ patients: 50, seed: '7' });
    for (let i = 0; i < n.length; i++) expect(same(n[i].bytes, s[i].bytes)).toBe(true);
  });

  it('streams each table alone exactly as the one-pass writer does, in row-aligned chunks', () => {
    const opts = { patients: 400, seed: 3, chunkBytes: 4096 };
    const whole = generateDemoFiles(opts);
    for (const t of DEMO_TABLES) {
      const chunks = [...tableChunks(t.key, opts)];
      expect(chunks.length).toBeGreaterThan(1);
      expect(chunks.every((c) => c[c.length - 1] === 0x0a)).toBe(true);
      expect(same(concatBytes(chunks), whole.find((f) => f.key === t.key)!.bytes)).toBe(true);
    }
    const interleaved = [...demoChunks(opts)];
    expect(new Set(interleaved.map((c) => c.table)).size).toBe(4);
    const viaStreams = generateDemo(opts).tables.map((t) => concatBytes([...t.chunks()]));
    viaStreams.forEach((b, i) => expect(same(b, whole[i].bytes)).toBe(true));
    const parts = whole.map((f) => concatBytes(interleaved.filter((c) => c.table === f.key).map((c) => c.bytes)));
    parts.forEach((b, i) => expect(same(b, whole[i].bytes)).toBe(true));
  });

  it('starts each table with its header and counts data rows', () => {
    for (const f of generateDemoFiles({ patients: 120, seed: 1 })) {
      const text = decode(f.bytes);
      expect(text.startsWith(csvRow(f.columns))).toBe(true);
      expect(text.endsWith('\n')).toBe(true);
      // No generated field contains a line break, so lines = header + rows.
      expect(text.split('\n').length - 2).toBe(f.rows);
    }
    expect(generateDemoFiles({ patients: 120, seed: 1 })[0].rows).toBe(120);
  });

  it('a prefix of patients yields a prefix of every table', () => {
    const small = generateDemoFiles({ patients: 40, seed: 9 });
    const large = generateDemoFiles({ patients: 80, seed: 9 });
    for (let i = 0; i < small.length; i++) {
      const s = small[i].bytes;
      expect(same(large[i].bytes.subarray(0, s.length), s)).toBe(true);
    }
  });

  it('writes only headers for zero patients and refuses a negative or fractional count', () => {
    const files = generateDemoFiles({ patients: 0 });
    for (const f of files) expect(decode(f.bytes)).toBe(csvRow(f.columns));
    for (const bad of [-1, 1.5, Number.NaN]) {
      let err: unknown;
      try {
        generateDemoFiles({ patients: bad });
      } catch (e) {
        err = e;
      }
      expect(isTokumeiError(err) && err.key).toBe('demo.invalidPatients');
    }
  });
});
