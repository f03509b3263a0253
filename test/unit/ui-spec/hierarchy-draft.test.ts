import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTokumeiError } from '../../../src/core/errors.ts';
import { parseHierarchyCsv } from '../../../src/core/hierarchy/csv.ts';
import { checkSpec, emptySpec, type HierarchySpec } from '../../../src/core/spec/index.ts';
import {
  addLevel,
  csvFileName,
  defaultHierarchy,
  hierarchyCsv,
  hierarchyFits,
  hierarchyFromCsv,
  hierarchyIssues,
  kindsForType,
  newHierarchy,
  removeLevel,
  setCoding,
  setLevel,
  tableFromValues,
  tableOf,
  uniqueHierarchyName,
} from '../../../src/ui/components/spec/hierarchy-draft.ts';

const fixture = (p: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/${p}`, import.meta.url)));
const valid = (h: HierarchySpec) => checkSpec({ ...emptySpec(), hierarchies: [h] });

describe('new hierarchies', () => {
  it('start valid for every rule kind', () => {
    for (const kind of ['interval', 'age', 'date', 'prefix'] as const) expect(valid(newHierarchy(kind, 'h', '2024-04-01')), kind).toEqual([]);
  });

  it('fit the column type they are made for', () => {
    expect(defaultHierarchy('DATE', 'd').kind).toBe('date');
    expect(defaultHierarchy('DOUBLE', 'w').kind).toBe('interval');
    expect(defaultHierarchy('VARCHAR', 'z').kind).toBe('prefix');
    expect(kindsForType('BIGINT')).toEqual(['interval', 'prefix', 'table']);
    expect(kindsForType('TIMESTAMP')).toEqual(['age', 'date', 'prefix', 'table']);
    expect(hierarchyFits(newHierarchy('age', 'a', '2024-04-01'), 'VARCHAR')).toBe(false);
    expect(hierarchyFits(newHierarchy('prefix', 'p'), 'DATE')).toBe(true);
  });

  it('get a name no other hierarchy has', () => {
    expect(uniqueHierarchyName('郵便番号', [{ name: '郵便番号' }, { name: '郵便番号_2' }])).toBe('郵便番号_3');
    expect(uniqueHierarchyName('  ', [])).toBe('hierarchy');
    expect(csvFileName('age / band:1')).toBe('age_band_1.csv');
  });
});

describe('level edits', () => {
  it('add nesting levels, remove the top one, and stop where nothing is coarser', () => {
    const bands = addLevel(newHierarchy('interval', 'b'))!;
    expect(bands.kind === 'interval' && bands.levels.map((l) => l.width)).toEqual([5, 10, 20, 40]);
    expect(valid(bands)).toEqual([]);
    const dates = addLevel(newHierarchy('date', 'd'))!;
    expect(dates.kind === 'date' && dates.levels).toEqual(['month', 'quarter', 'year', 'decade']);
    expect(addLevel(dates)).toBeNull();
    const prefix = addLevel(newHierarchy('prefix', 'p'))!;
    expect(prefix.kind === 'prefix' && prefix.levels).toEqual([{ keep: 3 }, { keep: 1 }, { keep: 0 }]);
    expect(addLevel(prefix)).toBeNull();
    expect(removeLevel({ name: 'p', kind: 'prefix', levels: [{ keep: 1 }] })).toBeNull();
    expect(removeLevel(prefix)).toEqual({ name: 'p', kind: 'prefix', levels: [{ keep: 3 }, { keep: 1 }] });
  });

  it('report a width that does not nest, with the path it has in the spec', () => {
    const h = setLevel(newHierarchy('interval', 'b'), 1, 7);
    // 7 is no multiple of 5, and 20 (the level above) no multiple of 7.
    expect(hierarchyIssues(h, 4)).toEqual([
      { path: 'hierarchies[4].levels[1].width', key: 'spec.issue.widthNotNested', params: { path: 'hierarchies[4].levels[1].width', width: 7, previous: 5 } },
      { path: 'hierarchies[4].levels[2].width', key: 'spec.issue.widthNotNested', params: { path: 'hierarchies[4].levels[2].width', width: 20, previous: 7 } },
    ]);
    expect(hierarchyIssues(setLevel(newHierarchy('interval', 'b'), 0, Number.NaN), 2)[0].path).toBe('hierarchies[2].levels[0].width');
    expect(hierarchyIssues(setLevel(newHierarchy('date', 'd'), 1, 'day'), 0)[0].key).toBe('spec.issue.unitsNotIncreasing');
  });

  it('set and remove top and bottom coding', () => {
    const h = newHierarchy('interval', 'b');
    if (h.kind !== 'interval') throw new Error('interval expected');
    const coded = setCoding(h, 'top', { at: 90, label: '' });
    expect(coded).toEqual({ ...h, top: { at: 90 } });
    expect(setCoding(h, 'bottom', { at: 20, label: '<20' })).toEqual({ ...h, bottom: { at: 20, label: '<20' } });
    if (coded.kind !== 'interval') throw new Error('interval expected');
    expect('top' in setCoding(coded, 'top', undefined)).toBe(false);
    expect(hierarchyIssues({ ...h, top: { at: 10 }, bottom: { at: 20 } }, 0)[0].key).toBe('spec.issue.topBelowBottom');
  });
});

describe('ARX hierarchy files', () => {
  it('import an ARX CSV as a table hierarchy and export the same rows', () => {
    const bytes = fixture('adult/adult_hierarchy_age.csv');
    const h = hierarchyFromCsv(new Uint8Array(bytes), 'age', 'adult_hierarchy_age.csv');
    if (h.kind !== 'table') throw new Error('table expected');
    const arx = parseHierarchyCsv(new Uint8Array(bytes));
    expect(h.rows).toEqual(arx.rows);
    expect(valid(h)).toEqual([]);
    expect(parseHierarchyCsv(hierarchyCsv(tableOf(h))).rows).toEqual(arx.rows);
  });

  it('refuse a file that is not a hierarchy, with a message the user can act on', () => {
    try {
      hierarchyFromCsv(new TextEncoder().encode('a;x\na;y\n'), 'h', 'dup.csv');
      throw new Error('expected a refusal');
    } catch (e) {
      expect(isTokumeiError(e) && e.key).toBe('risk.hierarchy.duplicateValue');
    }
  });

  it('start an explicit table from the column\'s values under one top label', () => {
    const h = tableFromValues('blood', { levels: 2, rows: [['A', ''], ['B', ''], ['O', '']] });
    expect(h).toEqual({ name: 'blood', kind: 'table', rows: [['A', '*'], ['B', '*'], ['O', '*']] });
    expect(valid(h)).toEqual([]);
  });
});
