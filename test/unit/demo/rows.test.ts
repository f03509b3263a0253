import { describe, expect, it } from 'vitest';
import { generateDemoFiles } from '../../../src/core/demo/index.ts';
import { drawCore, drawIdentity, formatAddress, formatDigits, formatPhone } from '../../../src/core/demo/patient.ts';
import { fullKana, fullName } from '../../../src/core/demo/names.ts';
import { allTowns, PREFECTURES } from '../../../src/core/demo/places.ts';
import { seedHash } from '../../../src/core/demo/rng.ts';
import { csvField } from '../../../src/core/demo/csv.ts';
import { isoDate } from '../../../src/core/demo/dates.ts';

describe('patient rows', () => {
  it('are written byte for byte as the string formatters print the drawn identity', () => {
    const [patients] = generateDemoFiles({ patients: 300, seed: 'rows' });
    const lines = new TextDecoder().decode(patients.bytes).split('\n').slice(1, -1);
    const base = seedHash('rows');
    lines.forEach((line, i) => {
      const core = drawCore(base, i);
      const p = drawIdentity(base, core);
      const expected = [
        core.id, fullName(p.name), fullKana(p.name), isoDate(core.birth), core.sex, p.town.postalCode, p.town.prefecture,
        p.town.municipality, csvField(formatAddress(p.address)), p.phone ? formatPhone(p.phone) : '',
        p.insurerSymbol ? formatDigits(p.insurerSymbol) : '', formatDigits(p.insuredNumber), p.bloodType,
        p.height === null ? '' : p.height.toFixed(1), p.weight === null ? '' : p.weight.toFixed(1), core.primary.code,
      ].join(',');
      expect(line).toBe(expected);
    });
  });
});

describe('the embedded map of Japan', () => {
  it('covers all 47 prefectures with JIS codes 1–47 and gives every town its own 7-digit code', () => {
    expect(PREFECTURES.map((p) => p.code)).toEqual(Array.from({ length: 47 }, (_, i) => i + 1));
    const towns = allTowns();
    const codes = towns.map((t) => t.postalCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const t of towns) {
      expect(t.postalCode).toMatch(/^\d{7}$/);
      expect(t.areaCode).toMatch(/^0\d{0,3}$/);
    }
    // Population weights follow the 2020 census: Tokyo largest, Tottori smallest.
    const byPop = [...PREFECTURES].sort((a, b) => b.population - a.population);
    expect(byPop[0].name).toBe('東京都');
    expect(byPop.at(-1)!.name).toBe('鳥取県');
  });
});
