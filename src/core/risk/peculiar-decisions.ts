import type { SpecEdit } from '../spec/edit.ts';
import type { PeculiarDecision, ReleaseSpec } from '../spec/schema.ts';
import type { PeculiarFinding } from './types.ts';

/**
 * Peculiar-value decisions (特異値の判断) as the spec records them, read against findings.
 * A finding is about a released value; decisions are about source values (the compiler
 * applies them before any transform), so a finding stands for its `sources` when known and
 * for its own value otherwise (an untransformed column, or too many sources to list).
 */

/** What the operator can record for a finding. Recoding is not recorded: it is a transform. */
export type PeculiarAction = PeculiarDecision['action'];

/** The source values a decision on `f` is recorded against. */
export function findingValues(f: PeculiarFinding): (string | number)[] {
  return f.sources ?? [f.value];
}

/** A number and its text form are the same value (a spec written by hand may quote numbers). */
const sameValue = (a: string | number, b: string | number) => a === b || String(a) === String(b);

/** Decisions that apply to `table`: those naming it and those naming no table. */
export function decisionsForTable(spec: ReleaseSpec, table: string): PeculiarDecision[] {
  return spec.peculiar.decisions.filter((d) => d.table === undefined || d.table === table);
}

/** The decision recorded for one source value of a column, if any (one naming the table wins). */
export function decisionFor(spec: ReleaseSpec, table: string, column: string, value: string | number): PeculiarDecision | undefined {
  const hits = decisionsForTable(spec, table).filter((d) => d.column === column && sameValue(d.value, value));
  return hits.find((d) => d.table === table) ?? hits[0];
}

export interface FindingState {
  /** undecided: no value has a decision; partial: some have; decided: all have. */
  status: 'undecided' | 'partial' | 'decided';
  /** The decisions found, one per decided source value. */
  decisions: PeculiarDecision[];
  /** The one action, when every value was decided alike. */
  action: PeculiarAction | null;
  /** The reason, when every decision gives the same one. */
  reason: string | null;
}

export function findingState(spec: ReleaseSpec, table: string, f: PeculiarFinding): FindingState {
  const values = findingValues(f);
  const decisions = values.map((v) => decisionFor(spec, table, f.column, v)).filter((d): d is PeculiarDecision => d !== undefined);
  const status = decisions.length === 0 ? 'undecided' : decisions.length < values.length ? 'partial' : 'decided';
  const actions = new Set(decisions.map((d) => d.action));
  const reasons = new Set(decisions.map((d) => d.reason));
  return {
    status,
    decisions,
    action: status === 'decided' && actions.size === 1 ? [...actions][0] : null,
    reason: reasons.size === 1 ? [...reasons][0] : null,
  };
}

export interface UndecidedPeculiar {
  /** Listed findings with a source value that has no decision. */
  findings: PeculiarFinding[];
  /** Findings cut from the listing (maxPerColumn): not known to be decided, so counted as undecided. */
  omitted: number;
}

/**
 * What blocks a release: with `spec.peculiar.review` on, every peculiar value needs a decision
 * (delete the record, blank the cell, or keep it with a reason) — a value the operator recoded
 * away no longer appears as a finding. With review off nothing blocks. `report` is a listing
 * of the data as the spec releases it (releasedPeculiarWithSources); `table` defaults to the
 * report's.
 */
export function undecidedPeculiar(
  report: { findings: readonly PeculiarFinding[]; omitted?: readonly { count: number }[]; table?: string },
  spec: ReleaseSpec,
  table: string = report.table ?? '',
): UndecidedPeculiar {
  if (!spec.peculiar.review) return { findings: [], omitted: 0 };
  return {
    findings: report.findings.filter((f) => findingState(spec, table, f).status !== 'decided'),
    omitted: (report.omitted ?? []).reduce((n, o) => n + o.count, 0),
  };
}

/**
 * The edits that record `action` for every source value of `f`, as one undoable step. The
 * decision names the table only when the spec has several source tables (a spec for one table
 * applies to a file of any name, as its column entries do).
 */
export function decideEdits(spec: ReleaseSpec, table: string, f: PeculiarFinding, action: PeculiarAction, reason: string): SpecEdit[] {
  const text = reason.trim();
  if (text === '') throw new RangeError('a peculiar-value decision needs a reason');
  const named = spec.sources.tables.length > 1 ? { table } : {};
  return findingValues(f).map((value) => ({ op: 'decidePeculiar', decision: { ...named, column: f.column, value, action, reason: text } }));
}

/** The edits that remove every decision recorded for `f`'s values (undecide it). */
export function undecideEdits(spec: ReleaseSpec, table: string, f: PeculiarFinding): SpecEdit[] {
  return findingState(spec, table, f).decisions.map((d) => removeDecisionEdit(d));
}

export function removeDecisionEdit(d: PeculiarDecision): SpecEdit {
  return { op: 'removePeculiarDecision', ...(d.table !== undefined ? { table: d.table } : {}), column: d.column, value: d.value };
}
