import type { SqlEngine } from '../engine.ts';
import { codeCombos } from '../suppress/coded.ts';
import { wildcardFrequencies } from '../suppress/frequency.ts';
import { loadKeyCombos } from '../suppress/sql.ts';
import type { ClassSizeHistogram } from './types.ts';

/**
 * Class sizes of a cell-suppressed release, measured with sdcMicro's missing-value semantics.
 *
 * Elsewhere the risk code treats NULL as a value of its own (GROUP BY, as ARX does with its own
 * data): a record with a NULL only shares a class with records that have NULL in the same place.
 * That is ARX's reading, kept for record suppression; it would misjudge cell suppression, which
 * blanks cells precisely because a blank can stand for any value: the record then hides among
 * every record that agrees with it wherever both have a value. Cell suppression reaches k under
 * that reading (sdcMicro's fk, suppress/frequency.ts), so a release made with it is measured
 * under the same reading, or the report would call k-anonymous data unsafe. Values already
 * missing in the source are read the same way, as local suppression itself (and sdcMicro) reads them.
 *
 * Under it classes overlap, so the histogram is built per record: records with frequency fk
 * count as records/fk classes of size fk. Then each record's class size is its fk, and every
 * figure read from the histogram is the per-record one: recordsBelowK and sampleUniques count
 * records with fk < k and fk = 1, the prosecutor risk of a record is 1/fk (highest = 1/min fk,
 * average = mean of 1/fk), discernibility is Σ fk. The class count becomes Σ 1/fk, which is not
 * a whole number in general. Without any NULL, fk is the class size and this is the GROUP BY
 * histogram exactly.
 */
export async function wildcardHistogram(engine: SqlEngine, relation: string, qis: readonly string[]): Promise<ClassSizeHistogram> {
  const combos = await loadKeyCombos(engine, relation, qis);
  if (combos.counts.length === 0) return { entries: [], records: 0 };
  return histogramFromFrequencies(wildcardFrequencies(codeCombos(combos)), combos.counts);
}

/** Records per frequency, as [fk, records/fk] entries ascending by fk. */
export function histogramFromFrequencies(fk: ArrayLike<number>, counts: ArrayLike<number>): ClassSizeHistogram {
  const records = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < fk.length; i++) {
    records.set(fk[i], (records.get(fk[i]) ?? 0) + counts[i]);
    total += counts[i];
  }
  const entries = [...records]
    .filter(([f, n]) => f > 0 && n > 0)
    .sort((a, b) => a[0] - b[0])
    .map(([f, n]) => [f, n / f] as [number, number]);
  return { entries, records: total };
}
