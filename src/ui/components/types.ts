import type { SqlValue } from '../../core/engine.ts';
import type { SourceFormat, TextEncoding } from '../../core/load/types.ts';
import type { GridColumn } from './grid-columns.ts';

export type { GridColumn };

/** What the SQL console's `run` resolves to. */
export interface SqlResult {
  columns: GridColumn[];
  rows: SqlValue[][];
  /** Rows the query produced; more than rows.length when truncated. */
  rowCount: number;
  truncated: boolean;
}

/** One workspace table as the table list shows it. */
export interface TableSummary {
  name: string;
  rows: number;
  columns: number;
  format: SourceFormat;
  encoding?: TextEncoding;
  gzip?: boolean;
}

/** Phases of loading a file, in order. */
export type LoadPhase = 'reading' | 'decoding' | 'loading' | 'typing';

/** A passing notice for the Toasts component. */
export interface Toast {
  id: number;
  /** Already in the user's language. */
  message: string;
  kind?: 'info' | 'success' | 'warning';
}
