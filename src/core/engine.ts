/**
 * The one narrow interface every host implements (browser worker: DuckDB-WASM;
 * tests: duckdb-wasm node-blocking; CLI: native DuckDB). Core logic only ever
 * talks to an engine through this, so the same SQL runs everywhere.
 *
 * `rows` is for small results (aggregates, profiles, pages). Values are
 * normalised by the adapter so every host returns identical JS values:
 * integers (incl. BIGINT/HUGEINT) → number, DECIMAL/DOUBLE → number,
 * VARCHAR → string, BOOLEAN → boolean, NULL → null. Dates/timestamps must be
 * cast to VARCHAR in SQL by the caller, so no host-specific Date objects leak.
 */
export type SqlValue = string | number | boolean | null;
export type SqlRow = Record<string, SqlValue>;

export interface SqlEngine {
  /** Run statements that return nothing we need. */
  exec(sql: string): Promise<void>;
  /** Run one query and return its rows as plain, host-independent values. */
  rows(sql: string): Promise<SqlRow[]>;
  /** Make bytes visible to SQL under a file name (for read_csv and friends). */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
}

/** Settings every host applies at boot: no network, deterministic behaviour. */
export const BOOT_SQL = [
  `SET autoload_known_extensions = false`,
  `SET autoinstall_known_extensions = false`,
] as const;
