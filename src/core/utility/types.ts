import type { Hierarchy } from '../hierarchy/types.ts';

/** A quasi-identifier as released: its hierarchy and the level it is generalized to. */
export interface UtilityColumn {
  column: string;
  hierarchy: Hierarchy;
  level: number;
}

/** How often one value of a column occurs, apart for released and for suppressed records. */
export interface ValueCount {
  /** The value as VARCHAR; NULL stays null. */
  value: string | null;
  released: number;
  suppressed: number;
}

/** column → counts of its values. */
export type ColumnValueCounts = ReadonlyMap<string, readonly ValueCount[]>;

/** ARX's aggregate functions for multi-dimensional metrics (RANK is not a single number and is left out). */
export type AggregateFunction = 'sum' | 'arithmeticMean' | 'geometricMean' | 'maximum';

export interface MultiDimensionalOptions {
  /** ARX's gs-factor in [0, 1]: 0.5 (default) weighs generalization and suppression equally. */
  gsFactor?: number;
  /** Attribute weights (ARX default 0.5 each); normalized by the largest, all-zero means equal. */
  weights?: Readonly<Record<string, number>>;
  aggregate?: AggregateFunction;
}

/** A multi-dimensional metric: the aggregate and the value per column (same order as the input columns). */
export interface MultiDimensionalResult {
  value: number;
  columns: { column: string; value: number }[];
}
