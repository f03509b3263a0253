import type { SqlEngine } from '../engine.ts';
import { TokumeiError } from '../errors.ts';
import type { Hierarchy } from '../hierarchy/types.ts';
import { validateHierarchy } from '../hierarchy/validate.ts';
import { ident } from '../sql/quote.ts';
import { maxLevel } from '../spec/check.ts';
import type { HierarchySpec } from '../spec/schema.ts';
import { cast, col } from './ast.ts';
import { exprSql } from './codegen.ts';
import { ruleLabel } from './hierarchy-expr.ts';
import { isDateLike, isNumeric, valueKind } from './value-kind.ts';

/**
 * A hierarchy in ARX's table form for the values a column actually holds: one row per
 * distinct non-NULL value (sorted by value), level 0 its VARCHAR text, level i its label.
 * Rule hierarchies are evaluated by the same SQL expressions the view uses, so the risk and
 * search code (which work on ARX tables) see exactly the labels the release will contain.
 * Pass the result to formatHierarchyCsv for the ARX CSV file.
 */
export async function materializeHierarchy(engine: SqlEngine, table: string, column: string, h: HierarchySpec): Promise<Hierarchy> {
  if (h.kind === 'table') {
    const out = { levels: h.rows[0].length, rows: h.rows };
    validateHierarchy(out, column);
    return out;
  }
  const described = await engine.rows(`DESCRIBE ${ident(table)}`);
  const type = described.find((r) => r.column_name === column)?.column_type;
  if (type === undefined) throw new TokumeiError('spec.compile.columnMissing', { column, table });
  const kind = valueKind(String(type));
  const fits = h.kind === 'interval' ? isNumeric(kind) : h.kind === 'prefix' ? true : isDateLike(kind);
  if (!fits) {
    const key = h.kind === 'interval' ? 'spec.compile.needsNumber' : 'spec.compile.needsDate';
    throw new TokumeiError(key, { column, transform: `generalize(${h.name})`, type: kind });
  }
  const x = col('s', column);
  const levels = [exprSql(cast(x, 'VARCHAR'))];
  for (let level = 1; level <= maxLevel(h); level++) levels.push(exprSql(ruleLabel(h, x, level, kind === 'integer')));
  const sql =
    `SELECT ${levels.map((e, i) => `${e} AS ${ident(`l${i}`)}`).join(', ')} ` +
    `FROM (SELECT DISTINCT ${ident(column)} FROM ${ident(table)} WHERE ${ident(column)} IS NOT NULL) AS ${ident('s')} ` +
    `ORDER BY ${ident('s')}.${ident(column)}`;
  const rows = (await engine.rows(sql)).map((r) => levels.map((_, i) => String(r[`l${i}`])));
  const out: Hierarchy = { levels: levels.length, rows };
  if (rows.length) validateHierarchy(out, column);
  return out;
}
