import { describe, expect, it } from 'vitest';
import { changeOp, defaultOp, newCohort, newCondition, parseAge, splitValues } from '../../../src/ui/components/preview/cohort-edit.ts';

describe('cohort editing', () => {
  it('suggests an age for dates, a range for numbers and equality otherwise', () => {
    expect(['DATE', 'TIMESTAMP', 'BIGINT', 'DOUBLE', 'VARCHAR', 'BOOLEAN'].map(defaultOp)).toEqual(['age', 'age', 'range', 'range', 'equals', 'equals']);
    expect(newCondition({ name: '生年月日', type: 'DATE' }, '2024-04-01')).toEqual({ column: '生年月日', op: 'age', referenceDate: '2024-04-01' });
  });

  it('keeps the typed text across equals, prefix and in', () => {
    const eq = { column: '病名', op: 'equals', value: 'E11, E10' } as const;
    const inList = changeOp(eq, 'in', '2024-04-01');
    expect(inList).toEqual({ column: '病名', op: 'in', values: ['E11', 'E10'] });
    expect(changeOp(inList, 'prefix', '2024-04-01')).toEqual({ column: '病名', op: 'prefix', value: 'E11, E10' });
    expect(changeOp(eq, 'age', '2024-04-01')).toEqual({ column: '病名', op: 'age', referenceDate: '2024-04-01' });
  });

  it('reads lists and ages as typed', () => {
    expect(splitValues('A, O、B，  ,AB')).toEqual(['A', 'O', 'B', 'AB']);
    expect([parseAge(''), parseAge(' 40 '), parseAge('abc')]).toEqual([undefined, 40, undefined]);
    const a = newCohort('x');
    const b = newCohort('x');
    expect(a.id).not.toBe(b.id);
  });
});
