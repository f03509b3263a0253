import { describe, expect, it } from 'vitest';
import { t } from '../../../src/core/i18n/catalog.ts';
import { applyOverrides, assertReleasable, releaseGates, ReleaseBlockedError, type Gate, type GateMeasures } from '../../../src/core/release/gates.ts';
import { parseSpec } from '../../../src/core/spec/parse.ts';
import type { ReleaseSpecInput } from '../../../src/core/spec/schema.ts';
import { fixtureProvision, fixtureRisk, fixtureSpecInput, SECRET_RECORD } from './fixture.ts';

const spec = (edit: (s: ReleaseSpecInput) => void = () => {}) => {
  const s = fixtureSpecInput();
  edit(s);
  return parseSpec(s);
};
const findings = [
  { column: '性別', value: SECRET_RECORD },
  { column: '性別', value: '不明' },
];
const measured = (over: Partial<GateMeasures> = {}): GateMeasures => ({ risk: fixtureRisk(), peculiarFindings: findings, ...over });
const ids = (gates: Gate[]) => gates.map((g) => g.id).sort();

describe('releaseGates', () => {
  it('passes a spec whose targets are met, with a valid provision', () => {
    expect(releaseGates(spec(), measured(), fixtureProvision())).toEqual([]);
  });

  it('flags an identifier that is neither dropped nor pseudonymized, and uncleared free text, per column path', () => {
    const s = spec((x) => {
      x.columns![0] = { name: '患者ID', role: 'identifier' };
      x.columns!.push({ name: '所見', role: 'other', freeText: true });
      x.columns!.push({ name: '備考', role: 'other', freeText: true, cleared: true });
    });
    const gates = releaseGates(s, measured(), fixtureProvision());
    expect(gates.map((g) => [g.id, g.severity, g.params.column])).toEqual([
      ['identifierKept@columns[0]', 'overridable', '患者ID'],
      ['freeTextBlocked@columns[8]', 'overridable', '所見'],
    ]);
    expect(t('ja', gates[0].key, gates[0].params)).toBe('列「患者ID」（columns[0]）は直接識別子ですが、削除も仮名化もされていません。');
  });

  it('skips spec entries for columns the source does not have, when told the source columns', () => {
    const s = spec((x) => void x.columns!.push({ name: 'メモ', role: 'other', freeText: true }));
    expect(ids(releaseGates(s, measured(), fixtureProvision()))).toEqual(['freeTextBlocked@columns[8]']);
    expect(ids(releaseGates(s, measured({ sourceColumns: ['患者ID', '性別'] }), fixtureProvision()))).toEqual([]);
  });

  it('compares every privacy target with the measurement', () => {
    const s = spec((x) => {
      x.model = { k: 5, l: { value: 3, variant: 'distinct' }, t: { value: 0.2, variant: 'equal' }, maxRisk: 0.1, suppressionLimit: 0.05 };
    });
    const risk = fixtureRisk({ minClassSize: 3, prosecutor: { highestRisk: 1 / 3, averageRisk: 0.1, recordsAtRisk: 0.02 } });
    const gates = releaseGates(s, measured({ risk }), fixtureProvision());
    expect(ids(gates)).toEqual(['kUnmet', 'lUnmet', 'maxRiskUnmet', 'tUnmet']);
    expect(gates.every((g) => g.severity === 'overridable')).toBe(true);
    const byId = Object.fromEntries(gates.map((g) => [g.id, g]));
    expect(byId.kUnmet.params).toEqual({ k: 5, measured: 3 });
    expect(byId.lUnmet.params).toEqual({ variant: 'distinct', l: 3, measured: '2.000' });
    expect(byId.tUnmet.params).toEqual({ variant: 'equal', t: 0.2, measured: '0.3100' });
    expect(t('en', byId.maxRiskUnmet.key, byId.maxRiskUnmet.params)).toBe('The highest re-identification risk, 33.33%, is above the limit of 10.00%.');
  });

  it('passes targets exactly at their limits, and trusts the measured `satisfied` flags', () => {
    const s = spec((x) => {
      x.model = { k: 5, l: { value: 2, variant: 'distinct' }, t: { value: 0.31, variant: 'equal' }, maxRisk: 0.2, suppressionLimit: 0 };
    });
    expect(releaseGates(s, measured(), fixtureProvision())).toEqual([]);
    const risk = fixtureRisk({ lDiversity: { attribute: '病名', distinct: 2, entropy: 1.8, recursive: null, c: null, satisfied: false } });
    expect(ids(releaseGates(s, measured({ risk }), fixtureProvision()))).toEqual(['lUnmet']);
  });

  it('treats a target as unmet when its figure was not measured, and a missing measurement as a gate of its own', () => {
    const s = spec((x) => void (x.model = { l: { value: 2, variant: 'recursive', c: 3 }, suppressionLimit: 0 }));
    expect(ids(releaseGates(s, measured(), fixtureProvision()))).toEqual(['lUnmet']);
    expect(ids(releaseGates(s, measured({ risk: null }), fixtureProvision()))).toEqual(['notMeasured']);
    const none = spec((x) => void (x.model = { suppressionLimit: 0 }));
    expect(releaseGates(none, measured({ risk: null }), fixtureProvision())).toEqual([]);
  });

  it('blocks an empty release (nothing to provide), without holding it to k as well', () => {
    const risk = fixtureRisk({ releasedRecords: 0, minClassSize: 0, prosecutor: { highestRisk: 0, averageRisk: 0, recordsAtRisk: 0 } });
    expect(releaseGates(spec(), measured({ risk }), fixtureProvision())).toEqual([
      { id: 'nothingReleased', kind: 'nothingReleased', severity: 'block', key: 'release.gate.nothingReleased', params: {} },
    ]);
  });

  it('flags undecided peculiar values by count and column, never by value', () => {
    const open = [...findings, { column: '郵便番号', value: '0010001' }, { column: '性別', value: 'X' }];
    const gates = releaseGates(spec(), measured({ peculiarFindings: open }), fixtureProvision());
    expect(gates).toEqual([
      { id: 'peculiarUndecided', kind: 'peculiarUndecided', severity: 'overridable', key: 'release.gate.peculiarUndecided', params: { count: 2, columns: '性別, 郵便番号' } },
    ]);
    expect(JSON.stringify(gates)).not.toContain('0010001');
    expect(ids(releaseGates(spec(), measured({ peculiarFindings: undefined }), fixtureProvision()))).toEqual(['peculiarNotListed']);
    const noReview = spec((x) => void (x.peculiar = { review: false, decisions: [] }));
    expect(releaseGates(noReview, measured({ peculiarFindings: open }), fixtureProvision())).toEqual([]);
  });

  it('matches a numeric finding with its decision written as text', () => {
    const s = spec((x) => void x.peculiar!.decisions!.push({ column: '検査値', value: '14.5', action: 'suppressCell', reason: '外れ値' }));
    expect(releaseGates(s, measured({ peculiarFindings: [...findings, { column: '検査値', value: 14.5 }] }), fixtureProvision())).toEqual([]);
  });

  it('hard-blocks a pseudonymized release to anyone but a certified user', () => {
    const s = spec((x) => void (x.release = { mode: 'pseudonymized', restriction: 'certifiedUsers' }));
    const gates = releaseGates(s, measured(), fixtureProvision({ recipientType: 'other' }));
    expect(gates.map((g) => [g.id, g.severity])).toEqual([['certifiedUserRequired', 'block']]);
    expect(releaseGates(s, measured(), fixtureProvision({ recipientType: 'certifiedUser' }))).toEqual([]);
    const restricted = spec((x) => void (x.release = { mode: 'anonymized', restriction: 'certifiedUsers' }));
    expect(releaseGates(restricted, measured(), fixtureProvision())[0]).toMatchObject({ id: 'certifiedUserRequired', key: 'release.gate.certifiedRestriction', severity: 'block' });
  });

  it('hard-blocks an invalid provision and lists its issues (and, for 仮名加工, the missing certification)', () => {
    const gates = releaseGates(spec(), measured(), { recipient: '' });
    expect(gates.map((g) => [g.id, g.severity])).toEqual([['provisionInvalid', 'block']]);
    expect(gates[0].issues!.map((i) => i.path)).toContain('provision.recipient');
    const pseudo = spec((x) => void (x.release = { mode: 'pseudonymized', restriction: 'certifiedUsers' }));
    expect(ids(releaseGates(pseudo, measured(), null))).toEqual(['certifiedUserRequired', 'provisionInvalid']);
  });

  it('flags a provision that names another recipient or request than the spec', () => {
    const gates = releaseGates(spec(), measured(), fixtureProvision({ recipient: '△△病院', requestId: 'REQ-2025-001 ' }));
    expect(gates.map((g) => [g.id, g.severity, g.params.given])).toEqual([['provisionMismatch.recipient', 'overridable', '△△病院']]);
  });
});

describe('applyOverrides', () => {
  const s = spec((x) => {
    x.release = { mode: 'pseudonymized', restriction: 'certifiedUsers' };
    x.columns![0] = { name: '患者ID', role: 'identifier' };
  });
  const gates = releaseGates(s, measured({ risk: fixtureRisk({ minClassSize: 2 }) }), fixtureProvision());

  it('passes overridable gates that come with a reason, and keeps the reason (trimmed)', () => {
    expect(ids(gates)).toEqual(['certifiedUserRequired', 'identifierKept@columns[0]', 'kUnmet']);
    const r = applyOverrides(gates, [{ id: 'kUnmet', reason: '  委員会承認済み ' }]);
    expect(r.applied).toEqual([{ id: 'kUnmet', kind: 'kUnmet', key: 'release.gate.kUnmet', params: { k: 5, measured: 2 }, reason: '委員会承認済み' }]);
    expect(ids(r.blockers)).toEqual(['certifiedUserRequired', 'identifierKept@columns[0]']);
    expect(r.rejected).toEqual([]);
  });

  it('rejects overrides without a reason, of hard blocks, and of unknown gates', () => {
    const r = applyOverrides(gates, [
      { id: 'kUnmet', reason: '   ' },
      { id: 'certifiedUserRequired', reason: '急ぎのため' },
      { id: 'nope', reason: 'x' },
    ]);
    expect(r.applied).toEqual([]);
    expect(r.rejected).toEqual([
      { id: 'kUnmet', why: 'emptyReason' },
      { id: 'certifiedUserRequired', why: 'notOverridable' },
      { id: 'nope', why: 'unknownGate' },
    ]);
    expect(ids(r.blockers)).toEqual(ids(gates));
  });

  it('allows the export only when no gate stands', () => {
    const blocked = applyOverrides(gates, [{ id: 'kUnmet', reason: 'r' }, { id: 'identifierKept@columns[0]', reason: 'r' }]);
    expect(() => assertReleasable(blocked)).toThrow(ReleaseBlockedError);
    try {
      assertReleasable(blocked);
    } catch (e) {
      expect((e as ReleaseBlockedError).key).toBe('release.gate.certifiedUserRequired');
      expect((e as ReleaseBlockedError).gates).toHaveLength(1);
    }
    const anon = releaseGates(spec(), measured({ risk: fixtureRisk({ minClassSize: 2 }) }), fixtureProvision());
    expect(() => assertReleasable(applyOverrides(anon, [{ id: 'kUnmet', reason: '委員会承認済み' }]))).not.toThrow();
    expect(() => assertReleasable(applyOverrides(anon, []))).toThrow(ReleaseBlockedError);
  });
});
