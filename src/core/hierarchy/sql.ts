import type { SqlEngine } from '../engine.ts';
import { TokumeiError } from '../errors.ts';
import { ident, num, str } from '../sql/quote.ts';
import type { Hierarchy, PreparedHierarchy } from './types.ts';

/** Rows per INSERT: keeps statements small for DuckDB-WASM's parser while staying one round trip per 1000 rows. */
const CHUNK = 1000;

/**
 * Statements that create one mapping table for a hierarchy:
 * `value` (the original value) and, per level i, `l{i}` (the label at level i, l0 = value) and
 * `c{i}` (an integer dictionary code of that label, numbered by first appearance in the
 * hierarchy, so the user's ordering such as age bands survives). Codes let a later search group
 * on small integers instead of strings.
 */
export function hierarchyTableSql(table: string, h: Hierarchy): string[] {
  const levels = [...Array(h.levels).keys()];
  const codes = levels.map(() => new Map<string, number>());
  const cols = [
    `${ident('value')} VARCHAR`,
    ...levels.map((i) => `${ident(`l${i}`)} VARCHAR`),
    ...levels.map((i) => `${ident(`c${i}`)} INTEGER`),
  ];
  const tuples = h.rows.map((r) => {
    const c = levels.map((i) => {
      const m = codes[i];
      let code = m.get(r[i]);
      if (code === undefined) m.set(r[i], (code = m.size));
      return code;
    });
    return `(${[str(r[0]), ...r.map(str), ...c.map(num)].join(', ')})`;
  });
  const out = [`CREATE OR REPLACE TABLE ${ident(table)} (${cols.join(', ')})`];
  for (let i = 0; i < tuples.length; i += CHUNK) {
    out.push(`INSERT INTO ${ident(table)} VALUES ${tuples.slice(i, i + CHUNK).join(', ')}`);
  }
  return out;
}

/** Creates the mapping tables (named `{prefix}{index}`) and returns handles for generalizeSql. */
export async function prepareHierarchies(
  engine: SqlEngine,
  items: readonly { column: string; hierarchy: Hierarchy }[],
  prefix = 'tokumei_hierarchy_',
): Promise<PreparedHierarchy[]> {
  const out: PreparedHierarchy[] = [];
  for (const [i, { column, hierarchy }] of items.entries()) {
    const table = `${prefix}${i}`;
    for (const s of hierarchyTableSql(table, hierarchy)) await engine.exec(s);
    out.push({ column, table, levels: hierarchy.levels });
  }
  return out;
}

export interface GeneralizeColumn {
  column: string;
  level: number;
  /** Required when level > 0 or when codes are asked for. */
  hierarchy?: PreparedHierarchy;
}

export interface GeneralizeOptions {
  /** Other columns of the source copied unchanged (after the quasi-identifiers). */
  keep?: readonly string[];
  /** Emit the integer code of each label (`c{level}`) instead of the label. */
  codes?: boolean;
}

/**
 * SQL for the generalized relation: every quasi-identifier replaced by its label at the chosen
 * level (as VARCHAR; level 0 = the original value), via one LEFT JOIN per mapping table that is
 * actually needed. Values the hierarchy lacks come out as NULL, as do NULLs; check coverage first
 * with missingValuesSql.
 */
export function generalizeSql(source: string, qis: readonly GeneralizeColumn[], opts: GeneralizeOptions = {}): string {
  const src = ident('s');
  const select: string[] = [];
  const joins: string[] = [];
  qis.forEach(({ column, level, hierarchy }, i) => {
    const needsJoin = level > 0 || opts.codes === true;
    if (needsJoin && !hierarchy) throw new TokumeiError('risk.hierarchy.noHierarchy', { column, level });
    const max = hierarchy ? hierarchy.levels - 1 : 0;
    if (!Number.isInteger(level) || level < 0 || level > max) {
      throw new TokumeiError('risk.hierarchy.levelOutOfRange', { column, level, max });
    }
    const original = `CAST(${src}.${ident(column)} AS VARCHAR)`;
    if (!needsJoin) {
      select.push(`${original} AS ${ident(column)}`);
      return;
    }
    const g = ident(`g${i}`);
    joins.push(`LEFT JOIN ${ident(hierarchy!.table)} AS ${g} ON ${g}.${ident('value')} = ${original}`);
    select.push(`${g}.${ident(`${opts.codes ? 'c' : 'l'}${level}`)} AS ${ident(column)}`);
  });
  for (const k of opts.keep ?? []) select.push(`${src}.${ident(k)} AS ${ident(k)}`);
  return [`SELECT ${select.join(', ')}`, `FROM ${ident(source)} AS ${src}`, ...joins].join('\n');
}

/** Distinct non-NULL values of `column` (as VARCHAR, sorted) that the mapping table lacks. */
export function missingValuesSql(source: string, column: string, hierarchy: PreparedHierarchy): string {
  const v = `CAST(${ident(column)} AS VARCHAR)`;
  return (
    `SELECT DISTINCT ${v} AS ${ident('value')} FROM ${ident(source)} ` +
    `WHERE ${ident(column)} IS NOT NULL AND ${v} NOT IN (SELECT ${ident('value')} FROM ${ident(hierarchy.table)}) ` +
    `ORDER BY 1`
  );
}
