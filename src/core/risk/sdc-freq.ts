import type { SqlEngine } from '../engine.ts';
import { TokumeiError } from '../errors.ts';
import { ident, num } from '../sql/quote.ts';

/**
 * Sample frequency fk and weighted frequency Fk of every record's key combination, exactly as
 * sdcMicro's freqCalc (R/freqCalc.r, the data.table version with `alpha`) defines them.
 *
 * Without missing keys fk is the size of the record's class and Fk the sum of its weights.
 * A missing key (NULL) is a wildcard ("stands for any category"), with sdcMicro's exact rules:
 *  - a complete key counts itself plus alpha × every record whose key has some (not all) keys
 *    missing and agrees on the keys it has;
 *  - a partly missing key counts itself, alpha × every *other* partly-or-wholly missing key
 *    that agrees wherever both have a value, and 1 × every complete key that agrees on its
 *    non-missing keys (complete keys are not scaled by alpha);
 *  - a wholly missing key gets fk = number of records, Fk = sum of all weights;
 *  - records whose keys are all missing do not raise the counts of complete keys, except when
 *    there is a single key variable (sdcMicro's special case, where they do, times alpha).
 *
 * Method: one GROUP BY collapses records to distinct key combinations ("combos", NULL grouped
 * as a value) with a bit mask of which keys are present. Two combos with present-key sets p
 * and q match iff they agree on the keys of p ∩ q, so for every ordered pair of masks (target
 * p, source q ≠ p) the source combos are summed per (p ∩ q)-key and hash-joined to the target
 * combos. That is one small aggregate join per pair of missingness patterns: exact, linear in
 * the number of combos, and quadratic only in the (usually tiny) number of patterns. Combos
 * with equal masks never match each other except themselves (they would be the same combo).
 */
export interface SdcFrequencyOptions {
  /** Table or view holding the records. */
  relation: string;
  /** Key variables (categorical quasi-identifiers). */
  keys: readonly string[];
  /** Sampling weight column; without it every record weighs 1 (then Fk = fk). */
  weight?: string;
  /** sdcMicro's alpha (0..1): how much a wildcard match counts. Default 1. */
  alpha?: number;
  /** Name of the temporary table to create (replaced if it exists). */
  into: string;
}

/** What the frequency table holds; its columns are k0…k(n-1), n (records), w (their
 * weight), mask (bit i set = key i present), fk and fk_pop (sdcMicro's Fk; DuckDB names are
 * case-insensitive, so "Fk" would clash with fk). */
export interface SdcFrequencyTable {
  table: string;
  /** Key columns in the table, in the order of `keys`. */
  keyColumns: string[];
  records: number;
  /** Distinct key combinations, a missing value counting as a value of its own. */
  combinations: number;
  /** Combinations with at least one missing key. */
  combinationsWithMissing: number;
  weighted: boolean;
}

/** Key bits fit a 32-bit mask; sdcMicro's NA handling is exponential in patterns anyway. */
const MAX_KEYS = 30;

export async function sdcFrequencies(engine: SqlEngine, opts: SdcFrequencyOptions): Promise<SdcFrequencyTable> {
  const { keys, alpha = 1 } = opts;
  if (keys.length === 0) throw new TokumeiError('riskSdc.error.noKeys');
  if (keys.length > MAX_KEYS) throw new TokumeiError('riskSdc.error.tooManyKeys', { count: keys.length, max: MAX_KEYS });
  if (!(alpha >= 0 && alpha <= 1)) throw new TokumeiError('riskSdc.error.alpha', { alpha });
  const rel = ident(opts.relation);
  if (opts.weight !== undefined) {
    const w = ident(opts.weight);
    const [bad] = await engine.rows(`SELECT count(*) FILTER (WHERE ${w} IS NULL) AS c, count(*) FILTER (WHERE NOT (CAST(${w} AS DOUBLE) > 0)) AS z FROM ${rel}`);
    if (Number(bad.c) > 0) throw new TokumeiError('riskSdc.error.weightMissing', { column: opts.weight, count: Number(bad.c) });
    // A weight of 0 would make Fk 0 and the estimator take the logarithm of 0 (sdcMicro's weights are inverse inclusion probabilities, ≥ 1).
    if (Number(bad.z) > 0) throw new TokumeiError('riskSdc.error.weightNotPositive', { column: opts.weight, count: Number(bad.z) });
  }

  const kc = keys.map((_, i) => `k${i}`);
  const full = 2 ** keys.length - 1;
  const combos = ident(`${opts.into}__combos`);
  const adds = ident(`${opts.into}__adds`);
  const weightExpr = opts.weight === undefined ? '1.0' : `CAST(${ident(opts.weight)} AS DOUBLE)`;
  const maskExpr = kc.map((k, i) => `(CASE WHEN ${k} IS NULL THEN 0 ELSE ${2 ** i} END)`).join(' + ');

  await engine.exec(
    `CREATE OR REPLACE TEMP TABLE ${combos} AS
     SELECT row_number() OVER () AS cid, * FROM (
       SELECT ${kc.join(', ')}, count(*) AS n, fsum(w) AS w, ${maskExpr} AS mask
       FROM (SELECT ${keys.map((k, i) => `${ident(k)} AS k${i}`).join(', ')}, ${weightExpr} AS w FROM ${rel})
       GROUP BY ALL)`,
  );
  const patterns = (await engine.rows(`SELECT DISTINCT mask FROM ${combos} ORDER BY mask`)).map((r) => Number(r.mask));
  const [tot] = await engine.rows(
    `SELECT coalesce(sum(n), 0) AS n, coalesce(fsum(w), 0) AS w, count(*) AS c,
            count(*) FILTER (WHERE mask <> ${full}) AS cm FROM ${combos}`,
  );
  const totalN = Number(tot.n);
  const totalW = Number(tot.w);

  await engine.exec(`CREATE OR REPLACE TEMP TABLE ${adds} (cid BIGINT, n DOUBLE, w DOUBLE)`);
  for (const p of patterns) {
    if (p === 0) continue; // wholly missing keys are set to the totals below
    const parts: string[] = [];
    for (const q of patterns) {
      if (q === p) continue;
      if (p === full && q === 0 && keys.length > 1) continue;
      const coef = q === full ? 1 : alpha;
      if (coef === 0) continue;
      const shared = kc.filter((_, i) => (p & q & (2 ** i)) !== 0);
      const source = `(SELECT ${[...shared, 'sum(n) AS n', 'fsum(w) AS w'].join(', ')} FROM ${combos} WHERE mask = ${q}${shared.length ? ' GROUP BY ALL' : ''})`;
      const on = shared.length ? `JOIN ${source} s ON ${shared.map((k) => `t.${k} = s.${k}`).join(' AND ')}` : `CROSS JOIN ${source} s`;
      parts.push(`SELECT t.cid, s.n * ${num(coef)} AS n, s.w * ${num(coef)} AS w FROM ${combos} t ${on} WHERE t.mask = ${p}`);
    }
    if (parts.length) await engine.exec(`INSERT INTO ${adds} ${parts.join(' UNION ALL ')}`);
  }

  await engine.exec(
    `CREATE OR REPLACE TEMP TABLE ${ident(opts.into)} AS
     SELECT ${kc.map((k) => `c.${k}`).join(', ')}, c.n, c.w, c.mask,
       CASE WHEN c.mask = 0 THEN ${num(totalN)} ELSE c.n + coalesce(a.n, 0) END AS fk,
       CASE WHEN c.mask = 0 THEN ${num(totalW)} ELSE c.w + coalesce(a.w, 0) END AS fk_pop
     FROM ${combos} c LEFT JOIN (SELECT cid, sum(n) AS n, fsum(w) AS w FROM ${adds} GROUP BY cid) a ON a.cid = c.cid`,
  );
  await engine.exec(`DROP TABLE ${adds}`);
  await engine.exec(`DROP TABLE ${combos}`);
  return {
    table: opts.into,
    keyColumns: kc,
    records: totalN,
    combinations: Number(tot.c),
    combinationsWithMissing: Number(tot.cm),
    weighted: opts.weight !== undefined,
  };
}

/**
 * Every record of `relation` with its fk and fk_pop (= Fk) (and whatever `extra` columns of the frequency
 * table are named), joining on the keys with NULL matching NULL.
 */
export function recordFrequenciesSql(relation: string, keys: readonly string[], freq: SdcFrequencyTable, extra: readonly string[] = []): string {
  const on = keys.map((k, i) => `r.${ident(k)} IS NOT DISTINCT FROM f.${freq.keyColumns[i]}`).join(' AND ');
  const cols = ['f.fk', 'f.fk_pop', ...extra.map((c) => `f.${ident(c)}`)].join(', ');
  return `SELECT r.*, ${cols} FROM ${ident(relation)} r JOIN ${ident(freq.table)} f ON ${on}`;
}
