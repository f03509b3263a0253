import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng, Weighted, seedHash } from '../../../src/core/demo/rng.ts';
import { ageOn, civilFromDays, daysFromCivil, isoDate } from '../../../src/core/demo/dates.ts';

describe('seeded randomness', () => {
  it('repeats exactly for the same seed, index and stream, and differs otherwise', () => {
    const draw = (base: number, index: number, stream: number) => {
      const r = new Rng(base, index, stream);
      return Array.from({ length: 8 }, () => r.u32());
    };
    expect(draw(1, 5, 2)).toEqual(draw(1, 5, 2));
    expect(draw(1, 5, 2)).not.toEqual(draw(1, 6, 2));
    expect(draw(1, 5, 2)).not.toEqual(draw(1, 5, 3));
    expect(draw(1, 5, 2)).not.toEqual(draw(2, 5, 2));
    expect(seedHash(7)).toBe(seedHash('7'));
    expect(seedHash('7')).not.toBe(seedHash('8'));
  });

  it('is roughly uniform and normal', () => {
    const r = new Rng(seedHash('stats'), 0, 0);
    const n = 100_000;
    let sum = 0;
    let sumN = 0;
    let sumN2 = 0;
    const buckets = new Array(10).fill(0);
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = r.float();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      buckets[Math.floor(u * 10)]++;
      const z = r.normal();
      sumN += z;
      sumN2 += z * z;
    }
    expect(outside).toBe(0);
    expect(sum / n).toBeCloseTo(0.5, 2);
    for (const b of buckets) expect(Math.abs(b - n / 10)).toBeLessThan(n / 10 * 0.05);
    expect(sumN / n).toBeCloseTo(0, 1);
    expect(sumN2 / n).toBeCloseTo(1, 1);
  });

  it('draws weighted items in proportion to their weights', () => {
    const w = new Weighted([['a', 1], ['b', 3], ['c', 0], ['d', 6]] as const);
    const r = new Rng(seedHash('w'), 0, 0);
    const counts: Record<string, number> = { a: 0, b: 0, c: 0, d: 0 };
    for (let i = 0; i < 50_000; i++) counts[w.draw(r)]++;
    expect(counts.c).toBe(0);
    expect(counts.a / 50_000).toBeCloseTo(0.1, 1);
    expect(counts.b / 50_000).toBeCloseTo(0.3, 1);
    expect(counts.d / 50_000).toBeCloseTo(0.6, 1);
  });
});

describe('day numbers', () => {
  it('agree with Date.UTC over a wide range', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (days) => {
        const d = new Date(days * 86_400_000);
        expect(civilFromDays(days)).toEqual([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
        expect(daysFromCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(days);
      }),
    );
    expect(isoDate(daysFromCivil(2024, 2, 29))).toBe('2024-02-29');
  });

  it('count completed years of age', () => {
    const birth = daysFromCivil(1950, 4, 2);
    expect(ageOn(birth, daysFromCivil(2024, 4, 1))).toBe(73);
    expect(ageOn(birth, daysFromCivil(2024, 4, 2))).toBe(74);
    expect(ageOn(daysFromCivil(2000, 2, 29), daysFromCivil(2001, 2, 28))).toBe(0);
  });
});
