export { openPreview, type PreviewOptions, type PreviewSession } from './session.ts';
export { specForPreview } from './spec-for-preview.ts';
export { countRemoved, removedPage } from './removed.ts';
export { lostCategories, type CategoryOptions } from './categories.ts';
export { distributions, niceWidth, binLabel, type DistributionOptions } from './distributions.ts';
export { checkCohorts, conditionSql } from './cohort-check.ts';
export { parseCohorts, serializeCohorts, isComplete, CohortSchema } from './cohort.ts';
export * from './types.ts';
export { cohortVerdict, type CohortVerdict } from './verdict.ts';
