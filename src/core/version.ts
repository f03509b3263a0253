import type { SqlEngine } from './engine.ts';

/** Tokumei's version as packages and records state it (kept equal to package.json's by a test). */
export const TOKUMEI_VERSION = '0.1.0';

/** DuckDB's library version, e.g. v1.4.3: the same string from the wasm build and the native one. */
export async function duckdbVersion(engine: SqlEngine): Promise<string> {
  const [row] = await engine.rows('SELECT library_version AS v FROM pragma_version()');
  return String(row.v);
}
