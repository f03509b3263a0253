import type { SqlEngine } from '../engine.ts';
import { TokumeiError } from '../errors.ts';
import { ident, num } from '../sql/quote.ts';
import { sdcFrequencies, type SdcFrequencyOptions, type SdcFrequencyTable } from './sdc-freq.ts';

/**
 * Individual re-identification risk as sdcMicro's indivRisk (method "approx", qual 1), the
 * Benedetti–Franconi approximation used by measure_risk. With pk = fk / Fk:
 *   fk = 1:  pk/(1-pk) · ln(1/pk)
 *   fk = 2:  pk/(1-pk) − (pk/(1-pk))² · ln(1/pk)
 *   fk > 2:  pk / (fk − (1 − pk))
 * and wherever fk equals Fk (no sampling, or weights of 1) the risk is 1/fk. sdcMicro leaves
 * any other fk (a fractional one below 2, possible only with alpha < 1) at risk 0; so do we.
 */
export function individualRisk(fk: number, Fk: number): number {
  if (fk === Fk) return 1 / fk;
  const pk = fk / Fk;
  if (fk > 2) return pk / (fk - (1 - pk));
  const odds = pk / (1 - pk);
  if (fk === 2) return odds - odds * odds * Math.log(1 / pk);
  if (fk === 1) return odds * Math.log(1 / pk);
  return 0;
}

/** The same formula as a SQL expression over two numeric column expressions. */
export function individualRiskSql(fk: string, Fk: string): string {
  const pk = `(${fk} / ${Fk})`;
  const odds = `(${pk} / (1 - ${pk}))`;
  return `(CASE WHEN ${fk} = ${Fk} THEN 1.0 / ${fk}
    WHEN ${fk} > 2 THEN ${pk} / (${fk} - (1 - ${pk}))
    WHEN ${fk} = 2 THEN ${odds} - ${odds} * ${odds} * ln(1 / ${pk})
    WHEN ${fk} = 1 THEN ${odds} * ln(1 / ${pk})
    ELSE 0.0 END)`;
}

export interface SdcRiskOptions extends Omit<SdcFrequencyOptions, 'into'> {
  /** Count records whose individual risk is strictly above this. Default 0.1. */
  threshold?: number;
  /** Report records violating k-anonymity (fk < k) for these k. Default [2, 3, 5] as sdcMicro prints. */
  ks?: readonly number[];
}

export interface SdcRiskSummary {
  records: number;
  /** Distinct key combinations (a missing value counted as a value of its own). */
  keyCombinations: number;
  weighted: boolean;
  /** Records with fk < k, per k (sdcMicro's "observations violating k-anonymity"). */
  recordsBelowK: { k: number; records: number }[];
  individualRisk: {
    max: number;
    /** global_risk: the mean individual risk. */
    mean: number;
    /** global_risk_ER: the sum of individual risks, the expected number of re-identifications. */
    expectedReidentifications: number;
    threshold: number;
    /** Records with risk > threshold. */
    recordsAbove: number;
    /**
     * sdcMicro's "observations with higher risk than the main part of the data":
     * risk > median + 2·MAD (MAD scaled by 1.4826 as R's mad) and risk > 0.1.
     */
    higherThanMainPart: number;
  } | null;
}

let seq = 0;

/** fk/Fk, individual and global risk in one pass, as sdcMicro's measure_risk reports them. */
export async function measureSdcRisk(engine: SqlEngine, opts: SdcRiskOptions): Promise<SdcRiskSummary> {
  const threshold = opts.threshold ?? 0.1;
  if (!(threshold >= 0 && threshold <= 1)) throw new TokumeiError('riskSdc.error.threshold', { threshold });
  const ks = opts.ks ?? [2, 3, 5];
  const into = `__tokumei_sdcfreq_${++seq}`;
  const freq = await sdcFrequencies(engine, { ...opts, into });
  try {
    return await summarizeSdcRisk(engine, freq, threshold, ks);
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${ident(into)}`);
  }
}

/** Aggregates over a frequency table: every figure weights a combination by its records. */
export async function summarizeSdcRisk(
  engine: SqlEngine,
  freq: SdcFrequencyTable,
  threshold: number,
  ks: readonly number[],
): Promise<SdcRiskSummary> {
  const t = ident(freq.table);
  const risk = individualRiskSql('fk', 'fk_pop');
  const below = ks.map((k, i) => `coalesce(sum(n) FILTER (WHERE fk < ${num(k)}), 0) AS b${i}`);
  const [r] = await engine.rows(
    `WITH r AS (SELECT n, fk, ${risk} AS risk FROM ${t})
     SELECT ${[
       ...below,
       'max(risk) AS mx',
       'fsum(risk * n) AS er',
       `coalesce(sum(n) FILTER (WHERE risk > ${num(threshold)}), 0) AS above`,
     ].join(', ')} FROM r`,
  );
  const recordsBelowK = ks.map((k, i) => ({ k, records: Number(r[`b${i}`]) }));
  if (freq.records === 0) {
    return { records: 0, keyCombinations: 0, weighted: freq.weighted, recordsBelowK, individualRisk: null };
  }
  // median and MAD are over records, so each combination is repeated n times.
  const [m] = await engine.rows(
    `WITH r AS (SELECT ${risk} AS risk FROM ${t}, range(CAST(n AS BIGINT))),
          med AS (SELECT median(risk) AS md FROM r),
          mad AS (SELECT 1.4826 * median(abs(risk - md)) AS mad FROM r, med)
     SELECT count(*) FILTER (WHERE risk > md + 2 * mad AND risk > 0.1) AS hi FROM r, med, mad`,
  );
  const er = Number(r.er);
  return {
    records: freq.records,
    keyCombinations: freq.combinations,
    weighted: freq.weighted,
    recordsBelowK,
    individualRisk: {
      max: Number(r.mx),
      mean: er / freq.records,
      expectedReidentifications: er,
      threshold,
      recordsAbove: Number(r.above),
      higherThanMainPart: Number(m.hi),
    },
  };
}
