import { describe, expect, it } from 'vitest';
import { tableNameFromFile } from '../../../src/core/load/table-name.ts';

describe('tableNameFromFile', () => {
  it.each([
    ['13TOKYO.CSV', '13TOKYO'],
    ['患者一覧.csv', '患者一覧'],
    ['外来 2024年4月 (速報).tsv', '外来_2024年4月_速報'],
    ['data.csv.gz', 'data'],
    ['C:\\Users\\sato\\Desktop\\検査結果.txt', '検査結果'],
    ['/home/sato/ｶﾙﾃ_ＡＢＣ.csv', 'カルテ_ABC'],
    ['"; DROP TABLE x; --.csv', 'DROP_TABLE_x'],
    ['.csv', 'data'],
    ['***', 'data'],
  ])('%s → %s', (file, name) => {
    expect(tableNameFromFile(file, [])).toBe(name);
  });

  it('never returns a name already taken, compared case-insensitively', () => {
    expect(tableNameFromFile('Patients.csv', ['patients', 'PATIENTS_2'])).toBe('Patients_3');
    expect(tableNameFromFile('患者.csv', ['患者'])).toBe('患者_2');
  });

  it('keeps names readable but bounded', () => {
    const name = tableNameFromFile(`${'長'.repeat(100)}.csv`, []);
    expect([...name]).toHaveLength(60);
  });
});
