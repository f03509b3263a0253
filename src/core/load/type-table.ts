import type { SqlEngine } from '../engine.ts';
import type { ColumnTyping } from './types.ts';
import { inferTyping } from './typing/infer-typing.ts';
import { applyTypingSql, checkTyping } from './typing/apply-typing.ts';

/**
 * Suggest types from a sample, re-check them on every row when the sample was
 * smaller than the table (so no value silently becomes NULL), then apply them.
 * Returns the typing as applied, for the user to review.
 */
export async function typeTable(engine: SqlEngine, table: string, rows: number): Promise<ColumnTyping[]> {
  let typing = await inferTyping(engine, table);
  if (typing.length && typing[0].checkedRows < rows) typing = await checkTyping(engine, table, typing);
  await engine.exec(applyTypingSql(table, typing));
  return typing;
}
