import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../../src/core/compile/index.ts';
import { columnRefs } from '../../../src/core/compile/ast.ts';
import { exprSql } from '../../../src/core/compile/codegen.ts';
import { isTokumeiError } from '../../../src/core/errors.ts';
import { t } from '../../../src/core/i18n/catalog.ts';
import { applyEdits, renderIssue, SpecError, type SpecEdit } from '../../../src/core/spec/index.ts';
import { VISITS, VISIT_COLUMNS, visitSpec } from './support.ts';

const ctx = { table: VISITS, columns: VISIT_COLUMNS };
const P = '__tokumei_受診記録__release_';

function errorOf(f: () => unknown) {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

describe('compileSpec: SQL text', () => {
  const c = compileSpec(visitSpec(), { ...ctx, exclusions: true });
  const select = (name: string) => c.select.columns.find((x) => x.as === name);
  const sqlOf = (name: string) => `${exprSql(select(name)!.expr)} AS "${name}"`;

  it('drops dropped columns and lists the output', () => {
    expect(c.dropped).toEqual(['氏名', '所見']);
    expect(c.outputColumns.map((o) => [o.name, o.role, o.kind])).toEqual([
      ['患者ID', 'identifier', 'text'],
      ['生年月日', 'quasi', 'text'],
      ['年齢', 'quasi', 'integer'],
      ['性別', 'quasi', 'text'],
      ['郵便番号', 'quasi', 'text'],
      ['受診日', 'quasi', 'date'],
      ['受付日時', 'quasi', 'text'],
      ['体重', 'quasi', 'float'],
      ['病名', 'sensitive', 'text'],
    ]);
    expect(c.selectSql).not.toContain('"氏名"');
    expect(c.selectSql).not.toContain('"所見"');
  });

  it('pseudonymizes through a mapping table joined on the canonical text', () => {
    expect(sqlOf('患者ID')).toBe('"p0"."pseudonym" AS "患者ID"');
    expect(c.selectSql).toContain(`LEFT JOIN "${P}pseudonym_0" AS "p0" ON ("p0"."value" = CAST("s"."患者ID" AS VARCHAR))`);
    expect(c.mappings.find((m) => m.kind === 'pseudonym')).toEqual({
      kind: 'pseudonym',
      table: `${P}pseudonym_0`,
      column: '患者ID',
      domain: '',
      length: 16,
      valuesSql: [
        `SELECT DISTINCT CAST("s"."患者ID" AS VARCHAR) AS "value"`,
        `FROM "受診記録" AS "s"`,
        `WHERE (NOT EXISTS (SELECT 1 AS "x"\nFROM "${P}exclusions" AS "e"\nWHERE ("e"."id" = CAST("s"."患者ID" AS VARCHAR)))) AND ("s"."患者ID" IS NOT NULL)`,
        `ORDER BY 1`,
      ].join('\n'),
    });
  });

  it('generalizes by rules: age from birth date, prefix, calendar', () => {
    const age = `((2024 - year("s"."生年月日")) - (CASE WHEN (((month("s"."生年月日") * 100) + day("s"."生年月日")) > 401) THEN 1 ELSE 0 END))`;
    const lo = `(floor((CAST(${age} AS DOUBLE) / 5)) * 5)`;
    expect(sqlOf('生年月日')).toBe(
      `(CASE WHEN (${age} >= 90) THEN '90以上' ELSE ((CAST(CAST(${lo} AS BIGINT) AS VARCHAR) || '-') || CAST(CAST((${lo} + 4) AS BIGINT) AS VARCHAR)) END) AS "生年月日"`,
    );
    expect(sqlOf('郵便番号')).toMatch(
      /^substr\(regexp_replace\(translate\(CAST\("s"\."郵便番号" AS VARCHAR\), '０１２[^']*', '012[^']*'\), '\[\^0-9A-Za-z\]', '', 'g'\), 1, 3\) AS "郵便番号"$/,
    );
    expect(sqlOf('受付日時')).toBe(`strftime(("s"."受付日時" + to_days("d"."days")), '%Y-%m') AS "受付日時"`);
  });

  it('top-codes, rounds and suppresses listed cells', () => {
    expect(sqlOf('年齢')).toBe(`(CASE WHEN ("s"."年齢" >= 90) THEN 90 ELSE "s"."年齢" END) AS "年齢"`);
    expect(sqlOf('体重')).toBe(
      `round((round((CAST((CASE WHEN ("s"."体重" IN (131)) THEN NULL ELSE "s"."体重" END) AS DOUBLE) / 5)) * 5), 0) AS "体重"`,
    );
  });

  it('shifts dates by the subject offset joined from the date-shift table', () => {
    expect(sqlOf('受診日')).toBe(`("s"."受診日" + "d"."days") AS "受診日"`);
    expect(c.selectSql).toContain(`LEFT JOIN "${P}date_shift" AS "d" ON ("d"."subject" = CAST("s"."患者ID" AS VARCHAR))`);
    expect(c.mappings.filter((m) => m.kind === 'dateShift')).toHaveLength(1);
  });

  it('joins explicit hierarchies and checks their coverage', () => {
    expect(select('病名')?.expr).toEqual({ t: 'col', rel: 'h2', name: 'l1' });
    expect(c.statements[0]).toBe(`CREATE OR REPLACE TABLE "${P}hierarchy_0" ("value" VARCHAR, "l0" VARCHAR, "l1" VARCHAR, "c0" INTEGER, "c1" INTEGER)`);
    expect(c.checks).toHaveLength(1);
    expect(c.checks[0].sql).toContain(`AND ("h2"."value" IS NULL)`);
  });

  it('filters the exclusion list before anything else and counts it', () => {
    expect(c.select.where[0]).toMatchObject({ t: 'exists', negate: true });
    expect(c.excludedCountSql).toBe(
      [
        `SELECT count(*) AS "records", count(DISTINCT CAST("s"."患者ID" AS VARCHAR)) AS "subjects"`,
        `FROM "受診記録" AS "s"`,
        `WHERE (EXISTS (SELECT 1 AS "x"\nFROM "${P}exclusions" AS "e"\nWHERE ("e"."id" = CAST("s"."患者ID" AS VARCHAR))))`,
      ].join('\n'),
    );
    expect(c.viewSql.startsWith(`CREATE OR REPLACE VIEW "受診記録__release" AS\nSELECT `)).toBe(true);
    expect(c.auxiliaryTables).toEqual([`${P}exclusions`, `${P}pseudonym_0`, `${P}date_shift`, `${P}hierarchy_0`]);
  });

  it('never selects an identifier column: it appears only as a join or filter key', () => {
    const selected = c.select.columns.flatMap((x) => columnRefs(x.expr)).filter((r) => r.rel === 's');
    expect(selected.map((r) => r.name)).not.toContain('患者ID');
    expect(selected.map((r) => r.name)).not.toContain('氏名');
  });

  it('suppresses listed records and peculiar-value decisions, keeping NULL rows', () => {
    const spec = applyEdits(visitSpec(), [
      { op: 'setColumn', column: { name: '性別', role: 'quasi', transforms: [{ kind: 'suppressRecord', values: ['不明'] }] } },
      { op: 'decidePeculiar', decision: { column: '体重', value: 131, action: 'suppressRecord', reason: '特異値' } },
      { op: 'decidePeculiar', decision: { column: '年齢', value: 93, action: 'suppressCell', reason: '特異値' } },
      { op: 'decidePeculiar', decision: { table: '他の表', column: '年齢', value: 48, action: 'suppressCell', reason: '別の表' } },
    ]);
    const out = compileSpec(spec, ctx);
    expect(out.select.where).toHaveLength(2);
    expect(out.selectSql).toContain(`WHERE (CASE WHEN (CAST("s"."性別" AS VARCHAR) IN ('不明')) THEN FALSE ELSE TRUE END) AND (CASE WHEN ("s"."体重" IN (131)) THEN FALSE ELSE TRUE END)`);
    expect(out.selectSql).toContain(`(CASE WHEN ((CASE WHEN ("s"."年齢" IN (93)) THEN NULL ELSE "s"."年齢" END) >= 90) THEN 90 ELSE (CASE WHEN ("s"."年齢" IN (93)) THEN NULL ELSE "s"."年齢" END) END) AS "年齢"`);
    expect(out.selectSql).not.toContain('48');
  });
});

describe('compileSpec: release blockers and errors', () => {
  const edit = (...edits: SpecEdit[]) => applyEdits(visitSpec(), edits);

  it('refuses identifiers that are kept, uncleared free text and unreviewed columns, all at once', () => {
    const spec = edit(
      { op: 'setColumn', column: { name: '氏名', role: 'identifier', transforms: [{ kind: 'generalize', hierarchy: 'postal', level: 1 }] } },
      { op: 'setColumn', column: { name: '所見', role: 'sensitive', freeText: true, transforms: [] } },
      { op: 'removeColumn', name: '性別' },
    );
    const e = errorOf(() => compileSpec(spec, ctx)) as SpecError;
    expect(e).toBeInstanceOf(SpecError);
    expect(e.issues.map((i) => [i.path, i.key])).toEqual([
      ['columns[1]', 'spec.compile.identifierKept'],
      ['columns', 'spec.compile.unlisted'],
      ['columns[9]', 'spec.compile.freeTextBlocked'],
    ]);
    expect(renderIssue('ja', e.issues[0])).toBe('列「氏名」は直接識別子です。削除するか仮名化しないと提供できません。');
    expect(renderIssue('en', e.issues[1])).toBe('Column "性別" of "受診記録" is not in the spec. Give it a role (unreviewed columns are not released).');
  });

  it('releases free text a reviewer cleared, and drops unlisted columns on request', () => {
    const spec = edit(
      { op: 'setColumn', column: { name: '所見', role: 'sensitive', freeText: true, cleared: true, transforms: [] } },
      { op: 'removeColumn', name: '性別' },
    );
    const out = compileSpec(spec, { ...ctx, unlisted: 'drop' });
    expect(out.outputColumns.map((o) => o.name)).toContain('所見');
    expect(out.dropped).toEqual(['氏名', '性別']);
  });

  it('reports a transform that does not fit the column type, with its path', () => {
    const spec = edit(
      { op: 'setColumn', column: { name: '性別', role: 'quasi', transforms: [{ kind: 'round', to: 1 }] } },
      { op: 'setColumn', column: { name: '郵便番号', role: 'quasi', transforms: [{ kind: 'dateShift', maxDays: 30 }] } },
    );
    const e = errorOf(() => compileSpec(spec, ctx)) as SpecError;
    expect(e.issues.map((i) => [i.path, renderIssue('en', i)])).toEqual([
      ['columns[4].transforms[0]', 'round on "性別" needs a numeric column (it is text).'],
      ['columns[5].transforms[0]', 'dateShift on "郵便番号" needs a DATE or TIMESTAMP column (it is text). Set the type to a date when loading.'],
    ]);
  });

  it('refuses date shifts on TIMESTAMPTZ (they would need the ICU extension)', () => {
    const columns = VISIT_COLUMNS.map((c) => (c.name === '受付日時' ? { ...c, type: 'TIMESTAMP WITH TIME ZONE' } : c));
    const e = errorOf(() => compileSpec(visitSpec(), { ...ctx, columns })) as SpecError;
    expect(e.issues.map((i) => i.key)).toEqual(['spec.compile.timestamptz']);
  });

  it('needs a subject column for exclusions and date shifts', () => {
    const spec = visitSpec({ sources: { tables: [{ name: VISITS }] } });
    const noSubject = errorOf(() => compileSpec(spec, { ...ctx, exclusions: true }));
    expect(isTokumeiError(noSubject) && noSubject.key).toBe('spec.compile.noSubjectForExclusions');
    const shift = errorOf(() => compileSpec(spec, ctx)) as SpecError;
    expect(shift.issues.map((i) => i.key)).toEqual(['spec.compile.noSubjectForDateShift', 'spec.compile.noSubjectForDateShift']);
    const missing = errorOf(() => compileSpec(spec, { ...ctx, subjectColumn: 'なし' }));
    expect(isTokumeiError(missing) && t('ja', missing.key, missing.params)).toBe('対象者 ID の列「なし」が表「受診記録」にありません。');
  });

  it('checks the spec first and knows which tables it covers', () => {
    const broken = { ...visitSpec(), hierarchies: [] };
    expect((errorOf(() => compileSpec(broken, ctx)) as SpecError).issues.map((i) => i.key)).toContain('spec.issue.unknownHierarchy');
    const other = errorOf(() => compileSpec(visitSpec(), { ...ctx, table: '別表' }));
    expect(isTokumeiError(other) && other.key).toBe('spec.compile.tableNotInSpec');
    const entryForMissing = edit({ op: 'setColumn', column: { table: VISITS, name: '存在しない列', role: 'other', transforms: [] } });
    expect((errorOf(() => compileSpec(entryForMissing, ctx)) as SpecError).issues.map((i) => i.key)).toEqual(['spec.compile.columnMissing']);
  });

  it('refuses a release with no column left', () => {
    const spec = applyEdits(visitSpec(), VISIT_COLUMNS.map((c) => ({ op: 'setColumn' as const, column: { name: c.name, role: 'other' as const, transforms: [{ kind: 'drop' as const }] } })));
    const e = errorOf(() => compileSpec(spec, ctx));
    expect(isTokumeiError(e) && e.key).toBe('spec.compile.noColumns');
  });
});
