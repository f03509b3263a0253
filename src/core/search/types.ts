import type { Hierarchy } from '../hierarchy/types.ts';
import type { AggregateFunction } from '../utility/types.ts';
import type { SolutionSpace } from './space.ts';

/**
 * The data a search works on, fetched once (loadSearchInput): the distinct combinations of the
 * quasi-identifiers' original values ("microclasses", plus the sensitive value when a criterion
 * needs it) with how many records each has. Values are dictionary codes: code r is row r of the
 * column's hierarchy, and `hierarchy.rows.length` stands for NULL.
 */
export interface SearchInput {
  columns: readonly SearchColumn[];
  /** codes[d][i]: level-0 code of column d in microclass i. */
  codes: readonly Int32Array[];
  /** Records per microclass. */
  counts: Int32Array;
  /** All records (Σ counts). */
  records: number;
  sensitive?: SensitiveInput;
}

export interface SearchColumn {
  column: string;
  hierarchy: Hierarchy;
}

export interface SensitiveInput {
  column: string;
  /** Distinct values (as VARCHAR; null = missing) in the order of their codes. */
  values: readonly (string | null)[];
  /** Code of the sensitive value per microclass. */
  codes: Int32Array;
}

/** ARX's quality models the search can optimize. */
export type SearchMetric = 'loss' | 'entropy' | 'discernibility' | 'aecs';

export type LDiversityVariant = 'distinct' | 'entropy' | 'recursive';
export type TClosenessVariant = 'equal' | 'ordered';

/** The privacy model and what to minimize. At least one of k, l, t or maxRisk must be given. */
export interface SearchModel {
  /** k-anonymity: every released class has at least k records. */
  k?: number;
  /** l-diversity of the sensitive attribute (input.sensitive). */
  l?: { l: number; variant: LDiversityVariant; /** recursive (c,l) only */ c?: number };
  /** t-closeness of the sensitive attribute. */
  t?: {
    t: number;
    variant: TClosenessVariant;
    /** ordered only: order of the sensitive values (null = missing). Default: numeric if all values are numbers, else code-point order, missing last. */
    order?: readonly (string | null)[];
  };
  /** Highest prosecutor risk (1 / smallest class) allowed, in (0, 1]: the same as k = ⌈1/maxRisk⌉. */
  maxRisk?: number;
  /** Fraction of all records that may be suppressed, in [0, 1]. Default 0. */
  suppressionLimit?: number;
  /** Default 'loss' (ARX's default quality model). */
  metric?: SearchMetric;
  /** ARX's gs-factor (default 0.5). */
  gsFactor?: number;
  /** Attribute weights for loss and entropy (ARX default: all equal). */
  weights?: Readonly<Record<string, number>>;
  /** Aggregate for loss (default geometric mean) and entropy (default sum). */
  aggregate?: AggregateFunction;
}

export interface SearchProgress {
  /** Transformations checked on the data so far. */
  checked: number;
  /** Nodes settled so far: checked, inferred by monotonicity, or pruned by a bound (≤ total). */
  settled: number;
  /** Size of the lattice. */
  total: number;
}

export interface SearchOptions {
  onProgress?(p: SearchProgress): void;
  signal?: AbortSignal;
  /** Also return the solution space (every node's state; costs a pass over the lattice). */
  space?: boolean;
}

/** One alternative on the trade-off between suppression and information loss. */
export interface FrontierPoint {
  levels: Record<string, number>;
  suppressedRecords: number;
  suppressionFraction: number;
  infoLoss: number;
}

export interface SearchResult {
  /** False when no transformation satisfies the model (levels is then null). */
  found: boolean;
  levels: Record<string, number> | null;
  /** The metric's value for the optimum (ARX's information loss). */
  infoLoss: number | null;
  /** Per-column values for loss and entropy, in column order. */
  columns: { column: string; value: number }[] | null;
  metric: SearchMetric;
  suppressedRecords: number;
  /** Released equivalence classes of the optimum (suppressed records not counted). */
  classes: number;
  records: number;
  /** Transformations whose classes were computed (ARX's count of checks). */
  transformationsChecked: number;
  /** Size of the generalization lattice. */
  latticeSize: number;
  /** Lowest loss at each number of suppressed records, among the checked transformations (Pareto front, fewest suppressed first). */
  frontier: FrontierPoint[];
  /** With options.space. */
  space?: SolutionSpace;
  ms: number;
}
