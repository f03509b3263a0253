import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, tokumei, tokumeiJson } from './run-cli.ts';

const ADULT = join(FIXTURES, 'adult');
const QIS = ['sex', 'age', 'race', 'marital-status', 'education', 'native-country', 'workclass', 'occupation', 'salary-class'];
const HIERARCHIES = QIS.flatMap((c) => ['--hierarchy', `${c}=adult_hierarchy_${c}.csv`]);
const ARX = ['adult.csv', '--delimiter', ';', '--qi', QIS.join(','), ...HIERARCHIES];
const levels = (...l: number[]) => QIS.map((c, i) => `${c}=${l[i]}`).join(',');
const USA = '317238626';

describe('tokumei risk reproduces ARX 3.9.2 on adult (subprocess)', () => {
  it('original data: classes, uniques, prosecutor risk and Pitman population uniques', () => {
    const r = tokumeiJson(['risk', ...ARX, '--threshold', '0.2', '--population', USA], ADULT);
    expect(r).toMatchObject({ records: 30162, suppressedRecords: 0, classes: 19502, minClassSize: 1, sampleUniques: 15512 });
    expect(r.prosecutor).toEqual({ highestRisk: 1, averageRisk: 0.6465751607983555, recordsAtRisk: 0.7781314236456468 });
    // Without a population table the journalist sees what the prosecutor sees (as ARX).
    expect(r.journalist).toEqual(r.prosecutor);
    expect(r.marketer.averageRisk).toBe(0.6465751607983555);
    expect(r.populationUniques).toMatchObject({ model: 'pitman', fraction: 0.038896188531360315, population: 317238626 });
    expect(r.utility.loss).toBe(0);
    // Records below k for 2, 3, 5: classes of size 1 are the 15,512 sample uniques.
    expect(r.kAnonymityViolations['2']).toBe(15512);
    expect(r.recordsBelowK).toBeNull();
    // With no weights, sdcMicro's risk of a record is 1 / its class size: the same average as ARX.
    expect(r.individualRisk.mean).toBeCloseTo(0.6465751607983555, 12);
    expect(r.individualRisk.max).toBe(1);
    expect(r.suda.uniques).toBe(15512);
  });

  it('generalized to ARX’s k=5 optimum: 24 classes, smallest 69, Loss 0.5731509655590044', () => {
    const r = tokumeiJson(['risk', ...ARX, '--levels', levels(0, 4, 1, 1, 3, 2, 2, 1, 0), '--k', '5'], ADULT);
    expect(r).toMatchObject({ classes: 24, minClassSize: 69, records: 30162, suppressedRecords: 0, recordsBelowK: 0, k: 5 });
    expect(r.utility.loss).toBe(0.5731509655590044);
    expect(r.utility.lossByColumn).toMatchObject({ sex: 0, age: 1 });
    expect(r.prosecutor.highestRisk).toBe(1 / 69);
    expect(r.quasiIdentifiers.find((q: { column: string }) => q.column === 'age')).toEqual({ column: 'age', level: 4, hierarchy: 'age' });
  });

  it('suppresses the classes below k within the limit, and measures what remains', () => {
    const at = ['--levels', levels(0, 3, 0, 0, 2, 1, 1, 1, 0), '--k', '2'];
    const within = tokumeiJson(['risk', ...ARX, ...at, '--suppression', '0.04'], ADULT);
    expect(within.suppression).toEqual({ k: 2, limit: 0.04, budget: 1206, needed: 1009, applied: true, kAnonymous: true });
    expect(within.suppressedRecords).toBe(1009);
    expect(within.releasedRecords).toBe(30162 - 1009);
    expect(within.minClassSize).toBeGreaterThanOrEqual(2);
    expect(within.sampleUniques).toBe(0);
    expect(within.recordsBelowK).toBe(0);
    expect(within.utility.loss).toBe(0.17599055898432758);
    // 3 % is 904 records: too few for the 1,009, so ARX suppresses none of them (all or nothing).
    const over = tokumeiJson(['risk', ...ARX, ...at, '--suppression', '3%'], ADULT);
    expect(over.suppression).toMatchObject({ budget: 904, needed: 1009, applied: false, kAnonymous: false });
    expect(over.suppressedRecords).toBe(0);
    expect(over.sampleUniques).toBeGreaterThan(0);
    expect(over.recordsBelowK).toBe(1009);
  });

  it('measures l-diversity and t-closeness of a sensitive attribute', () => {
    const r = tokumeiJson(
      ['risk', 'adult.csv', '--delimiter', ';', '--qi', 'sex,race', '--sensitive', 'salary-class', '--l', '2', '--t', '0.5', '--t-variant', 'ordered'],
      ADULT,
    );
    expect(r.lDiversity).toMatchObject({ attribute: 'salary-class', distinct: 2, satisfied: true });
    expect(r.lDiversity.entropy).toBeGreaterThan(1);
    expect(r.lDiversity.entropy).toBeLessThan(2);
    expect(r.tCloseness.attribute).toBe('salary-class');
    // Two values: the ordered distance over m − 1 = 1 step equals the equal distance.
    expect(r.tCloseness.orderedDistance).toBeCloseTo(r.tCloseness.equalDistance, 12);
    expect(r.tCloseness.satisfied).toBe(r.tCloseness.orderedDistance <= 0.5);
  });

  it('prints a readable report in Japanese and in English', () => {
    const args = ['risk', ...ARX, '--levels', levels(0, 3, 0, 0, 2, 1, 1, 1, 0), '--k', '2', '--suppression', '4%'];
    const ja = tokumei(args, ADULT);
    expect(ja.code).toBe(0);
    expect(ja.stdout).toContain('k 未満のクラスの 1,009 件を削除しました（上限 4% = 1,206 件以内）');
    expect(ja.stdout).toMatch(/同値クラスの数\s+1,182/);
    expect(ja.stdout).toMatch(/Loss（0～1）\s+0\.176/);
    const en = tokumei(args, ADULT, 'en_US.UTF-8');
    expect(en.stdout).toContain('the 1,009 records of classes smaller than k were suppressed');
    expect(en.stdout).toMatch(/equivalence classes\s+1,182/);
  });
});

describe('tokumei search finds ARX’s optimum on adult (subprocess)', () => {
  it('k = 5 without suppression: levels 0,4,1,1,3,2,2,1,0 and Loss 0.5731509655590044', () => {
    const r = tokumeiJson(['search', ...ARX, '--k', '5'], ADULT);
    expect(r.levels).toEqual(Object.fromEntries(QIS.map((c, i) => [c, [0, 4, 1, 1, 3, 2, 2, 1, 0][i]])));
    expect(r).toMatchObject({ found: true, infoLoss: 0.5731509655590044, metric: 'loss', suppressedRecords: 0, classes: 24 });
    expect(r.transformationsChecked).toBeGreaterThan(0);
    expect(typeof r.ms).toBe('number');
  });

  it('k = 2 with 4 % suppression: levels 0,3,0,0,2,1,1,1,0, Loss 0.17599055898432758, 1,009 suppressed — and risk agrees', () => {
    const r = tokumeiJson(['search', ...ARX, '--k', '2', '--suppression', '0.04'], ADULT);
    expect(r.levels).toEqual(Object.fromEntries(QIS.map((c, i) => [c, [0, 3, 0, 0, 2, 1, 1, 1, 0][i]])));
    expect(r.infoLoss).toBe(0.17599055898432758);
    expect(r.suppressedRecords).toBe(1009);
    const levelFlag = Object.entries(r.levels as Record<string, number>).map(([c, l]) => `${c}=${l}`).join(',');
    const m = tokumeiJson(['risk', ...ARX, '--levels', levelFlag, '--k', '2', '--suppression', '0.04'], ADULT);
    expect(m.classes).toBe(r.classes);
    expect(m.suppressedRecords).toBe(r.suppressedRecords);
    expect(m.utility.loss).toBe(r.infoLoss);
  });

  it('reports when nothing satisfies the model, and explains in the user’s language', () => {
    const r = tokumei(['search', 'adult.csv', '--delimiter', ';', '--qi', 'sex', '--hierarchy', 'sex=adult_hierarchy_sex.csv', '--k', '40000'], ADULT);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('どの一般化レベルでもプライバシーモデルを満たせませんでした');
    const j = tokumeiJson(['search', 'adult.csv', '--delimiter', ';', '--qi', 'sex', '--hierarchy', 'sex=adult_hierarchy_sex.csv', '--k', '40000'], ADULT);
    expect(j).toMatchObject({ found: false, levels: null, infoLoss: null });
  });
});
