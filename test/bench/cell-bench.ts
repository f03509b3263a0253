import { NativeEngine } from '../../src/cli/native-engine.ts';
import { releasedRecordsSql } from '../../src/core/risk/record-suppression.ts';
import { localSuppression } from '../../src/core/suppress/local.ts';
import { canonicalKeys } from '../../src/core/suppress/release.ts';
import type { KeyCombos } from '../../src/core/suppress/types.ts';
import { ident, literal } from '../../src/core/sql/quote.ts';
import { median, round } from './stats.ts';

/** The seven key variables of sdcMicro's testdata example, by name only (the data is generated here). */
export const CELL_KEYS = ['urbrur', 'roof', 'walls', 'water', 'electcon', 'relat', 'sex'] as const;

/** A small seeded generator (mulberry32): the same rows on every run and machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(r: () => number, weights: readonly (readonly [string, number])[]): string {
  const total = weights.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of weights) if ((x -= w) < 0) return v;
  return weights[weights.length - 1][0];
}

/**
 * Synthetic household-survey records shaped like sdcMicro's testdata (a few skewed categorical
 * keys, household-level keys shared by every member, person-level relat and sex), generated
 * from made-up proportions: no testdata value or row is used. Households of 1–9 members make
 * the many small, rare combinations local suppression has to deal with.
 */
export function syntheticSurvey(rows: number, seed = 1): string[][] {
  const r = rng(seed);
  const out: string[][] = [];
  while (out.length < rows) {
    const urban = r() < 0.15;
    const urbrur = urban ? '1' : '2';
    const roof = pick(r, urban ? [['4', 60], ['2', 30], ['6', 5], ['5', 3], ['9', 2]] : [['4', 82], ['2', 16], ['6', 1], ['5', 0.5], ['9', 0.4]]);
    const walls = pick(r, roof === '2' ? [['2', 55], ['3', 43], ['9', 2]] : [['3', 78], ['2', 21], ['9', 1]]);
    const water = pick(r, urban ? [['1', 35], ['3', 25], ['4', 25], ['5', 8], ['2', 3], ['7', 2], ['9', 1], ['6', 1]] : [['4', 42], ['3', 33], ['5', 13], ['1', 8], ['2', 1.5], ['7', 1], ['9', 0.8], ['6', 0.6]]);
    const electcon = pick(r, urban ? [['1', 85], ['4', 12], ['2', 3]] : [['1', 60], ['4', 37], ['2', 2.5]]);
    const size = 1 + Math.min(8, Math.floor(-Math.log(1 - r()) * 3));
    for (let m = 0; m < size && out.length < rows; m++) {
      const relat = m === 0 ? '1' : pick(r, [['3', 62], ['2', 20], ['7', 6], ['5', 5], ['6', 3], ['4', 2], ['9', 1.5], ['8', 0.3]]);
      const sex = relat === '2' ? (r() < 0.9 ? '2' : '1') : r() < 0.5 ? '1' : '2';
      out.push([urbrur, roof, walls, water, electcon, relat, sex]);
    }
  }
  return out;
}

export function combosOf(keys: readonly string[], records: readonly string[][]): KeyCombos {
  const index = new Map<string, number>();
  const values: string[][] = [];
  const counts: number[] = [];
  for (const rec of records) {
    const id = rec.join('\u0001');
    const i = index.get(id);
    if (i === undefined) {
      index.set(id, values.length);
      values.push(rec);
      counts.push(1);
    } else counts[i]++;
  }
  return { keys, values, counts };
}

export interface CellBench {
  rows: number;
  keys: number;
  k: number;
  combinations: number;
  recordsAtRiskBefore: number;
  /** Cells blanked. */
  cells: number;
  /** localSuppression alone (the core code the browser worker runs), median. */
  ms: number;
  /** The whole k step on native DuckDB: distinct combinations, the algorithm, the view with the blanks. */
  endToEndMs: number;
  host: string;
}

/**
 * cellSuppression92k: k = 3 local suppression on 92k synthetic testdata-shaped records
 * (sdcMicro's localSuppression takes about 67 s on 92k rows of this kind; the goal is < 2 s).
 */
export async function cellSuppressionBench(runs: number, rows = 92_000, k = 3): Promise<CellBench> {
  const records = syntheticSurvey(rows);
  // In the key order the release step uses (canonicalKeys), so both paths blank the same cells.
  const keys = canonicalKeys(CELL_KEYS);
  const at = keys.map((key) => CELL_KEYS.indexOf(key as (typeof CELL_KEYS)[number]));
  const combos = combosOf(keys, records.map((r) => at.map((i) => r[i])));
  localSuppression(combos, { k }); // warm-up: JIT
  const ms: number[] = [];
  let last = localSuppression(combos, { k });
  for (let i = 0; i < runs; i++) {
    last = localSuppression(combos, { k });
    ms.push(last.ms);
  }

  const engine = await NativeEngine.create({ threads: 1 });
  const endToEnd: number[] = [];
  try {
    const csv = [CELL_KEYS.join(','), ...records.map((r) => r.join(','))].join('\n') + '\n';
    await engine.registerFile('survey.csv', new TextEncoder().encode(csv));
    await engine.exec(`CREATE TABLE survey AS SELECT * FROM read_csv(${literal('survey.csv')}, header = true, all_varchar = true)`);
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const release = await releasedRecordsSql(engine, 'survey', CELL_KEYS, CELL_KEYS, { k, suppressionLimit: 0, suppression: 'cells' });
      await engine.rows(`SELECT count(*) AS n FROM (${release.sql}) AS ${ident('r')}`);
      endToEnd.push(performance.now() - t0);
      if (release.cells?.report.suppressedCells !== last.suppressedCells) throw new Error('the SQL path blanked other cells');
      await release.dispose();
    }
  } finally {
    engine.close();
  }
  return {
    rows,
    keys: CELL_KEYS.length,
    k,
    combinations: combos.counts.length,
    recordsAtRiskBefore: last.recordsAtRiskBefore,
    cells: last.suppressedCells,
    ms: round(median(ms)),
    endToEndMs: round(median(endToEnd)),
    host: 'node (core localSuppression, same code as the worker); endToEnd on native DuckDB',
  };
}

// `node --import tsx test/bench/cell-bench.ts`: this figure alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await cellSuppressionBench(Number(process.env.BENCH_RUNS ?? 5))));
}
