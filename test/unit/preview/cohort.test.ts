import { describe, expect, it } from 'vitest';
import { binLabel, cohortVerdict, isComplete, niceWidth, parseCohorts, serializeCohorts, type Cohort } from '../../../src/core/preview/index.ts';

const cohort: Cohort = {
  id: 'c1',
  name: '女性・40–49歳・E11',
  conditions: [
    { column: '性別', op: 'equals', value: '女性' },
    { column: '生年月日', op: 'age', min: 40, max: 49, referenceDate: '2024-04-01' },
    { column: '病名', op: 'prefix', value: 'E11' },
    { column: '身長', op: 'range', min: 150 },
    { column: '血液型', op: 'in', values: ['A', 'O'] },
  ],
};

describe('cohorts as saved state', () => {
  it('round-trips through JSON', () => {
    expect(parseCohorts(serializeCohorts([cohort]))).toEqual([cohort]);
  });

  it('keeps the valid cohorts of a damaged save and drops the rest', () => {
    const broken = { id: 'c2', name: 'x', conditions: [{ column: 'a', op: 'like', value: 'b' }] };
    const badDate = { id: 'c3', name: 'y', conditions: [{ column: 'a', op: 'age', referenceDate: '2024-02-30' }] };
    expect(parseCohorts(JSON.stringify([broken, cohort, badDate, 7]))).toEqual([cohort]);
    expect(parseCohorts('{"not":"a list"}')).toEqual([]);
    expect(parseCohorts('not json')).toEqual([]);
    expect(parseCohorts(null)).toEqual([]);
  });

  it('leaves conditions without a value out of the check', () => {
    expect(isComplete({ column: 'a', op: 'equals', value: '' })).toBe(false);
    expect(isComplete({ column: 'a', op: 'in', values: [] })).toBe(false);
    expect(isComplete({ column: 'a', op: 'range', min: '', max: '' })).toBe(false);
    expect(isComplete({ column: 'a', op: 'range', max: 3 })).toBe(true);
    expect(isComplete({ column: 'a', op: 'age', referenceDate: '2024-04-01' })).toBe(false);
    expect(isComplete({ column: 'a', op: 'age', min: 0, referenceDate: '2024-04-01' })).toBe(true);
  });
});

describe('bins', () => {
  it('rounds widths up to 1, 2 or 5 × 10ⁿ', () => {
    expect([0.013, 0.3, 3.7, 6, 10, 11, 260].map((x) => niceWidth(x, false))).toEqual([0.02, 0.5, 5, 10, 10, 20, 500]);
    expect([0.3, 1, 1.5, 23].map((x) => niceWidth(x, true))).toEqual([1, 1, 2, 50]);
    expect(niceWidth(0, false)).toBe(1);
  });

  it('labels whole-number bins inclusively and others half-open', () => {
    expect(binLabel(40, 10, true)).toBe('40–49');
    expect(binLabel(1980, 1, true)).toBe('1980');
    expect(binLabel(150, 5, false)).toBe('[150, 155)');
    expect(binLabel(0.2, 0.05, false)).toBe('[0.2, 0.25)');
  });
});

describe('cohort verdict', () => {
  const base = { id: 'c', removed: { excluded: 0, record: 0, belowK: 0 }, conditions: [] };
  it('says whether the cohort survives, shrinks or is lost, and how selectable it stays', () => {
    expect(cohortVerdict({ ...base, before: 40, after: 40, superset: 40, selectable: 'exact' })).toEqual({ survival: 'survives', lost: 0, selectable: 'exact', extra: 0 });
    expect(cohortVerdict({ ...base, before: 40, after: 30, superset: 55, selectable: 'superset' })).toEqual({ survival: 'shrinks', lost: 0.25, selectable: 'superset', extra: 25 });
    expect(cohortVerdict({ ...base, before: 3, after: 0, superset: null, selectable: 'none' })).toEqual({ survival: 'lost', lost: 1, selectable: 'none', extra: 0 });
    expect(cohortVerdict({ ...base, before: 0, after: 0, superset: null, selectable: 'none' }).survival).toBe('empty');
  });
});
