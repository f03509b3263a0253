import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { isTokumeiError } from '../../../src/core/errors.ts';
import type { Hierarchy } from '../../../src/core/hierarchy/types.ts';
import { generalizeSql, prepareHierarchies } from '../../../src/core/hierarchy/sql.ts';
import { histogramFromSizes } from '../../../src/core/risk/histogram.ts';
import { riskReport } from '../../../src/core/risk/report.ts';
import { aecs } from '../../../src/core/utility/aecs.ts';
import { discernibility } from '../../../src/core/utility/discernibility.ts';
import { nonUniformEntropy, nonUniformEntropyWithSuppression } from '../../../src/core/utility/entropy.ts';
import { aggregate, factors } from '../../../src/core/utility/factors.ts';
import { lossMetric } from '../../../src/core/utility/loss.ts';
import type { ValueCount } from '../../../src/core/utility/types.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';

// a, b → A; c, d → B; all → *. Domain of 4 values.
const X: Hierarchy = {
  levels: 3,
  rows: [
    ['a', 'A', '*'],
    ['b', 'A', '*'],
    ['c', 'B', '*'],
    ['d', 'B', '*'],
  ],
};
const released = (value: string, n: number): ValueCount => ({ value, released: n, suppressed: 0 });

describe('Loss (ARX MetricMDNMLoss)', () => {
  // Records a, a, b, c at level 1: labels A, A, A, B, each with domain share 2/4.
  const atLevel1 = new Map([['x', [released('A', 3), released('B', 1)]]]);

  it('normalizes Σ shares between N/|domain| and N', () => {
    // Σ = 4 · 0.5 = 2; min = 4/4 = 1; max = 4 → (2 − 1)/(4 − 1) = 1/3, truncated to 10 digits.
    const r = lossMetric([{ column: 'x', hierarchy: X, level: 1 }], atLevel1);
    expect(r.columns).toEqual([{ column: 'x', value: 0.3333333333 }]);
    expect(r.value).toBeCloseTo(0.3333333333, 15);
  });

  it('is 0 for original values and 1 for the root', () => {
    const level0 = new Map([['x', [released('a', 2), released('b', 1), released('c', 1)]]]);
    expect(lossMetric([{ column: 'x', hierarchy: X, level: 0 }], level0).value).toBe(0);
    const root = new Map([['x', [released('*', 4)]]]);
    expect(lossMetric([{ column: 'x', hierarchy: X, level: 2 }], root).value).toBe(1);
  });

  it('charges a suppressed record fully at gs-factor 0.5, partly below', () => {
    // c suppressed: released A×3 (share .5), suppressed B×1.
    const counts = new Map([['x', [released('A', 3), { value: 'B', released: 0, suppressed: 1 }]]]);
    const col = [{ column: 'x', hierarchy: X, level: 1 }];
    // Σ = 1.5 + 1 = 2.5 → (2.5 − 1)/3 = 0.5
    expect(lossMetric(col, counts).columns[0].value).toBe(0.5);
    // gs 0.25: sFactor 0.5 → suppressed costs 0.5 + 0.5·(1 − 0.5) = 0.75 → (2.25 − 1)/3 = 0.41666…
    expect(lossMetric(col, counts, { gsFactor: 0.25 }).columns[0].value).toBe(0.4166666666);
    // gs 0.75: gFactor 0.5 → Σ = 0.75 + 1, min = 0.5 → 1.25/3.5 = 0.357142857…
    expect(lossMetric(col, counts, { gsFactor: 0.75 }).columns[0].value).toBe(0.3571428571);
  });

  it('a NULL cell costs as much as a suppressed one', () => {
    const counts = new Map([['x', [released('A', 3), { value: null, released: 1, suppressed: 0 }]]]);
    expect(lossMetric([{ column: 'x', hierarchy: X, level: 1 }], counts).columns[0].value).toBe(0.5);
  });

  it('combines columns by the geometric mean of (1 + loss), minus 1', () => {
    const counts = new Map([
      ['x', [released('A', 3), { value: 'B', released: 0, suppressed: 1 }]],
      ['y', [released('a', 3), released('c', 1)]],
    ]);
    const cols = [
      { column: 'x', hierarchy: X, level: 1 },
      { column: 'y', hierarchy: X, level: 0 },
    ];
    expect(lossMetric(cols, counts).value).toBe(Math.sqrt(1.5) - 1);
    expect(lossMetric(cols, counts, { aggregate: 'arithmeticMean' }).value).toBe(0.25);
    expect(lossMetric(cols, counts, { aggregate: 'maximum' }).value).toBe(0.5);
    // Weights are normalized by the largest: y weighs 0 → x alone.
    expect(lossMetric(cols, counts, { aggregate: 'sum', weights: { x: 2, y: 0 } }).value).toBe(0.5);
  });

  it('refuses a label the hierarchy does not have', () => {
    const counts = new Map([['x', [released('Z', 1)]]]);
    try {
      lossMetric([{ column: 'x', hierarchy: X, level: 1 }], counts);
      expect.unreachable();
    } catch (e) {
      expect(isTokumeiError(e) && e.key).toBe('risk.hierarchy.missingValues');
    }
  });
});

describe('non-uniform entropy (ARX MetricMDNUEntropyPrecomputed)', () => {
  // Original values a, a, b, c.
  const original = new Map([['x', [released('a', 2), released('b', 1), released('c', 1)]]]);

  it('sums −count·log2(count / count of its label)', () => {
    // Level 1: A holds a×2, b×1 (3), B holds c (1): −(2·log2(2/3) + log2(1/3) + log2(1)) = 3·log2 3 − 2.
    const l1 = nonUniformEntropy([{ column: 'x', hierarchy: X, level: 1 }], original);
    expect(l1.value).toBe(Math.floor((3 * Math.log2(3) - 2) * 1e10) / 1e10);
    // Root: −(2·log2(1/2) + 2·log2(1/4)) = 6. Level 0: nothing lost.
    expect(nonUniformEntropy([{ column: 'x', hierarchy: X, level: 2 }], original).value).toBe(6);
    expect(nonUniformEntropy([{ column: 'x', hierarchy: X, level: 0 }], original).value).toBe(0);
  });

  it('the non-monotonic variant adds the entropy of the suppressed labels', () => {
    // Two suppressed records labelled A and B: −(log2(1/2) + log2(1/2)) = 2 more.
    const generalized = new Map([['x', [{ value: 'A', released: 1, suppressed: 1 }, { value: 'B', released: 0, suppressed: 1 }]]]);
    const col = [{ column: 'x', hierarchy: X, level: 2 }];
    expect(nonUniformEntropyWithSuppression(col, original, generalized).value).toBe(8);
    const none = new Map([['x', [released('*', 4)]]]);
    expect(nonUniformEntropyWithSuppression(col, original, none).value).toBe(6);
  });

  it('sums over columns by default', () => {
    const cols = [
      { column: 'x', hierarchy: X, level: 2 },
      { column: 'y', hierarchy: X, level: 2 },
    ];
    expect(nonUniformEntropy(cols, new Map([...original, ['y', [released('d', 4)]]])).value).toBe(6);
  });
});

describe('discernibility and AECS', () => {
  it('DM charges N per suppressed record, DM* ignores suppression', () => {
    // Released classes of 3 and 1, two suppressed records forming a class of 2: N = 6.
    const r = discernibility(histogramFromSizes([3, 1]), 2, histogramFromSizes([3, 1, 2]));
    expect(r).toEqual({ dm: 9 + 1 + 6 * 2, dmStar: 9 + 1 + 4 });
    expect(discernibility(histogramFromSizes([3, 1]), 0)).toEqual({ dm: 10, dmStar: 10 });
  });

  it('AECS counts the suppressed records as one extra class', () => {
    expect(aecs(histogramFromSizes([3, 1]), 2)).toBe(2);
    expect(aecs(histogramFromSizes([3, 1]), 0)).toBe(2);
    // gs 0.25: released classes weigh sFactor 0.5, the suppressed class gFactor 1 → 6 / 2.
    expect(aecs(histogramFromSizes([3, 1]), 2, 0.25)).toBe(3);
  });

  it('gs-factor splits like ARX and is checked', () => {
    expect(factors(0.5)).toEqual({ gFactor: 1, sFactor: 1 });
    expect(factors(0)).toEqual({ gFactor: 1, sFactor: 0 });
    expect(factors(1)).toEqual({ gFactor: 0, sFactor: 1 });
    expect(() => factors(1.5)).toThrow();
    expect(aggregate('sum', [Infinity], [1])).toBe(Number.MAX_VALUE);
  });
});

for (const host of ENGINE_HOSTS) {
  describe(`risk report with suppression: ${host.name}`, () => {
    let engine: SqlEngine & { close(): void };
    beforeAll(async () => {
      engine = await host.create();
      await engine.exec(`CREATE TABLE t (x VARCHAR, z VARCHAR)`);
      await engine.exec(`INSERT INTO t VALUES ('a','p'),('a','p'),('b','p'),('c','q'),('d','q'),('d','r')`);
      const [hx] = await prepareHierarchies(engine, [{ column: 'x', hierarchy: X }]);
      // x generalized to level 1, z as is; the lone record (B, r) is marked suppressed.
      await engine.exec(
        `CREATE VIEW g AS SELECT *, (x = 'B' AND z = 'r') AS sup FROM (${generalizeSql('t', [
          { column: 'x', level: 1, hierarchy: hx },
          { column: 'z', level: 0 },
        ])})`,
      );
    });
    afterAll(() => engine.close());

    it('keeps suppressed records out of the classes and charges them in utility', async () => {
      const r = await riskReport(engine, {
        original: 't',
        generalized: 'g',
        suppressedColumn: 'sup',
        columns: [
          { column: 'x', hierarchy: X, level: 1 },
          { column: 'z', level: 0 },
        ],
        threshold: 0.4,
        k: 2,
      });
      // Released classes: (A,p)×3, (B,q)×2; suppressed (B,r)×1.
      expect(r.histogram).toEqual(histogramFromSizes([3, 2]));
      expect(r).toMatchObject({ records: 6, releasedRecords: 5, suppressedRecords: 1, classes: 2, minClassSize: 2 });
      expect(r.recordsBelowK).toBe(0);
      expect(r.prosecutor).toEqual({ threshold: 0.4, recordsAtRisk: 2 / 5, highestRisk: 1 / 2, averageRisk: 2 / 5 });
      expect(r.utility.discernibility).toBe(9 + 4 + 6 * 1);
      expect(r.utility.discernibilityStar).toBe(9 + 4 + 1);
      expect(r.utility.aecs).toBe(6 / 3);
      // x: 5 released · 0.5 + 1 suppressed = 3.5 → (3.5 − 1.5)/(6 − 1.5) = 0.444…; z (no hierarchy: domain
      // p, q, r): released p×3, q×2 at share 1/3, r suppressed → (5/3 + 1 − 2)/(6 − 2) = 0.1666….
      expect(r.utility.loss.columns).toEqual([
        { column: 'x', value: 0.4444444444 },
        { column: 'z', value: 0.1666666666 },
      ]);
      expect(r.utility.loss.value).toBe(Math.pow(1.4444444444, 0.5) * Math.pow(1.1666666666, 0.5) - 1);
    });
  });
}
