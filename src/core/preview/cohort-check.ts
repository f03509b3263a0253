import { col } from '../compile/ast.ts';
import { exprSql } from '../compile/codegen.ts';
import { ageExpr } from '../compile/hierarchy-expr.ts';
import { isDateLike, isNumeric, valueKind } from '../compile/value-kind.ts';
import type { SqlEngine } from '../engine.ts';
import { TokumeiError } from '../errors.ts';
import { ident, num, str } from '../sql/quote.ts';
import { isComplete } from './cohort.ts';
import { labelSql, releasedAlias, releasedTypeOf, STATE, type PreviewSession } from './session.ts';
import type { Cohort, CohortCondition, CohortConditionResult, CohortResult } from './types.ts';

const P = 'p';
const ISO = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const RELEASED = `${ident(P)}.${ident(STATE)} = 'released'`;

const asNumber = (v: number | string, column: string): number => {
  const n = typeof v === 'number' ? v : Number(v.trim().replace(/[,，]/g, ''));
  if (typeof v === 'string' && v.trim() === '') throw new TokumeiError('uiPreview.error.number', { column, value: v });
  if (!Number.isFinite(n)) throw new TokumeiError('uiPreview.error.number', { column, value: String(v) });
  return n;
};

/** The condition on the source value, as SQL over `pairs AS p`. Text compares as DuckDB's VARCHAR form. */
export function conditionSql(c: CohortCondition, type: string): string {
  const x = `${ident(P)}.${ident(c.column)}`;
  const kind = valueKind(type);
  const text = `CAST(${x} AS VARCHAR)`;
  const one = (v: string) => (isNumeric(kind) && v.trim() !== '' && Number.isFinite(Number(v)) ? `${x} = ${num(Number(v))}` : `${text} = ${str(v)}`);
  switch (c.op) {
    case 'equals':
      return one(c.value);
    case 'in':
      return c.values.length ? `(${c.values.map(one).join(' OR ')})` : 'FALSE';
    case 'prefix':
      return `starts_with(${text}, ${str(c.value)})`;
    case 'range': {
      const parts: string[] = [];
      const bound = (v: number | string) => {
        if (isDateLike(kind)) {
          if (typeof v !== 'string' || !ISO.test(v.trim())) throw new TokumeiError('uiPreview.error.date', { column: c.column, value: String(v) });
          return `CAST(${str(v.trim())} AS ${kind === 'date' ? 'DATE' : 'TIMESTAMP'})`;
        }
        return num(asNumber(v, c.column));
      };
      const value = isDateLike(kind) || isNumeric(kind) ? x : `TRY_CAST(${x} AS DOUBLE)`;
      if (c.min !== undefined && c.min !== '') parts.push(`${value} >= ${bound(c.min)}`);
      if (c.max !== undefined && c.max !== '') parts.push(`${value} <= ${bound(c.max)}`);
      return parts.length ? `(${parts.join(' AND ')})` : 'TRUE';
    }
    case 'age': {
      if (!isDateLike(kind)) throw new TokumeiError('uiPreview.error.ageNeedsDate', { column: c.column, type });
      const age = exprSql(ageExpr(col(P, c.column), c.referenceDate));
      const parts: string[] = [];
      if (c.min !== undefined) parts.push(`${age} >= ${num(c.min)}`);
      if (c.max !== undefined) parts.push(`${age} <= ${num(c.max)}`);
      return parts.length ? `(${parts.join(' AND ')})` : 'TRUE';
    }
  }
}

/**
 * Whether a study population survives the release: how many of its records are released, and
 * whether a recipient can still select it. A recipient sees only released values, so the best
 * they can select is every released record that shows, on the cohort's columns together, a
 * combination some released cohort record shows; when that is the cohort itself, it is exactly
 * selectable (age released in 10-year bands selects 40–49; 20-year bands only a superset).
 */
export async function checkCohorts(engine: SqlEngine, session: PreviewSession, cohorts: readonly Cohort[]): Promise<CohortResult[]> {
  const out: CohortResult[] = [];
  for (const cohort of cohorts) out.push(await checkCohort(engine, session, cohort));
  return out;
}

async function checkCohort(engine: SqlEngine, session: PreviewSession, cohort: Cohort): Promise<CohortResult> {
  const pairs = `${ident(session.pairs)} AS ${ident(P)}`;
  const live = cohort.conditions.filter(isComplete);
  const sqlOf = (c: CohortCondition) => {
    const type = session.sourceTypes.get(c.column);
    if (type === undefined) throw new TokumeiError('uiPreview.error.noColumn', { column: c.column });
    return conditionSql(c, type);
  };
  const where = live.length ? live.map(sqlOf).join(' AND ') : 'TRUE';
  // The cohort's counts and every condition's released matches in one scan, each condition evaluated once.
  const flags = cohort.conditions.map((c, j) => (isComplete(c) ? `(${sqlOf(c)}) AS ${ident(`c${j}`)}` : null));
  const live_ = flags.map((f, j) => (f ? ident(`c${j}`) : null)).filter((f): f is string => f !== null);
  const all = live_.length ? live_.join(' AND ') : 'TRUE';
  const st = ident('st');
  const inCohort = (extra: string) => `count(*) FILTER (WHERE ${all}${extra})`;
  const matchedCols = flags.map((f, j) => (f ? `, count(*) FILTER (WHERE ${st} = 'released' AND ${ident(`c${j}`)}) AS m${j}` : ''));
  const [counts] = await engine.rows(
    `SELECT ${inCohort('')} AS before, ${inCohort(` AND ${st} = 'released'`)} AS after, ${inCohort(` AND ${st} = 'excluded'`)} AS excluded, ` +
      `${inCohort(` AND ${st} = 'record'`)} AS record, ${inCohort(` AND ${st} = 'belowK'`)} AS below_k${matchedCols.join('')}\n` +
      `FROM (SELECT ${ident(P)}.${ident(STATE)} AS ${st}${flags.map((f) => (f ? `, ${f}` : '')).join('')} FROM ${pairs})`,
  );
  const after = Number(counts.after);

  const alias = (column: string) => {
    const i = session.releasedColumns.indexOf(column);
    return i < 0 ? null : releasedAlias(i);
  };
  const columns = [...new Set(live.map((c) => c.column))];
  const releasedCols = columns.map(alias).filter((a): a is string => a !== null);

  let superset: number | null = null;
  if (after > 0) superset = (await coveredBy(engine, session, releasedCols, `${RELEASED} AND ${where}`)).covered;

  const conditions: CohortConditionResult[] = [];
  for (const [j, c] of cohort.conditions.entries()) {
    const a = alias(c.column);
    if (!isComplete(c)) {
      conditions.push({ column: c.column, skipped: true, released: a !== null, matched: 0, covered: 0, exact: true, values: [], valueCount: 0 });
      continue;
    }
    const matched = Number(counts[`m${j}`]);
    const i = session.releasedColumns.indexOf(c.column);
    const label = a === null ? null : labelSql(`${ident(P)}.${ident(a)}`, releasedTypeOf(session, i));
    const cover = await coveredBy(engine, session, a === null ? [] : [a], `${RELEASED} AND ${sqlOf(c)}`, label);
    conditions.push({ column: c.column, skipped: false, released: a !== null, matched, covered: cover.covered, exact: cover.covered === matched, values: cover.values, valueCount: cover.valueCount });
  }

  return {
    id: cohort.id,
    before: Number(counts.before),
    after,
    removed: { excluded: Number(counts.excluded), record: Number(counts.record), belowK: Number(counts.below_k) },
    superset,
    selectable: superset === null ? 'none' : superset === after ? 'exact' : 'superset',
    conditions,
  };
}

/**
 * Released records showing, on `aliases` together, a combination that the released records
 * matching `members` show (NULL equal to NULL). Without released columns nothing narrows the
 * choice: every released record is covered. With `label`, also the first 8 distinct labels of
 * the members' released values and how many there are (one query: rows tagged by kind).
 */
async function coveredBy(
  engine: SqlEngine,
  session: PreviewSession,
  aliases: readonly string[],
  members: string,
  label: string | null = null,
): Promise<{ covered: number; values: (string | null)[]; valueCount: number }> {
  const pairs = `${ident(session.pairs)} AS ${ident(P)}`;
  if (aliases.length === 0) {
    const [{ n }] = await engine.rows(`SELECT count(*) AS n FROM ${pairs} WHERE ${RELEASED}`);
    return { covered: Number(n), values: [], valueCount: 0 };
  }
  const cols = aliases.map((a) => `${ident(P)}.${ident(a)}`).join(', ');
  const match = aliases.map((a) => `${ident('d')}.${ident(a)} IS NOT DISTINCT FROM ${ident('q')}.${ident(a)}`).join(' AND ');
  const covered = `SELECT 'covered' AS kind, count(*) AS n, NULL AS v, 0 AS o FROM ${ident(session.pairs)} AS ${ident('q')} JOIN d ON ${match} WHERE ${ident('q')}.${ident(STATE)} = 'released'`;
  const labels = label
    ? `\nUNION ALL SELECT 'count', count(*), NULL, 0 FROM l` +
      `\nUNION ALL SELECT 'value', NULL, v, row_number() OVER (ORDER BY v NULLS LAST) AS o FROM l QUALIFY o <= 8`
    : '';
  const rows = await engine.rows(
    `WITH d AS (SELECT DISTINCT ${cols} FROM ${pairs} WHERE ${members})` +
      (label ? `, l AS (SELECT DISTINCT ${label} AS v FROM ${pairs} WHERE ${members})` : '') +
      `\n${covered}${labels}`,
  );
  const values = rows
    .filter((r) => r.kind === 'value')
    .sort((x, y) => Number(x.o) - Number(y.o))
    .map((r) => (r.v === null ? null : String(r.v)));
  return {
    covered: Number(rows.find((r) => r.kind === 'covered')?.n ?? 0),
    values,
    valueCount: Number(rows.find((r) => r.kind === 'count')?.n ?? 0),
  };
}
