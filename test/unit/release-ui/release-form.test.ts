import { describe, expect, it } from 'vitest';
import type { Gate } from '../../../src/core/release/gates.ts';
import { validateProvision } from '../../../src/core/release/facts.ts';
import {
  emptyForm,
  formatsOf,
  formProblems,
  gateState,
  itemsOf,
  overridesOf,
  packageFileName,
  parseStoredForm,
  provisionOf,
  recordedCreatedAt,
  releaseInputOf,
  standingGates,
  uniqueIssues,
  type ReleaseForm,
} from '../../../src/lib/release-form.ts';

const NOW = new Date('2026-11-21T01:02:03.456Z');

function filled(over: Partial<ReleaseForm> = {}): ReleaseForm {
  return {
    ...emptyForm(NOW),
    recipient: '  国立テスト大学 医学部 ',
    recipientType: 'certifiedUser',
    requestId: 'REQ-2026-042',
    purpose: '受診動向の研究',
    deliveryMethod: '暗号化媒体の手渡し',
    retention: '研究終了まで（最長3年）',
    deletionDeadline: '2029-03-31',
    operator: ' 山田 ',
    ...over,
  };
}

const gate = (id: string, severity: Gate['severity']): Gate => ({ id, kind: 'kUnmet', severity, key: 'release.gate.kUnmet', params: {} });

describe('release form → the CLI inputs', () => {
  it('gives the provision JSON: trimmed, optional fields left out when empty, valid for the gates', () => {
    const p = provisionOf(filled());
    expect(p).toEqual({
      recipient: '国立テスト大学 医学部',
      recipientType: 'certifiedUser',
      requestId: 'REQ-2026-042',
      purpose: '受診動向の研究',
      deliveryMethod: '暗号化媒体の手渡し',
      retention: '研究終了まで（最長3年）',
      deletionDeadline: '2029-03-31',
    });
    expect(validateProvision(p).ok).toBe(true);
    const more = provisionOf(filled({ reviewId: ' R-7 ', items: '患者ID\n\n  性別 \r\n主病名\n' }));
    expect(more.reviewId).toBe('R-7');
    expect(more.items).toEqual(['患者ID', '性別', '主病名']);
    expect(validateProvision(more).ok).toBe(true);
    // An empty form is not a valid provision: the gates say so.
    expect(validateProvision(provisionOf(emptyForm(NOW))).ok).toBe(false);
  });

  it('records the creation time as `--created-at` does (any parsable time, as ISO UTC)', () => {
    expect(recordedCreatedAt('2026-11-21T10:00:00+09:00')).toBe('2026-11-21T01:00:00.000Z');
    expect(recordedCreatedAt(' 2026-11-21T01:00:00Z ')).toBe('2026-11-21T01:00:00.000Z');
    expect(recordedCreatedAt('')).toBeNull();
    expect(recordedCreatedAt('明日')).toBeNull();
    expect(emptyForm(NOW).createdAt).toBe('2026-11-21T01:02:03.456Z');
  });

  it('lists formats in a fixed order, whatever order they were ticked in', () => {
    expect(formatsOf(filled({ formats: { parquet: true, csv: true, 'csv-cp932': false } }))).toEqual(['csv', 'parquet']);
    expect(formatsOf(filled({ formats: { parquet: true, csv: true, 'csv-cp932': true } }))).toEqual(['csv', 'csv-cp932', 'parquet']);
  });

  it('overrides only overridable gates now standing that have a reason', () => {
    const gates = [gate('kUnmet', 'overridable'), gate('certifiedUserRequired', 'block'), gate('peculiarNotListed', 'overridable')];
    const form = filled({ reasons: { kUnmet: ' 研修用 ', certifiedUserRequired: '通したい', peculiarNotListed: '  ', old: '前の理由' } });
    expect(overridesOf(form, gates)).toEqual([{ id: 'kUnmet', reason: '研修用' }]);
    expect(gates.map((g) => gateState(form, g))).toEqual(['overridden', 'blocked', 'needsReason']);
    expect(standingGates(form, gates).map((g) => g.id)).toEqual(['certifiedUserRequired', 'peculiarNotListed']);
    const input = releaseInputOf(form, gates);
    expect(input).toMatchObject({ operator: '山田', approver: null, createdAt: '2026-11-21T01:02:03.456Z', formats: ['csv'], lang: 'ja' });
    expect(input.overrides).toEqual([{ id: 'kUnmet', reason: '研修用' }]);
  });

  it('says what the form lacks', () => {
    expect(formProblems(filled())).toEqual([]);
    expect(formProblems(filled({ operator: ' ', createdAt: 'x', formats: { csv: false, 'csv-cp932': false, parquet: false } }))).toEqual([
      'uiRelease.problem.operator',
      'uiRelease.problem.createdAt',
      'uiRelease.problem.formats',
    ]);
  });

  it('reads a stored form back, field by field, and survives anything else', () => {
    const form = filled({ reasons: { kUnmet: '理由' }, reportLang: 'en', formats: { csv: false, 'csv-cp932': true, parquet: true } });
    expect(parseStoredForm(JSON.stringify(form), NOW)).toEqual(form);
    expect(parseStoredForm(null, NOW)).toEqual(emptyForm(NOW));
    expect(parseStoredForm('{not json', NOW)).toEqual(emptyForm(NOW));
    expect(parseStoredForm('42', NOW)).toEqual(emptyForm(NOW));
    const odd = parseStoredForm(JSON.stringify({ recipient: 3, recipientType: 'boss', reportLang: 'fr', formats: { csv: 'yes', parquet: true }, reasons: { a: 'x', b: 1 } }), NOW);
    expect(odd).toEqual({ ...emptyForm(NOW), formats: { csv: true, 'csv-cp932': false, parquet: true }, reasons: { a: 'x' } });
  });

  it('names the package file after the table and request, safely', () => {
    expect(packageFileName('patients', 'REQ-2026-042')).toBe('patients-REQ-2026-042.zip');
    expect(packageFileName('患者', '申出 第12号/改')).toBe('患者-申出_第12号_改.zip');
    expect(packageFileName('..', '  ')).toBe('tokumei-release.zip');
  });

  it('lists each problem of a field once', () => {
    const i = (path: string, key: string) => ({ path, key, params: { path } });
    expect(uniqueIssues([i('provision.recipient', 'a'), i('provision.recipient', 'a'), i('provision.recipient', 'b'), i('provision.purpose', 'a')])).toEqual([
      i('provision.recipient', 'a'),
      i('provision.recipient', 'b'),
      i('provision.purpose', 'a'),
    ]);
  });

  it('keeps item lines apart', () => {
    expect(itemsOf(' a \n\nb\r\n')).toEqual(['a', 'b']);
  });
});
