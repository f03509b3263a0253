import { TokumeiError } from '../errors.ts';
import { factors } from '../utility/factors.ts';
import { Checker } from './checker.ts';
import { classCriteria } from './criteria.ts';
import { Flash, type FlashOutcome, type Monotonicity } from './flash.ts';
import { paretoFrontier } from './frontier.ts';
import { Lattice } from './lattice.ts';
import { MetricEvaluator } from './metrics.ts';
import { prepareColumns } from './prepare.ts';
import type { SolutionSpace } from './space.ts';
import type { SearchInput, SearchMetric, SearchModel, SearchOptions, SearchResult } from './types.ts';

/**
 * Nodes the lattice may have: flags, level index and strategy criteria live in typed arrays of
 * this length (about 40 bytes per node). ARX itself switches to a heuristic above 100,000.
 */
export const MAX_LATTICE_SIZE = 1_000_000;
/** How long the async search computes before it hands the thread back. */
const SLICE_MS = 40;
const METRICS: readonly SearchMetric[] = ['loss', 'entropy', 'discernibility', 'aecs'];

/**
 * The globally optimal full-domain generalization for a privacy model with a record
 * suppression limit, exactly as ARX 3.9 finds it (FLASH), evaluated in memory on the
 * microclasses. Async: hands the thread back every few tens of milliseconds so progress can be
 * shown and `signal` can abort; the caller decides which thread (worker or CLI) it runs on.
 */
export async function searchOptimum(input: SearchInput, model: SearchModel, opts: SearchOptions = {}): Promise<SearchResult> {
  const run = setup(input, model, opts);
  const it = run.flash.traverse();
  const signal = opts.signal;
  opts.onProgress?.({ checked: 0, settled: 0, total: run.lattice.size });
  let last = performance.now();
  for (;;) {
    signal?.throwIfAborted();
    const step = it.next();
    if (step.done) return run.finish(step.value);
    const now = performance.now();
    if (now - last >= SLICE_MS) {
      opts.onProgress?.({ checked: step.value, settled: run.flash.settled, total: run.lattice.size });
      await new Promise((resolve) => setTimeout(resolve, 0));
      last = performance.now();
    }
  }
}

/** The same search without handing the thread back (tests, benchmarks, CLI); progress every 64 checks. */
export function searchOptimumSync(input: SearchInput, model: SearchModel, opts: SearchOptions = {}): SearchResult {
  const run = setup(input, model, opts);
  const it = run.flash.traverse();
  for (;;) {
    opts.signal?.throwIfAborted();
    const step = it.next();
    if (step.done) return run.finish(step.value);
    if ((step.value & 63) === 0) opts.onProgress?.({ checked: step.value, settled: run.flash.settled, total: run.lattice.size });
  }
}

function setup(input: SearchInput, model: SearchModel, opts: SearchOptions) {
  const start = performance.now();
  if (input.columns.length === 0) throw new TokumeiError('search.noColumns');
  const metric = model.metric ?? 'loss';
  if (!METRICS.includes(metric)) throw new TokumeiError('search.invalidMetric', { metric });
  factors(model.gsFactor);
  const limit = model.suppressionLimit ?? 0;
  if (!(limit >= 0 && limit <= 1)) throw new TokumeiError('search.invalidSuppression', { limit });
  if (model.k !== undefined && !(Number.isInteger(model.k) && model.k >= 1)) throw new TokumeiError('search.invalidK', { k: model.k });
  if (model.maxRisk !== undefined && !(model.maxRisk > 0 && model.maxRisk <= 1)) {
    throw new TokumeiError('search.invalidRisk', { risk: model.maxRisk });
  }
  if (model.k === undefined && model.maxRisk === undefined && !model.l && !model.t) throw new TokumeiError('search.noPrivacyModel');

  const columns = prepareColumns(input);
  const size = columns.reduce((s, c) => s * c.height, 1);
  if (size > MAX_LATTICE_SIZE) throw new TokumeiError('search.latticeTooLarge', { size, max: MAX_LATTICE_SIZE });
  const lattice = new Lattice(columns);
  const criteria = classCriteria(model, input);

  // ARX's minimal group size: k from k-anonymity (and the risk threshold), ⌈l⌉ from l-diversity.
  const sizes: number[] = [];
  if (model.k !== undefined) sizes.push(model.k);
  if (model.maxRisk !== undefined) sizes.push(kForRisk(model.maxRisk));
  for (const c of criteria) if (c.minimalClassSize > 0) sizes.push(c.minimalClassSize);
  const minimalClassSize = sizes.length ? Math.max(...sizes) : Infinity;
  const maxOutliers = Math.floor(limit * input.records);

  // ARXConfiguration.getMonotonicityOfPrivacy / getMonotonicityOfUtility: every criterion here is
  // monotone with generalization; k-anonymity and distinct l-diversity also with suppression.
  let privacy: Monotonicity = 'full';
  if (limit !== 0 && criteria.some((c) => !c.monotonicWithSuppression)) {
    privacy = Number.isFinite(minimalClassSize) ? 'partial' : 'none';
  }
  const utility = limit === 0 ? 'full' : 'none';

  const evaluator = new MetricEvaluator(metric, columns, input.codes, input.records, model);
  const checker = new Checker(input, columns, { minimalClassSize, maxOutliers, criteria, metric: evaluator });
  const scratch = new Int32Array(columns.length);
  const flash = new Flash(
    lattice,
    {
      check: (id) => checker.check(id, lattice.levels(id, scratch)),
      independentBound: evaluator.hasIndependentBound ? (id) => evaluator.independentBound(lattice.levels(id, scratch)) : () => undefined,
    },
    privacy,
    utility,
    Number.isFinite(minimalClassSize),
  );

  const levelsOf = (id: number) => {
    const l = lattice.levels(id);
    return Object.fromEntries(columns.map((c, d) => [c.column, l[d]]));
  };

  const finish = (outcome: FlashOutcome): SearchResult => {
    const frontier = paretoFrontier(outcome.anonymous, lattice).map((p) => ({
      levels: levelsOf(p.id),
      suppressedRecords: p.suppressed,
      suppressionFraction: p.suppressed / input.records,
      infoLoss: p.loss,
    }));
    const base = {
      metric,
      records: input.records,
      transformationsChecked: outcome.checked,
      latticeSize: lattice.size,
      frontier,
      ...(opts.space ? { space: solutionSpace(outcome) } : {}),
    };
    const best = outcome.optimum === -1 ? undefined : outcome.anonymous.get(outcome.optimum);
    if (!best) {
      return { ...base, found: false, levels: null, infoLoss: null, columns: null, suppressedRecords: 0, classes: 0, ms: performance.now() - start };
    }
    const perColumn = best.loss.columns ? columns.map((c, d) => ({ column: c.column, value: best.loss.columns![d] })) : null;
    return {
      ...base,
      found: true,
      levels: levelsOf(outcome.optimum),
      infoLoss: best.loss.value,
      columns: perColumn,
      suppressedRecords: best.suppressed,
      classes: best.classes,
      ms: performance.now() - start,
    };
  };

  const solutionSpace = (outcome: FlashOutcome): SolutionSpace => {
    const ids = Int32Array.from(outcome.anonymous.keys()).sort();
    const info = [...ids].map((id) => outcome.anonymous.get(id)!);
    return {
      columns: columns.map((c) => c.column),
      heights: columns.map((c) => c.height),
      states: flash.states(),
      ids,
      loss: Float64Array.from(info, (v) => v.loss.value),
      suppressed: Int32Array.from(info, (v) => v.suppressed),
      optimum: outcome.optimum,
    };
  };

  return { lattice, flash, finish };
}

/** Smallest k whose highest prosecutor risk 1/k does not exceed the threshold (in doubles, as the risk is computed). */
export function kForRisk(risk: number): number {
  let k = Math.max(1, Math.ceil(1 / risk));
  while (k > 1 && 1 / (k - 1) <= risk) k--;
  while (1 / k > risk) k++;
  return k;
}
