import { NativeEngine } from '../../src/cli/native-engine.ts';
import { loadSearchInput } from '../../src/core/search/load.ts';
import { searchOptimum } from '../../src/core/search/search.ts';
import { ADULT_QIS, adultHierarchy, loadAdult } from '../unit/risk-arx/adult-fixture.ts';
import { median, round } from './stats.ts';

/**
 * searchAdult: ARX's adult, 9 QIs with its hierarchies, k = 5, 4 % suppression, Loss.
 * The search itself (the part ARX's ~1.0 s compares with) runs on the same core code the
 * browser worker runs; the one GROUP BY that feeds it is timed apart.
 */
export async function searchAdultBench(runs: number): Promise<{ ms: number; transformationsChecked: number; loadInputMs: number; infoLoss: number | null; host: string }> {
  const engine = await NativeEngine.create({ threads: 1 });
  try {
    await loadAdult(engine);
    const hierarchies = Object.fromEntries(ADULT_QIS.map((c) => [c, adultHierarchy(c)]));
    const t0 = performance.now();
    const input = await loadSearchInput(engine, 'adult', [...ADULT_QIS], hierarchies);
    const loadInputMs = performance.now() - t0;
    const model = { k: 5, suppressionLimit: 0.04, metric: 'loss' as const };
    await searchOptimum(input, model); // warm-up: JIT
    const ms: number[] = [];
    let last = await searchOptimum(input, model);
    for (let i = 0; i < runs; i++) {
      last = await searchOptimum(input, model);
      ms.push(last.ms);
    }
    return { ms: round(median(ms)), transformationsChecked: last.transformationsChecked, loadInputMs: round(loadInputMs), infoLoss: last.infoLoss, host: 'node (core search, same code as the worker)' };
  } finally {
    engine.close();
  }
}
