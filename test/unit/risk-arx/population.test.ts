import { describe, expect, it } from 'vitest';
import { isTokumeiError } from '../../../src/core/errors.ts';
import { histogramFromSizes } from '../../../src/core/risk/histogram.ts';
import { hypergeometricProbability } from '../../../src/core/risk/population/hypergeometric.ts';
import { log1pExact, logExact } from '../../../src/core/risk/population/log-exact.ts';
import { ARX_SOLVER, solveNewton } from '../../../src/core/risk/population/newton.ts';
import { pitmanEstimate } from '../../../src/core/risk/population/pitman.ts';
import { snbEstimate, snbUniques } from '../../../src/core/risk/population/snb.ts';
import { digamma, gamma, logGamma, trigamma } from '../../../src/core/risk/population/special.ts';
import { populationUniqueness } from '../../../src/core/risk/population/uniqueness.ts';
import { zayatzUniques } from '../../../src/core/risk/population/zayatz.ts';
import type { ClassSizeHistogram } from '../../../src/core/risk/types.ts';

// adult.csv, all 9 columns as quasi-identifiers (the histogram adult.test.ts derives with SQL).
const ADULT: ClassSizeHistogram = {
  entries: [
    [1, 15512], [2, 2098], [3, 754], [4, 375], [5, 189], [6, 155], [7, 97], [8, 73], [9, 39], [10, 37], [11, 29],
    [12, 18], [13, 23], [14, 14], [15, 15], [16, 9], [17, 11], [18, 10], [19, 10], [20, 5], [21, 3], [22, 4],
    [23, 3], [24, 2], [25, 1], [26, 3], [27, 5], [29, 1], [30, 2], [32, 1], [34, 1], [35, 1], [36, 1], [45, 1],
  ],
  records: 30162,
};

/**
 * Reference values printed by Apache Commons Math 3.6.1 (the library ARX calls) on OpenJDK 17:
 * Gamma.logGamma, Gamma.gamma and HypergeometricDistribution(N, m, n).probability(1).
 */
const COMMONS_LOG_GAMMA: [number, number][] = [
  [0.3, 1.0957979948180756], [1.7, -0.09580769740706588], [2.5, 0.2846828704729192], [5.5, 3.9578139676187165],
  [7.99, 8.50501160608848], [8.5, 9.549267257301], [100, 359.1342053695754],
  [3177.2335178934745, 22440.12160586808], [3176.951466841723, 22437.847269058977], [1e6, 12815504.569147611],
];
const COMMONS_GAMMA: [number, number][] = [
  [-1.5, 2.3632718012073544], [0.5, 1.772453850905516], [5, 24], [7.99, 4939.461549125382],
  [20.5, 5.4062429823350726e17], [25, 6.204484017332395e23], [150.3, Infinity],
];
const COMMONS_HYPERGEOMETRIC: [number, number, number, number][] = [
  [50, 3, 10, 0.39795918367346944], [317238626, 1, 30162, 9.507669472758337e-5],
  [317238626, 45, 30162, 0.004260590026530282], [100000, 1, 30162, 0.3016200000000002],
  [100000, 7, 30162, 0.24496659188892986], [2147483647, 2, 30162, 2.8090156982171176e-5],
  [40, 5, 20, 0.1472626472626472],
];

describe('special functions match the libraries ARX uses', () => {
  it('logGamma and gamma equal Commons Math bit for bit', () => {
    for (const [x, v] of COMMONS_LOG_GAMMA) expect(logGamma(x)).toBe(v);
    for (const [x, v] of COMMONS_GAMMA) expect(gamma(x)).toBe(v);
    expect(logGamma(0)).toBeNaN();
    expect(gamma(-2)).toBeNaN();
  });

  it('hypergeometric P(X=1) equals Commons Math bit for bit', () => {
    for (const [N, m, n, p] of COMMONS_HYPERGEOMETRIC) expect(hypergeometricProbability(N, m, n, 1)).toBe(p);
    expect(hypergeometricProbability(10, 0, 5, 1)).toBe(0);
  });

  it('hypergeometric agrees with exact combinatorics', () => {
    const choose = (n: number, k: number): bigint => {
      let r = 1n;
      for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
      return r;
    };
    for (const [N, m, n] of [[50, 3, 10], [40, 5, 20], [200, 17, 60], [12, 12, 4]]) {
      const exact = Number((choose(m, 1) * choose(N - m, n - 1) * 10n ** 18n) / choose(N, n)) / 1e18;
      expect(hypergeometricProbability(N, m, n, 1)).toBeCloseTo(exact, 14);
    }
  });

  it('digamma follows the asymptotic series closely', () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 14);
    expect(digamma(0.5)).toBeCloseTo(-0.5772156649015329 - 2 * Math.LN2, 14);
    expect(digamma(13)).toBeCloseTo(-0.5772156649015329 + [...Array(12)].reduce((s, _, k) => s + 1 / (k + 1), 0), 13);
  });

  it('trigamma keeps ARX’s quirk: no asymptotic tail below 12', () => {
    // For x ≥ 12 it is accurate: ψ1(13) = π²/6 − Σ_{k<13} 1/k².
    const tail = (n: number) => [...Array(n - 1)].reduce((s, _, k) => s + 1 / (k + 1) ** 2, 0);
    expect(trigamma(13)).toBeCloseTo((Math.PI * Math.PI) / 6 - tail(13), 13);
    // Below 8 ARX shifts to [8, 9) and stops: only the partial sum remains.
    let partial = 0;
    for (let x = 1; x < 8; x++) partial += 1 / (x * x);
    expect(trigamma(1)).toBe(partial);
    expect(trigamma(9.5)).toBe(0);
  });

  it('logExact is the correctly rounded log where fdlibm is one ulp off', () => {
    // Decimal(3182.4757053934745).ln() rounds to 8.065414696590475; fdlibm (Math.log) gives …476.
    expect(logExact(3182.4757053934745)).toBe(8.065414696590475);
    expect(logExact(1)).toBe(0);
    expect(logExact(Math.E)).toBe(1);
    expect(logExact(0)).toBe(-Infinity);
    expect(logExact(-1)).toBeNaN();
    expect(logExact(Number.MAX_VALUE)).toBe(709.782712893384);
    expect(logExact(5e-324)).toBe(-744.4400719213812);
    expect(log1pExact(1e-20)).toBe(1e-20);
    expect(log1pExact(-0.5)).toBe(-Math.LN2);
  });
});

describe('Newton–Raphson as configured by ARX', () => {
  it('solves a well-posed system from the given start', () => {
    const root = solveNewton(
      ({ x, y }) => ({ f: { x: x * x - 2, y: y - 3 }, jacobian: { x1: 2 * x, x2: 0, y1: 0, y2: 1 } }),
      { x: 1, y: 1 },
    );
    expect(root.x).toBeCloseTo(Math.SQRT2, 6);
    expect(root.y).toBe(3);
  });

  it('falls back to the prepared start values, then gives up with NaN', () => {
    const starts: number[][] = [];
    const root = solveNewton(
      (p) => {
        starts.push([p.x, p.y]);
        return { f: { x: 1, y: 1 }, jacobian: { x1: NaN, x2: 0, y1: 0, y2: 1 } };
      },
      { x: 5, y: 5 },
    );
    expect(root.x).toBeNaN();
    expect(starts[0]).toEqual([5, 5]);
    expect(starts.slice(1)).toEqual(ARX_SOLVER.startValues.map((s) => [...s]));
    expect(ARX_SOLVER.startValues).toHaveLength(16);
    expect(ARX_SOLVER.startValues[15]).toEqual([0.99, 0.99]);
  });
});

describe('population uniqueness models', () => {
  it('Zayatz equals its definition evaluated with Commons Math (OpenJDK 17)', () => {
    expect(zayatzUniques(ADULT, 40000)).toBe(19099.410438576047);
    expect(zayatzUniques(ADULT, 100000)).toBe(38690.65409041682);
    expect(zayatzUniques(ADULT, 317238626)).toBe(83930147.67411424);
    expect(zayatzUniques(ADULT, 3e9)).toBe(793512565.3873261);
  });

  it('Pitman’s root satisfies the likelihood equations', () => {
    const { theta: t, alpha: a, uniques } = pitmanEstimate(ADULT, 317238626);
    let f1 = 0;
    let f2 = 0;
    for (let i = 1; i < 19502; i++) {
      f1 += 1 / (t + i * a);
      f2 += i / (t + i * a);
    }
    for (let i = 1; i < 30162; i++) f1 -= 1 / (t + i);
    for (const [size, count] of ADULT.entries) for (let j = 1; j < size; j++) f2 -= count / (j - a);
    expect(Math.abs(f1)).toBeLessThan(1e-6);
    expect(Math.abs(f2)).toBeLessThan(1e-6);
    expect(uniques).toBeCloseTo(Math.exp(logGamma(t + 1) - logGamma(t + a)) * Math.pow(317238626, a), 3);
  });

  it('SNB: K is Shlosser’s estimate and the root reproduces the classes of size 1 and 2', () => {
    const h = histogramFromSizes([...Array(23).fill(1), 2, 2, ...Array(12).fill(3), ...Array(8).fill(4), 5, 7, 8, 11, 16]);
    const N = Math.round(h.records / 0.5);
    const { k, alpha: a, beta: b, uniques } = snbEstimate(h, N);
    const f = h.records / N;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    for (const [i, c] of h.entries) {
      s1 += i * f * f * (1 - f * f) ** (i - 1) * c;
      s2 += (1 - f) ** i * c * (1 + f) ** i - 1;
      s3 += (1 - f) ** i * c;
      s4 += i * f * (1 - f) ** (i - 1) * c;
    }
    const classes = h.entries.reduce((s, [, c]) => s + c, 0);
    expect(k).toBeCloseTo(classes + 23 * (s1 / s2) * (s3 / s4) ** 2, 10);
    const d = (1 - f) * (1 - b);
    const expected1 = k * f * (b / (1 - d)) ** a * ((a * d) / (1 - d) + 1);
    const expected2 = ((k * a * b ** a * f * f * (1 - b)) / 2) * (1 - d) ** (a + 2) * (2 - (1 - a) * d);
    expect(expected1).toBeCloseTo(23, 5);
    expect(expected2).toBeCloseTo(2, 5);
    expect(uniques).toBeCloseTo(k * b ** a, 10);
  });

  it('SNB gives no estimate for adult (the Jacobian is singular at ARX’s start and no try converges)', () => {
    expect(snbUniques(ADULT, 100000)).toBeNaN();
  });

  it('Dankar: sampling fraction ≤ 0.1 uses Pitman', () => {
    const u = populationUniqueness(ADULT, 301620);
    expect(u.samplingFraction).toBe(0.1);
    expect(u.model).toBe('pitman');
    expect(u.uniques).toBe(pitmanEstimate(ADULT, 301620).uniques);
  });

  it('Dankar: above 0.1 uses Zayatz when SNB is invalid, else the smaller of both', () => {
    const u = populationUniqueness(ADULT, 100000);
    expect(u).toEqual({
      model: 'zayatz',
      uniques: 38690.65409041682,
      fraction: 0.3869065409041682,
      population: 100000,
      samplingFraction: 0.30162,
    });
    const h = histogramFromSizes([...Array(23).fill(1), 2, 2, ...Array(12).fill(3), ...Array(8).fill(4), 5, 7, 8, 11, 16]);
    const N = Math.round(h.records / 0.5);
    const both = [snbUniques(h, N), zayatzUniques(h, N)];
    expect(both.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
    const d = populationUniqueness(h, N);
    expect(d.uniques).toBe(Math.min(...both));
    expect(d.model).toBe(both[0] <= both[1] ? 'snb' : 'zayatz');
  });

  it('no sample uniques means no population uniques', () => {
    const u = populationUniqueness(histogramFromSizes([2, 3, 5]), 1000);
    expect(u).toMatchObject({ model: 'dankar', uniques: 0, fraction: 0 });
  });

  it('a single model can be asked for', () => {
    expect(populationUniqueness(ADULT, 317238626, 'zayatz')).toMatchObject({
      model: 'zayatz',
      uniques: 83930147.67411424,
    });
    expect(populationUniqueness(ADULT, 100000, 'snb')).toMatchObject({ model: 'snb', uniques: 0, fraction: 0 });
  });

  it('rejects a population smaller than the sample', () => {
    try {
      populationUniqueness(ADULT, 1000);
      expect.unreachable();
    } catch (e) {
      expect(isTokumeiError(e) && e.key).toBe('risk.population.tooSmall');
    }
  });
});
