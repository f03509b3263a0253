import { describe, expect, it } from 'vitest';
import type { DetectedColumn, DetectionResult } from '../../../src/core/detect/types.ts';
import { applyEdits, emptySpec, parseSpec, presetEdits, type ReleaseSpec, type Role } from '../../../src/core/spec/index.ts';
import { acceptEdits, classifyRows, freeTextEdit, presetColumns, roleCounts, roleEdits, rolesPending } from '../../../src/ui/components/spec/classify.ts';

const TABLE = '患者';
const COLUMNS = [
  { name: '患者ID', type: 'VARCHAR' },
  { name: '氏名', type: 'VARCHAR' },
  { name: '生年月日', type: 'DATE' },
  { name: '所見', type: 'VARCHAR' },
  { name: '血液型', type: 'VARCHAR' },
];

const det = (name: string, type: string, role: Role, category: DetectedColumn['category']): DetectedColumn => ({
  name,
  type,
  role,
  category,
  freeText: category === 'freeText',
  reason: { key: 'detect.none', params: {} },
});

const DETECTION: DetectionResult = {
  table: TABLE,
  sampleRows: 10,
  columns: [
    det('患者ID', 'VARCHAR', 'identifier', 'subjectId'),
    det('氏名', 'VARCHAR', 'identifier', 'name'),
    det('生年月日', 'DATE', 'quasi', 'birthDate'),
    det('所見', 'VARCHAR', 'sensitive', 'freeText'),
    det('血液型', 'VARCHAR', 'other', 'other'),
  ],
};

const rowsOf = (spec: ReleaseSpec, detection: DetectionResult | null = DETECTION) => classifyRows(COLUMNS, detection, spec, TABLE);
const byName = (spec: ReleaseSpec) => Object.fromEntries(rowsOf(spec).map((r) => [r.name, r]));

describe('classifyRows', () => {
  it('marks columns without an entry as unset and blocking', () => {
    const rows = rowsOf(emptySpec());
    expect(rows.map((r) => r.state)).toEqual(['unset', 'unset', 'unset', 'unset', 'unset']);
    expect(rows.every((r) => r.blocker === 'spec.compile.unlisted')).toBe(true);
    // Detection's free-text finding shows before the column has an entry.
    expect(rows.find((r) => r.name === '所見')!.freeText).toBe(true);
  });

  it('tells accepted suggestions from overrides, and reports the compiler\'s blockers', () => {
    const spec = parseSpec({
      version: 1,
      columns: [
        { name: '患者ID', role: 'identifier', transforms: [{ kind: 'pseudonymize' }] },
        { name: '氏名', role: 'identifier' },
        { name: '血液型', role: 'quasi' },
        { name: '所見', role: 'sensitive', freeText: true },
      ],
      release: { mode: 'anonymized' },
    });
    const r = byName(spec);
    expect(r['患者ID']).toMatchObject({ state: 'accepted', role: 'identifier', blocker: null });
    expect(r['氏名']).toMatchObject({ state: 'accepted', blocker: 'spec.compile.identifierKept' });
    expect(r['血液型']).toMatchObject({ state: 'overridden', role: 'quasi', blocker: null });
    expect(r['所見']).toMatchObject({ blocker: 'spec.compile.freeTextBlocked', freeText: true });
    expect(roleCounts(rowsOf(spec))).toEqual({ identifier: 2, quasi: 1, sensitive: 1, other: 0, unset: 1 });
  });

  it('prefers an entry naming the table over a table-less one, and ignores detection of another table', () => {
    const spec = parseSpec({
      version: 1,
      columns: [
        { name: '血液型', role: 'other' },
        { table: TABLE, name: '血液型', role: 'sensitive' },
      ],
      release: { mode: 'anonymized' },
    });
    expect(byName(spec)['血液型'].role).toBe('sensitive');
    const rows = classifyRows(COLUMNS, { ...DETECTION, table: '受診' }, spec, TABLE);
    expect(rows.every((r) => r.detected === null)).toBe(true);
  });
});

describe('role edits', () => {
  it('create table-less entries (so the spec applies to the same data under another table name) and keep existing transforms', () => {
    let spec = applyEdits(emptySpec(), roleEdits(rowsOf(emptySpec()), ['氏名', '血液型'], 'quasi'));
    expect(spec.columns).toEqual([
      { name: '氏名', role: 'quasi', transforms: [] },
      { name: '血液型', role: 'quasi', transforms: [] },
    ]);
    spec = applyEdits(spec, [{ op: 'setColumn', column: { name: '氏名', role: 'quasi', transforms: [{ kind: 'drop' }] } }]);
    spec = applyEdits(spec, roleEdits(rowsOf(spec), ['氏名'], 'identifier'));
    expect(spec.columns[0]).toEqual({ name: '氏名', role: 'identifier', transforms: [{ kind: 'drop' }] });
    // Columns already in the role give no edit (no empty undo step).
    expect(roleEdits(rowsOf(spec), ['氏名'], 'identifier')).toEqual([]);
  });

  it('accept suggestions for unset columns only, or for the named ones', () => {
    const base = applyEdits(emptySpec(), roleEdits(rowsOf(emptySpec()), ['血液型'], 'quasi'));
    const unset = acceptEdits(rowsOf(base));
    expect(unset.map((e) => e.op === 'setColumn' && e.column.name)).toEqual(['患者ID', '氏名', '生年月日', '所見']);
    const all = applyEdits(base, unset);
    expect(byName(all)['所見'].entry).toEqual({ name: '所見', role: 'sensitive', transforms: [], freeText: true });
    expect(byName(all)['血液型'].role).toBe('quasi');
    const named = applyEdits(all, acceptEdits(rowsOf(all), ['血液型']));
    expect(byName(named)['血液型']).toMatchObject({ role: 'other', state: 'accepted' });
    expect(acceptEdits(rowsOf(named))).toEqual([]);
  });

  it('set and clear the free-text flag', () => {
    const on = applyEdits(emptySpec(), [freeTextEdit(byName(emptySpec())['血液型'], true)!]);
    expect(on.columns).toEqual([{ name: '血液型', role: 'other', transforms: [], freeText: true }]);
    const off = applyEdits(on, [freeTextEdit(byName(on)['血液型'], false)!]);
    expect(off.columns).toEqual([{ name: '血液型', role: 'other', transforms: [] }]);
    expect(freeTextEdit(classifyRows(COLUMNS, null, emptySpec(), TABLE)[0], true)).toBeNull();
  });
});

describe('presetColumns', () => {
  it('feed the user\'s roles to the preset, and the preset then drops what the user called an identifier', () => {
    const spec = applyEdits(emptySpec(), roleEdits(rowsOf(emptySpec()), ['血液型'], 'identifier'));
    const cols = presetColumns(rowsOf(spec));
    expect(cols.find((c) => c.name === '血液型')).toMatchObject({ role: 'identifier', category: 'other' });
    expect(cols.find((c) => c.name === '所見')).toMatchObject({ role: 'sensitive', freeText: true });
    const after = applyEdits(spec, presetEdits('anonymized', cols, { referenceDate: '2024-04-01' }));
    const r = byName(after);
    expect(r['血液型'].entry!.transforms).toEqual([{ kind: 'drop' }]);
    expect(r['患者ID'].entry!.transforms).toEqual([{ kind: 'pseudonymize' }]);
    expect(r['所見'].entry!.transforms).toEqual([{ kind: 'drop' }]);
    expect(rowsOf(after).every((x) => x.blocker === null)).toBe(true);
  });

  it('keep the table of an entry that names one, so the preset replaces it instead of hiding behind it', () => {
    const spec = parseSpec({ version: 1, columns: [{ table: TABLE, name: '氏名', role: 'identifier' }], release: { mode: 'anonymized' } });
    const after = applyEdits(spec, presetEdits('anonymized', presetColumns(rowsOf(spec))));
    expect(after.columns.filter((c) => c.name === '氏名')).toEqual([{ table: TABLE, name: '氏名', role: 'identifier', transforms: [{ kind: 'drop' }] }]);
  });
});

describe('rolesPending (the preset waits for detection)', () => {
  it('is true while a column has neither a role nor a suggestion, false once detection is in or every column has a role', () => {
    expect(rolesPending(rowsOf(emptySpec(), null))).toBe(true);
    expect(rolesPending(rowsOf(emptySpec()))).toBe(false);
    const all = applyEdits(emptySpec(), COLUMNS.map((c) => ({ op: 'setColumn' as const, column: { name: c.name, role: 'other' as const, transforms: [] } })));
    expect(rolesPending(rowsOf(all, null))).toBe(false);
  });
});
