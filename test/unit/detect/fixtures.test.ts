import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectRoles, renderDetection, type DetectionResult } from '../../../src/core/detect/index.ts';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { loadCsvFixture } from './load-fixture.ts';

/**
 * Roles a specialist expects on real-shaped extracts. Judgement calls:
 * - birth dates are quasi-identifiers, not identifiers: they must be generalized (to an age
 *   band or year), not removed, and the risk model has to count them as quasi-identifiers;
 * - record keys and references to a person from another table (PATIENT, ENCOUNTER, 連番, No)
 *   are identifiers: they link back to the source data;
 * - income, travel history and physical measures are quasi-identifiers; costs, blood type,
 *   diagnoses, outcomes and discharge flags are sensitive.
 */
const EXPECTED: Record<string, { path: string; roles: Record<string, string> }> = {
  jp: {
    path: 'jp-dummy-personal/personal_infomation.csv',
    roles: {
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
    },
  },
  patients: {
    path: 'synthea/patients.csv',
    roles: {
      Id: 'identifier',
      BIRTHDATE: 'quasi',
      DEATHDATE: 'quasi',
      SSN: 'identifier',
      DRIVERS: 'identifier',
      PASSPORT: 'identifier',
      PREFIX: 'identifier',
      FIRST: 'identifier',
      LAST: 'identifier',
      SUFFIX: 'identifier',
      MAIDEN: 'identifier',
      MARITAL: 'quasi',
      RACE: 'quasi',
      ETHNICITY: 'quasi',
      GENDER: 'quasi',
      BIRTHPLACE: 'quasi',
      ADDRESS: 'identifier',
      CITY: 'quasi',
      STATE: 'quasi',
      COUNTY: 'quasi',
      FIPS: 'quasi',
      ZIP: 'quasi',
      LAT: 'identifier',
      LON: 'identifier',
      HEALTHCARE_EXPENSES: 'sensitive',
      HEALTHCARE_COVERAGE: 'sensitive',
      INCOME: 'quasi',
    },
  },
  encounters: {
    path: 'synthea/encounters.csv',
    roles: {
      Id: 'identifier',
      START: 'quasi',
      STOP: 'quasi',
      PATIENT: 'identifier',
      ORGANIZATION: 'identifier',
      PROVIDER: 'identifier',
      PAYER: 'identifier',
      ENCOUNTERCLASS: 'sensitive',
      CODE: 'sensitive',
      DESCRIPTION: 'sensitive',
      BASE_ENCOUNTER_COST: 'sensitive',
      TOTAL_CLAIM_COST: 'sensitive',
      PAYER_COVERAGE: 'sensitive',
      REASONCODE: 'sensitive',
      REASONDESCRIPTION: 'sensitive',
    },
  },
  conditions: {
    path: 'synthea/conditions.csv',
    roles: { START: 'quasi', STOP: 'quasi', PATIENT: 'identifier', ENCOUNTER: 'identifier', CODE: 'sensitive', DESCRIPTION: 'sensitive' },
  },
  tokyo: {
    path: 'tokyo-covid19/patients-500.utf8bom.csv',
    roles: {
      No: 'identifier',
      全国地方公共団体コード: 'quasi',
      都道府県名: 'quasi',
      市区町村名: 'quasi',
      公表_年月日: 'quasi',
      曜日: 'quasi',
      発症_年月日: 'quasi',
      患者_居住地: 'quasi',
      患者_年代: 'quasi',
      患者_性別: 'quasi',
      患者_属性: 'other',
      患者_状態: 'sensitive',
      患者_症状: 'sensitive',
      患者_渡航歴の有無フラグ: 'quasi',
      備考: 'sensitive',
      退院済フラグ: 'sensitive',
    },
  },
};

const results = new Map<string, Record<string, DetectionResult>>();

for (const host of ENGINE_HOSTS) {
  describe(`detection on fixtures: ${host.name}`, () => {
    let engine: SqlEngine & { close(): void };
    const got: Record<string, DetectionResult> = {};
    beforeAll(async () => {
      engine = await host.create();
      for (const [table, { path }] of Object.entries(EXPECTED)) {
        await loadCsvFixture(engine, path, table);
        got[table] = await detectRoles(engine, table);
      }
      results.set(host.name, got);
    });
    afterAll(() => engine.close());

    for (const table of Object.keys(EXPECTED)) {
      it(`suggests the expected role for every column of ${table}`, () => {
        const roles = Object.fromEntries(got[table].columns.map((c) => [c.name, c.role]));
        expect(roles).toEqual(EXPECTED[table].roles);
      });
    }

    it('says why, with the category the presets act on', () => {
      const by = (table: string, name: string) => got[table].columns.find((c) => c.name === name)!;
      expect(by('encounters', 'PATIENT').category).toBe('subjectId');
      expect(by('conditions', 'ENCOUNTER')).toMatchObject({ category: 'recordId', reason: { key: 'detect.value.uuid', params: { share: '100%' } } });
      expect(by('jp', '生年月日').category).toBe('birthDate');
      expect(by('jp', '氏名（カタカナ）').category).toBe('kana');
      expect(by('tokyo', '備考')).toMatchObject({ category: 'freeText', freeText: true });
      expect(by('patients', 'SSN').reason.key).toBe('detect.name.ssn');
      const [first] = renderDetection(got.jp, 'ja').columns;
      expect(first).toEqual({ name: '連番', role: 'identifier', reason: '列名がレコードの ID・番号を示しています。元のデータと照合できる符号なので識別子として扱います。' });
    });
  });
}

describe('detection on fixtures: engines agree', () => {
  it('gives identical results on both engines', () => {
    const [a, b] = ENGINE_HOSTS.map((h) => results.get(h.name));
    expect(a).toBeDefined();
    expect(b).toEqual(a);
  });
});
