import type { SqlEngine } from '../engine.ts';
import { TokumeiError } from '../errors.ts';
import { ident, num } from '../sql/quote.ts';
import { MISSING } from './suda-search.ts';

export interface SudaColumnsOptions {
  relation: string;
  keys: readonly string[];
  /** Column that fixes record order (e.g. a row id), so scores can be joined back. */
  orderBy?: string;
  /** Records per fetch; the codes travel as comma-separated text, one string per key. */
  chunk?: number;
}

let seq = 0;

/**
 * The key variables of `relation` as dictionary codes: per key, its distinct values numbered
 * 0, 1, … in sort order (equal values, equal codes) and MISSING for NULL. Fetched in chunks as text so that
 * every host returns the same plain values and no per-row objects are built.
 */
export async function loadSudaColumns(engine: SqlEngine, opts: SudaColumnsOptions): Promise<Int32Array[]> {
  if (opts.keys.length === 0) throw new TokumeiError('riskSdc.error.noKeys');
  const chunk = opts.chunk ?? 500_000;
  const enc = ident(`__tokumei_suda_${++seq}`);
  const over = opts.orderBy === undefined ? 'OVER ()' : `OVER (ORDER BY ${ident(opts.orderBy)})`;
  const keys = opts.keys.map(ident);
  // Per key a dictionary (its distinct values, numbered in sort order), then one join per key:
  // much cheaper than a dense_rank window per key.
  const src = ident(`__tokumei_suda_src_${seq}`);
  const dicts = keys.map(
    (k, i) => `d${i} AS (SELECT v, row_number() OVER (ORDER BY v) - 1 AS code FROM (SELECT DISTINCT ${k} AS v FROM ${src} WHERE ${k} IS NOT NULL))`,
  );
  await engine.exec(
    `CREATE OR REPLACE TEMP TABLE ${src} AS SELECT row_number() ${over} - 1 AS __tokumei_rid, ${keys.join(', ')} FROM ${ident(opts.relation)}`,
  );
  await engine.exec(
    `CREATE OR REPLACE TEMP TABLE ${enc} AS
     WITH ${dicts.join(',\n     ')}
     SELECT s.__tokumei_rid AS rid, ${keys.map((_, i) => `coalesce(d${i}.code, ${MISSING}) AS c${i}`).join(', ')}
     FROM ${src} s ${keys.map((k, i) => `LEFT JOIN d${i} ON s.${k} = d${i}.v`).join(' ')}
     ORDER BY rid`,
  );
  await engine.exec(`DROP TABLE ${src}`);
  try {
    const [{ n }] = await engine.rows(`SELECT count(*) AS n FROM ${enc}`);
    const records = Number(n);
    const out = opts.keys.map(() => new Int32Array(records));
    for (let start = 0; start < records; start += chunk) {
      const aggs = opts.keys.map((_, i) => `string_agg(CAST(c${i} AS VARCHAR), ',' ORDER BY rid) AS c${i}`).join(', ');
      const [row] = await engine.rows(`SELECT ${aggs} FROM ${enc} WHERE rid >= ${num(start)} AND rid < ${num(start + chunk)}`);
      opts.keys.forEach((_, i) => {
        const parts = String(row[`c${i}`]).split(',');
        for (let r = 0; r < parts.length; r++) out[i][start + r] = Number(parts[r]);
      });
    }
    return out;
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${enc}`);
  }
}
