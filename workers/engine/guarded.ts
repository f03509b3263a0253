import type { SqlEngine, SqlRow } from '../../src/core/engine.ts';
import { TokumeiError } from '../../src/core/errors.ts';

/**
 * A view of the engine that refuses new queries once `signal` fires, so a superseded request stops
 * at its next query. DROP statements still pass: cleanup of temporary tables always runs.
 */
export function guardedEngine(inner: SqlEngine, signal: AbortSignal): SqlEngine {
  const check = (sql: string) => {
    if (signal.aborted && !/^\s*DROP\s/i.test(sql)) throw new TokumeiError('engine.cancelled');
  };
  return {
    exec: async (sql: string) => (check(sql), inner.exec(sql)),
    rows: async (sql: string): Promise<SqlRow[]> => (check(sql), inner.rows(sql)),
    registerFile: (name, bytes) => inner.registerFile(name, bytes),
    dropFile: (name) => inner.dropFile(name),
  };
}
