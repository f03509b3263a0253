/** What the Explore view and `tokumei profile --json` show for one column. */
export interface ColumnProfile {
  name: string;
  /** DuckDB type name as the table has it, e.g. VARCHAR, BIGINT, DOUBLE, DATE, TIMESTAMP. */
  type: string;
  /** Rows in the table. */
  count: number;
  nulls: number;
  /** Exact distinct count of non-null values (never approximate: roles are decided on it). */
  distinct: number;
  /** Rendered as text so dates, numbers and strings travel the same way; null when all null. */
  min: string | null;
  max: string | null;
  /** Most frequent non-null values, most frequent first, ties by value. */
  top: { value: string; count: number }[];
  /** Numeric/date columns: equal-width bins; text columns: null (use `top`). */
  histogram: HistogramBin[] | null;
}

export interface HistogramBin {
  /** Lower and upper bound, as text in the column's own type (inclusive lower, exclusive upper except last). */
  lo: string;
  hi: string;
  count: number;
}

export interface TableProfile {
  table: string;
  rows: number;
  columns: ColumnProfile[];
}
