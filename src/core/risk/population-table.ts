import type { SqlEngine } from '../engine.ts';
import { ident } from '../sql/quote.ts';
import type { ClassSizeHistogram, PopulationClassPair } from './types.ts';

/**
 * Sample classes matched with their size in a population table (ARX: the data set is the
 * population and the research subset the sample). Both relations must already be generalized
 * the same way. As in ARX, suppressed sample records are left out while the population counts
 * all its records. A sample class the population lacks counts as its own population class
 * (population size = sample size), since the population must contain the sample.
 */
export function populationPairsSql(
  sample: string,
  population: string,
  qis: readonly string[],
  opts: { sampleSuppressedColumn?: string } = {},
): string {
  const cols = qis.map(ident).join(', ');
  const group = (rel: string, suppressed?: string) => {
    const from = `FROM ${ident(rel)}` + (suppressed ? ` WHERE NOT COALESCE(${ident(suppressed)}, FALSE)` : '');
    return qis.length === 0
      ? `SELECT COUNT(*) AS n ${from} HAVING COUNT(*) > 0`
      : `SELECT ${cols}, COUNT(*) AS n ${from} GROUP BY ${cols}`;
  };
  const on = qis.length === 0 ? 'TRUE' : qis.map((q) => `s.${ident(q)} IS NOT DISTINCT FROM p.${ident(q)}`).join(' AND ');
  return (
    `SELECT s.n AS sample_size, GREATEST(s.n, COALESCE(p.n, 0)) AS population_size, COUNT(*) AS classes ` +
    `FROM (${group(sample, opts.sampleSuppressedColumn)}) AS s LEFT JOIN (${group(population)}) AS p ON ${on} ` +
    `GROUP BY 1, 2 ORDER BY 2, 1`
  );
}

export async function populationPairs(
  engine: SqlEngine,
  sample: string,
  population: string,
  qis: readonly string[],
  opts: { sampleSuppressedColumn?: string } = {},
): Promise<PopulationClassPair[]> {
  const rows = await engine.rows(populationPairsSql(sample, population, qis, opts));
  return rows.map((r) => ({
    sampleSize: Number(r.sample_size),
    populationSize: Number(r.population_size),
    classes: Number(r.classes),
  }));
}

/** Without a population table the sample is its own population (what ARX does without a research subset). */
export function pairsFromHistogram(h: ClassSizeHistogram): PopulationClassPair[] {
  return h.entries.map(([size, classes]) => ({ sampleSize: size, populationSize: size, classes }));
}
