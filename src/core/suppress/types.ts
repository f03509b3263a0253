/**
 * Distinct combinations of the key variables (quasi-identifiers) with how many records have
 * each; null is a missing value. Cell suppression decides per combination, so records that
 * agree on every key are treated alike.
 */
export interface KeyCombos {
  keys: readonly string[];
  /** values[i][d]: value of key d in combination i (as text), null = missing. */
  values: readonly (readonly (string | null)[])[];
  counts: readonly number[];
}

export interface CellSuppressionOptions {
  k: number;
  /**
   * How much keeping each key's values matters (the cost of blanking one of its cells), default
   * 1 for every key. Like sdcMicro's `importance`, it steers which variables are suppressed
   * first; here higher means "keep".
   */
  importance?: Readonly<Record<string, number>>;
  /** Called now and then with the number of combinations handled so far. */
  onProgress?(p: { done: number; total: number }): void;
}

export interface CellSuppressionResult {
  /** blanked[i]: bit d set = key d is blanked (set to missing) in every record of combination i. */
  blanked: Uint32Array;
  /** Cells set to missing: Σ records × blanked keys. */
  suppressedCells: number;
  /** Cells set to missing per key. */
  byKey: Record<string, number>;
  /** Records whose key combination had fewer than k matches before suppression. */
  recordsAtRiskBefore: number;
  /** Smallest sdcMicro frequency fk over all records afterwards (≥ k on success). */
  minFrequency: number;
  ms: number;
}
