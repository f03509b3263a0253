import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { measureLDiversity } from '../../../src/core/risk/ldiversity.ts';
import { measureTCloseness } from '../../../src/core/risk/tcloseness.ts';
import { isTokumeiError } from '../../../src/core/errors.ts';
import type { SqlEngine, SqlValue } from '../../../src/core/engine.ts';
import { createTable } from './support.ts';

/*
 * Hand case: quasi-identifier g, sensitive s.
 *   class a: x x x y   (3, 1)      class b: x y z (1, 1, 1)      class c: x x y y z (2, 2, 1)
 * distinct: min(2, 3, 3) = 2.
 * entropy: a: H = −(¾ log2 ¾ + ¼ log2 ¼) = 0.811278, 2^H = 4 / 3^¾ = 1.754765; b: 3; c: 2^1.521928 = 2.871746.
 * recursive, c = 2 (r1 < c·(r_l + … + r_m)): a: l=1 3 < 8 ✓, l=2 3 < 2 ✗ → 1; b: 1 < 2 → 3; c: l=2 2 < 6 ✓,
 *   l=3 2 < 2 ✗ → 2; dataset 1. c = 4: a: 3 < 4 → 2; b 3; c: 2 < 4 → 3; dataset 2.
 * Reference distribution (all 12 records): x 6, y 4, z 2 → q = (½, ⅓, ⅙).
 * equal distance ½Σ|p−q|: a (¾, ¼, 0): ½(¼ + 1/12 + ⅙) = ¼; b: ½(⅙ + 0 + ⅙) = ⅙; c (.4, .4, .2): ½(.1 + 1/15 + 1/30) = .1.
 * ordered (x < y < z, m = 3), Σ|cumulative p − q| / 2: a: (¼ + ⅙ + 0)/2 = 5/24; b: (⅙ + ⅙)/2 = ⅙;
 *   c: (.1 + 1/30)/2 = 1/15. Dataset: 5/24.
 * order y, x, z: a: (|¼ − ⅓| + |−1/12 + ¼|)/2 = (1/12 + ⅙)/2 = ⅛; b: (0 + ⅙)/2 = 1/12; c: (1/15 + 1/30)/2 = 1/20 → ⅛.
 * Classes a and b only, against their own 7 records (x 4, y 2, z 1): a: ½(.75−4/7 + 2/7−.25 + 1/7) = 5/28;
 *   b: ½(4/7−⅓ + ⅓−2/7 + ⅓−1/7) = 5/21 → 5/21. Against all 12 records (ARX's reference): ¼.
 */
const HAND: [string, string][] = [
  ['a', 'x'], ['a', 'x'], ['a', 'x'], ['a', 'y'],
  ['b', 'x'], ['b', 'y'], ['b', 'z'],
  ['c', 'x'], ['c', 'x'], ['c', 'y'], ['c', 'y'], ['c', 'z'],
];

type V = number | null;
/** Straight from ARX's criteria: every class, every value, in double arithmetic. */
function naive(rows: { q: V[]; s: V }[]) {
  const classes = new Map<string, Map<V, number>>();
  const global = new Map<V, number>();
  for (const r of rows) {
    const key = JSON.stringify(r.q);
    if (!classes.has(key)) classes.set(key, new Map());
    const m = classes.get(key)!;
    m.set(r.s, (m.get(r.s) ?? 0) + 1);
    global.set(r.s, (global.get(r.s) ?? 0) + 1);
  }
  const values = [...global.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
  const n = rows.length;
  let distinct = Infinity;
  let entropy = Infinity;
  let recursive = Infinity;
  let eq = 0;
  let ord = 0;
  for (const m of classes.values()) {
    const f = [...m.values()].sort((a, b) => b - a);
    const size = f.reduce((a, b) => a + b, 0);
    distinct = Math.min(distinct, f.length);
    entropy = Math.min(entropy, 2 ** (Math.log2(size) - f.reduce((s, x) => s + x * Math.log2(x), 0) / size));
    let l = 0;
    for (let i = 1; i <= f.length; i++) if (f[0] < 3 * f.slice(i - 1).reduce((a, b) => a + b, 0)) l = i;
    recursive = Math.min(recursive, l);
    let e = 0;
    let cum = 0;
    let o = 0;
    for (const v of values) {
      const d = (m.get(v) ?? 0) / size - global.get(v)! / n;
      e += Math.abs(d);
      cum += d;
      o += Math.abs(cum);
    }
    eq = Math.max(eq, e / 2);
    ord = Math.max(ord, values.length > 1 ? o / (values.length - 1) : 0);
  }
  return { classes: classes.size, distinct, entropy, recursive, eq, ord };
}

for (const host of ENGINE_HOSTS) {
  describe(`l-diversity and t-closeness: ${host.name}`, () => {
    const enginePromise = host.create();
    afterAll(async () => (await enginePromise).close());
    const hand = async (e: SqlEngine) => {
      await createTable(e, 'hand', ['g', 's'], HAND);
      await createTable(e, 'hand_ab', ['g', 's'], HAND.filter(([g]) => g !== 'c'));
    };

    it('l-diversity of the hand case', async () => {
      const e = await enginePromise;
      await hand(e);
      const r2 = await measureLDiversity(e, { relation: 'hand', qis: ['g'], sensitive: 's', recursiveC: 2 });
      expect(r2).toMatchObject({ attribute: 's', classes: 3, distinct: 2, recursive: { c: 2, l: 1 } });
      expect(r2.entropy).toBeCloseTo(1.754765, 6);
      const r4 = await measureLDiversity(e, { relation: 'hand', qis: ['g'], sensitive: 's', recursiveC: 4 });
      expect(r4.recursive).toEqual({ c: 4, l: 2 });
      const none = await measureLDiversity(e, { relation: 'hand', qis: ['g'], sensitive: 's' });
      expect(none.recursive).toBeNull();
    });

    it('a class with one value fails recursive l = 1 when c = 1', async () => {
      const e = await enginePromise;
      await createTable(e, 'mono', ['g', 's'], [['a', 'x'], ['a', 'x'], ['b', 'x'], ['b', 'y']]);
      expect((await measureLDiversity(e, { relation: 'mono', qis: ['g'], sensitive: 's', recursiveC: 1 })).recursive).toEqual({ c: 1, l: 0 });
      expect((await measureLDiversity(e, { relation: 'mono', qis: ['g'], sensitive: 's', recursiveC: 1.5 })).recursive).toEqual({ c: 1.5, l: 1 });
    });

    it('t-closeness of the hand case', async () => {
      const e = await enginePromise;
      await hand(e);
      const t = await measureTCloseness(e, { relation: 'hand', qis: ['g'], sensitive: 's' });
      expect(t).toMatchObject({ attribute: 's', classes: 3 });
      expect(t.equalDistance).toBeCloseTo(0.25, 12);
      expect(t.orderedDistance).toBeCloseTo(5 / 24, 12);
      const yxz = await measureTCloseness(e, { relation: 'hand', qis: ['g'], sensitive: 's', order: ['y', 'x', 'z'] });
      expect(yxz.orderedDistance).toBeCloseTo(1 / 8, 12);
      expect(yxz.equalDistance).toBeCloseTo(0.25, 12);
    });

    it('measures against the reference relation it is given (ARX: the whole input)', async () => {
      const e = await enginePromise;
      await hand(e);
      const own = await measureTCloseness(e, { relation: 'hand_ab', qis: ['g'], sensitive: 's' });
      expect(own.equalDistance).toBeCloseTo(5 / 21, 12);
      const all = await measureTCloseness(e, { relation: 'hand_ab', qis: ['g'], sensitive: 's', globalRelation: 'hand' });
      expect(all.equalDistance).toBeCloseTo(0.25, 12);
      expect(all.classes).toBe(2);
    });

    it('rejects an order that misses a value', async () => {
      const e = await enginePromise;
      await hand(e);
      const err = await measureTCloseness(e, { relation: 'hand', qis: ['g'], sensitive: 's', order: ['x', 'y'] }).catch((x: unknown) => x);
      expect(isTokumeiError(err) && err.key).toBe('riskSdc.error.orderMissingValue');
      expect(isTokumeiError(err) && err.params.value).toBe('z');
    });

    it('with no quasi-identifiers all records are one class', async () => {
      const e = await enginePromise;
      await hand(e);
      const l = await measureLDiversity(e, { relation: 'hand', qis: [], sensitive: 's' });
      expect(l).toMatchObject({ classes: 1, distinct: 3 });
      const t = await measureTCloseness(e, { relation: 'hand', qis: [], sensitive: 's' });
      expect(t.equalDistance).toBe(0);
      expect(t.orderedDistance).toBe(0);
    });

    it('an empty relation has no figures', async () => {
      const e = await enginePromise;
      await e.exec(`CREATE OR REPLACE TABLE nothing (g VARCHAR, s INTEGER)`);
      expect(await measureLDiversity(e, { relation: 'nothing', qis: ['g'], sensitive: 's', recursiveC: 2 })).toEqual({
        attribute: 's', classes: 0, distinct: null, entropy: null, recursive: null,
      });
      expect(await measureTCloseness(e, { relation: 'nothing', qis: ['g'], sensitive: 's' })).toEqual({
        attribute: 's', classes: 0, equalDistance: null, orderedDistance: null,
      });
    });

    it('agrees with the criteria computed value by value on random data (missing values included)', async () => {
      const e = await enginePromise;
      const val = (max: number) => fc.option(fc.integer({ min: 0, max }), { freq: 6, nil: null });
      const row = fc.record({ q: fc.tuple(val(2), val(1)), s: val(9) });
      await fc.assert(
        fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 60 }), async (rows) => {
          await createTable(e, 'rnd', ['q1', 'q2', 's'], rows.map((r) => [...r.q, r.s] as SqlValue[]), { q1: 'INTEGER', q2: 'INTEGER', s: 'INTEGER' });
          const want = naive(rows.map((r) => ({ q: r.q, s: r.s })));
          const l = await measureLDiversity(e, { relation: 'rnd', qis: ['q1', 'q2'], sensitive: 's', recursiveC: 3 });
          const t = await measureTCloseness(e, { relation: 'rnd', qis: ['q1', 'q2'], sensitive: 's' });
          expect(l.classes).toBe(want.classes);
          expect(l.distinct).toBe(want.distinct);
          expect(l.entropy).toBeCloseTo(want.entropy, 9);
          expect(l.recursive!.l).toBe(want.recursive);
          expect(t.equalDistance).toBeCloseTo(want.eq, 12);
          expect(t.orderedDistance).toBeCloseTo(want.ord, 12);
        }),
        { numRuns: 40 },
      );
    });
  });
}
