import type { CohortResult } from './types.ts';

/**
 * A cohort check in one line: does the study population survive the release (all of it, a part,
 * none), and can a recipient still pick it out (exactly, only within a larger set)?
 */
export interface CohortVerdict {
  survival: 'empty' | 'survives' | 'shrinks' | 'lost';
  /** Share of the cohort's records the release loses (0–1). */
  lost: number;
  selectable: CohortResult['selectable'];
  /** Records a recipient cannot tell apart from the cohort, beyond the cohort itself. */
  extra: number;
}

export function cohortVerdict(r: CohortResult): CohortVerdict {
  const survival = r.before === 0 ? 'empty' : r.after === 0 ? 'lost' : r.after === r.before ? 'survives' : 'shrinks';
  return {
    survival,
    lost: r.before === 0 ? 0 : (r.before - r.after) / r.before,
    selectable: r.selectable,
    extra: r.superset === null ? 0 : r.superset - r.after,
  };
}
