import type { Role, TransformKind } from '../spec/schema.ts';
import type { Select } from './ast.ts';
import type { ValueKind } from './value-kind.ts';

/** What the compiler needs to know about the source besides the spec. */
export interface CompileContext {
  /** The source table in the engine. */
  table: string;
  /** Its columns in order, as DESCRIBE reports them. */
  columns: readonly { name: string; type: string }[];
  /** Name of the view to create. Default `{table}__release`. */
  view?: string;
  /** Prefix of the auxiliary tables (mapping tables). Default `__tokumei_{view}_`. */
  prefix?: string;
  /** Whether an exclusion list will be loaded (it is filtered before anything else). */
  exclusions?: boolean;
  /** Overrides `sources.tables[].subjectColumn`. */
  subjectColumn?: string;
  /**
   * Columns of the table the spec does not mention: an error by default (nobody reviewed
   * them, so they may hold identifiers), or dropped.
   */
  unlisted?: 'error' | 'drop';
}

/**
 * A table that applySpec fills from JavaScript before the view is created, because its
 * contents need the key or data supplied at apply time. The key itself never reaches SQL:
 * only the HMAC results do.
 */
export type MappingPlan =
  /** (id VARCHAR): the exclusion list's subject IDs. */
  | { kind: 'exclusions'; table: string }
  /** (value VARCHAR, pseudonym VARCHAR) for the distinct values `valuesSql` returns (column `value`). */
  | { kind: 'pseudonym'; table: string; column: string; domain: string; length: number; valuesSql: string }
  /** (subject VARCHAR, days INTEGER) for the distinct subject IDs `valuesSql` returns (column `value`). */
  | { kind: 'dateShift'; table: string; subjectColumn: string; maxDays: number; valuesSql: string };

/** A query that must return no rows: values an explicit hierarchy lacks (they would turn NULL). */
export interface CoverageCheck {
  column: string;
  hierarchy: string;
  /** Returns up to 6 missing values in column `value`. */
  sql: string;
}

export interface OutputColumn {
  name: string;
  /** The source column it comes from. */
  source: string;
  role: Role;
  /** What the values are after the transforms. */
  kind: ValueKind;
  transforms: TransformKind[];
}

/**
 * The compiled form of a spec for one table: everything is SQL text over the source table
 * plus auxiliary tables, and nothing in it depends on the data or the key.
 *
 * To run it (applySpec does exactly this): execute `statements`; create and fill each
 * table in `mappings`; execute `viewSql`; run `checks` (each must return no rows);
 * `excludedCountSql` then reports what the exclusion list removed.
 */
export interface CompiledSpec {
  table: string;
  view: string;
  /** The view's query as an AST (for inspection and tests). */
  select: Select;
  selectSql: string;
  /** CREATE OR REPLACE VIEW … AS selectSql. */
  viewSql: string;
  /** Setup that needs nothing from JavaScript: the explicit hierarchies' mapping tables. */
  statements: string[];
  mappings: MappingPlan[];
  checks: CoverageCheck[];
  /** Output columns in order. Dropped columns are absent. */
  outputColumns: OutputColumn[];
  dropped: string[];
  /** One row: `records` and `subjects` removed by the exclusion list; null without one. */
  excludedCountSql: string | null;
  /** Every table the view reads besides the source, for cleanup. */
  auxiliaryTables: string[];
}
