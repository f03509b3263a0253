import { TokumeiError } from '../errors.ts';
import { dedupeRecords } from './suda-dedupe.ts';
import { findMsus, popcount, type SearchControl } from './suda-search.ts';
import { disScores, msuWeight } from './suda-score.ts';

export { MISSING } from './suda-search.ts';

export interface SudaOptions extends SearchControl {
  /** Largest MSU searched for. Default: all variables, as sdcMicro. */
  maxSize?: number;
  /** DIS sampling fraction. Default 0.01, sdcMicro's suda2 default. */
  disFraction?: number;
  /** sdcMicro's original_scores: true (default) Elliot's (M−k)!; false the older IHSN weights. */
  originalScores?: boolean;
  /** Also return each record's share of its score per variable (records × variables). */
  contributions?: boolean;
}

export interface SudaResult {
  records: number;
  variables: number;
  /** SUDA score per record (0 = no MSU). */
  scores: Float64Array;
  /** DIS-SUDA score per record. */
  disScores: Float64Array;
  /** Number of MSUs per record. */
  msuCounts: Int32Array;
  /** Number of MSUs found, by size (index 0 = size 1). */
  msusBySize: number[];
  /** Records unique on all keys together (a missing value compared as a value). */
  sampleUniques: number;
  /** Records with at least one MSU. */
  recordsWithMsu: number;
  maxScore: number;
  /** Percent of the total score owed to each variable (sdcMicro's attribute_contributions). */
  attributeContributions: number[];
  /** Row-major records × variables share of the record's score, when asked for. */
  contributions?: Float64Array;
}

/** sdcMicro's Suda2 handles at most 256; bit masks here hold 30. */
export const SUDA_MAX_VARIABLES = 30;

/**
 * SUDA2 over dictionary-encoded key variables (one Int32Array per variable, codes ≥ 0, MISSING
 * for a missing value), with the scores sdcMicro's suda2 computes. Async so that it can pause
 * between slices of work: run it in a worker, cancel with `signal`, follow with `onProgress`.
 * Scores depend only on the data, not on record order.
 */
export async function suda2(columns: readonly Int32Array[], opts: SudaOptions = {}): Promise<SudaResult> {
  const real = columns.length;
  if (real === 0) throw new TokumeiError('riskSdc.error.noKeys');
  if (real > SUDA_MAX_VARIABLES) throw new TokumeiError('riskSdc.error.tooManyKeys', { count: real, max: SUDA_MAX_VARIABLES });
  const records = columns[0].length;
  const maxSize = opts.maxSize ?? real;
  if (!(Number.isInteger(maxSize) && maxSize >= 1)) throw new TokumeiError('riskSdc.error.maxSize', { maxSize });
  const disFraction = opts.disFraction ?? 0.01;
  if (!(disFraction >= 0 && disFraction < 1)) throw new TokumeiError('riskSdc.error.disFraction', { disFraction });

  // sdcMicro pads one or two variables with constant columns; they change M in the weights
  // (and can only be MSUs in a one-record file), so pad the same way and drop them after.
  const padded = [...columns];
  while (padded.length < 3) padded.push(new Int32Array(records));
  const m = padded.length;

  const combos = dedupeRecords(padded, records);
  const sets = await findMsus(combos, m, Math.min(maxSize, m), opts);

  const original = opts.originalScores ?? true;
  const weights = Array.from({ length: m }, (_, i) => msuWeight(i + 1, m, original));
  const comboScore = new Float64Array(combos.count);
  const comboMsus = new Int32Array(combos.count);
  const comboShare = new Float64Array(combos.count * real);
  const msusBySize = new Array<number>(m).fill(0);
  const perSize = new Int32Array(m);
  for (let c = 0; c < combos.count; c++) {
    const a = sets.offsets[c];
    const b = sets.offsets[c + 1];
    if (a === b) continue;
    perSize.fill(0);
    for (let k = a; k < b; k++) {
      const size = popcount(sets.masks[k]);
      perSize[size - 1]++;
      for (let v = 0; v < real; v++) if (sets.masks[k] & (1 << v)) comboShare[c * real + v] += weights[size - 1];
    }
    let score = 0;
    for (let s = 0; s < m; s++) {
      score += perSize[s] * weights[s];
      msusBySize[s] += perSize[s];
    }
    comboScore[c] = score;
    comboMsus[c] = b - a;
  }

  const scores = new Float64Array(records);
  const msuCounts = new Int32Array(records);
  const contributions = opts.contributions ? new Float64Array(records * real) : undefined;
  const varTotal = new Array<number>(real).fill(0);
  let total = 0;
  let maxScore = 0;
  let recordsWithMsu = 0;
  for (let r = 0; r < records; r++) {
    const c = combos.comboOf[r];
    const s = comboScore[c];
    scores[r] = s;
    msuCounts[r] = comboMsus[c];
    if (!s) continue;
    recordsWithMsu++;
    total += s;
    if (s > maxScore) maxScore = s;
    for (let v = 0; v < real; v++) {
      const share = comboShare[c * real + v];
      varTotal[v] += share;
      if (contributions) contributions[r * real + v] = share / s;
    }
  }

  let sampleUniques = 0;
  let pairRecords = 0;
  for (const k of combos.mult) {
    if (k === 1) sampleUniques++;
    else if (k === 2) pairRecords += 2;
  }

  return {
    records,
    variables: real,
    scores,
    disScores: disScores(scores, sampleUniques, pairRecords, m, disFraction),
    msuCounts,
    msusBySize: msusBySize.slice(0, Math.min(maxSize, real)),
    sampleUniques,
    recordsWithMsu,
    maxScore,
    attributeContributions: varTotal.map((x) => (total ? (100 * x) / total : 0)),
    contributions,
  };
}
