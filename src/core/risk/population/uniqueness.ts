import { TokumeiError } from '../../errors.ts';
import type { ClassSizeHistogram, PopulationUniqueness, PopulationUniquenessModel } from '../types.ts';
import { ARX_SOLVER, type NewtonSettings } from './newton.ts';
import { pitmanUniques } from './pitman.ts';
import { snbUniques } from './snb.ts';
import { zayatzUniques } from './zayatz.ts';

/** An estimate counts only when it is a number other than 0 (ARX's isValid). */
const valid = (v: number) => !Number.isNaN(v) && v !== 0;

/**
 * Population uniqueness as ARX's RiskModelPopulationUniqueness. With model 'dankar' (default)
 * it applies Dankar et al.'s decision rule: sampling fraction ≤ 0.1 → Pitman, falling back to
 * Zayatz when Pitman gives no valid estimate; above 0.1 → the smaller of Zayatz and SNB, or
 * Zayatz when SNB is invalid. No sample uniques → 0 uniques (model 'dankar'), as ARX.
 * An invalid estimate is reported as 0, as ARX reports it.
 */
export function populationUniqueness(
  h: ClassSizeHistogram,
  population: number,
  model: PopulationUniquenessModel = 'dankar',
  settings: NewtonSettings = ARX_SOLVER,
): PopulationUniqueness {
  if (!(population >= h.records) || !Number.isFinite(population)) {
    throw new TokumeiError('risk.population.tooSmall', { population, records: h.records });
  }
  const samplingFraction = h.records / population;
  const result = (m: PopulationUniquenessModel, estimate: number): PopulationUniqueness => {
    const uniques = valid(estimate) ? estimate : 0;
    return { model: m, uniques, fraction: uniques / population, population, samplingFraction };
  };
  const sampleUniques = h.entries.find(([s]) => s === 1)?.[1] ?? 0;
  if (sampleUniques === 0) return result(model, 0);

  switch (model) {
    case 'pitman':
      return result('pitman', pitmanUniques(h, population, settings));
    case 'zayatz':
      return result('zayatz', zayatzUniques(h, population));
    case 'snb':
      return result('snb', snbUniques(h, population, settings));
    case 'dankar': {
      if (samplingFraction <= 0.1) {
        const pitman = pitmanUniques(h, population, settings);
        return valid(pitman) ? result('pitman', pitman) : result('zayatz', zayatzUniques(h, population));
      }
      const snb = snbUniques(h, population, settings);
      const zayatz = zayatzUniques(h, population);
      if (valid(snb) && !(zayatz < snb)) return result('snb', snb);
      return result('zayatz', zayatz);
    }
  }
}
