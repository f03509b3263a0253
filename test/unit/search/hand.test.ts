import { describe, expect, it } from 'vitest';
import { isTokumeiError } from '../../../src/core/errors.ts';
import type { Hierarchy } from '../../../src/core/hierarchy/types.ts';
import { buildSearchInput } from '../../../src/core/search/input.ts';
import { kForRisk, searchOptimum, searchOptimumSync } from '../../../src/core/search/search.ts';

const AGE: Hierarchy = {
  levels: 3,
  rows: [
    ['20', '20-29', '*'],
    ['21', '20-29', '*'],
    ['30', '30-39', '*'],
    ['31', '30-39', '*'],
  ],
};
const SEX: Hierarchy = { levels: 2, rows: [['M', '*'], ['F', '*']] };
const columns = [
  { column: 'age', hierarchy: AGE },
  { column: 'sex', hierarchy: SEX },
];
// (20,M) (21,M) (30,F) (31,F) (31,M)
const people = buildSearchInput(
  columns,
  [
    ['20', 'M'],
    ['21', 'M'],
    ['30', 'F'],
    ['31', 'F'],
    ['31', 'M'],
  ].map((values) => ({ values, count: 1 })),
);

describe('hand-computed optimum', () => {
  it('k = 2 without suppression generalizes age fully: Loss √2 − 1', () => {
    // (1,0) leaves (30-39, M) alone; (2,0) gives (*, M)×3, (*, F)×2. Age: every record share 1
    // → (5 − 5/4) / (5 − 5/4) = 1; sex: 5 · ½ = 2.5 = min → 0. Geometric mean of (1+1, 0+1), minus 1.
    const r = searchOptimumSync(people, { k: 2 });
    expect(r.levels).toEqual({ age: 2, sex: 0 });
    expect(r.infoLoss).toBe(Math.pow(2, 1 / 2) * Math.pow(1, 1 / 2) - 1);
    expect(r.suppressedRecords).toBe(0);
    expect(r.classes).toBe(2);
  });

  it('k = 2 with 20 % suppression drops (31, M) and keeps decades', () => {
    // ⌊0.2 · 5⌋ = 1 record may go. (1,0): (20-29,M)×2, (30-39,F)×2, (30-39,M)×1 suppressed.
    // Age: 4 released × ½ + 1 suppressed = 3 → (3 − 1.25) / 3.75 = 0.4666666666 (truncated);
    // sex: 4 × ½ + 1 = 3 → (3 − 2.5) / 2.5 = 0.2.
    const r = searchOptimumSync(people, { k: 2, suppressionLimit: 0.2 });
    expect(r.levels).toEqual({ age: 1, sex: 0 });
    expect(r.columns).toEqual([
      { column: 'age', value: 0.4666666666 },
      { column: 'sex', value: 0.2 },
    ]);
    expect(r.infoLoss).toBe(Math.pow(1.4666666666, 1 / 2) * Math.pow(1.2, 1 / 2) - 1);
    expect(r.suppressedRecords).toBe(1);
    expect(r.classes).toBe(2);
  });

  it('the limit is ⌊fraction · records⌋ and compared with ≤', () => {
    // 0.19 · 5 = 0.95 → 0 records may go, so the 20 % answer is out of reach.
    expect(searchOptimumSync(people, { k: 2, suppressionLimit: 0.19 }).levels).toEqual({ age: 2, sex: 0 });
  });

  it('a maximum prosecutor risk of 0.5 is k = 2; 0.34 is k = 3', () => {
    expect(kForRisk(0.5)).toBe(2);
    expect(kForRisk(0.34)).toBe(3);
    expect(kForRisk(1 / 3)).toBe(3);
    expect(kForRisk(1)).toBe(1);
    expect(searchOptimumSync(people, { maxRisk: 0.5 }).levels).toEqual({ age: 2, sex: 0 });
    // k = 3 needs classes of three: only the top of age with sex generalized works... or (1,1): 20-29 ×2 fails.
    expect(searchOptimumSync(people, { maxRisk: 0.34 }).levels).toEqual({ age: 2, sex: 1 });
  });

  it('reports when nothing satisfies the model', () => {
    const r = searchOptimumSync(people, { k: 6 });
    expect(r.found).toBe(false);
    expect(r.levels).toBeNull();
  });
});

describe('ties are broken as ARX breaks them', () => {
  // Four records a×b, each value once with each other value; k = 2. Generalizing either column
  // alone gives two classes of two with the same loss, on the same lattice level. FLASH checks
  // the successors of the bottom in FLASHStrategy order; here all criteria are equal, so column
  // order decides, and ARX keeps the first optimum it checked (a later one must be strictly
  // better, or equal on a lower level).
  const h = (p: string): Hierarchy => ({ levels: 2, rows: [[`${p}0`, '*'], [`${p}1`, '*']] });
  const rows = [
    ['x0', 'y0'],
    ['x0', 'y1'],
    ['x1', 'y0'],
    ['x1', 'y1'],
  ];
  it('the first column is generalized, whichever it is', () => {
    const xy = buildSearchInput(
      [
        { column: 'x', hierarchy: h('x') },
        { column: 'y', hierarchy: h('y') },
      ],
      rows.map((values) => ({ values, count: 1 })),
    );
    const yx = buildSearchInput(
      [
        { column: 'y', hierarchy: h('y') },
        { column: 'x', hierarchy: h('x') },
      ],
      rows.map(([x, y]) => ({ values: [y, x], count: 1 })),
    );
    expect(searchOptimumSync(xy, { k: 2 }).levels).toEqual({ x: 1, y: 0 });
    expect(searchOptimumSync(yx, { k: 2 }).levels).toEqual({ y: 1, x: 0 });
  });

  it('the strategy prefers the column that keeps more distinct values', () => {
    // x has three values, of which x0 and x1 merge at level 1 (x2 stays): generalizing x keeps 2
    // of 3 distinct values, generalizing y keeps 1 of 2, so FLASHStrategy puts x first although
    // y comes first in column order. Records (y0,x0) (y0,x1) (y1,x0) (y1,x1) (y0,x2) (y0,x2):
    // either single generalization gives three classes of two (DM = 12).
    const hx: Hierarchy = { levels: 2, rows: [['x0', 'X'], ['x1', 'X'], ['x2', 'x2']] };
    const input = buildSearchInput(
      [
        { column: 'y', hierarchy: h('y') },
        { column: 'x', hierarchy: hx },
      ],
      [
        ['y0', 'x0'],
        ['y0', 'x1'],
        ['y1', 'x0'],
        ['y1', 'x1'],
        ['y0', 'x2'],
        ['y0', 'x2'],
      ].map((values) => ({ values, count: 1 })),
    );
    const r = searchOptimumSync(input, { k: 2, metric: 'discernibility' });
    expect(r.infoLoss).toBe(12);
    expect(r.levels).toEqual({ y: 0, x: 1 });
  });
});

describe('validation and the async driver', () => {
  const key = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return isTokumeiError(e) ? e.key : String(e);
    }
    return 'no error';
  };
  it('refuses models it cannot run', () => {
    expect(key(() => searchOptimumSync(people, {}))).toBe('search.noPrivacyModel');
    expect(key(() => searchOptimumSync(people, { k: 0 }))).toBe('search.invalidK');
    expect(key(() => searchOptimumSync(people, { k: 2, suppressionLimit: 1.5 }))).toBe('search.invalidSuppression');
    expect(key(() => searchOptimumSync(people, { k: 2, l: { l: 2, variant: 'distinct' } }))).toBe('search.sensitiveRequired');
    expect(key(() => searchOptimumSync(people, { maxRisk: 0 }))).toBe('search.invalidRisk');
    expect(key(() => searchOptimumSync(people, { k: 2, metric: 'height' as never }))).toBe('search.invalidMetric');
    expect(key(() => buildSearchInput(columns, [{ values: ['99', 'M'], count: 1 }]))).toBe('risk.hierarchy.missingValues');
  });

  it('the async search gives the same answer, reports progress and can be aborted', async () => {
    const sync = searchOptimumSync(people, { k: 2, suppressionLimit: 0.2 });
    const progress: { checked: number; total: number }[] = [];
    const r = await searchOptimum(people, { k: 2, suppressionLimit: 0.2 }, { onProgress: (p) => progress.push(p) });
    expect({ ...r, ms: 0 }).toEqual({ ...sync, ms: 0 });
    expect(progress[0]).toEqual({ checked: 0, settled: 0, total: 6 });

    const controller = new AbortController();
    const run = searchOptimum(people, { k: 2 }, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(() => searchOptimumSync(people, { k: 2 }, { signal: controller.signal })).toThrow(/abort/i);
  });
});
