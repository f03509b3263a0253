import { bin, cast, col, isNull, type Expr, type Join } from '../../src/core/compile/ast.ts';
import { selectSql } from '../../src/core/compile/codegen.ts';
import { ruleLabel } from '../../src/core/compile/hierarchy-expr.ts';
import { isDateLike, isNumeric, valueKind } from '../../src/core/compile/value-kind.ts';
import type { SqlEngine } from '../../src/core/engine.ts';
import { TokumeiError } from '../../src/core/errors.ts';
import { hierarchyTableSql } from '../../src/core/hierarchy/sql.ts';
import { ident, num } from '../../src/core/sql/quote.ts';
import { maxLevel, type HierarchySpec } from '../../src/core/spec/index.ts';

export interface HierarchyGroup {
  /** The generalized value; null for values an explicit table does not list. */
  label: string | null;
  /** Records in the group. */
  count: number;
  /** Distinct original values in the group, and the smallest and largest of them (as text). */
  values: number;
  min: string;
  max: string;
}

export interface HierarchyPreview {
  column: string;
  level: number;
  /** Non-NULL records of the column, and NULLs (which stay NULL at every level). */
  records: number;
  nulls: number;
  /** Groups at this level, and the first of them in value order (at most `limit`). */
  groupCount: number;
  groups: HierarchyGroup[];
  /** Value → generalized value for the first distinct values in value order, with their record counts. */
  mapping: { value: string; label: string | null; count: number }[];
  distinctValues: number;
  /** Records whose value an explicit table does not list (they would block the release). */
  missing: number;
  /** With a k target: groups smaller than k, and the records in them (this column alone; the risk view combines columns). */
  belowK: { k: number; groups: number; records: number } | null;
}

const MAP_TABLE = '__tokumei_hierarchy_preview';

async function columnType(engine: SqlEngine, table: string, column: string): Promise<string> {
  const described = await engine.rows(`DESCRIBE ${ident(table)}`);
  const type = described.find((r) => r.column_name === column)?.column_type;
  if (type === undefined) throw new TokumeiError('spec.compile.columnMissing', { column, table });
  return String(type);
}

/**
 * What a hierarchy does to one column at one level: the groups it forms with their sizes,
 * and value → generalized value. Labels come from the same expressions the release view
 * uses (rule hierarchies) or the same mapping table (explicit tables), so the preview and
 * the release cannot disagree.
 */
export async function previewHierarchy(
  engine: SqlEngine,
  table: string,
  column: string,
  h: HierarchySpec,
  level: number,
  k?: number,
  limit = 200,
): Promise<HierarchyPreview> {
  const type = await columnType(engine, table, column);
  const kind = valueKind(type);
  const lvl = Math.max(0, Math.min(Math.floor(level), maxLevel(h)));
  const x = col('s', column);
  let label: Expr = cast(x, 'VARCHAR');
  const joins: Join[] = [];
  if (lvl > 0 && h.kind === 'table') {
    for (const s of hierarchyTableSql(MAP_TABLE, { levels: h.rows[0].length, rows: h.rows })) await engine.exec(s);
    joins.push({ table: MAP_TABLE, as: 'h', on: bin('=', col('h', 'value'), cast(x, 'VARCHAR')) });
    label = col('h', `l${lvl}`);
  } else if (lvl > 0 && h.kind !== 'table') {
    const fits = h.kind === 'interval' ? isNumeric(kind) : h.kind === 'prefix' ? true : isDateLike(kind);
    if (!fits) {
      const key = h.kind === 'interval' ? 'spec.compile.needsNumber' : 'spec.compile.needsDate';
      throw new TokumeiError(key, { column, transform: `generalize(${h.name})`, type: kind });
    }
    label = ruleLabel(h, x, lvl, kind === 'integer');
  }
  try {
    const inner = selectSql({ columns: [{ expr: x, as: 'v' }, { expr: label, as: 'g' }], from: { table, as: 's' }, joins, where: [isNull(x, true)] });
    const from = `FROM (${inner}) AS ${ident('q')}`;
    const [totals] = await engine.rows(
      `SELECT count(*) AS n, count(DISTINCT g) + max(CASE WHEN g IS NULL THEN 1 ELSE 0 END) AS groups, count(DISTINCT v) AS d, ` +
        `count(*) FILTER (WHERE g IS NULL) AS missing ${from}`,
    );
    const [{ n: nulls }] = await engine.rows(`SELECT count(*) AS n FROM ${ident(table)} WHERE ${ident(column)} IS NULL`);
    const groups = await engine.rows(
      `SELECT g, count(*) AS n, count(DISTINCT v) AS d, CAST(min(v) AS VARCHAR) AS lo, CAST(max(v) AS VARCHAR) AS hi ${from} ` +
        `GROUP BY g ORDER BY min(v), g LIMIT ${num(limit)}`,
    );
    let belowK: HierarchyPreview['belowK'] = null;
    if (k !== undefined && Number.isInteger(k) && k > 1) {
      const [b] = await engine.rows(
        `SELECT count(*) AS groups, coalesce(sum(n), 0) AS records FROM (SELECT g, count(*) AS n ${from} GROUP BY g) AS ${ident('c')} WHERE n < ${num(k)}`,
      );
      belowK = { k, groups: Number(b.groups), records: Number(b.records) };
    }
    const mapping = await engine.rows(`SELECT CAST(v AS VARCHAR) AS value, g, count(*) AS n ${from} GROUP BY v, g ORDER BY v LIMIT ${num(limit)}`);
    return {
      column,
      level: lvl,
      records: Number(totals.n),
      nulls: Number(nulls),
      groupCount: Number(totals.groups ?? 0),
      groups: groups.map((r) => ({ label: r.g === null ? null : String(r.g), count: Number(r.n), values: Number(r.d), min: String(r.lo), max: String(r.hi) })),
      mapping: mapping.map((r) => ({ value: String(r.value), label: r.g === null ? null : String(r.g), count: Number(r.n) })),
      distinctValues: Number(totals.d),
      missing: Number(totals.missing),
      belowK,
    };
  } finally {
    if (joins.length) await engine.exec(`DROP TABLE IF EXISTS ${ident(MAP_TABLE)}`);
  }
}
