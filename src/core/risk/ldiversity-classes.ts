import { ident } from '../sql/quote.ts';

/**
 * The one aggregate l-diversity and t-closeness share: per class, how often each sensitive
 * value occurs. Columns: cls (a class id), s (the sensitive value; NULL is a value of its own,
 * as a missing value is in ARX), f (its frequency in the class). A class is a group of equal
 * quasi-identifier values with NULL equal to NULL; with no quasi-identifiers all records form
 * one class, as in ARX.
 */
export function classDistributionSql(relation: string, qis: readonly string[], sensitive: string): string {
  const s = ident(sensitive);
  if (qis.length === 0) return `SELECT 0 AS cls, ${s} AS s, count(*) AS f FROM ${ident(relation)} GROUP BY ${s}`;
  // Renamed so that a quasi-identifier called "s" or "f" cannot clash with the output columns.
  const q = qis.map((_, i) => `q${i}`);
  return `SELECT dense_rank() OVER (ORDER BY ${q.join(', ')}) AS cls, s, f FROM (
    SELECT ${qis.map((c, i) => `${ident(c)} AS q${i}`).join(', ')}, ${s} AS s, count(*) AS f
    FROM ${ident(relation)} GROUP BY ALL)`;
}
