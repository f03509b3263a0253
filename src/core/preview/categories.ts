import type { SqlEngine, SqlRow } from '../engine.ts';
import { TokumeiError } from '../errors.ts';
import { ident, literal, num } from '../sql/quote.ts';
import { labelSql, releasedAlias, releasedTypeOf, STATE, type PreviewSession } from './session.ts';
import type { CategoryChange, ColumnCategories } from './types.ts';

export interface CategoryOptions {
  columns: readonly string[];
  /** A category released with fewer records than this is listed as rare. */
  threshold: number;
  /** Categories listed per status (the totals count them all). */
  limit?: number;
  /** Released labels listed per merged category. */
  intoLimit?: number;
}

const STATUSES = ['removed', 'merged', 'rare'] as const;

/**
 * The categories of each column that the release loses: removed (no record with the value is
 * released), merged (records remain but the value no longer shows: generalized, coded or blanked)
 * or rare (still shown, by fewer than `threshold` records). Counts compare the source value of
 * every source record with the released records; NULL is not a category.
 */
export async function lostCategories(engine: SqlEngine, session: PreviewSession, opts: CategoryOptions): Promise<ColumnCategories[]> {
  if (!Number.isInteger(opts.threshold) || opts.threshold < 1) throw new TokumeiError('uiPreview.error.threshold');
  const limit = opts.limit ?? 50;
  const out: ColumnCategories[] = [];
  for (const column of opts.columns) {
    if (!session.sourceTypes.has(column)) throw new TokumeiError('uiPreview.error.noColumn', { column });
    const i = session.releasedColumns.indexOf(column);
    const value = labelSql(ident(column), session.sourceTypes.get(column)!);
    const shownIf = i < 0 ? 'TRUE' : `${labelSql(ident(releasedAlias(i)), releasedTypeOf(session, i))} IS NOT DISTINCT FROM ${value}`;
    const state = ident(STATE);
    const counted =
      `SELECT ${value} AS value, count(*) AS before, count(*) FILTER (WHERE ${state} = 'released') AS after, ` +
      `count(*) FILTER (WHERE ${state} = 'released' AND ${shownIf}) AS shown, ` +
      `count(*) FILTER (WHERE ${state} = 'excluded') AS excluded, count(*) FILTER (WHERE ${state} = 'record') AS record, ` +
      `count(*) FILTER (WHERE ${state} = 'belowK') AS below_k ` +
      `FROM ${ident(session.pairs)} WHERE ${ident(column)} IS NOT NULL GROUP BY 1`;
    const status = `CASE WHEN after = 0 THEN 'removed' WHEN shown = 0 THEN 'merged' WHEN after < ${num(opts.threshold)} THEN 'rare' END`;
    const rows = await engine.rows(
      `WITH g AS (${counted}), c AS (SELECT *, ${status} AS status FROM g)\n` +
        `SELECT *, (SELECT count(*) FROM g) AS categories FROM (\n` +
        `  SELECT *, row_number() OVER (PARTITION BY status ORDER BY before DESC, value) AS rn, count(*) OVER (PARTITION BY status) AS total FROM c WHERE status IS NOT NULL\n` +
        `) WHERE rn <= ${num(limit)} ORDER BY status, rn`,
    );
    const categories = rows.length
      ? Number(rows[0].categories)
      : Number((await engine.rows(`SELECT count(DISTINCT ${ident(column)}) AS n FROM ${ident(session.table)}`))[0].n);
    const entry: ColumnCategories = {
      column,
      released: i >= 0,
      categories,
      threshold: opts.threshold,
      removed: { total: 0, items: [] },
      merged: { total: 0, items: [] },
      rare: { total: 0, items: [] },
    };
    for (const r of rows) {
      const st = String(r.status) as (typeof STATUSES)[number];
      entry[st].total = Number(r.total);
      entry[st].items.push(change(r, st));
    }
    if (i >= 0 && entry.merged.items.length) await addInto(engine, session, column, i, entry.merged.items, opts.intoLimit ?? 3);
    out.push(entry);
  }
  return out;
}

function change(r: SqlRow, status: CategoryChange['status']): CategoryChange {
  return {
    value: String(r.value),
    before: Number(r.before),
    after: Number(r.after),
    shown: Number(r.shown),
    status,
    into: [],
    removedBy: { excluded: Number(r.excluded), record: Number(r.record), belowK: Number(r.below_k) },
  };
}

/** What the released records of each merged category show instead. */
async function addInto(engine: SqlEngine, session: PreviewSession, column: string, i: number, items: CategoryChange[], intoLimit: number): Promise<void> {
  const value = labelSql(ident(column), session.sourceTypes.get(column)!);
  const label = labelSql(ident(releasedAlias(i)), releasedTypeOf(session, i));
  const rows = await engine.rows(
    `SELECT value, label, n FROM (\n` +
      `  SELECT ${value} AS value, ${label} AS label, count(*) AS n,\n` +
      `    row_number() OVER (PARTITION BY ${value} ORDER BY count(*) DESC, ${label} NULLS LAST) AS rn\n` +
      `  FROM ${ident(session.pairs)} WHERE ${ident(STATE)} = 'released' AND ${value} IN (${items.map((c) => literal(c.value)).join(', ')})\n` +
      `  GROUP BY 1, 2\n` +
      `) WHERE rn <= ${num(intoLimit)} ORDER BY value, rn`,
  );
  const byValue = new Map(items.map((c) => [c.value, c]));
  for (const r of rows) byValue.get(String(r.value))?.into.push({ value: r.label === null ? null : String(r.label), records: Number(r.n) });
}
