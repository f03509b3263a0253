import { releaseBlocker } from '../compile/compile.ts';
import { TokumeiError } from '../errors.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import type { RiskAssessment } from '../risk/assess.ts';
import { formatPath, type SpecIssue } from '../spec/issues.ts';
import type { ReleaseSpec } from '../spec/schema.ts';
import type { AppliedOverride } from './facts.ts';
import { validateProvision } from './facts.ts';
import { fmtFixed, fmtPercent } from './number-format.ts';
import { sameValue } from './safety.ts';

/**
 * What stands between a spec and an export. `overridable` gates may be passed with a reason
 * that the creation record keeps; `block` gates may not (a pseudonymized release to a recipient
 * who is not a certified user, an invalid provision).
 *
 * Gate ids are stable for a given spec (`identifierKept@columns[2]`, `kUnmet`), so an override
 * names the gate it passes and still matches when the gates are computed again.
 */
export type GateKind =
  | 'identifierKept'
  | 'freeTextBlocked'
  | 'kUnmet'
  | 'lUnmet'
  | 'tUnmet'
  | 'maxRiskUnmet'
  | 'notMeasured'
  | 'peculiarUndecided'
  | 'peculiarNotListed'
  | 'provisionMismatch'
  | 'certifiedUserRequired'
  | 'provisionInvalid'
  | 'nothingReleased';

export type GateSeverity = 'block' | 'overridable';

export interface Gate {
  id: string;
  kind: GateKind;
  severity: GateSeverity;
  key: MessageKey;
  params: Record<string, string | number>;
  /** provisionInvalid: every problem of the provision, each naming its path. */
  issues?: SpecIssue[];
}

/** What the gates read from the measurement; null when the data was not measured. */
export interface GateMeasures {
  risk: Pick<RiskAssessment, 'releasedRecords' | 'minClassSize' | 'prosecutor' | 'lDiversity' | 'tCloseness'> | null;
  /** Peculiar values found for review (findPeculiarValues().findings); required when the spec's review is on. */
  peculiarFindings?: readonly { table?: string; column: string; value: string | number }[];
  /** The source columns, when known: spec entries for other columns are not gated. */
  sourceColumns?: readonly string[];
}

const overridable = (id: string, kind: GateKind, key: MessageKey, params: Gate['params'] = {}): Gate => ({ id, kind, severity: 'overridable', key, params });
const block = (id: string, kind: GateKind, key: MessageKey, params: Gate['params'] = {}): Gate => ({ id, kind, severity: 'block', key, params });

export function releaseGates(spec: ReleaseSpec, measures: GateMeasures, provision: unknown): Gate[] {
  const gates: Gate[] = [];
  const present = measures.sourceColumns ? new Set(measures.sourceColumns) : null;

  spec.columns.forEach((c, i) => {
    if (present && !present.has(c.name)) return;
    const why = releaseBlocker(c);
    if (!why) return;
    const at = formatPath(['columns', i]);
    gates.push(
      why === 'spec.compile.identifierKept'
        ? overridable(`identifierKept@${at}`, 'identifierKept', 'release.gate.identifierKept', { column: c.name, path: at })
        : overridable(`freeTextBlocked@${at}`, 'freeTextBlocked', 'release.gate.freeTextBlocked', { column: c.name, path: at }),
    );
  });

  // An empty package has no use and its metrics are undefined (an average over no record).
  if (measures.risk && measures.risk.releasedRecords === 0) gates.push(block('nothingReleased', 'nothingReleased', 'release.gate.nothingReleased'));
  gates.push(...privacyGates(spec, measures.risk));
  gates.push(...peculiarGates(spec, measures.peculiarFindings));

  const v = validateProvision(provision);
  if (!v.ok) {
    gates.push({ ...block('provisionInvalid', 'provisionInvalid', 'release.gate.provisionInvalid', { count: v.issues.length }), issues: v.issues });
  }
  const recipientType = v.ok ? v.provision.recipientType : undefined;
  if ((spec.release.mode === 'pseudonymized' || spec.release.restriction === 'certifiedUsers') && recipientType !== 'certifiedUser') {
    gates.push(
      block('certifiedUserRequired', 'certifiedUserRequired', spec.release.mode === 'pseudonymized' ? 'release.gate.certifiedUserRequired' : 'release.gate.certifiedRestriction'),
    );
  }
  if (v.ok) {
    const p = v.provision;
    const mismatch = (field: 'recipient' | 'requestId', specValue: string | undefined, given: string) => {
      if (specValue !== undefined && specValue.trim() !== '' && specValue.trim() !== given.trim()) {
        gates.push(overridable(`provisionMismatch.${field}`, 'provisionMismatch', `release.gate.mismatch.${field}` as MessageKey, { spec: specValue, given }));
      }
    };
    mismatch('recipient', spec.release.recipient, p.recipient);
    mismatch('requestId', spec.release.requestId, p.requestId);
  }
  return gates;
}

function privacyGates(spec: ReleaseSpec, risk: GateMeasures['risk']): Gate[] {
  const m = spec.model;
  const wanted = m.k !== undefined || m.l !== undefined || m.t !== undefined || m.maxRisk !== undefined;
  if (!wanted) return [];
  if (!risk) return [overridable('notMeasured', 'notMeasured', 'release.gate.notMeasured')];
  const gates: Gate[] = [];
  // An empty release meets every target vacuously: there is no class to be too small.
  const empty = risk.releasedRecords === 0;
  if (m.k !== undefined && !empty && risk.minClassSize < m.k) {
    gates.push(overridable('kUnmet', 'kUnmet', 'release.gate.kUnmet', { k: m.k, measured: risk.minClassSize }));
  }
  if (m.l !== undefined && !empty) {
    const l = risk.lDiversity;
    const achieved = !l ? null : m.l.variant === 'distinct' ? l.distinct : m.l.variant === 'entropy' ? l.entropy : l.recursive;
    const ok = l?.satisfied ?? (achieved !== null && achieved >= m.l.value);
    if (!ok) {
      gates.push(
        overridable('lUnmet', 'lUnmet', 'release.gate.lUnmet', { variant: m.l.variant, l: m.l.value, measured: achieved === null ? '—' : fmtFixed(achieved, 3) }),
      );
    }
  }
  if (m.t !== undefined && !empty) {
    const t = risk.tCloseness;
    const achieved = !t ? null : m.t.variant === 'equal' ? t.equalDistance : t.orderedDistance;
    const ok = t?.satisfied ?? (achieved !== null && achieved <= m.t.value);
    if (!ok) {
      gates.push(
        overridable('tUnmet', 'tUnmet', 'release.gate.tUnmet', { variant: m.t.variant, t: m.t.value, measured: achieved === null ? '—' : fmtFixed(achieved, 4) }),
      );
    }
  }
  if (m.maxRisk !== undefined && !empty && risk.prosecutor.highestRisk > m.maxRisk) {
    gates.push(
      overridable('maxRiskUnmet', 'maxRiskUnmet', 'release.gate.maxRiskUnmet', { maxRisk: fmtPercent(m.maxRisk), measured: fmtPercent(risk.prosecutor.highestRisk) }),
    );
  }
  return gates;
}

function peculiarGates(spec: ReleaseSpec, findings: GateMeasures['peculiarFindings']): Gate[] {
  if (!spec.peculiar.review) return [];
  if (!findings) return [overridable('peculiarNotListed', 'peculiarNotListed', 'release.gate.peculiarNotListed')];
  const decided = (f: { table?: string; column: string; value: string | number }) =>
    spec.peculiar.decisions.some(
      (d) =>
        d.column === f.column &&
        (d.table === undefined || f.table === undefined || d.table === f.table) &&
        (d.value === f.value || sameValue(d.value, String(f.value))),
    );
  const open = findings.filter((f) => !decided(f));
  if (!open.length) return [];
  // Column names and a count only: the undecided values themselves are not carried into the gate (or a record).
  const columns = [...new Set(open.map((f) => f.column))].sort();
  return [overridable('peculiarUndecided', 'peculiarUndecided', 'release.gate.peculiarUndecided', { count: open.length, columns: columns.join(', ') })];
}

export interface GateOverride {
  id: string;
  reason: string;
}

export interface RejectedOverride {
  id: string;
  why: 'emptyReason' | 'notOverridable' | 'unknownGate';
}

export interface OverrideResult {
  /** Gates still standing: export is allowed only when this is empty. */
  blockers: Gate[];
  /** Overrides that passed a gate, for the creation record (PackageFacts.overrides). */
  applied: AppliedOverride[];
  rejected: RejectedOverride[];
}

/** Passes the overridable gates named by overrides that give a reason; hard blocks always stay. */
export function applyOverrides(gates: readonly Gate[], overrides: readonly GateOverride[]): OverrideResult {
  const byId = new Map(gates.map((g) => [g.id, g]));
  const passed = new Map<string, AppliedOverride>();
  const rejected: RejectedOverride[] = [];
  for (const o of overrides) {
    const g = byId.get(o.id);
    const reason = (o.reason ?? '').trim();
    if (!g) rejected.push({ id: o.id, why: 'unknownGate' });
    else if (g.severity !== 'overridable') rejected.push({ id: o.id, why: 'notOverridable' });
    else if (reason === '') rejected.push({ id: o.id, why: 'emptyReason' });
    else if (!passed.has(g.id)) passed.set(g.id, { id: g.id, kind: g.kind, key: g.key, params: { ...g.params }, reason });
  }
  return {
    blockers: gates.filter((g) => !passed.has(g.id)),
    applied: gates.filter((g) => passed.has(g.id)).map((g) => passed.get(g.id)!),
    rejected,
  };
}

/** Refuses an export while any gate stands; the error shows the first, `gates` holds them all. */
export class ReleaseBlockedError extends TokumeiError {
  readonly gates: readonly Gate[];
  constructor(gates: readonly Gate[]) {
    const first = gates[0];
    super(first.key, first.params);
    this.gates = gates;
  }
}

export function assertReleasable(result: OverrideResult): void {
  if (result.blockers.length) throw new ReleaseBlockedError(result.blockers);
}
