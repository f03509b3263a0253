import type { SqlEngine } from '../engine.ts';
import { ident, num } from '../sql/quote.ts';
import type { ClassSizeHistogram } from './types.ts';

/**
 * One row per class size: how many classes have it and, with a sensitive attribute, how many of
 * them are "pure" (every record has the same sensitive value, a missing value counting as a value
 * of its own, as in ARX).
 */
export interface ClassSizeRow {
  size: number;
  classes: number;
  /** Classes of this size with a single sensitive value (0 without a sensitive attribute). */
  pure: number;
}

export interface ClassScan {
  /** Ascending by size, sizes with no class left out. */
  rows: ClassSizeRow[];
  sensitive: string | null;
}

/** The distinct and entropy l of the classes a scan keeps, as measureLDiversity defines them. */
export interface ClassDiversity {
  attribute: string;
  classes: number;
  distinct: number | null;
  entropy: number | null;
}

/**
 * Class sizes and pure classes of `relation` in one GROUP BY over the quasi-identifiers (NULL
 * equal to NULL, as GROUP BY and classSizeHistogram). This is the live risk panel's hot path: a
 * class is pure when its sensitive values are all missing, or none is and min = max.
 */
export function classScanSql(relation: string, qis: readonly string[], sensitive?: string | null): string {
  const s = sensitive ? ident(sensitive) : null;
  const pureExpr = s ? `(count(${s}) = 0 OR (count(${s}) = count(*) AND min(${s}) = max(${s})))` : 'FALSE';
  const from = `FROM ${ident(relation)}`;
  const classes =
    qis.length === 0
      ? `SELECT count(*) AS n, ${pureExpr} AS p ${from} HAVING count(*) > 0`
      : `SELECT count(*) AS n, ${pureExpr} AS p ${from} GROUP BY ${qis.map(ident).join(', ')}`;
  return `SELECT n AS size, count(*) AS classes, count(*) FILTER (WHERE p) AS pure FROM (${classes}) GROUP BY n ORDER BY n`;
}

export async function scanClasses(engine: SqlEngine, relation: string, qis: readonly string[], sensitive?: string | null): Promise<ClassScan> {
  const rows = (await engine.rows(classScanSql(relation, qis, sensitive))).map((r) => ({
    size: Number(r.size),
    classes: Number(r.classes),
    pure: Number(r.pure),
  }));
  return { rows: rows.filter((r) => r.size > 0 && r.classes > 0), sensitive: sensitive ?? null };
}

/** The histogram of the classes of at least `minSize` records (all classes by default). */
export function scanHistogram(scan: ClassScan, minSize = 1): ClassSizeHistogram {
  const entries = scan.rows.filter((r) => r.size >= minSize).map((r) => [r.size, r.classes] as [number, number]);
  return { entries, records: entries.reduce((n, [s, c]) => n + s * c, 0) };
}

const keptClasses = (scan: ClassScan, minSize: number) => scan.rows.reduce((n, r) => (r.size >= minSize ? n + r.classes : n), 0);

/**
 * What the scan alone tells of l-diversity: null without a sensitive attribute, no l without
 * classes, and l = 1 when a kept class is pure; undefined when the distribution must be read.
 */
export function diversityFromScan(scan: ClassScan, minSize = 1): ClassDiversity | null | undefined {
  if (!scan.sensitive) return null;
  const classes = keptClasses(scan, minSize);
  const attribute = scan.sensitive;
  if (classes === 0) return { attribute, classes: 0, distinct: null, entropy: null };
  if (scan.rows.some((r) => r.size >= minSize && r.pure > 0)) return { attribute, classes, distinct: 1, entropy: 1 };
  return undefined;
}

/**
 * Distinct and entropy l-diversity of the classes of at least `minSize` records. Both are 1 as
 * soon as one of them is pure (a class has ≥ 1 distinct value and entropy ≥ 0), so the per-class
 * distribution is only read when no kept class is pure — that is, exactly when the data is
 * l-diverse for some l > 1 and the figure says something. Then it is the same SQL as
 * measureLDiversity (min over classes of log2(n) − Σ f·log2(f) / n, as 2^H).
 */
export async function scanDiversity(engine: SqlEngine, relation: string, qis: readonly string[], scan: ClassScan, minSize = 1): Promise<ClassDiversity | null> {
  const known = diversityFromScan(scan, minSize);
  if (known !== undefined || !scan.sensitive) return known ?? null;
  const attribute = scan.sensitive;
  const classes = keptClasses(scan, minSize);
  const s = ident(scan.sensitive);
  const keys = qis.map(ident).join(', ');
  const [r] = await engine.rows(
    qis.length === 0
      ? `WITH d AS (SELECT ${s} AS s, count(*) AS f FROM ${ident(relation)} GROUP BY ALL)
         SELECT count(*) AS m, log2(sum(f)) - sum(f * log2(f)) / sum(f) AS h FROM d`
      : `WITH d AS (SELECT ${keys}, ${s} AS __tokumei_s, count(*) AS f FROM ${ident(relation)} GROUP BY ALL),
              cl AS (SELECT sum(f) AS n, count(*) AS m, sum(f * log2(f)) AS sf FROM d GROUP BY ${keys})
         SELECT min(m) AS m, min(log2(n) - sf / n) AS h FROM cl WHERE n >= ${num(minSize)}`,
  );
  return { attribute, classes, distinct: Number(r.m), entropy: 2 ** Number(r.h) };
}
