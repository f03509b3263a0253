import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { grcFileName, hierarchyFromGrc, hierarchyGrc, isGrcFile, tableOf } from '../../../src/ui/components/spec/hierarchy-draft.ts';

const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures/argus', name))) });
const AGES = ['5', '19', '23', '37', '41', '58', '64', '90'];

describe('hierarchy editor: μ-ARGUS import and export', () => {
  it('tells .grc files by extension', () => {
    expect(['a.grc', 'B.GRC', 'a.csv', 'grc', 'a.grc.txt'].map(isGrcFile)).toEqual([true, true, false, false, false]);
  });

  it('builds levels finest first whatever order the picker gives the files in', () => {
    const h = hierarchyFromGrc([file('age-20.grc'), file('age-10.grc')], '年齢', AGES);
    expect(h.kind === 'table' && h.rows.slice(0, 3)).toEqual([
      ['5', '0-19', '0-19'],
      ['19', '0-19', '0-19'],
      ['23', '20-29', '20-39'],
    ]);
    expect(hierarchyFromGrc([file('age-10.grc'), file('age-20.grc')], '年齢', AGES)).toEqual(h);
  });

  it('exports a level as .grc that imports back to the same hierarchy level', () => {
    const h = hierarchyFromGrc([file('region-sjis.grc')], '都道府県', ['東京都', '大阪府', '沖縄県', '北海道', '京都']);
    if (h.kind !== 'table') throw new Error('expected a table');
    const text = hierarchyGrc(tableOf(h), 1);
    expect(text).toBe('関東 : 東京都\n近畿 : 大阪府\n九州・沖縄 : 沖縄県\n北海道・東北 : 北海道\n京都 : 京都\n');
    const again = hierarchyFromGrc([{ name: 'x.grc', bytes: new TextEncoder().encode(text) }], '都道府県', h.rows.map((r) => r[0]));
    expect(again).toEqual(h);
    expect(grcFileName('年齢 階層', 2)).toBe('年齢_階層_L2.grc');
  });
});
