import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTokumeiError } from '../../../src/core/errors.ts';
import { formatHierarchyCsv, parseHierarchyCsv } from '../../../src/core/hierarchy/csv.ts';

const errorKey = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return isTokumeiError(e) ? { key: e.key, params: e.params } : e;
  }
  return undefined;
};

describe('ARX hierarchy CSV import', () => {
  it('reads every adult hierarchy with the expected shape', () => {
    const expected: Record<string, [rows: number, levels: number]> = {
      age: [100, 5],
      education: [16, 4],
      'marital-status': [7, 3],
      'native-country': [41, 3],
      occupation: [14, 3],
      race: [5, 2],
      'salary-class': [2, 2],
      sex: [2, 2],
      workclass: [8, 3],
    };
    for (const [column, [rows, levels]] of Object.entries(expected)) {
      const bytes = readFileSync(join(import.meta.dirname, `../../fixtures/adult/adult_hierarchy_${column}.csv`));
      const h = parseHierarchyCsv(bytes, { column });
      expect([h.rows.length, h.levels]).toEqual([rows, levels]);
    }
  });

  it('accepts CRLF, CR, a BOM and a missing last newline alike', () => {
    const want = { levels: 3, rows: [['1', '0-4', '*'], ['2', '0-4', '*']] };
    expect(parseHierarchyCsv('1;0-4;*\r\n2;0-4;*\r\n')).toEqual(want);
    expect(parseHierarchyCsv('1;0-4;*\r2;0-4;*')).toEqual(want);
    expect(parseHierarchyCsv('\uFEFF1;0-4;*\n2;0-4;*\n\n')).toEqual(want);
    expect(parseHierarchyCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('1;0-4;*\n2;0-4;*')]))).toEqual(want);
  });

  it('handles quoted cells with delimiters, quotes and line breaks', () => {
    const h = parseHierarchyCsv('"a;b";"say ""hi""";*\n"multi\r\nline";x;*\n');
    expect(h.rows).toEqual([
      ['a;b', 'say "hi"', '*'],
      ['multi\r\nline', 'x', '*'],
    ]);
  });

  it('keeps Japanese labels and reads Shift_JIS when told', () => {
    const text = '東京都;関東;*\n大阪府;近畿;*\n';
    expect(parseHierarchyCsv(text).rows[1]).toEqual(['大阪府', '近畿', '*']);
    // 東京都;関東;* in Shift_JIS.
    const sjis = new Uint8Array([0x93, 0x8c, 0x8b, 0x9e, 0x93, 0x73, 0x3b, 0x8a, 0xd6, 0x93, 0x8c, 0x3b, 0x2a]);
    expect(parseHierarchyCsv(sjis, { encoding: 'shift_jis' }).rows).toEqual([['東京都', '関東', '*']]);
    expect(errorKey(() => parseHierarchyCsv(sjis, { name: 'pref.csv' }))).toEqual({
      key: 'risk.hierarchy.encoding',
      params: { name: 'pref.csv', encoding: 'utf-8' },
    });
  });

  it('guesses , or tab when the first line has no ;', () => {
    expect(parseHierarchyCsv('a,A,*\nb,A,*').rows[1]).toEqual(['b', 'A', '*']);
    expect(parseHierarchyCsv('a\tA\nb\tA').levels).toBe(2);
    expect(parseHierarchyCsv('a;x,y\nb;z', { delimiter: ';' }).rows[0]).toEqual(['a', 'x,y']);
  });

  it('reports an unclosed quote with its line', () => {
    expect(errorKey(() => parseHierarchyCsv('a;A\n"b;A\n', { name: 'h.csv' }))).toEqual({
      key: 'risk.hierarchy.unclosedQuote',
      params: { name: 'h.csv', row: 2 },
    });
  });

  it('validates what it reads', () => {
    expect(errorKey(() => parseHierarchyCsv('a;A\nb;A;*\n', { column: '年齢' }))).toMatchObject({
      key: 'risk.hierarchy.ragged',
      params: { column: '年齢', row: 2, expected: 2, found: 3 },
    });
    expect(errorKey(() => parseHierarchyCsv('\n\n'))).toMatchObject({ key: 'risk.hierarchy.empty' });
  });

  it('export and import round-trip any hierarchy', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'あ', ';', '"', '\n', '\r', ',', ' ', '*'), maxLength: 6 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.uniqueArray(cell, { minLength: 1, maxLength: 6 }), (levels, values) => {
        // Parents depend only on the row's value at the level below, so the result is a valid tree.
        const rows = values.map((v) => [v, ...Array.from({ length: levels - 1 }, (_, i) => (i === levels - 2 ? '*' : `L${i}`))]);
        const h = { levels, rows };
        expect(parseHierarchyCsv(formatHierarchyCsv(h), { delimiter: ';' })).toEqual(h);
      }),
    );
  });
});
