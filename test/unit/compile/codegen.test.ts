import { describe, expect, it } from 'vitest';
import { bin, cast, caseWhen, col, columnRefs, dateLit, exists, fn, inList, isNull, lit, type Select } from '../../../src/core/compile/ast.ts';
import { exprSql, selectSql } from '../../../src/core/compile/codegen.ts';

describe('SQL codegen', () => {
  it('escapes identifiers and literals through quote.ts', () => {
    expect(exprSql(col('s', '患者"ID'))).toBe('"s"."患者""ID"');
    expect(exprSql(lit("O'Neil"))).toBe("'O''Neil'");
    expect(exprSql(lit(-0))).toBe('0');
    expect(exprSql(lit(null))).toBe('NULL');
    expect(exprSql(dateLit('2024-04-01'))).toBe("DATE '2024-04-01'");
    expect(() => exprSql(dateLit("2024-04-01' OR 1=1"))).toThrow();
  });

  it('parenthesises every operation', () => {
    const e = caseWhen([[bin('>=', col('s', 'a'), lit(90)), lit('90以上')]], cast(fn('floor', bin('/', col('s', 'a'), lit(5))), 'VARCHAR'));
    expect(exprSql(e)).toBe(`(CASE WHEN ("s"."a" >= 90) THEN '90以上' ELSE CAST(floor(("s"."a" / 5)) AS VARCHAR) END)`);
    expect(exprSql(inList(col('s', 'x'), [lit(1), lit('b')]))).toBe(`("s"."x" IN (1, 'b'))`);
    expect(exprSql(isNull(col('s', 'x'), true))).toBe(`("s"."x" IS NOT NULL)`);
  });

  it('writes a SELECT with joins, filters and an anti-join', () => {
    const sub: Select = { columns: [{ expr: lit(1), as: 'x' }], from: { table: 'ex', as: 'e' }, joins: [], where: [bin('=', col('e', 'id'), col('s', 'id'))] };
    const s: Select = {
      distinct: true,
      columns: [{ expr: col('p', 'pseudonym'), as: 'id' }],
      from: { table: 'src', as: 's' },
      joins: [{ table: 'map', as: 'p', on: bin('=', col('p', 'value'), cast(col('s', 'id'), 'VARCHAR')) }],
      where: [exists(sub, true)],
      orderBy: [lit(1)],
      limit: 6,
    };
    expect(selectSql(s)).toBe(
      [
        `SELECT DISTINCT "p"."pseudonym" AS "id"`,
        `FROM "src" AS "s"`,
        `LEFT JOIN "map" AS "p" ON ("p"."value" = CAST("s"."id" AS VARCHAR))`,
        `WHERE (NOT EXISTS (SELECT 1 AS "x"\nFROM "ex" AS "e"\nWHERE ("e"."id" = "s"."id")))`,
        `ORDER BY 1`,
        `LIMIT 6`,
      ].join('\n'),
    );
    expect(columnRefs(s).map((r) => `${r.rel}.${r.name}`)).toEqual(['p.pseudonym', 'p.value', 's.id', 'e.id', 's.id']);
    expect(() => selectSql({ ...s, columns: [] })).toThrow();
  });
});
