import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { codedClasses, Scratch, type CodedColumn, type CodedRelation } from '../../../src/core/risk/class-engine.ts';

/** The definition, spelled out: classes by joined released codes, then sizes, purity and l per class. */
function reference(rel: CodedRelation, minSize: number) {
  const classes = new Map<string, number[]>();
  for (let i = 0; i < rel.records; i++) {
    if (rel.keep && !rel.keep[i]) continue;
    const key = rel.qis.map((q) => q.map[q.codes[i]]).join(',');
    const list = classes.get(key) ?? [];
    list.push(rel.sensitive ? rel.sensitive.map[rel.sensitive.codes[i]] : 0);
    classes.set(key, list);
  }
  const bySize = new Map<number, { classes: number; pure: number }>();
  let kept = 0;
  let distinct = Infinity;
  let h = Infinity;
  for (const values of classes.values()) {
    const e = bySize.get(values.length) ?? { classes: 0, pure: 0 };
    e.classes++;
    const freq = new Map<number, number>();
    for (const v of values) freq.set(v, (freq.get(v) ?? 0) + 1);
    if (rel.sensitive && freq.size === 1) e.pure++;
    bySize.set(values.length, e);
    if (values.length >= minSize) {
      kept++;
      distinct = Math.min(distinct, freq.size);
      const n = values.length;
      h = Math.min(h, Math.log2(n) - [...freq.values()].reduce((s, f) => s + f * Math.log2(f), 0) / n);
    }
  }
  const rows = [...bySize].sort((a, b) => a[0] - b[0]).map(([size, e]) => ({ size, ...e }));
  return { rows, diversity: kept === 0 ? { classes: 0, distinct: null, entropy: null } : { classes: kept, distinct, entropy: 2 ** h } };
}

/**
 * A column with `sources` source codes released as `size` values. Sizes up to 2^20 make the key
 * space large enough for the hashed path and for keys of more than one word.
 */
const column = (records: number) =>
  fc
    .record({ sources: fc.integer({ min: 1, max: 6 }), size: fc.constantFrom(1, 2, 3, 5, 1000, 2 ** 20) })
    .chain(({ sources, size }) =>
      fc.record({
        codes: fc.array(fc.integer({ min: 0, max: sources - 1 }), { minLength: records, maxLength: records }),
        // Released codes are below the size and below the number of source codes (a released value stands for at least one).
        map: fc.array(fc.integer({ min: 0, max: Math.min(size, sources, 4) - 1 }), { minLength: sources, maxLength: sources }),
        size: fc.constant(size),
      }),
    )
    .map((c): CodedColumn => ({ codes: Int32Array.from(c.codes), map: Int32Array.from(c.map), size: c.size }));

const relation = fc.integer({ min: 0, max: 80 }).chain((records) =>
  fc.record({
    records: fc.constant(records),
    qis: fc.array(column(records), { minLength: 0, maxLength: 5 }),
    sensitive: fc.option(column(records), { nil: null }),
    keep: fc.option(fc.array(fc.constantFrom(0, 1, 1), { minLength: records, maxLength: records }).map((k) => Uint8Array.from(k)), { nil: null }),
  }),
);

describe('classes counted from codes', () => {
  it('agree with the definition: sizes, pure classes and l over the classes of at least minSize records', () => {
    fc.assert(
      fc.property(relation, fc.integer({ min: 1, max: 5 }), (rel, minSize) => {
        const got = codedClasses(rel);
        const want = reference(rel, minSize);
        expect(got.rows).toEqual(want.rows);
        if (!rel.sensitive) return;
        const d = got.diversity(minSize);
        expect(d.classes).toBe(want.diversity.classes);
        expect(d.distinct).toBe(want.diversity.distinct);
        if (want.diversity.entropy === null) expect(d.entropy).toBeNull();
        else expect(d.entropy).toBeCloseTo(want.diversity.entropy, 10);
      }),
      { numRuns: 400, seed: 2024 },
    );
  });

  it('agrees when one scratch is reused while the released values change (stored keys updated in place)', () => {
    const records = 60;
    const sizes = [2 ** 20, 7, 2 ** 20, 3, 2 ** 20];
    const spec = fc.record({
      maps: fc.tuple(...sizes.map((size) => fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 }).map((m) => ({ m, size })))),
      keep: fc.option(fc.array(fc.constantFrom(0, 1, 1), { minLength: records, maxLength: records }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: records * sizes.length, maxLength: records * sizes.length }), fc.array(spec, { minLength: 2, maxLength: 6 }), (flat, steps) => {
        const codes = sizes.map((_, c) => Int32Array.from(flat.slice(c * records, (c + 1) * records)));
        const sensitive = { codes: codes[1], map: Int32Array.from([0, 1, 2, 0, 1, 2]), size: 3 };
        const scratch = new Scratch();
        for (const step of steps) {
          // A released size at least as large as any code the map gives (the hashed path needs a large key space).
          const qis = step.maps.map(({ m, size }, c) => ({ codes: codes[c], map: Int32Array.from(m), size }));
          const rel: CodedRelation = { records, keep: step.keep && Uint8Array.from(step.keep), qis, sensitive };
          const got = codedClasses(rel, scratch);
          expect(got.rows).toEqual(reference(rel, 1).rows);
          expect(got.diversity(2).distinct).toBe(reference(rel, 2).diversity.distinct);
        }
      }),
      { numRuns: 200, seed: 99 },
    );
  });

  it('agrees for keys of one, two and more than two 52-bit words', () => {
    const n = 3000;
    let x = 7;
    const next = (m: number) => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8) % m;
    const identity = Int32Array.from({ length: 2 ** 18 }, (_, i) => i);
    // 18 bits of source codes per column: 2 columns fit one word, 5 need two, 6 need three.
    const col = (): CodedColumn => ({ codes: Int32Array.from({ length: n }, () => next(3)), map: identity, size: 2 ** 18 });
    for (const columns of [2, 5, 6]) {
      const rel: CodedRelation = {
        records: n,
        keep: Uint8Array.from({ length: n }, () => (next(7) === 0 ? 0 : 1)),
        qis: Array.from({ length: columns }, col),
        sensitive: { codes: Int32Array.from({ length: n }, () => next(4)), map: Int32Array.from([0, 1, 2, 3]), size: 4 },
      };
      const got = codedClasses(rel);
      const want = reference(rel, 1);
      expect(got.rows).toEqual(want.rows);
      expect(got.diversity(1).distinct).toBe(want.diversity.distinct);
    }
  });

  it('agrees on relations large enough to be split into hash partitions', () => {
    const n = 60_000;
    let x = 12345;
    const next = (m: number) => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8) % m;
    const identity = (size: number) => Int32Array.from({ length: size }, (_, i) => i);
    const col = (distinct: number, size: number): CodedColumn => ({
      codes: Int32Array.from({ length: n }, () => next(distinct)),
      map: Int32Array.from(identity(distinct), (v) => v % size),
      size,
    });
    for (const qis of [
      [col(300, 300), col(40, 40), col(7, 7)],
      [col(5000, 2 ** 20), col(5000, 2 ** 20), col(5000, 2 ** 20)],
    ]) {
      const rel: CodedRelation = { records: n, keep: Uint8Array.from({ length: n }, () => (next(10) === 0 ? 0 : 1)), qis, sensitive: col(9, 9) };
      const got = codedClasses(rel);
      const want = reference(rel, 2);
      expect(got.rows).toEqual(want.rows);
      const d = got.diversity(2);
      expect({ ...d, entropy: null }).toEqual({ ...want.diversity, entropy: null });
      expect(d.entropy).toBeCloseTo(want.diversity.entropy!, 10);
    }
  });

  it('treats no quasi-identifier as one class, and no record as no class', () => {
    const s = { codes: Int32Array.from([0, 1, 1]), map: Int32Array.from([0, 1]), size: 2 };
    const one = codedClasses({ records: 3, keep: null, qis: [], sensitive: s });
    expect(one.rows).toEqual([{ size: 3, classes: 1, pure: 0 }]);
    expect(one.diversity(1)).toEqual({ classes: 1, distinct: 2, entropy: 2 ** (Math.log2(3) - 2 / 3) });
    const none = codedClasses({ records: 3, keep: new Uint8Array(3), qis: [], sensitive: s });
    expect(none.rows).toEqual([]);
    expect(none.diversity(1)).toEqual({ classes: 0, distinct: null, entropy: null });
  });
});
