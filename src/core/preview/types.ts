import type { RecordSuppression } from '../risk/record-suppression.ts';
import type { CellSuppressionReport } from '../suppress/release.ts';
import type { Role, TransformKind } from '../spec/schema.ts';

/**
 * What becomes of a source record in the release. `excluded`: its subject is on the exclusion
 * list (提供停止・削除の求め); `record`: a suppressRecord transform or a peculiar-value decision
 * removes it; `belowK`: its class is smaller than k and ARX's rule suppresses the classes below k
 * within the limit (record-suppression.ts). The first applicable cause wins, in that order, as
 * the compiled view applies them.
 */
export type RecordState = 'released' | 'excluded' | 'record' | 'belowK';
export type RemovalReason = Exclude<RecordState, 'released'>;
export const REMOVAL_REASONS: readonly RemovalReason[] = ['excluded', 'record', 'belowK'];

export type RemovedCounts = Record<RemovalReason, number>;

export interface PreviewColumnInfo {
  name: string;
  /** DuckDB type in the source table. */
  type: string;
  role: Role | null;
  /** Whether the release carries the column (not dropped, not held back by a blocker). */
  released: boolean;
  /** DuckDB type of the released values (absent when not released). */
  releasedType?: string;
  transforms: TransformKind[];
  /** The column's values change in the release (a transform other than record removal). */
  changed: boolean;
}

/** A column of the removed-records grid. */
export interface RemovedGridColumn {
  /** `reason` / `detail`, a source column, or the released value of a quasi-identifier. */
  kind: 'reason' | 'detail' | 'source' | 'released';
  /** The source column it shows (source and released kinds). */
  column?: string;
  /** DuckDB type, for alignment. */
  type: string;
}

export interface PreviewSummary {
  table: string;
  sourceRecords: number;
  releasedRecords: number;
  removed: RemovedCounts;
  /** Records removed by record-level removal, per column that removed them (first match). */
  removedByColumn: { column: string; records: number }[];
  /** How the k step reaches k: removing records (ARX) or blanking cells (sdcMicro's local suppression). */
  method: 'records' | 'cells';
  /** The record-suppression decision (ARX's rule); null without k, without quasi-identifiers, or with cells. */
  suppression: RecordSuppression | null;
  /** What cell suppression blanked; null unless the method is cells (with k and quasi-identifiers). */
  cells: CellSuppressionReport | null;
  qis: string[];
  sensitive: string[];
  columns: PreviewColumnInfo[];
  /** Columns the lost-categories and distribution parts look at unless told otherwise. */
  defaultColumns: string[];
  /** Removed-records grid columns, in order. */
  gridColumns: RemovedGridColumn[];
  /** Pseudonyms and date shifts in this preview come from a throwaway key (they do not change which records are removed). */
  ephemeralKey: boolean;
}

/** The grid's filter: a reason and/or one column condition on the source value. */
export interface RemovedFilter {
  reason?: RemovalReason | null;
  column?: string | null;
  op?: 'contains' | 'equals';
  value?: string;
}

/** A source category of one column that the release loses or thins out. */
export interface CategoryChange {
  /** The source value as text. */
  value: string;
  /** Source records with the value. */
  before: number;
  /** Released records whose source value it is (whatever the release shows for it). */
  after: number;
  /** Released records that still show the value itself. */
  shown: number;
  /**
   * `removed`: no record with the value is released; `merged`: records remain but none shows
   * the value any more (generalized, coded or blanked into `into`); `rare`: still shown, by
   * fewer records than the threshold.
   */
  status: 'removed' | 'merged' | 'rare';
  /** What the released records of this value show instead (merged only), most records first. */
  into: { value: string | null; records: number }[];
  /** Why its records are gone. */
  removedBy: RemovedCounts;
}

export interface ColumnCategories {
  column: string;
  released: boolean;
  /** Distinct non-null source values. */
  categories: number;
  threshold: number;
  /** Per status: how many categories, and the listed ones (largest before-count first, up to the limit). */
  removed: { total: number; items: CategoryChange[] };
  merged: { total: number; items: CategoryChange[] };
  rare: { total: number; items: CategoryChange[] };
}

export interface DistributionBar {
  /** Category, bin label, or null for "everything else". */
  label: string | null;
  before: number;
  after: number;
}

export interface Distribution {
  column: string;
  /** How the bars were made: top categories, numeric bins, or calendar years. */
  kind: 'categories' | 'bins' | 'years';
  /** Source values of all source records (before) and of the released records (after), in the same bars. */
  bars: DistributionBar[];
  nulls: { before: number; after: number };
  /** The released labels over the released records (label null = everything else), when the release changes the column's values. */
  released: { bars: { label: string | null; records: number }[]; nulls: number } | null;
}

/**
 * A study population to check: every condition holds (AND) on the SOURCE values. Plain JSON,
 * so it is saved with the view's state. Values are text (as typed) unless the condition is
 * numeric: `range` takes numbers, or YYYY-MM-DD dates for date columns; `age` counts completed
 * years at `referenceDate`.
 */
export type CohortCondition =
  | { column: string; op: 'equals'; value: string }
  | { column: string; op: 'in'; values: string[] }
  | { column: string; op: 'range'; min?: number | string; max?: number | string }
  | { column: string; op: 'prefix'; value: string }
  | { column: string; op: 'age'; min?: number; max?: number; referenceDate: string };

export type CohortOp = CohortCondition['op'];
export const COHORT_OPS: readonly CohortOp[] = ['equals', 'in', 'range', 'prefix', 'age'];

export interface Cohort {
  id: string;
  name: string;
  conditions: CohortCondition[];
}

export interface CohortConditionResult {
  column: string;
  /** The condition has no value yet and is left out of the check. */
  skipped: boolean;
  released: boolean;
  /** Released records meeting this condition alone. */
  matched: number;
  /** Released records whose released value is one those records show: what a recipient can select for it. */
  covered: number;
  /** covered === matched: the condition can be selected exactly in the release. */
  exact: boolean;
  /** Released values that cover it (up to 8), for the reviewer to see why. */
  values: (string | null)[];
  valueCount: number;
}

export interface CohortResult {
  id: string;
  /** Source records in the cohort. */
  before: number;
  /** Of those, released. */
  after: number;
  removed: RemovedCounts;
  /**
   * The smallest set a recipient can select with the released values the cohort's released
   * records show (every condition's column together); ≥ after. Null when nothing remains.
   */
  superset: number | null;
  /** `exact`: superset = after; `superset`: only a larger set can be selected; `none`: nothing remains. */
  selectable: 'exact' | 'superset' | 'none';
  /** One per condition of the cohort, in order. */
  conditions: CohortConditionResult[];
}
