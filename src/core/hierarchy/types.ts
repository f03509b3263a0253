/**
 * A generalization hierarchy for one quasi-identifier, in the shape of ARX's hierarchy CSV:
 * one row per original value, `rows[r][0]` the value itself (level 0) and `rows[r][i]` what it
 * becomes at level i. Every row has exactly `levels` cells.
 */
export interface Hierarchy {
  /** Number of levels including level 0 (the original value). */
  readonly levels: number;
  /** `[value, level1, level2, …]`, one row per original value, in the order given by the user. */
  readonly rows: readonly (readonly string[])[];
}

/** A hierarchy whose mapping table exists in the engine, ready for generalization SQL. */
export interface PreparedHierarchy {
  /** The quasi-identifier column it generalizes. */
  readonly column: string;
  /** Name of the mapping table: (value, l0, l1, …, c0, c1, …). */
  readonly table: string;
  readonly levels: number;
}
