import { releasedColumnFacts, peculiarOutcomes, type PackageFacts, type Provision } from '../../../src/core/release/facts.ts';
import type { RiskAssessment } from '../../../src/core/risk/assess.ts';
import { parseSpec } from '../../../src/core/spec/parse.ts';
import type { ReleaseSpec, ReleaseSpecInput } from '../../../src/core/spec/schema.ts';

/** Values that must never reach a document: listed for suppression in the fixture's spec. */
export const SECRET_CELL = 'SECRET-DX-1';
export const SECRET_RECORD = 'SECRET-PEC-1';
export const SECRET_GENERALIZED_KEEP = '1900-01-01';

export const hex = (c: string) => c.repeat(64);

export function fixtureSpecInput(): ReleaseSpecInput {
  return {
    version: 1,
    title: '糖尿病研究用データ',
    sources: { tables: [{ name: 'patients', sha256: hex('a'), rows: 1000, subjectColumn: '患者ID' }], exclusions: { sha256: hex('b'), count: 3 } },
    columns: [
      { name: '患者ID', role: 'identifier', transforms: [{ kind: 'pseudonymize' }] },
      { name: '氏名', role: 'identifier', transforms: [{ kind: 'drop' }] },
      { name: '生年月日', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'age10', level: 1 }] },
      { name: '性別', role: 'quasi' },
      { name: '郵便番号', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'zip', level: 2 }] },
      { name: '病名', role: 'sensitive', transforms: [{ kind: 'suppressCell', values: [SECRET_CELL] }] },
      { name: '検査値', role: 'other', transforms: [{ kind: 'round', to: 5 }], note: 'HbA1c（%）' },
      { name: '来院日', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'visit', level: 1 }] },
    ],
    hierarchies: [
      { name: 'age10', kind: 'age', referenceDate: '2024-04-01', levels: [{ width: 10 }], top: { at: 90 } },
      { name: 'zip', kind: 'prefix', levels: [{ keep: 5 }, { keep: 3 }], alnumOnly: true, mask: '*' },
      { name: 'visit', kind: 'date', levels: ['month', 'year'] },
    ],
    model: { k: 5, suppressionLimit: 0.05 },
    peculiar: {
      review: true,
      decisions: [
        { column: '性別', value: SECRET_RECORD, action: 'suppressRecord', reason: '極めてまれな値' },
        { column: '性別', value: '不明', action: 'keep', reason: '分析上必要' },
        { column: '生年月日', value: SECRET_GENERALIZED_KEEP, action: 'keep', reason: '一般化で吸収される' },
      ],
    },
    release: { mode: 'anonymized', recipient: '○○大学 医学部', purpose: '糖尿病の疫学研究', requestId: 'REQ-2025-001' },
  };
}

export function fixtureRisk(over: Partial<RiskAssessment> = {}): RiskAssessment {
  return {
    records: 990,
    releasedRecords: 980,
    suppressedRecords: 10,
    classes: 120,
    minClassSize: 5,
    averageClassSize: 980 / 120,
    sampleUniques: 0,
    k: 5,
    recordsBelowK: 0,
    kAnonymityViolations: { '2': 0, '3': 0, '5': 0 },
    suppression: { k: 5, limit: 0.05, budget: 49, needed: 10, applied: true, kAnonymous: true },
    suppressedCells: 0,
    suppressedCellsByColumn: {},
    cellSuppression: null,
    quasiIdentifiers: [
      { column: '生年月日', level: 1, hierarchy: 'age10' },
      { column: '性別', level: 0, hierarchy: null },
    ],
    threshold: 0.2,
    prosecutor: { highestRisk: 0.2, averageRisk: 120 / 980, recordsAtRisk: 0 },
    journalist: { highestRisk: 0.1, averageRisk: 0.05, recordsAtRisk: 0 },
    marketer: { averageRisk: 0.1224 },
    populationUniques: { model: 'dankar', fraction: 0.0012, population: 100000, uniques: 120, samplingFraction: 0.0098 },
    lDiversity: { attribute: '病名', distinct: 2, entropy: 1.8, recursive: null, c: null },
    tCloseness: { attribute: '病名', equalDistance: 0.31, orderedDistance: null },
    individualRisk: { max: 0.05, mean: 0.01, expectedReidentifications: 9.8, recordsAbove: 0, higherThanMainPart: 0, weight: null },
    suda: { maxScore: 0.25, uniques: 0, recordsWithMsu: 3 },
    utility: { loss: 0.3125, nonUniformEntropy: 1234.5, discernibility: 9000, aecs: 0.04, lossByColumn: { 生年月日: 0.5, 性別: 0 } },
    exclusions: { listed: 3, records: 10, subjects: 2 },
    populationTable: null,
    ephemeralKey: false,
    ...over,
  };
}

export function fixtureFacts(specInput: ReleaseSpecInput = fixtureSpecInput(), over: Partial<PackageFacts> = {}): PackageFacts {
  const spec: ReleaseSpec = parseSpec(specInput);
  const output = spec.columns
    .filter((c) => !c.transforms.some((t) => t.kind === 'drop'))
    .map((c) => ({ name: c.name, source: c.name, role: c.role, kind: 'text' as const, transforms: c.transforms.map((t) => t.kind) }));
  const types: Record<string, string> = { 患者ID: 'VARCHAR', 生年月日: 'VARCHAR', 性別: 'VARCHAR', 郵便番号: 'VARCHAR', 病名: 'VARCHAR', 検査値: 'DOUBLE', 来院日: 'VARCHAR' };
  return {
    spec,
    specSha256: hex('c'),
    columns: releasedColumnFacts(spec, 'patients', output, types),
    sources: [{ name: 'patients', sha256: hex('a'), rows: 1000, columns: 8 }],
    exclusion: { sha256: hex('b'), count: 3, recordsRemoved: 10, subjects: 2 },
    data: { rowsBefore: 1000, rowsAfter: 980, columnsBefore: 8, columnsAfter: 7 },
    listedCells: [{ column: '病名', cells: 4 }],
    risk: fixtureRisk(),
    classSizes: [
      [5, 40],
      [8, 50],
      [12, 20],
      [30, 10],
    ],
    distributions: [
      { column: '生年月日', values: [{ value: '40-49', count: 300 }, { value: '>=90', count: 20 }, { value: '0-9', count: 60 }, { value: null, count: 5 }] },
      { column: '性別', values: [{ value: '男', count: 500 }, { value: '女', count: 470 }, { value: '不明', count: 10 }] },
      { column: '来院日', values: [{ value: '2024-01', count: 490 }, { value: '2024-02', count: 490 }] },
    ],
    peculiar: peculiarOutcomes(spec, [6, 10, 1]),
    overrides: [],
    seed: '0123456789abcdef',
    operator: '山田 花子',
    approver: '佐藤 一郎',
    createdAt: '2025-04-01T09:30:00.000Z',
    versions: { tokumei: '0.1.0', duckdb: 'v1.4.3' },
    ...over,
  };
}

export function fixtureProvision(over: Partial<Provision> = {}): Provision {
  return {
    recipient: '○○大学 医学部',
    recipientType: 'other',
    requestId: 'REQ-2025-001',
    reviewId: 'REV-7',
    purpose: '糖尿病の疫学研究',
    deliveryMethod: '暗号化 USB メモリを手渡し',
    retention: '研究終了まで（最長 3 年）',
    deletionDeadline: '2028-03-31',
    ...over,
  };
}
