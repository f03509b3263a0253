import { describe, expect, it } from 'vitest';
import { utf8WithBom } from '../../../src/core/release/csv-text.ts';
import { DICTIONARY_HEADER, dictionaryCsv } from '../../../src/core/release/dictionary.ts';
import { readCsv } from './csv.ts';
import { fixtureFacts, fixtureSpecInput, SECRET_CELL, SECRET_RECORD } from './fixture.ts';

describe('dictionaryCsv', () => {
  const facts = fixtureFacts();
  const text = dictionaryCsv(facts);
  const rows = readCsv(text);
  const byName = new Map(rows.slice(1).map((r) => [r[0], Object.fromEntries(DICTIONARY_HEADER.map((h, i) => [h, r[i]]))]));

  it('lists every released column once, in data-file order, and no dropped column', () => {
    expect(rows[0]).toEqual([...DICTIONARY_HEADER]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(facts.columns.map((c) => c.name));
    expect(byName.has('氏名')).toBe(false);
    expect(text).not.toContain('氏名');
    expect(rows.every((r) => r.length === DICTIONARY_HEADER.length)).toBe(true);
  });

  it('gives type, role, hierarchy and level', () => {
    expect(byName.get('生年月日')).toMatchObject({ type: 'VARCHAR', role: 'quasi', hierarchy: 'age10', level: '1', max_level: '1', transforms: 'generalize(age10@1)' });
    expect(byName.get('郵便番号')).toMatchObject({ hierarchy: 'zip', level: '2', max_level: '2' });
    expect(byName.get('検査値')).toMatchObject({ type: 'DOUBLE', role: 'other', hierarchy: '', level: '', transforms: 'round(5)' });
  });

  it('describes the transforms in Japanese and English', () => {
    const age = byName.get('生年月日')!;
    expect(age.meaning_ja).toBe('生年月日（基準日 2024-04-01 時点の満年齢、10 歳刻み、90 歳以上は「>=90」にまとめる）');
    expect(age.meaning_en).toBe('生年月日: age in completed years on 2024-04-01; in 10-year bands; 90+ top-coded as ">=90"');
    expect(byName.get('郵便番号')!.meaning_ja).toBe('郵便番号（英数字以外の文字を除く、先頭 3 文字を残す、残りは「*」で伏せる）');
    expect(byName.get('来院日')!.meaning_en).toBe('来院日: to the month (YYYY-MM)');
    expect(byName.get('性別')!.meaning_ja).toBe('性別（特異値 1 個を持つレコードは削除）');
    expect(byName.get('検査値')!.meaning_ja).toBe('検査値（5 単位に丸め）。備考: HbA1c（%）');
  });

  it('lists pseudonymized identifiers as pseudonyms', () => {
    const id = byName.get('患者ID')!;
    expect(id.role).toBe('identifier');
    expect(id.transforms).toBe('pseudonymize(16)');
    expect(id.meaning_ja).toContain('仮名');
    expect(id.meaning_en).toContain('pseudonym');
  });

  it('counts listed values and never shows them', () => {
    expect(byName.get('病名')).toMatchObject({ transforms: 'suppressCell(1)', meaning_en: '病名: 1 listed value(s) blanked' });
    expect(text).not.toContain(SECRET_CELL);
    expect(text).not.toContain(SECRET_RECORD);
  });

  it('neutralizes formula-looking column names and quotes what needs quoting', () => {
    const input = fixtureSpecInput();
    input.columns!.push({ name: '=HYPERLINK("x")', role: 'other' }, { name: 'a,b', role: 'other' });
    const f = fixtureFacts(input);
    f.columns.push({ name: '=HYPERLINK("x")', type: 'VARCHAR', role: 'other', transforms: [] }, { name: 'a,b', type: 'VARCHAR', role: 'other', transforms: [] });
    const csv = dictionaryCsv(f);
    const names = readCsv(csv).map((r) => r[0]);
    expect(names).toContain(`'=HYPERLINK("x")`);
    expect(names).toContain('a,b');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('is the same text every time, with CRLF and no BOM; utf8WithBom adds one', () => {
    expect(dictionaryCsv(fixtureFacts())).toBe(text);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect([...utf8WithBom('a').slice(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 0x61]);
  });
});
