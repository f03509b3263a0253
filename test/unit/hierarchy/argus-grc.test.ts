import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTokumeiError } from '../../../src/core/errors.ts';
import { formatGrc, grcToHierarchy, orderGrcLevels, parseGrc, recodeValue } from '../../../src/core/hierarchy/argus-grc.ts';
import { allMessageKeys, t, type MessageKey } from '../../../src/core/i18n/catalog.ts';
import { argus } from '../../../src/core/i18n/messages/argus.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/argus');
const fixture = (name: string) => parseGrc(new Uint8Array(readFileSync(join(FIXTURES, name))), name);

const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (isTokumeiError(e)) return { key: e.key, params: e.params };
    throw e;
  }
  throw new Error('did not throw');
};

describe('μ-ARGUS .grc grammar', () => {
  it('reads new codes, ranges, open ranges, lists and both settings', () => {
    const age = fixture('age-10.grc');
    expect(age.name).toBe('age-10.grc');
    expect(age.missing).toEqual(['998', '999']);
    expect(age.codelist).toBe('age-10.cdl');
    expect(age.rules).toEqual([
      { code: '0-19', items: [{ kind: 'upTo', to: '19' }], line: 1 },
      { code: '20-29', items: [{ kind: 'range', from: '20', to: '29' }], line: 2 },
      { code: '30-39', items: [{ kind: 'range', from: '30', to: '39' }], line: 3 },
      { code: '40-49', items: [{ kind: 'range', from: '40', to: '44' }, { kind: 'range', from: '45', to: '49' }], line: 4 },
      { code: '50-59', items: [{ kind: 'range', from: '50', to: '59' }], line: 5 },
      { code: '60+', items: [{ kind: 'from', from: '60' }], line: 6 },
    ]);
  });

  it('takes quoted codes, any line end, a BOM, tabs and blank lines', () => {
    const g = parseGrc('\uFEFF\r\n  "a, b" :\t"x y", "1-2" , z - "zz"\r"-" : -"-5"\n\n<CodeList> "my codes.cdl"\n', 'q.grc');
    expect(g.rules).toEqual([
      { code: 'a, b', items: [{ kind: 'code', code: 'x y' }, { kind: 'code', code: '1-2' }, { kind: 'range', from: 'z', to: 'zz' }], line: 2 },
      { code: '-', items: [{ kind: 'upTo', to: '-5' }], line: 3 },
    ]);
    expect(g.codelist).toBe('my codes.cdl');
    expect(g.missing).toEqual([]);
    // μ-ARGUS's own demo files write "<MISSING> 8,9" and "<missing> 98, 99".
    expect(parseGrc('1: 1\n<MISSING> 8,9\n').missing).toEqual(['8', '9']);
    expect(fixture('region.grc').missing).toEqual(['98', '99']);
  });

  it('reads Japanese codes from UTF-8 and from Shift_JIS bytes alike', () => {
    const utf8 = fixture('region.grc');
    const sjis = fixture('region-sjis.grc');
    expect(sjis.rules).toEqual(utf8.rules);
    expect(utf8.rules.map((r) => r.code)).toEqual(['北海道・東北', '関東', '中部', '近畿', '中国・四国', '九州・沖縄']);
    expect(utf8.rules.flatMap((r) => r.items)).toHaveLength(47);
    expect(recodeValue(sjis, '東京都')).toBe('関東');
    expect(recodeValue(sjis, '沖縄県')).toBe('九州・沖縄');
    expect(recodeValue(sjis, '東京')).toBe('東京');
  });

  const errors: [text: string, key: MessageKey, line: number, column?: number][] = [
    ['1: 1\n2 3: 4\n', 'argus.grc.unexpected', 2, 3],
    ['1: 1\n\n2\n', 'argus.grc.noColon', 3],
    [': 5', 'argus.grc.noNewCode', 1],
    ['1-2: 5', 'argus.grc.newCodeRange', 1, 2],
    ['-2: 5', 'argus.grc.newCodeRange', 1, 1],
    ['1: 2,,3', 'argus.grc.emptyCode', 1, 6],
    ['1: 2,', 'argus.grc.emptyCode', 1, 6],
    ['1:', 'argus.grc.emptyCode', 1, 3],
    ['1: 3--5', 'argus.grc.unexpected', 1, 6],
    ['1: -3-5', 'argus.grc.unexpected', 1, 6],
    ['1: 2 3', 'argus.grc.unexpected', 1, 6],
    ['1: "abc', 'argus.grc.unclosedQuote', 1, 4],
    ['1: ""', 'argus.grc.emptyCode', 1, 4],
    ['1: 1\n2: 9-10\n3: 10-9\n', 'argus.grc.rangeReversed', 3],
    ['1: b-a', 'argus.grc.rangeReversed', 1],
    ['1: 1\n<FOO> x', 'argus.grc.unknownSetting', 2],
    ['1: 1\n<MISSING>', 'argus.grc.missingCodes', 2],
    ['1: 1\n<MISSING> 1 2 3', 'argus.grc.missingCodes', 2],
    ['1: 1\n<CODELIST>', 'argus.grc.codelistFile', 2],
  ];
  it.each(errors)('refuses %j with %s on line %i', (text, key, line, column) => {
    const e = errorOf(() => parseGrc(text, 'bad.grc'));
    expect(e.key).toBe(key);
    expect(e.params).toMatchObject({ name: 'bad.grc', line, ...(column !== undefined ? { column } : {}) });
    expect(t('ja', e.key, e.params)).toContain(`${line} 行目`);
    expect(t('en', e.key, e.params)).toContain(`line ${line}`);
  });

  it('names what it could not read', () => {
    expect(errorOf(() => parseGrc('1: 20 29')).params.found).toBe('29');
    expect(errorOf(() => parseGrc('1: 東京都 大阪府')).params.found).toBe('大阪府');
    expect(errorOf(() => parseGrc('1: 3--5')).params.found).toBe('-');
  });

  it('refuses a file without recode lines, and bytes that are no text', () => {
    expect(errorOf(() => parseGrc('\n<MISSING> 9\n', 'x.grc'))).toEqual({ key: 'argus.grc.noRules', params: { name: 'x.grc' } });
    expect(errorOf(() => parseGrc(new Uint8Array([0x31, 0x3a, 0x20, 0xff, 0xfe, 0xff, 0x0a]), 'bin.grc')).key).toBe('argus.grc.encoding');
  });
});

describe('μ-ARGUS recoding of values', () => {
  const age = fixture('age-10.grc');

  it('compares numbers by value and keeps what no line covers', () => {
    const cases: [string, string][] = [
      ['0', '0-19'],
      ['9', '0-19'], // as text "9" > "19"; as numbers 9 <= 19
      ['-5', '0-19'],
      ['19', '0-19'],
      ['19.5', '19.5'],
      ['20', '20-29'],
      [' 30 ', '30-39'],
      ['44', '40-49'],
      ['45.0', '40-49'],
      ['100', '60+'],
      ['998', '60+'], // <MISSING> names codes of the recoded variable; a value is only recoded by the lines
      ['abc', 'abc'], // numeric bounds never take in text
    ];
    for (const [value, label] of cases) expect(recodeValue(age, value), value).toBe(label);
  });

  it('matches single codes as exact text, ranges of numbers by value, other ranges as text', () => {
    const g = parseGrc('one: 1\nrange: 1-1\n', 'g.grc');
    expect(recodeValue(g, '1')).toBe('range'); // the later line wins where lines overlap, as in μ-ARGUS
    expect(recodeValue(g, '01')).toBe('range');
    expect(recodeValue(parseGrc('range: 1-5\none: 3\n'), '3')).toBe('one');
    expect(recodeValue(parseGrc('range: 1-5\none: 3\n'), '4')).toBe('range');
    expect(recodeValue(parseGrc('one: 1'), '01')).toBe('01');
    expect(recodeValue(parseGrc('one: 1'), '1.0')).toBe('1.0');
    const icd = fixture('icd10.grc');
    expect(recodeValue(icd, 'E11.9')).toBe('E00-E90 内分泌');
    expect(recodeValue(icd, 'E10')).toBe('E00-E90 内分泌');
    expect(recodeValue(icd, 'I10')).toBe('I00-I99 循環器');
    expect(recodeValue(icd, 'B99.9')).toBe('A00-B99 感染症');
    expect(recodeValue(icd, 'Z00')).toBe('Z00');
    expect(recodeValue(icd, 'e11')).toBe('e11');
  });
});

describe('hierarchies from .grc files', () => {
  const age10 = fixture('age-10.grc');
  const age20 = fixture('age-20.grc');
  const values = ['5', '19', '23', '37', '41', '58', '64', '90', 'unknown'];

  it('puts each recode of the original value at its level; unrecoded values keep their value', () => {
    expect(grcToHierarchy('年齢', [age10, age20], values)).toEqual({
      name: '年齢',
      kind: 'table',
      rows: [
        ['5', '0-19', '0-19'],
        ['19', '0-19', '0-19'],
        ['23', '20-29', '20-39'],
        ['37', '30-39', '20-39'],
        ['41', '40-49', '40-59'],
        ['58', '50-59', '40-59'],
        ['64', '60+', '60+'],
        ['90', '60+', '60+'],
        ['unknown', 'unknown', 'unknown'],
      ],
    });
    expect(grcToHierarchy('年齢', [age20], ['5', '5', '37']).rows).toEqual([['5', '0-19'], ['37', '20-39']]);
  });

  it('refuses levels that do not nest, naming both files, and orders them by their number of groups', () => {
    const e = errorOf(() => grcToHierarchy('年齢', [age20, age10], values));
    expect(e).toEqual({
      key: 'argus.notNested',
      params: { column: '年齢', finer: 'age-20.grc', coarser: 'age-10.grc', value: '20-39', first: '20-29', second: '30-39' },
    });
    expect(t('ja', e.key, e.params)).toContain('「age-10.grc」が「age-20.grc」をまとめ直したものになっていません');
    expect(orderGrcLevels([age20, age10], values)).toEqual([age10, age20]);
    expect(orderGrcLevels([age10, age20], values)).toEqual([age10, age20]);
    expect(errorOf(() => grcToHierarchy('年齢', [age10], []))).toEqual({ key: 'argus.noValues', params: { column: '年齢' } });
  });
});

describe('writing a hierarchy level as .grc', () => {
  it('writes runs of numbers as ranges and text codes one by one, quoting where needed', () => {
    const rows = ['1', '2', '3', '4', '5', '6', '7', '10'].map((v) => [v, Number(v) <= 3 || v === '7' ? 'A' : Number(v) <= 6 ? 'B-C' : '*']);
    expect(formatGrc({ levels: 2, rows }, 1)).toBe('A : 1-3, 7\n"B-C" : 4-6\n* : 10\n');
    const text = { levels: 3, rows: [['東京都', '関東', '東日本'], ['a b', 'x', '東日本'], ['-1', 'x', '東日本'], ['<9', 'y', '西日本']] };
    expect(formatGrc(text, 1)).toBe('関東 : 東京都\nx : "a b", "-1"\ny : "<9"\n');
    expect(formatGrc(text, 2)).toBe('東日本 : 東京都, "a b", "-1"\n西日本 : "<9"\n');
    const negative = { levels: 2, rows: [['-3', 'n'], ['-1', 'n'], ['2', 'p']] };
    expect(formatGrc(negative, 1)).toBe('n : "-3"-"-1"\np : 2\n');
  });

  it('refuses what the format cannot hold', () => {
    expect(errorOf(() => formatGrc({ levels: 2, rows: [['a"b', 'x']] }, 1)).key).toBe('argus.grc.cannotWrite');
    expect(errorOf(() => formatGrc({ levels: 2, rows: [['a', 'x'], [' a', 'y']] }, 1)).key).toBe('argus.grc.cannotWrite');
    expect(errorOf(() => formatGrc({ levels: 2, rows: [['a', ' x']] }, 1)).key).toBe('argus.grc.cannotWrite');
    expect(formatGrc({ levels: 2, rows: [[' a ', 'x']] }, 1)).toBe('x : a\n');
    expect(errorOf(() => formatGrc({ levels: 2, rows: [['a', 'x']] }, 2))).toEqual({ key: 'argus.grc.level', params: { level: 2, max: 1 } });
    expect(errorOf(() => formatGrc({ levels: 2, rows: [['a', 'x']] }, 0)).key).toBe('argus.grc.level');
  });

  it('reads back to the same labels for every value (numbers and text)', () => {
    const code = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }).map(String),
      fc.double({ min: -100, max: 100, noNaN: true }).map(String),
      fc.string({ minLength: 1, maxLength: 6 }),
      fc.constantFrom('東京都', 'E11.9', 'a-b', 'x:y', '1,5', '<MISSING>'),
    );
    const writable = (s: string) => s.trim() !== '' && !/["\r\n]/.test(s);
    const label = fc.constantFrom('A', '*', '20-29', '関東', 'x y', '9');
    fc.assert(
      fc.property(
        fc.uniqueArray(code.filter(writable), { minLength: 1, maxLength: 40, selector: (s) => s.trim() }),
        fc.array(label, { minLength: 40, maxLength: 40 }),
        (values, labels) => {
          const rows = values.map((v, i) => [v, labels[i]]);
          const g = parseGrc(formatGrc({ levels: 2, rows }, 1), 'round.grc');
          for (const [v, l] of rows) expect(recodeValue(g, v)).toBe(l);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('argus messages', () => {
  it('are registered, bilingual, prefixed, with the same placeholders in each language', () => {
    const keys = new Set<string>(allMessageKeys());
    const placeholders = (x: string) => [...x.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, m] of Object.entries(argus)) {
      expect(keys.has(key) && key.startsWith('argus.'), key).toBe(true);
      expect(m.ja.trim() !== '' && m.en.trim() !== '', key).toBe(true);
      expect(placeholders(m.ja), key).toEqual(placeholders(m.en));
    }
  });
});
