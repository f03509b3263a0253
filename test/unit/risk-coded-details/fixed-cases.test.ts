import { afterAll, describe, expect, it } from 'vitest';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { codedLDiversity, codedSdcRisk, codedTCloseness } from '../../../src/core/risk/coded-details.ts';
import { measureLDiversity } from '../../../src/core/risk/ldiversity.ts';
import { measureSdcRisk } from '../../../src/core/risk/sdc-indiv-risk.ts';
import { isTokumeiError } from '../../../src/core/errors.ts';
import type { SqlValue } from '../../../src/core/engine.ts';
import { compare, errorKey } from './compare.ts';
import { fromRows, load, qiNames, S, W } from './support.ts';

/*
 * The hand case of risk-sdc/ldiversity-tcloseness.test.ts (figures derived there):
 *   class a: x x x y   class b: x y z   class c: x x y y z
 * distinct 2, entropy 4/3^¾ = 1.754765, recursive c = 2 → 1, c = 4 → 2;
 * equal distance ¼, ordered (x < y < z) 5/24. With class c suppressed the reference stays all
 * 12 records: equal max(¼, ⅙) = ¼, ordered max(5/24, ⅙) = 5/24, and l is read from a and b only
 * (distinct 2, recursive c = 4: a 2, b 3 → 2).
 */
const L_HAND: [string, string][] = [
  ['a', 'x'], ['a', 'x'], ['a', 'x'], ['a', 'y'],
  ['b', 'x'], ['b', 'y'], ['b', 'z'],
  ['c', 'x'], ['c', 'x'], ['c', 'y'], ['c', 'y'], ['c', 'z'],
];
const lRows = L_HAND.map(([g, s]) => ({ q: [g], s }));

/*
 * The missing-key hand case of risk-sdc/sdc-freq.test.ts and sdc-indiv-risk.test.ts (X, Y, Z, weight):
 *   A (1,1,1) ×2   B (1,2,1)   C (1,·,1)   D (·,2,1)   E (·,·,·)   F (2,·,2)
 * fk/Fk: A 3/38, B 3/17, C 6/50, D 4/20, E 7/56, F 2/9 (E, wholly missing, does not count for A
 * and B, which are complete). Risks there: max 0.1629324574 (F), sum 0.4263085689, mean
 * 0.0609012241, one record above 0.1 and one "higher than the main part"; fk < 2: 0, < 3: 1, < 5: 5.
 */
const SDC_HAND: [SqlValue, SqlValue, SqlValue, number][] = [
  [1, 1, 1, 10],
  [1, 1, 1, 20],
  [1, 2, 1, 5],
  [1, null, 1, 8],
  [null, 2, 1, 4],
  [null, null, null, 3],
  [2, null, 2, 6],
];
const sdcRows = SDC_HAND.map(([x, y, z, w], i) => ({ q: [x, y, z], s: i % 3, w }));

/** mulberry32: a fixed stream of pseudo-random numbers for the larger case. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 4,000 records, three quasi-identifiers with NULLs, a skewed sensitive column of a few hundred
 * values (long runs between a class's values, for the ordered distance's binary search),
 * fractional weights, and the classes of a single record suppressed.
 */
function largerCase() {
  const rnd = random(7);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const rows = Array.from({ length: 4000 }, () => ({
    q: [rnd() < 0.05 ? null : Math.floor(rnd() * 40), rnd() < 0.1 ? null : Math.floor(rnd() * 4), rnd() < 0.02 ? null : pick([0, 0, 0, 1, 2, 3, 4, 5, 6, 7])],
    s: rnd() < 0.02 ? null : Math.round(Math.exp(rnd() * 6) * 4) / 4,
    w: pick([1, 2.5, 0.75, 10, 3.3]),
  }));
  const sizes = new Map<string, number>();
  for (const r of rows) sizes.set(JSON.stringify(r.q), (sizes.get(JSON.stringify(r.q)) ?? 0) + 1);
  return fromRows(rows, { suppressed: (i) => sizes.get(JSON.stringify(rows[i].q))! < 2, recursiveC: 1.5, threshold: 0.05, ks: [2, 3, 5, 10] });
}

for (const host of ENGINE_HOSTS) {
  describe(`details from codes, fixed cases: ${host.name}`, () => {
    const enginePromise = host.create();
    afterAll(async () => (await enginePromise).close());

    it('l-diversity and t-closeness of the hand case, then with one class suppressed', async () => {
      const e = await enginePromise;
      for (const c of [2, 4]) {
        const f = await compare(e, fromRows(lRows, { text: true, recursiveC: c }));
        expect(f.l).toMatchObject({ classes: 3, distinct: 2, recursive: { c, l: c === 2 ? 1 : 2 } });
        expect(f.l.entropy).toBeCloseTo(4 / 3 ** 0.75, 12);
        expect(f.t.equalDistance).toBeCloseTo(1 / 4, 14);
        expect(f.t.orderedDistance).toBeCloseTo(5 / 24, 14);
      }
      const f = await compare(e, fromRows(lRows, { text: true, recursiveC: 4, suppressed: (r) => L_HAND[r][0] === 'c' }));
      expect(f.l).toMatchObject({ classes: 2, distinct: 2, recursive: { c: 4, l: 2 } });
      expect(f.t).toMatchObject({ classes: 2 });
      expect(f.t.equalDistance).toBeCloseTo(1 / 4, 14);
      expect(f.t.orderedDistance).toBeCloseTo(5 / 24, 14);
    });

    it('individual risk of the missing-key hand case (wildcard rules, weights)', async () => {
      const e = await enginePromise;
      const f = await compare(e, fromRows(sdcRows, { ks: [2, 3, 5], threshold: 0.1 }));
      const weighted = f.sdc[1];
      expect(weighted).toMatchObject({
        records: 7,
        keyCombinations: 6,
        weighted: true,
        recordsBelowK: [{ k: 2, records: 0 }, { k: 3, records: 1 }, { k: 5, records: 5 }],
        individualRisk: { recordsAbove: 1, higherThanMainPart: 1, threshold: 0.1 },
      });
      expect(weighted.individualRisk!.max).toBeCloseTo(0.1629324574, 9);
      expect(weighted.individualRisk!.expectedReidentifications).toBeCloseTo(0.4263085689, 9);
      expect(weighted.individualRisk!.mean).toBeCloseTo(0.0609012241, 9);
      // Without weights Fk = fk and the risk is 1/fk: A ⅓ ×2, B ⅓, C ⅙, D ¼, E 1/7, F ½.
      expect(f.sdc[0].individualRisk!.expectedReidentifications).toBeCloseTo(3 / 3 + 1 / 6 + 1 / 4 + 1 / 7 + 1 / 2, 12);
    });

    it('a larger release: long runs between values, many weights, suppressed small classes', async () => {
      const e = await enginePromise;
      const c = largerCase();
      expect(c.released.includes(0)).toBe(true);
      const f = await compare(e, c);
      expect(f.t.orderedDistance).toBeGreaterThan(0);
      expect(f.sdc[0].recordsBelowK[1].records).toBeGreaterThan(0);
      expect(f.sdc[0].individualRisk!.higherThanMainPart).toBeGreaterThan(0);
      expect(f.sdc[1].individualRisk!.recordsAbove).toBeGreaterThan(0);
    });

    it('nothing released: the same empty answers', async () => {
      const e = await enginePromise;
      const f = await compare(e, fromRows(lRows, { text: true, recursiveC: 2, suppressed: () => true }));
      expect(f.l).toEqual({ attribute: S, classes: 0, distinct: null, entropy: null, recursive: null });
      expect(f.t).toEqual({ attribute: S, classes: 0, equalDistance: null, orderedDistance: null });
      expect(f.sdc[0]).toEqual({ records: 0, keyCombinations: 0, weighted: false, recordsBelowK: [{ k: 2, records: 0 }, { k: 3, records: 0 }, { k: 5, records: 0 }], individualRisk: null });
    });

    it('a missing weight on a released record fails as in SQL, with the same count; on a suppressed one it does not count', async () => {
      const e = await enginePromise;
      const c = fromRows(sdcRows, { suppressed: (r) => r === 6 });
      c.weights[0] = NaN;
      c.weights[3] = NaN;
      c.weights[6] = NaN;
      await load(e, c, true);
      const fail = async (f: () => unknown) => {
        try {
          await f();
        } catch (err) {
          if (isTokumeiError(err)) return { key: err.key, params: err.params };
          throw err;
        }
        return null;
      };
      const want = await fail(() => measureSdcRisk(e, { relation: 'kept', keys: qiNames(c), weight: W, threshold: 0.1, ks: [] }));
      expect(want).toEqual({ key: 'riskSdc.error.weightMissing', params: { column: W, count: 2 } });
      expect(await fail(() => codedSdcRisk(c.rel, c.ids, c.released, { threshold: 0.1, ks: [], weights: c.weights, weightName: W }))).toEqual(want);
    });

    it('rejects what the SQL rejects: c of recursive l, the threshold, too many keys', async () => {
      const e = await enginePromise;
      const c = fromRows(sdcRows);
      await load(e, c);
      const qis = qiNames(c);
      for (const bad of [0, -1, NaN, Infinity]) {
        expect(await errorKey(() => measureLDiversity(e, { relation: 'kept', qis, sensitive: S, recursiveC: bad }))).toBe('riskSdc.error.recursiveC');
        expect(await errorKey(() => codedLDiversity(c.rel, c.ids, c.released, S, bad))).toBe('riskSdc.error.recursiveC');
      }
      for (const bad of [-0.1, 1.5, NaN]) {
        expect(await errorKey(() => measureSdcRisk(e, { relation: 'kept', keys: qis, threshold: bad }))).toBe('riskSdc.error.threshold');
        expect(await errorKey(() => codedSdcRisk(c.rel, c.ids, c.released, { threshold: bad, ks: [] }))).toBe('riskSdc.error.threshold');
      }
      const many = { ...c.rel, qis: Array.from({ length: 31 }, () => c.rel.qis[0]) };
      expect(await errorKey(() => measureSdcRisk(e, { relation: 'kept', keys: Array.from({ length: 31 }, (_, i) => `k${i}`) }))).toBe('riskSdc.error.tooManyKeys');
      expect(await errorKey(() => codedSdcRisk(many, c.ids, c.released, { threshold: 0.1, ks: [] }))).toBe('riskSdc.error.tooManyKeys');
      // The t-closeness of codes agrees with itself whichever path sums a class (doubles or BigInt).
      const rank = await load(e, c);
      expect(codedTCloseness(c.rel, c.ids, c.released, S, rank, { exactLimit: 0 })).toEqual(codedTCloseness(c.rel, c.ids, c.released, S, rank));
    });
  });
}

describe('details from codes, shared grouping', () => {
  it('notices a released flag or a sensitive map changed in place between calls', () => {
    const c = fromRows(lRows.map((r, i) => ({ ...r, s: i % 4 === 0 ? null : r.s })), { text: true });
    const rank = Int32Array.from(c.sensitiveLabels, (_, i) => i);
    const fresh = () => {
      // A copy of the class ids is another object: nothing to reuse.
      const ids = { ...c.ids };
      return { l: codedLDiversity(c.rel, ids, c.released, S, 2), t: codedTCloseness(c.rel, ids, c.released, S, rank) };
    };
    const cached = () => ({ l: codedLDiversity(c.rel, c.ids, c.released, S, 2), t: codedTCloseness(c.rel, c.ids, c.released, S, rank) });
    expect(cached()).toEqual(fresh());
    c.released[c.ids.ids[0]] = 0;
    const afterSuppression = cached();
    expect(afterSuppression).toEqual(fresh());
    expect(afterSuppression.l.classes).toBe(2);
    // Merge two released values in place: z becomes y, so class b (NULL, y, z) has two values left.
    const s = c.rel.sensitive!;
    s.map[s.codes[L_HAND.findIndex(([, v]) => v === 'z')]] = s.map[s.codes[L_HAND.findIndex(([, v], i) => v === 'y' && i % 4 !== 0)]];
    const afterMerge = cached();
    expect(afterMerge).toEqual(fresh());
    expect(afterMerge.l.distinct).not.toBe(afterSuppression.l.distinct);
  });
});
