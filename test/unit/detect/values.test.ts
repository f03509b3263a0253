import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectRoles, myNumberCheckDigit, renderDetection, type DetectionResult } from '../../../src/core/detect/index.ts';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { literal } from '../../../src/core/sql/quote.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';

const N = 40;
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const myNumber = (i: number) => {
  const first11 = pad(31415926535 + i * 7919, 11);
  return first11 + myNumberCheckDigit(first11);
};
/**
 * Columns whose names say nothing (k01…), so only their values can tell: k01 e-mail, k02 phone, k03 postal code,
 * k04 My Number, k05 12 digits with wrong check digits, k06 SSN, k07 UUID, k08 date text, k09 prose,
 * k10 a category, k11 a serial number, k12 empty; k13/k14 are typed DATE/TIMESTAMP.
 */
const COLUMNS: Record<string, (i: number) => string | number | null> = {
  k01: (i) => `user${i}@example.co.jp`,
  k02: (i) => [`03-1234-${pad(i, 4)}`, `090${pad(i, 8)}`, `+81 6-6123-${pad(i, 4)}`, `(0${i % 9 + 1}2)345-6789`][i % 4],
  k03: (i) => [`100-${pad(i, 4)}`, `〒160-${pad(i % 5, 4)}`, `１６０－００２２`][i % 3],
  k04: (i) => (i % 2 ? myNumber(i) : `${myNumber(i).slice(0, 4)}-${myNumber(i).slice(4, 8)}-${myNumber(i).slice(8)}`),
  k05: (i) => pad(100000000000 + i * 1234567, 12).slice(0, 11) + ((myNumberCheckDigit(pad(100000000000 + i * 1234567, 12).slice(0, 11)) + 1) % 10),
  k06: (i) => `999-${pad(i, 2)}-${pad(i * 37, 4)}`,
  k07: (i) => `${pad(i, 8)}-aaaa-4bbb-8ccc-${pad(i, 12)}`,
  k08: (i) => `2023/${(i % 12) + 1}/${(i % 28) + 1}`,
  k09: (i) => `${i}回目の受診。左膝の痛みを訴え、経過観察とした。次回は${i + 1}週間後に再診予定。`,
  k10: (i) => ['外来', '入院'][i % 2],
  k11: (i) => i + 1,
  k12: () => null,
  // A misleading name: a "notes" column that holds e-mail addresses is an identifier.
  備考: (i) => `n${i}@example.com`,
};

const results = new Map<string, DetectionResult>();

for (const host of ENGINE_HOSTS) {
  describe(`detection from values: ${host.name}`, () => {
    let engine: SqlEngine & { close(): void };
    let result: DetectionResult;
    beforeAll(async () => {
      engine = await host.create();
      const names = Object.keys(COLUMNS);
      await engine.exec(
        `CREATE TABLE v (${names.map((n) => `"${n}" ${n === 'k11' ? 'INTEGER' : 'VARCHAR'}`).join(', ')}, "k13" DATE, "k14" TIMESTAMP)`,
      );
      const rows = Array.from({ length: N }, (_, i) => `(${names.map((n) => literal(COLUMNS[n](i))).join(', ')}, DATE '2020-01-01', TIMESTAMP '2020-01-01 10:00:00')`);
      await engine.exec(`INSERT INTO v VALUES ${rows.join(', ')}`);
      result = await detectRoles(engine, 'v');
      results.set(host.name, result);
    });
    afterAll(() => engine.close());

    it('recognises identifier patterns, quasi-identifier patterns and free text', () => {
      const got = Object.fromEntries(result.columns.map((c) => [c.name, [c.role, c.category, c.reason.key]]));
      expect(got).toEqual({
        k01: ['identifier', 'email', 'detect.value.email'],
        k02: ['identifier', 'phone', 'detect.value.phone'],
        k03: ['quasi', 'postalCode', 'detect.value.postalCode'],
        k04: ['identifier', 'myNumber', 'detect.value.myNumber'],
        // 12 digits with wrong check digits: not My Numbers, but unique per row, so record numbers.
        k05: ['identifier', 'recordId', 'detect.value.nearUnique'],
        k06: ['identifier', 'ssn', 'detect.value.ssn'],
        k07: ['identifier', 'recordId', 'detect.value.uuid'],
        k08: ['quasi', 'date', 'detect.value.date'],
        k09: ['sensitive', 'freeText', 'detect.value.freeText'],
        k10: ['other', 'other', 'detect.none'],
        k11: ['identifier', 'recordId', 'detect.value.nearUnique'],
        k12: ['other', 'other', 'detect.none.empty'],
        備考: ['identifier', 'email', 'detect.value.email'],
        k13: ['quasi', 'date', 'detect.value.dateType'],
        k14: ['quasi', 'date', 'detect.value.dateType'],
      });
      expect(result.columns.find((c) => c.name === 'k09')?.freeText).toBe(true);
      expect(result.sampleRows).toBe(N);
    });

    it('explains each suggestion in both languages', () => {
      const ja = renderDetection(result, 'ja').columns.find((c) => c.name === 'k04');
      const en = renderDetection(result, 'en').columns.find((c) => c.name === 'k11');
      expect(ja).toEqual({
        name: 'k04',
        role: 'identifier',
        reason: '値の 100% が 12 桁の数字で、検査用数字（チェックディジット）が個人番号の規則に合っています（個人識別符号）。',
      });
      expect(en).toEqual({
        name: 'k11',
        role: 'identifier',
        reason: '40 distinct among 40 values (100%): nearly every value is unique, so it is treated as a record number (identifier).',
      });
    });

    it('looks only at the sample it is given', async () => {
      const small = await detectRoles(engine, 'v', { sample: 10 });
      expect(small.sampleRows).toBe(10);
      // 10 values are too few to call a column near-unique.
      expect(small.columns.find((c) => c.name === 'k11')?.role).toBe('other');
    });
  });
}

describe('detection from values: engines agree', () => {
  it('gives the same result on both engines', () => {
    const [a, b] = ENGINE_HOSTS.map((h) => results.get(h.name));
    expect(a).toBeDefined();
    expect(b).toEqual(a);
  });
});
