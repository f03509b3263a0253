/**
 * Shared vocabulary of the risk engine. An equivalence class ("class") is the set of
 * records with equal values on every quasi-identifier after the transforms;
 * suppressed records are counted apart, never as a class (as ARX does).
 */

/** How many classes have each size: the input of every prosecutor/journalist/population figure. */
export interface ClassSizeHistogram {
  /** [class size, number of classes of that size], ascending by size. */
  entries: [size: number, classes: number][];
  /** Records in classes (suppressed records excluded). */
  records: number;
}

/** Counts that follow from the histogram alone (RiskModelHistogram / RiskModelSampleUniqueness in ARX). */
export interface ClassSummary {
  records: number;
  classes: number;
  /** Smallest class size: the data is k-anonymous for every k up to this. 0 when there are no records. */
  minClassSize: number;
  maxClassSize: number;
  /** records / classes, as ARX's getAvgClassSize. */
  averageClassSize: number;
  /** Records that are alone in their class (= classes of size 1). */
  sampleUniques: number;
  /** sampleUniques / records. */
  sampleUniqueFraction: number;
}

/**
 * The three figures El Emam's prosecutor/journalist models report (ARX RiskModelSampleSummary):
 * share of records whose risk is strictly above the threshold, the highest risk, and the
 * average risk (ARX calls it the success rate).
 */
export interface AttackerRisk {
  /** The threshold recordsAtRisk was measured against. */
  threshold: number;
  /** Fraction of records with risk > threshold (strictly greater, as ARX). */
  recordsAtRisk: number;
  highestRisk: number;
  averageRisk: number;
}

export interface MarketerRisk {
  /** Expected fraction of records a marketer re-identifies. */
  averageRisk: number;
}

/**
 * One row of a sample/population comparison: `classes` sample classes that have `sampleSize`
 * records in the sample and `populationSize` records in the population table.
 */
export interface PopulationClassPair {
  sampleSize: number;
  populationSize: number;
  classes: number;
}

/** The statistical models of ARX's RiskModelPopulationUniqueness; 'dankar' is the decision rule between them. */
export type PopulationUniquenessModel = 'pitman' | 'zayatz' | 'snb' | 'dankar';

export interface PopulationUniqueness {
  /** The model whose estimate was used (what Dankar's rule chose, or the one asked for). */
  model: PopulationUniquenessModel;
  /** Estimated population uniques / population size. 0 when no estimate is available. */
  fraction: number;
  /** Estimated number of population uniques. */
  uniques: number;
  population: number;
  /** records / population. */
  samplingFraction: number;
}

/** Why a value was flagged as peculiar (特異値); each has a bilingual label riskSdc.peculiar.<reason>. */
export type PeculiarReason =
  | 'rareCategory'
  | 'belowPercentile'
  | 'abovePercentile'
  | 'belowLimit'
  | 'aboveLimit'
  | 'rareInGeography';

/** One peculiar value found in the data, for the operator to decide on. */
export interface PeculiarFinding {
  column: string;
  /** Categorical values as text, numeric values as numbers. */
  value: string | number;
  /** Records with this value (within `geography` for rareInGeography). */
  count: number;
  reason: PeculiarReason;
  /** The bound crossed: the percentile value or the limit (numeric reasons only). */
  bound?: number;
  /** rareInGeography: where the value is rare, and how common it is overall. */
  geography?: { column: string; value: string; overallCount: number };
  /**
   * The source values (before any transform) that are released as `value`: what a decision in
   * the spec is recorded against. Absent when not looked up, or when there are too many.
   */
  sources?: (string | number)[];
}

/**
 * What the operator decided for a finding, recorded in the release spec: delete the value
 * (or the whole record), recode it to another value, or keep it; the note gives the reason.
 */
export interface PeculiarDecision {
  column: string;
  value: string | number;
  reason: PeculiarReason;
  geography?: { column: string; value: string };
  action: 'delete' | 'recode' | 'keep';
  /** delete: the cell only (default) or the whole record. */
  scope?: 'value' | 'record';
  /** recode: the replacement value. */
  recodeTo?: string | number | null;
  note: string;
}
