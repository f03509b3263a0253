import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTokumeiError } from '../../../src/core/errors.ts';
import { codeCombos } from '../../../src/core/suppress/coded.ts';
import { wildcardFrequencies } from '../../../src/core/suppress/frequency.ts';
import { localSuppression } from '../../../src/core/suppress/local.ts';
import type { KeyCombos } from '../../../src/core/suppress/types.ts';

type Key = (string | null)[];

/** sdcMicro's fk by its definition, record against record (alpha = 1): the independent reference. */
function naiveFk(records: Key[]): number[] {
  const none = (r: Key) => r.every((v) => v === null);
  const full = (r: Key) => r.every((v) => v !== null);
  const agree = (a: Key, b: Key) => a.every((v, i) => v === null || b[i] === null || v === b[i]);
  return records.map((r) => {
    if (none(r)) return records.length;
    return records.filter((o) => agree(r, o) && !(full(r) && none(o) && r.length > 1)).length;
  });
}

function combosOf(keys: string[], records: Key[]): KeyCombos {
  const map = new Map<string, { values: Key; count: number }>();
  for (const r of records) {
    const id = JSON.stringify(r);
    const e = map.get(id);
    if (e) e.count++;
    else map.set(id, { values: r, count: 1 });
  }
  return { keys, values: [...map.values()].map((e) => e.values), counts: [...map.values()].map((e) => e.count) };
}

/** Applies the result record by record. */
function released(combos: KeyCombos, blanked: Uint32Array, records: Key[]): Key[] {
  const maskOf = new Map(combos.values.map((v, i) => [JSON.stringify(v), blanked[i]]));
  return records.map((r) => {
    const m = maskOf.get(JSON.stringify(r))!;
    return r.map((v, d) => (m & (1 << d) ? null : v));
  });
}

describe('wildcard frequencies (sdcMicro freqCalc, alpha = 1)', () => {
  it('match the record-by-record definition, missing values included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((keys) =>
          fc.array(fc.array(fc.option(fc.constantFrom('a', 'b', 'c'), { freq: 4 }), { minLength: keys, maxLength: keys }), {
            minLength: 1,
            maxLength: 25,
          }),
        ),
        (records) => {
          const keys = records[0].map((_, i) => `k${i}`);
          const combos = combosOf(keys, records);
          const fk = wildcardFrequencies(codeCombos(combos));
          const byCombo = new Map(combos.values.map((v, i) => [JSON.stringify(v), fk[i]]));
          expect(records.map((r) => byCombo.get(JSON.stringify(r)))).toEqual(naiveFk(records));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('local suppression', () => {
  // (a,x)×2 (a,y) (b,y)×2: only (a,y) is unique. Blanking either key gives it 3 matches.
  const records: Key[] = [
    ['a', 'x'],
    ['a', 'x'],
    ['a', 'y'],
    ['b', 'y'],
    ['b', 'y'],
  ];
  const combos = combosOf(['k0', 'k1'], records);

  it('blanks one cell of the one unique record', () => {
    const r = localSuppression(combos, { k: 2 });
    expect(r.suppressedCells).toBe(1);
    expect(r.recordsAtRiskBefore).toBe(1);
    // (a,x) keeps its 2; (NA,y) now matches itself and (b,y)×2.
    expect(r.minFrequency).toBe(2);
    expect(released(combos, r.blanked, records)).toEqual([['a', 'x'], ['a', 'x'], [null, 'y'], ['b', 'y'], ['b', 'y']]);
  });

  it('importance decides which variable keeps its value', () => {
    const r = localSuppression(combos, { k: 2, importance: { k0: 5 } });
    expect(r.byKey).toEqual({ k0: 0, k1: 1 });
    expect(released(combos, r.blanked, records)[2]).toEqual(['a', null]);
  });

  it('uses existing missing values as wildcards', () => {
    const withNa: Key[] = [
      ['c', 'x'],
      ['c', 'y'],
      ['c', null],
    ];
    // (c,x) and (c,y) each match themselves and (c,NA): 2 < 3. Blanking k1 of (c,x) is enough:
    // (c,y) then matches itself and two (c,NA), and (c,NA) matches everything.
    const r = localSuppression(combosOf(['k0', 'k1'], withNa), { k: 3 });
    expect(r.recordsAtRiskBefore).toBe(2);
    expect(r.suppressedCells).toBe(1);
    expect(r.minFrequency).toBe(3);
  });

  it('refuses what it cannot do', () => {
    const key = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isTokumeiError(e) ? e.key : String(e);
      }
      return 'none';
    };
    expect(key(() => localSuppression(combos, { k: 1 }))).toBe('search.cell.invalidK');
    expect(key(() => localSuppression(combos, { k: 6 }))).toBe('search.cell.tooFewRecords');
    expect(key(() => localSuppression(combos, { k: 2, importance: { k0: 0 } }))).toBe('search.cell.invalidImportance');
    expect(key(() => localSuppression({ keys: [], values: [], counts: [] }, { k: 2 }))).toBe('search.cell.noKeys');
  });

  it('always ends k-anonymous with missing values matching anything, and only blanks present key values', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 2, max: 4 }),
        fc.array(fc.array(fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { freq: 8 }), { minLength: 5, maxLength: 5 }), {
          minLength: 4,
          maxLength: 40,
        }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 5, maxLength: 5 }),
        (nkeys, k, rows, weights) => {
          fc.pre(rows.length >= k);
          const keys = [...Array(nkeys).keys()].map((i) => `k${i}`);
          const records = rows.map((r) => r.slice(0, nkeys));
          const combos = combosOf(keys, records);
          const importance = Object.fromEntries(keys.map((key, i) => [key, weights[i]]));
          const r = localSuppression(combos, { k, importance });
          const out = released(combos, r.blanked, records);
          expect(Math.min(...naiveFk(out))).toBeGreaterThanOrEqual(k);
          let changed = 0;
          records.forEach((rec, i) =>
            rec.forEach((v, d) => {
              if (out[i][d] !== v) {
                expect(v).not.toBeNull();
                expect(out[i][d]).toBeNull();
                changed++;
              }
            }),
          );
          expect(changed).toBe(r.suppressedCells);
          expect(Object.values(r.byKey).reduce((s, n) => s + n, 0)).toBe(r.suppressedCells);
          expect(r.blanked.every((b) => b >>> nkeys === 0)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
