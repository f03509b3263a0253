import type { Lattice } from './lattice.ts';
import type { InfoLoss } from './metrics.ts';

/** At most this many alternatives are reported. */
const MAX_POINTS = 10;

/**
 * The trade-off between suppression and information loss among the transformations the search
 * checked: for each number of suppressed records, the lowest loss, kept only if it beats every
 * option with fewer suppressed records. Fewest suppressed first; ties go to the lower lattice
 * level. Long fronts are thinned evenly, keeping both ends.
 */
export function paretoFrontier(
  anonymous: ReadonlyMap<number, { loss: InfoLoss; suppressed: number }>,
  lattice: Lattice,
): { id: number; suppressed: number; loss: number }[] {
  const all = [...anonymous].map(([id, v]) => ({ id, suppressed: v.suppressed, loss: v.loss.value, level: lattice.level(id) }));
  all.sort((a, b) => a.suppressed - b.suppressed || a.loss - b.loss || a.level - b.level || a.id - b.id);
  const front: { id: number; suppressed: number; loss: number }[] = [];
  let best = Infinity;
  for (const p of all) {
    if (p.loss < best) {
      front.push({ id: p.id, suppressed: p.suppressed, loss: p.loss });
      best = p.loss;
    }
  }
  if (front.length <= MAX_POINTS) return front;
  const picked: typeof front = [];
  for (let i = 0; i < MAX_POINTS; i++) picked.push(front[Math.round((i * (front.length - 1)) / (MAX_POINTS - 1))]);
  return picked;
}
