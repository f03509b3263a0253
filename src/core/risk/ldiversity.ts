import type { SqlEngine } from '../engine.ts';
import { TokumeiError } from '../errors.ts';
import { num } from '../sql/quote.ts';
import { classDistributionSql } from './ldiversity-classes.ts';

export interface LDiversityOptions {
  /** Table or view of the released records (suppressed records already filtered out). */
  relation: string;
  qis: readonly string[];
  sensitive: string;
  /** c of recursive-(c,l)-diversity; without it the recursive figure is not computed. */
  recursiveC?: number;
}

/**
 * The l a dataset achieves on one sensitive attribute: the largest l for which ARX's criterion
 * (DistinctLDiversity, EntropyLDiversity with the Shannon estimator, RecursiveCLDiversity)
 * accepts every class, i.e. the minimum of the per-class value.
 */
export interface LDiversityResult {
  attribute: string;
  classes: number;
  /** Fewest distinct sensitive values in a class. */
  distinct: number | null;
  /**
   * Smallest 2^H over classes, H the class's Shannon entropy in bits: ARX accepts entropy-l
   * exactly when H ≥ log2(l). Not an integer in general.
   */
  entropy: number | null;
  /**
   * Largest l with r1 < c·(r_l + … + r_m) in every class (r1 ≥ … ≥ rm the class's value
   * frequencies), 0 when some class fails even l = 1. Null when no c was given.
   */
  recursive: { c: number; l: number } | null;
}

export async function measureLDiversity(engine: SqlEngine, opts: LDiversityOptions): Promise<LDiversityResult> {
  const c = opts.recursiveC;
  if (c !== undefined && !(c > 0 && Number.isFinite(c))) throw new TokumeiError('riskSdc.error.recursiveC', { c });
  const recursive =
    c === undefined
      ? 'NULL'
      : `(SELECT min(l) FROM (
           SELECT cls, coalesce(max(i) FILTER (WHERE r1 < ${num(c)} * (n - before)), 0) AS l FROM (
             SELECT cls, row_number() OVER w AS i,
                    coalesce(sum(f) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before,
                    max(f) OVER (PARTITION BY cls) AS r1, sum(f) OVER (PARTITION BY cls) AS n
             FROM d WINDOW w AS (PARTITION BY cls ORDER BY f DESC))
           GROUP BY cls))`;
  const [r] = await engine.rows(
    `WITH d AS (${classDistributionSql(opts.relation, opts.qis, opts.sensitive)}),
          cl AS (SELECT cls, count(*) AS m, sum(f) AS n, sum(f * log2(f)) AS sf FROM d GROUP BY cls)
     SELECT count(*) AS classes, min(m) AS dist, min(log2(n) - sf / n) AS h, ${recursive} AS rec FROM cl`,
  );
  const classes = Number(r.classes);
  return {
    attribute: opts.sensitive,
    classes,
    distinct: classes ? Number(r.dist) : null,
    entropy: classes ? 2 ** Number(r.h) : null,
    recursive: c === undefined || !classes ? null : { c, l: Number(r.rec) },
  };
}
