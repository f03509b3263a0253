import { describe, expect, it } from 'vitest';
import { applyEdits, checkSpec, emptySpec, parseSpec, type ColumnSpec, type ReleaseSpec } from '../../../src/core/spec/index.ts';
import {
  addTransformEdits,
  describeTransform,
  formatValueList,
  kindsFor,
  levelsOf,
  moveTransform,
  parseValueList,
  removeTransform,
  replaceTransform,
  sharedMaxDays,
  transformIssues,
} from '../../../src/ui/components/spec/chain.ts';

const entry = (name: string, transforms: ColumnSpec['transforms'] = []): ColumnSpec => ({ name, role: 'quasi', transforms });
const after = (spec: ReleaseSpec, edits: ReturnType<typeof addTransformEdits>) => applyEdits(spec, edits);

describe('kindsFor', () => {
  it('offers only what the compiler accepts for the type', () => {
    expect(kindsFor('VARCHAR')).toEqual(['drop', 'pseudonymize', 'generalize', 'suppressCell', 'suppressRecord']);
    expect(kindsFor('DOUBLE')).toContain('round');
    expect(kindsFor('DOUBLE')).not.toContain('dateShift');
    expect(kindsFor('DATE')).toEqual(expect.arrayContaining(['dateShift', 'topCode', 'bottomCode']));
    expect(kindsFor('DATE')).not.toContain('round');
    expect(kindsFor('TIMESTAMP WITH TIME ZONE')).not.toContain('dateShift');
  });
});

describe('addTransformEdits', () => {
  it('makes a hierarchy that fits the column when the spec has none, and the result passes the spec checks', () => {
    const spec = emptySpec();
    for (const [name, type, kind] of [['体重', 'DOUBLE', 'interval'], ['受診日', 'DATE', 'date'], ['郵便番号', 'VARCHAR', 'prefix']] as const) {
      const s = after(spec, addTransformEdits(spec, entry(name), type, 'generalize'));
      expect(s.hierarchies).toHaveLength(1);
      expect(s.hierarchies[0]).toMatchObject({ name, kind });
      expect(s.columns[0].transforms).toEqual([{ kind: 'generalize', hierarchy: name, level: 1 }]);
      expect(checkSpec(s)).toEqual([]);
    }
  });

  it('reuses a fitting hierarchy and never one that does not fit the type', () => {
    const spec = parseSpec({
      version: 1,
      hierarchies: [
        { name: 'cal', kind: 'date', levels: ['month', 'year'] },
        { name: 'bands', kind: 'interval', levels: [{ width: 10 }] },
      ],
      release: { mode: 'anonymized' },
    });
    const s = after(spec, addTransformEdits(spec, entry('身長'), 'BIGINT', 'generalize'));
    expect(s.hierarchies).toHaveLength(2);
    expect(s.columns[0].transforms).toEqual([{ kind: 'generalize', hierarchy: 'bands', level: 1 }]);
    // A new hierarchy's name does not collide with an existing one.
    const t = after(spec, addTransformEdits(spec, entry('cal'), 'VARCHAR', 'generalize'));
    expect(t.hierarchies.map((h) => h.name)).toEqual(['cal', 'bands', 'cal_2']);
  });

  it('lets drop and pseudonymize stand alone', () => {
    const spec = emptySpec();
    const chain = entry('体重', [{ kind: 'round', to: 5 }]);
    expect(after(spec, addTransformEdits(spec, chain, 'DOUBLE', 'drop')).columns[0].transforms).toEqual([{ kind: 'drop' }]);
    const dropped = entry('体重', [{ kind: 'drop' }]);
    expect(after(spec, addTransformEdits(spec, dropped, 'DOUBLE', 'topCode')).columns[0].transforms).toEqual([{ kind: 'topCode', at: 90 }]);
    expect(after(spec, addTransformEdits(spec, chain, 'DOUBLE', 'topCode')).columns[0].transforms).toEqual([
      { kind: 'round', to: 5 },
      { kind: 'topCode', at: 90 },
    ]);
  });

  it('gives date columns date bounds, and every date shift the spec\'s one maximum', () => {
    const spec = parseSpec({ version: 1, columns: [{ name: '受診日', role: 'quasi', transforms: [{ kind: 'dateShift', maxDays: 45 }] }], release: { mode: 'anonymized' } });
    expect(sharedMaxDays(spec)).toBe(45);
    const s = after(spec, addTransformEdits(spec, entry('退院日'), 'DATE', 'dateShift'));
    expect(s.columns[1].transforms).toEqual([{ kind: 'dateShift', maxDays: 45 }]);
    expect(checkSpec(s)).toEqual([]);
    expect(after(emptySpec(), addTransformEdits(emptySpec(), entry('d'), 'DATE', 'topCode')).columns[0].transforms[0]).toEqual({ kind: 'topCode', at: '2100-01-01' });
    expect(sharedMaxDays(emptySpec())).toBeUndefined();
    const generalized = entry('退院日', [{ kind: 'generalize', hierarchy: 'cal', level: 1 }]);
    expect(after(spec, addTransformEdits(spec, generalized, 'DATE', 'dateShift')).columns[1].transforms).toEqual([
      { kind: 'dateShift', maxDays: 45 },
      { kind: 'generalize', hierarchy: 'cal', level: 1 },
    ]);
  });

  it('adds a suppression only with values listed', () => {
    expect(addTransformEdits(emptySpec(), entry('体重'), 'DOUBLE', 'suppressRecord')).toEqual([]);
    const s = after(emptySpec(), addTransformEdits(emptySpec(), entry('体重'), 'DOUBLE', 'suppressRecord', { values: [131] }));
    expect(s.columns[0].transforms).toEqual([{ kind: 'suppressRecord', values: [131] }]);
  });
});

describe('chain edits', () => {
  const e = entry('x', [{ kind: 'round', to: 5 }, { kind: 'topCode', at: 90 }, { kind: 'bottomCode', at: 10 }]);
  it('move, remove and replace one step without touching the others', () => {
    expect(moveTransform(e, 0, 1).transforms.map((t) => t.kind)).toEqual(['topCode', 'round', 'bottomCode']);
    expect(moveTransform(e, 0, -1)).toBe(e);
    expect(moveTransform(e, 2, 1)).toBe(e);
    expect(removeTransform(e, 1).transforms.map((t) => t.kind)).toEqual(['round', 'bottomCode']);
    expect(replaceTransform(e, 2, { kind: 'bottomCode', at: 20 }).transforms[2]).toEqual({ kind: 'bottomCode', at: 20 });
    expect(e.transforms).toHaveLength(3);
  });

  it('are described with their settings', () => {
    expect(describeTransform({ kind: 'generalize', hierarchy: 'postal', level: 2 })).toEqual({ key: 'uiSpec.chain.generalize', params: { hierarchy: 'postal', level: 2 } });
    expect(describeTransform({ kind: 'suppressRecord', values: [1, 2] }).params).toEqual({ count: 2 });
  });
});

describe('value lists', () => {
  it('read numbers as numbers only in numeric columns, drop blanks and repeats', () => {
    expect(parseValueList('131, 19.8\n131\n\n abc ', 'DOUBLE')).toEqual([131, 19.8, 'abc']);
    expect(parseValueList('131、0012', 'VARCHAR')).toEqual(['131', '0012']);
    expect(parseValueList('1e3, 0x10, .5', 'BIGINT')).toEqual([1000, '0x10', 0.5]);
    expect(formatValueList([131, 'abc'])).toBe('131\nabc');
  });
});

describe('transformIssues', () => {
  it('explain an invalid step with the path it has in the spec', () => {
    expect(transformIssues({ kind: 'round', to: 5 }, ['columns', 3, 'transforms', 0])).toEqual([]);
    const issues = transformIssues({ kind: 'round', to: 0 }, ['columns', 3, 'transforms', 0]);
    expect(issues).toEqual([{ path: 'columns[3].transforms[0].to', key: 'spec.issue.positive', params: { path: 'columns[3].transforms[0].to' } }]);
    expect(transformIssues({ kind: 'dateShift', maxDays: Number.NaN }, ['columns', 0, 'transforms', 1])[0].path).toBe('columns[0].transforms[1].maxDays');
  });

  it('levels run from 0 to the hierarchy\'s top', () => {
    expect(levelsOf({ name: 'p', kind: 'prefix', levels: [{ keep: 3 }, { keep: 1 }] })).toEqual([0, 1, 2]);
    expect(levelsOf(undefined)).toEqual([0]);
  });
});
