import { TokumeiError } from '../errors.ts';
import type { AggregateFunction } from './types.ts';

/**
 * ARX's split of the gs-factor into a generalization factor and a suppression factor:
 * below 0.5 suppression is discounted, above 0.5 generalization is.
 */
export function factors(gsFactor = 0.5): { gFactor: number; sFactor: number } {
  if (!(gsFactor >= 0 && gsFactor <= 1)) throw new TokumeiError('risk.gsFactor.invalid', { gsFactor });
  return {
    sFactor: gsFactor < 0.5 ? 2 * gsFactor : 1,
    gFactor: gsFactor <= 0.5 ? 1 : 1 - 2 * (gsFactor - 0.5),
  };
}

/** ARX's Metric.round: keeps 10 decimal digits by truncation, so tiny float noise cannot reorder results. */
export function truncate10(value: number): number {
  return Math.floor(value * 1e10) / 1e10;
}

/** Attribute weights normalized by the largest; all equal when none is positive (ARX's default case). */
export function normalizedWeights(columns: readonly string[], weights?: Readonly<Record<string, number>>): number[] {
  const raw = columns.map((c) => weights?.[c] ?? 0.5);
  const max = raw.reduce((m, w) => Math.max(m, w), 0);
  return max === 0 ? raw.map(() => 1) : raw.map((w) => w / max);
}

/** The aggregate functions of ARX's ILMultiDimensional* classes, in their operation order. */
export function aggregate(fn: AggregateFunction, values: readonly number[], weights: readonly number[]): number {
  const n = values.length;
  switch (fn) {
    case 'sum': {
      let r = 0;
      for (let i = 0; i < n; i++) r += values[i] * weights[i];
      return Number.isFinite(r) ? r : Number.MAX_VALUE;
    }
    case 'arithmeticMean': {
      let r = 0;
      for (let i = 0; i < n; i++) r += (values[i] / n) * weights[i];
      return r;
    }
    case 'geometricMean': {
      // 1 is added to every value and subtracted at the end so zeros do not absorb the product.
      let r = 1;
      for (let i = 0; i < n; i++) r *= Math.pow((values[i] + 1) * weights[i], 1 / n);
      return r - 1;
    }
    case 'maximum': {
      let r = 0;
      for (let i = 0; i < n; i++) r = Math.max(r, values[i] * weights[i]);
      return r;
    }
  }
}
