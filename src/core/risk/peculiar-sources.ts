import { applySpec } from '../compile/apply.ts';
import { isNumeric, valueKind } from '../compile/value-kind.ts';
import type { SqlEngine } from '../engine.ts';
import { ident, num, str } from '../sql/quote.ts';
import type { ReleaseSpec } from '../spec/schema.ts';
import { measuredSpecOf, type PeculiarPartOptions } from './assess-parts.ts';
import { planMeasurement } from './measure-spec.ts';
import { findPeculiarValues, type PeculiarReport } from './peculiar.ts';
import type { PeculiarFinding } from './types.ts';

/**
 * A finding lists at most this many source values; beyond it `sources` is left out, because a
 * decision recorded value by value would swamp the spec (recoding is the better answer then).
 */
export const MAX_SOURCES_PER_FINDING = 100;

export interface PeculiarListing extends PeculiarReport {
  /** The table the findings are for (decisions are recorded for it). */
  table: string;
  /** Columns that were checked. */
  columns: string[];
}

let seq = 0;

/**
 * Peculiar values of the measured columns as released (like releasedPeculiar), each with the
 * source values it comes from. Findings are about released values (a rare 5-year band, say),
 * but the spec records decisions against source values (they are applied before any
 * transform), so deciding on a finding means deciding on each of its `sources`. The view is
 * made over the table plus an untransformed copy of every measured column, so both sides of
 * every transform are read from the same rows (exclusions and record suppressions included).
 */
export async function releasedPeculiarWithSources(engine: SqlEngine, spec: ReleaseSpec | null, opts: PeculiarPartOptions): Promise<PeculiarListing> {
  const s = await measuredSpecOf(engine, spec, opts);
  const plan = await planMeasurement(engine, s, opts.table, { sensitive: opts.sensitive ?? undefined, key: opts.key });
  const prefix = `__tokumei_pecsrc_${++seq}_`;
  const source = `${prefix}source`;
  const measured = [...plan.measured];
  const copyOf = new Map(measured.map((c, i) => [c, `${prefix}copy_${i}`]));
  const described = await engine.rows(`DESCRIBE ${ident(opts.table)}`);
  const sourceKind = new Map(described.map((r) => [String(r.column_name), valueKind(String(r.column_type))]));

  await engine.exec(
    `CREATE OR REPLACE VIEW ${ident(source)} AS SELECT *, ${measured.map((c) => `${ident(c)} AS ${ident(copyOf.get(c)!)}`).join(', ')} FROM ${ident(opts.table)}`,
  );
  const rename = (t: string | undefined) => (t === opts.table ? source : t);
  const released = plan.released;
  const withCopies: ReleaseSpec = {
    ...released,
    sources: { ...released.sources, tables: released.sources.tables.map((t) => ({ ...t, name: rename(t.name)! })) },
    columns: [
      ...released.columns.map((c) => (c.table === undefined ? c : { ...c, table: rename(c.table) })),
      ...measured.map((c) => ({ name: copyOf.get(c)!, role: 'other' as const, transforms: [] })),
    ],
    peculiar: { ...released.peculiar, decisions: released.peculiar.decisions.map((d) => (d.table === undefined ? d : { ...d, table: rename(d.table) })) },
  };
  try {
    const applied = await applySpec(engine, withCopies, {
      table: source,
      view: `${prefix}released`,
      prefix: `${prefix}r_`,
      exclusions: opts.exclusions === undefined ? undefined : [...opts.exclusions],
      subjectColumn: opts.subjectColumn ?? released.sources.tables.find((t) => t.name === opts.table)?.subjectColumn,
      key: plan.key,
      unlisted: 'drop',
    });
    try {
      const view = applied.view;
      const { numeric, categorical, geography } = await peculiarColumns(engine, view, measured, opts.geography);
      const report = await findPeculiarValues(engine, {
        relation: view,
        categorical,
        numeric,
        geography,
        minCount: opts.minCount,
        percentiles: opts.percentiles,
        maxPerColumn: opts.maxPerColumn,
      });
      for (const column of new Set(report.findings.map((f) => f.column))) {
        const mine = report.findings.filter((f) => f.column === column);
        const sources = await sourcesOf(engine, view, column, copyOf.get(column)!, numeric.includes(column), isNumeric(sourceKind.get(column) ?? 'text'), mine);
        for (const f of mine) {
          const list = sources.get(keyOf(f.value));
          if (list) f.sources = list;
        }
      }
      return { ...report, table: opts.table, columns: [...categorical, ...numeric] };
    } finally {
      await applied.dispose().catch(() => undefined);
    }
  } finally {
    await engine.exec(`DROP VIEW IF EXISTS ${ident(source)}`).catch(() => undefined);
  }
}

/**
 * Which measured columns the listing checks, by their released type: text and boolean ones for
 * rare categories, numeric ones for extremes (dates have neither); the geography only when it is
 * measured. `types` are the released DuckDB types.
 */
export async function peculiarColumns(
  engine: SqlEngine,
  view: string,
  measured: readonly string[],
  geography: string | undefined,
): Promise<{ numeric: string[]; categorical: string[]; geography: string | undefined; types: Map<string, string> }> {
  const types = new Map((await engine.rows(`DESCRIBE ${ident(view)}`)).map((r) => [String(r.column_name), String(r.column_type)]));
  const kind = (c: string) => valueKind(types.get(c) ?? 'VARCHAR');
  return {
    numeric: measured.filter((c) => isNumeric(kind(c))),
    categorical: measured.filter((c) => kind(c) === 'text' || kind(c) === 'boolean'),
    geography: geography !== undefined && measured.includes(geography) ? geography : undefined,
    types,
  };
}

const keyOf = (v: string | number | null) => (typeof v === 'number' ? `n:${v}` : `s:${v}`);

/**
 * The distinct source values behind each released value of `findings`, in one query. A
 * released value with more than MAX_SOURCES_PER_FINDING sources gets no entry.
 */
async function sourcesOf(
  engine: SqlEngine,
  view: string,
  column: string,
  copy: string,
  releasedNumeric: boolean,
  sourceNumeric: boolean,
  findings: readonly PeculiarFinding[],
): Promise<Map<string, (string | number)[]>> {
  const key = releasedNumeric ? `CAST(${ident(column)} AS DOUBLE)` : `CAST(${ident(column)} AS VARCHAR)`;
  const values = [...new Set(findings.map((f) => f.value))].map((v) => (typeof v === 'number' ? num(v) : str(String(v))));
  const src = sourceNumeric ? `CAST(${ident(copy)} AS DOUBLE)` : `CAST(${ident(copy)} AS VARCHAR)`;
  const rows = await engine.rows(
    `WITH d AS (SELECT DISTINCT ${key} AS k, ${src} AS v FROM ${ident(view)} WHERE ${key} IN (${values.join(', ')}) AND ${ident(copy)} IS NOT NULL),
          c AS (SELECT k, v, count(*) OVER (PARTITION BY k) AS m FROM d)
     SELECT k, v FROM c WHERE m <= ${num(MAX_SOURCES_PER_FINDING)} ORDER BY k, v`,
  );
  const out = new Map<string, (string | number)[]>();
  for (const r of rows) {
    const k = keyOf(r.k as string | number);
    const v = sourceNumeric ? Number(r.v) : String(r.v);
    const list = out.get(k);
    if (list) list.push(v);
    else out.set(k, [v]);
  }
  return out;
}
