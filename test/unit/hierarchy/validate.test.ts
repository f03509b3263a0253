import { describe, expect, it } from 'vitest';
import { isTokumeiError } from '../../../src/core/errors.ts';
import { t } from '../../../src/core/i18n/catalog.ts';
import { assertNoMissingValues, missingValues, validateHierarchy } from '../../../src/core/hierarchy/validate.ts';

const problem = (f: () => void) => {
  try {
    f();
  } catch (e) {
    if (isTokumeiError(e)) return { key: e.key, params: e.params };
    throw e;
  }
  return undefined;
};

describe('hierarchy validation', () => {
  it('accepts a tree', () => {
    expect(
      problem(() =>
        validateHierarchy(
          {
            levels: 3,
            rows: [
              ['1', '0-4', '*'],
              ['5', '5-9', '*'],
            ],
          },
          'age',
        ),
      ),
    ).toBeUndefined();
  });

  it('rejects an empty hierarchy', () => {
    expect(problem(() => validateHierarchy({ levels: 0, rows: [] }, 'age'))).toEqual({
      key: 'risk.hierarchy.empty',
      params: { column: 'age' },
    });
  });

  it('rejects rows of different length, naming the row', () => {
    const h = { levels: 2, rows: [['a', 'A'], ['b'], ['c', 'C']] };
    expect(problem(() => validateHierarchy(h, '病名'))).toEqual({
      key: 'risk.hierarchy.ragged',
      params: { column: '病名', row: 2, expected: 2, found: 1 },
    });
  });

  it('rejects a value listed twice', () => {
    const h = { levels: 2, rows: [['a', 'A'], ['b', 'B'], ['a', 'B']] };
    expect(problem(() => validateHierarchy(h, 'x'))).toEqual({
      key: 'risk.hierarchy.duplicateValue',
      params: { column: 'x', value: 'a', row: 3, firstRow: 1 },
    });
  });

  it('rejects a label that splits into two parents', () => {
    const h = {
      levels: 3,
      rows: [
        ['1', '0-9', 'young'],
        ['2', '0-9', 'old'],
      ],
    };
    expect(problem(() => validateHierarchy(h, 'age'))).toEqual({
      key: 'risk.hierarchy.notMonotonic',
      params: { column: 'age', level: 1, nextLevel: 2, value: '0-9', first: 'young', second: 'old' },
    });
  });

  it('finds data values the hierarchy lacks (NULLs stay NULL and are not missing)', () => {
    const h = { levels: 2, rows: [['a', '*'], ['b', '*']] };
    expect(missingValues(h, ['a', null, 'c', 'b', 'd'])).toEqual(['c', 'd']);
    expect(missingValues(h, [])).toEqual([]);
    expect(problem(() => assertNoMissingValues(h, ['a', 'x', 'y', 'z', 'v', 'w', 'u'], '地域'))).toEqual({
      key: 'risk.hierarchy.missingValues',
      params: { column: '地域', count: 6, examples: '"x", "y", "z", "v", "w"' },
    });
  });

  it('every message exists in both languages', () => {
    for (const key of [
      'risk.hierarchy.empty',
      'risk.hierarchy.ragged',
      'risk.hierarchy.duplicateValue',
      'risk.hierarchy.notMonotonic',
      'risk.hierarchy.missingValues',
      'risk.hierarchy.levelOutOfRange',
      'risk.hierarchy.noHierarchy',
      'risk.hierarchy.encoding',
      'risk.hierarchy.unclosedQuote',
      'risk.population.tooSmall',
      'risk.threshold.invalid',
      'risk.gsFactor.invalid',
    ] as const) {
      expect(t('ja', key)).not.toBe(key);
      expect(t('en', key)).not.toBe(key);
      expect(t('ja', key)).not.toBe(t('en', key));
    }
  });
});
