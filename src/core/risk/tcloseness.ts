import type { SqlEngine } from '../engine.ts';
import { TokumeiError } from '../errors.ts';
import { ident, literal } from '../sql/quote.ts';
import { classDistributionSql } from './ldiversity-classes.ts';

export interface TClosenessOptions {
  /** Table or view of the released records (suppressed records already filtered out). */
  relation: string;
  qis: readonly string[];
  sensitive: string;
  /**
   * Records the reference distribution is taken from. ARX uses the whole input dataset
   * (suppressed records included), so pass the unsuppressed table here. Default: relation.
   */
  globalRelation?: string;
  /**
   * Order of the sensitive values for the ordered distance, as text (each value compared
   * with CAST(value AS VARCHAR); null stands for the missing value). Without it values are
   * ordered by the column's own type (numbers numerically, text by code point), missing last.
   */
  order?: readonly (string | null)[];
}

/**
 * The t a dataset achieves: the largest class distance (the smallest t ARX's criterion
 * would accept for every class), for
 *  - equalDistance: EMD with equal ground distance, ½ Σ |p_i − q_i| (EqualDistanceTCloseness);
 *  - orderedDistance: EMD with ordered distance, Σ_i |Σ_{j≤i} (p_j − q_j)| / (m − 1) over the m
 *    distinct values in order (OrderedDistanceTCloseness; 0 when m = 1).
 * p is the class's distribution, q the reference distribution.
 */
export interface TClosenessResult {
  attribute: string;
  classes: number;
  equalDistance: number | null;
  orderedDistance: number | null;
}

/**
 * Both distances are computed exactly in integers scaled by N·n (N reference records, n class
 * records) and divided once at the end. The ordered distance does not walk all m values per
 * class: between two values present in a class the class's cumulative share P is constant, and
 * the reference cumulative share Q(i) only grows, so Σ |P − Q(i)| over such a run splits at the
 * last i with Q(i) ≤ P (found by an ASOF join) into two sums read off prefix sums of Q.
 */
export async function measureTCloseness(engine: SqlEngine, opts: TClosenessOptions): Promise<TClosenessResult> {
  const global = ident(opts.globalRelation ?? opts.relation);
  const s = ident(opts.sensitive);
  let ordered: string;
  if (opts.order) {
    const list = opts.order.map((v, i) => `(${literal(v)}, ${i})`).join(', ');
    const [missing] = await engine.rows(
      `SELECT CAST(v AS VARCHAR) AS v FROM (SELECT DISTINCT ${s} AS v FROM ${global}) g
       WHERE NOT EXISTS (SELECT 1 FROM (VALUES ${list}) o(v, i) WHERE o.v IS NOT DISTINCT FROM CAST(g.v AS VARCHAR)) LIMIT 1`,
    );
    if (missing) throw new TokumeiError('riskSdc.error.orderMissingValue', { column: opts.sensitive, value: String(missing.v ?? 'NULL') });
    ordered = `SELECT gd.s, gd.g, row_number() OVER (ORDER BY o.i) - 1 AS o FROM gd
      JOIN (VALUES ${list}) o(v, i) ON o.v IS NOT DISTINCT FROM CAST(gd.s AS VARCHAR)`;
  } else {
    ordered = `SELECT s, g, row_number() OVER (ORDER BY s NULLS LAST) - 1 AS o FROM gd`;
  }

  const [r] = await engine.rows(
    `WITH d AS (${classDistributionSql(opts.relation, opts.qis, opts.sensitive)}),
      gd AS (SELECT ${s} AS s, count(*) AS g FROM ${global} GROUP BY ALL),
      tot AS (SELECT sum(g) AS nn, count(*) AS m FROM gd),
      go AS (${ordered}),
      -- qc: reference count of values up to o; sq: Σ qc up to o (both integers); q = qc / N
      gs AS (SELECT o, qc, sum(qc) OVER (ORDER BY o) AS sq, qc / nn AS q
             FROM (SELECT o, sum(g) OVER (ORDER BY o) AS qc FROM go), tot),
      cls AS (SELECT cls, sum(f) AS n FROM d GROUP BY cls),
      dv AS (SELECT d.cls, d.f, go.g, go.o, cls.n FROM d
             JOIN go ON d.s IS NOT DISTINCT FROM go.s JOIN cls ON cls.cls = d.cls),
      eq AS (SELECT cls, (sum(abs(f * nn - g * n)) + any_value(n) * (any_value(nn) - sum(g))) / (2.0 * any_value(nn) * any_value(n)) AS t
             FROM dv, tot GROUP BY cls),
      -- runs of constant class share: from a present value o to just before the next one
      seg AS (SELECT cls, n, o AS a,
                     lead(o, 1, (SELECT m FROM tot)) OVER (PARTITION BY cls ORDER BY o) - 1 AS b,
                     sum(f) OVER (PARTITION BY cls ORDER BY o) AS pc,
                     min(o) OVER (PARTITION BY cls) AS first
              FROM dv),
      segq AS (SELECT seg.*, seg.pc / seg.n AS p, tot.nn FROM seg, tot),
      cut AS (SELECT segq.*, least(greatest(coalesce(gs.o, -1), a - 1), b) AS x
              FROM segq ASOF LEFT JOIN gs ON segq.p >= gs.q),
      part AS (SELECT cut.cls, cut.n, cut.a, cut.first,
                 CAST(pc AS HUGEINT) * nn * (x - a + 1) - CAST(n AS HUGEINT) * (coalesce(sx.sq, 0) - coalesce(sa.sq, 0))
                 + CAST(n AS HUGEINT) * (sb.sq - coalesce(sx.sq, 0)) - CAST(pc AS HUGEINT) * nn * (b - x) AS dist
               FROM cut LEFT JOIN gs sx ON sx.o = cut.x LEFT JOIN gs sa ON sa.o = cut.a - 1 JOIN gs sb ON sb.o = cut.b),
      od AS (SELECT part.cls, sum(dist) + CAST(any_value(part.n) AS HUGEINT) * coalesce(any_value(s0.sq), 0) AS dist, any_value(part.n) AS n
             FROM part LEFT JOIN gs s0 ON s0.o = part.first - 1 GROUP BY part.cls)
     SELECT (SELECT count(*) FROM cls) AS classes, (SELECT max(t) FROM eq) AS eqd,
            (SELECT max(CAST(dist AS DOUBLE) / (CAST(nn AS DOUBLE) * n)) FROM od, tot) AS od, (SELECT m FROM tot) AS m`,
  );
  const classes = Number(r.classes);
  const m = Number(r.m);
  return {
    attribute: opts.sensitive,
    classes,
    equalDistance: classes ? Number(r.eqd) : null,
    orderedDistance: !classes ? null : m <= 1 ? 0 : Number(r.od) / (m - 1),
  };
}
