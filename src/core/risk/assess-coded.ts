import { applySpec, type AppliedSpec } from '../compile/apply.ts';
import { materializeHierarchy } from '../compile/materialize.ts';
import type { SqlEngine } from '../engine.ts';
import { isTokumeiError } from '../errors.ts';
import type { Hierarchy } from '../hierarchy/types.ts';
import type { ReleaseSpec } from '../spec/schema.ts';
import { sortValueCounts } from '../utility/counts.ts';
import type { ValueCount } from '../utility/types.ts';
import { assessmentFrom, individualRiskFigure, measuredLevels, type AssessOptions, type RiskAssessment } from './assess.ts';
import { classIdsOf, type ClassIds, type CodedColumn, type CodedRelation } from './class-engine.ts';
import { codedLDiversity, codedSdcRisk, codedTCloseness } from './coded-details.ts';
import { codedRelease, releasedLabels, type ReleasedLabels } from './coded-release.ts';
import { histogramFromSizes } from './histogram.ts';
import { planMeasurement } from './measure-spec.ts';
import { pairsFromHistogram } from './population-table.ts';
import { decideRecordSuppression } from './record-suppression.ts';
import { riskReportFrom } from './report.ts';
import { remember, type EncodedColumn, type SourceCodes } from './source-codes.ts';

export interface CodedAssessOptions extends AssessOptions {
  /** The table's dictionary codes, kept between calls (the live risk panel's). */
  codes: SourceCodes;
  /** Cells (records × columns) this call may encode; beyond it the answer is null. */
  encodeLimit?: number;
}

const DEFAULT_THRESHOLD = 0.2;
let seq = 0;

/**
 * assessRisk's report counted from dictionary codes (coded-release.ts): no query touches the
 * records, so a million-row table answers in a fraction of a second after its columns are
 * encoded. Every figure is computed by the same functions from the same counts (riskReportFrom,
 * assessmentFrom), and the class figures by coded-details.ts, which equal their SQL versions.
 * Null when the codes cannot answer: a spec whose expressions read several columns, cell
 * suppression (blanks match any value), a population table, SUDA2, or columns beyond the
 * encode limit; the caller then runs assessRisk.
 */
export async function assessRiskCoded(engine: SqlEngine, spec: ReleaseSpec, opts: CodedAssessOptions): Promise<RiskAssessment | null> {
  if (opts.populationTable !== undefined || opts.suda !== false) return null;
  if (spec.model.k !== undefined && spec.model.suppression === 'cells') return null;
  const table = opts.table;
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const plan = await planMeasurement(engine, spec, table, opts);
  const { qis, sensitive, key } = plan;
  const prefix = opts.prefix ?? `__tokumei_coded_${++seq}_`;
  const common = { table, exclusions: opts.exclusions === undefined ? undefined : [...opts.exclusions], key, subjectColumn: opts.subjectColumn, unlisted: 'drop' as const };
  const applied: AppliedSpec[] = [];
  try {
    // The views are never read; applying the specs compiles them and creates the tables their expressions join.
    const rel = await applySpec(engine, plan.released, { ...common, view: `${prefix}released`, prefix: `${prefix}r_` });
    applied.push(rel);
    const orig = await applySpec(engine, plan.original, { ...common, view: `${prefix}original`, prefix: `${prefix}o_` });
    applied.push(orig);
    const weight = opts.weight;
    const coded = await codedRelease(engine, opts.codes, rel.compiled, qis, sensitive, opts.encodeLimit, weight === undefined ? [] : [weight]);
    if (!coded) return null;
    const original = await codedRelease(engine, opts.codes, orig.compiled, qis, null, opts.encodeLimit);
    if (!original) return null;
    const labels = await releasedLabels(engine, opts.codes, rel.compiled, coded, [
      ...qis.map((name) => ({ name, numeric: false })),
      ...(sensitive === null ? [] : [{ name: sensitive, numeric: false }]),
      ...(weight === undefined ? [] : [{ name: weight, numeric: true }]),
    ]);
    const originalLabels = await releasedLabels(engine, opts.codes, orig.compiled, original, qis.map((name) => ({ name, numeric: false })));
    if (!labels || !originalLabels) return null;

    const encoded = await opts.codes.columns(engine, table, qis);
    const cached = (column: string, h: Parameters<typeof materializeHierarchy>[3]) => cachedHierarchy(engine, encoded?.columns.get(column), table, column, h);
    const { levels, columns } = await measuredLevels(engine, spec, table, qis, cached);

    // From here on nothing awaits: the class ids live in the codes' scratch buffers, which the next request reuses.
    const ids = classIdsOf(coded, opts.codes.scratch);
    const k = spec.model.k;
    const allSizes = Array.from(ids.sizes);
    const allHistogram = histogramFromSizes(allSizes);
    const suppression = k === undefined ? null : decideRecordSuppression(allHistogram, k, spec.model.suppressionLimit);
    const released = new Uint8Array(ids.classes).fill(1);
    if (suppression?.applied) ids.sizes.forEach((size, c) => (released[c] = size < suppression.k ? 0 : 1));
    const releasedHistogram = histogramFromSizes(allSizes.filter((_, c) => released[c] === 1));
    const suppressedRecords = allSizes.reduce((n, size, c) => n + (released[c] ? 0 : size), 0);
    const report = riskReportFrom({
      columns,
      threshold,
      ...(k !== undefined ? { k } : {}),
      ...(opts.population !== undefined ? { population: opts.population } : {}),
      released: releasedHistogram,
      all: suppressedRecords > 0 ? allHistogram : releasedHistogram,
      suppressedRecords,
      generalizedCounts: new Map(qis.map((q, i) => [q, labelCounts(coded.qis[i], labels.get(q)!, ids, released)])),
      originalCounts: new Map(qis.map((q, i) => [q, labelCounts(original.qis[i], originalLabels.get(q)!, ids, null)])),
      pairs: pairsFromHistogram(releasedHistogram),
    });
    const weights = weight === undefined ? null : recordNumbers(coded.extra![0], labels.get(weight)!);
    return assessmentFrom({
      spec,
      report,
      suppression,
      cells: null,
      levels,
      threshold,
      ks: opts.ks,
      lDiversity: sensitive === null ? null : codedLDiversity(coded, ids, released, sensitive, spec.model.l?.c),
      tCloseness: sensitive === null ? null : codedTCloseness(coded, ids, released, sensitive, labels.get(sensitive)!.rank),
      individualRisk: individualRisk(coded, ids, released, threshold, weights, weight),
      suda: null,
      exclusions: rel.exclusions,
      populationTable: null,
      ephemeralKey: plan.ephemeralKey && plan.released.columns.some((c) => c.transforms.some((t) => t.kind === 'dateShift')),
    });
  } finally {
    for (const a of applied.reverse()) await a.dispose().catch(() => undefined);
  }
}

/**
 * Records per value of one column, released and suppressed apart, as valueCounts reads them
 * from the data: every value some kept record has. Without `released`, all kept records count as released.
 */
function labelCounts(column: CodedColumn, labels: ReleasedLabels, ids: ClassIds, released: Uint8Array | null): ValueCount[] {
  const kept = new Float64Array(column.size);
  const gone = new Float64Array(column.size);
  const { codes, map } = column;
  for (let r = 0; r < ids.ids.length; r++) {
    const c = ids.ids[r];
    if (c < 0) continue;
    if (released === null || released[c] === 1) kept[map[codes[r]]]++;
    else gone[map[codes[r]]]++;
  }
  const out: ValueCount[] = [];
  for (let v = 0; v < column.size; v++) if (kept[v] + gone[v] > 0) out.push({ value: labels.text[v], released: kept[v], suppressed: gone[v] });
  return sortValueCounts(out);
}

/** Per record, the number its value of `column` stands for (NaN for NULL). */
function recordNumbers(column: CodedColumn, labels: ReleasedLabels): Float64Array {
  const number = labels.number!;
  const out = new Float64Array(column.codes.length);
  for (let r = 0; r < out.length; r++) out[r] = number[column.map[column.codes[r]]];
  return out;
}

function individualRisk(rel: CodedRelation, ids: ClassIds, released: Uint8Array, threshold: number, weights: Float64Array | null, weight: string | undefined) {
  try {
    return individualRiskFigure(codedSdcRisk(rel, ids, released, { threshold, ks: [], weights, weightName: weight }), weight);
  } catch (e) {
    // As assessRisk: more keys than the frequency masks hold leaves the figure out.
    if (isTokumeiError(e) && e.key === 'riskSdc.error.tooManyKeys') return null;
    throw e;
  }
}

/** A column's hierarchy over its values, kept with the column's codes: the levels change, the table does not. */
async function cachedHierarchy(engine: SqlEngine, encoded: EncodedColumn | undefined, table: string, column: string, h: Parameters<typeof materializeHierarchy>[3]): Promise<Hierarchy> {
  const key = `hierarchy:${JSON.stringify(h)}`;
  const known = encoded?.derived.get(key) as Hierarchy | undefined;
  if (known) return known;
  const out = await materializeHierarchy(engine, table, column, h);
  return encoded ? remember(encoded, key, out) : out;
}
