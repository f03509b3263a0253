import type { SqlEngine } from '../engine.ts';
import { TokumeiError } from '../errors.ts';
import { ident, num } from '../sql/quote.ts';
import type { PeculiarFinding, PeculiarReason } from './types.ts';

export interface PeculiarOptions {
  relation: string;
  /** Columns checked for rare categories (and, with `geography`, rare per area). */
  categorical?: readonly string[];
  /** A category is rare with fewer records than this. Default 5. */
  minCount?: number;
  /** Numeric columns checked for extreme values. */
  numeric?: readonly string[];
  /** Values below the first or above the second percentile are listed. Default [0.01, 0.99]. */
  percentiles?: readonly [low: number, high: number];
  /** Fixed limits per numeric column; a given limit replaces the percentile on that side. */
  limits?: Readonly<Record<string, { min?: number; max?: number }>>;
  /** Geography column (e.g. prefecture, municipality code) to cross categorical columns with. */
  geography?: string;
  /**
   * Only codes at most this share of all records are crossed with geography ("rare codes"),
   * so that common categories in small areas do not flood the list. Default 0.05.
   */
  geographyMaxShare?: number;
  /** At most this many findings per column and reason (rarest or most extreme first). Default 200. */
  maxPerColumn?: number;
}

export interface PeculiarReport {
  findings: PeculiarFinding[];
  /** Findings left out because of maxPerColumn. */
  omitted: { column: string; reason: PeculiarReason; count: number }[];
}

/**
 * Peculiar values (特異値) for review: rare categories, numerics beyond percentiles or limits,
 * and rare codes that are rarer still within a geography. Missing values are not findings.
 * Percentiles are DuckDB's quantile_cont (linear interpolation, R's default type 7).
 */
export async function findPeculiarValues(engine: SqlEngine, opts: PeculiarOptions): Promise<PeculiarReport> {
  const minCount = opts.minCount ?? 5;
  const [pLow, pHigh] = opts.percentiles ?? [0.01, 0.99];
  const maxShare = opts.geographyMaxShare ?? 0.05;
  const cap = opts.maxPerColumn ?? 200;
  if (!(minCount >= 1)) throw new TokumeiError('riskSdc.error.minCount', { minCount });
  if (!(pLow >= 0 && pLow < pHigh && pHigh <= 1)) throw new TokumeiError('riskSdc.error.percentiles', { low: pLow, high: pHigh });
  const rel = ident(opts.relation);
  const findings: PeculiarFinding[] = [];
  const omitted: PeculiarReport['omitted'] = [];
  /** Run a listing query that returns v, n (and maybe more) plus total = rows before the cap. */
  const list = async (column: string, reason: PeculiarReason, sql: string) => {
    const rows = await engine.rows(`SELECT *, count(*) OVER () AS total FROM (${sql}) ORDER BY rk LIMIT ${num(cap)}`);
    const total = rows.length ? Number(rows[0].total) : 0;
    if (total > rows.length) omitted.push({ column, reason, count: total - rows.length });
    return rows;
  };

  for (const col of opts.categorical ?? []) {
    const c = ident(col);
    const rows = await list(
      col,
      'rareCategory',
      `SELECT CAST(${c} AS VARCHAR) AS v, count(*) AS n, row_number() OVER (ORDER BY count(*), CAST(${c} AS VARCHAR)) AS rk
       FROM ${rel} WHERE ${c} IS NOT NULL GROUP BY ${c} HAVING count(*) < ${num(minCount)}`,
    );
    for (const r of rows) findings.push({ column: col, value: String(r.v), count: Number(r.n), reason: 'rareCategory' });
  }

  for (const col of opts.numeric ?? []) {
    const x = `CAST(${ident(col)} AS DOUBLE)`;
    const [q] = await engine.rows(`SELECT quantile_cont(${x}, ${num(pLow)}) AS lo, quantile_cont(${x}, ${num(pHigh)}) AS hi FROM ${rel}`);
    if (q.lo === null) continue;
    const limit = opts.limits?.[col] ?? {};
    const sides: [PeculiarReason, number, string, string][] = [
      limit.min !== undefined ? ['belowLimit', limit.min, '<', 'ASC'] : ['belowPercentile', Number(q.lo), '<', 'ASC'],
      limit.max !== undefined ? ['aboveLimit', limit.max, '>', 'DESC'] : ['abovePercentile', Number(q.hi), '>', 'DESC'],
    ];
    for (const [reason, bound, op, dir] of sides) {
      const rows = await list(
        col,
        reason,
        `SELECT ${x} AS v, count(*) AS n, row_number() OVER (ORDER BY ${x} ${dir}) AS rk
         FROM ${rel} WHERE ${x} ${op} ${num(bound)} GROUP BY ${x}`,
      );
      for (const r of rows) findings.push({ column: col, value: Number(r.v), count: Number(r.n), reason, bound });
    }
  }

  if (opts.geography !== undefined) {
    const g = ident(opts.geography);
    for (const col of opts.categorical ?? []) {
      if (col === opts.geography) continue;
      const c = ident(col);
      const rows = await list(
        col,
        'rareInGeography',
        `WITH overall AS (SELECT ${c} AS v, count(*) AS n FROM ${rel} WHERE ${c} IS NOT NULL GROUP BY ALL),
              inArea AS (SELECT ${c} AS v, ${g} AS g, count(*) AS n FROM ${rel} WHERE ${c} IS NOT NULL AND ${g} IS NOT NULL GROUP BY ALL)
         SELECT CAST(a.v AS VARCHAR) AS v, CAST(a.g AS VARCHAR) AS g, a.n, o.n AS overall,
                row_number() OVER (ORDER BY a.n, o.n, CAST(a.v AS VARCHAR), CAST(a.g AS VARCHAR)) AS rk
         FROM inArea a JOIN overall o ON a.v = o.v
         WHERE a.n < ${num(minCount)} AND o.n >= ${num(minCount)}
           AND o.n <= ${num(maxShare)} * (SELECT count(*) FROM ${rel})`,
      );
      for (const r of rows) {
        findings.push({
          column: col,
          value: String(r.v),
          count: Number(r.n),
          reason: 'rareInGeography',
          geography: { column: opts.geography, value: String(r.g), overallCount: Number(r.overall) },
        });
      }
    }
  }
  return { findings, omitted };
}
