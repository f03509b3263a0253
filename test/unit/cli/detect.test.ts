import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, tokumei, tokumeiJson } from './run-cli.ts';

type Detected = { name: string; role: string; reason: string; category: string };
const roles = (r: { columns: Detected[] }) => Object.fromEntries(r.columns.map((c) => [c.name, c.role]));

describe('tokumei detect (subprocess)', () => {
  it('suggests roles for the Synthea patients extract, with a reason for every column', () => {
    const r = tokumeiJson(['detect', join('synthea', 'patients.csv')], FIXTURES);
    expect(Object.keys(r)).toEqual(['columns']);
    expect(roles(r)).toMatchObject({
      Id: 'identifier',
      SSN: 'identifier',
      FIRST: 'identifier',
      ADDRESS: 'identifier',
      BIRTHDATE: 'quasi',
      GENDER: 'quasi',
      ZIP: 'quasi',
      HEALTHCARE_EXPENSES: 'sensitive',
    });
    for (const c of r.columns as Detected[]) {
      expect(Object.keys(c)).toEqual(['name', 'role', 'reason', 'category']);
      expect(c.reason.length, c.name).toBeGreaterThan(5);
    }
  });

  it('explains the roles of the Japanese dummy personal data in the user’s language', () => {
    const file = join('jp-dummy-personal', 'personal_infomation.csv');
    const ja = tokumeiJson(['detect', file], FIXTURES);
    expect(roles(ja)).toEqual({
      連番: 'identifier',
      氏名: 'identifier',
      '氏名（カタカナ）': 'identifier',
      性別: 'quasi',
      電話番号: 'identifier',
      メールアドレス: 'identifier',
      生年月日: 'quasi',
      年齢: 'quasi',
      出身地: 'quasi',
      血液型: 'sensitive',
    });
    const birth = (ja.columns as Detected[]).find((c) => c.name === '生年月日')!;
    expect(birth.category).toBe('birthDate');
    expect(birth.reason).toMatch(/[ぁ-んァ-ン一-龯]/);
    const en = JSON.parse(tokumei(['detect', file, '--json', '--lang', 'en'], FIXTURES).stdout);
    expect(roles(en)).toEqual(roles(ja));
    const enBirth = (en.columns as Detected[]).find((c) => c.name === '生年月日')!;
    expect(enBirth.reason).not.toBe(birth.reason);
    expect(enBirth.reason).toMatch(/^[\x20-\x7e’]+$/);
  });

  it('prints a table of column, role and reason', () => {
    const r = tokumei(['detect', join('jp-dummy-personal', 'personal_infomation.csv')], FIXTURES);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('10 列');
    expect(r.stdout).toMatch(/メールアドレス\s+識別子\s+\S/);
    expect(r.stdout).toMatch(/生年月日\s+準識別子\s+\S/);
    expect(r.stdout).toMatch(/血液型\s+要配慮属性\s+\S/);
  });
});
