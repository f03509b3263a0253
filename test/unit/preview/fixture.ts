import type { SqlEngine } from '../../../src/core/engine.ts';
import { ident, literal } from '../../../src/core/sql/quote.ts';
import { parseSpec } from '../../../src/core/spec/parse.ts';
import type { ReleaseSpec } from '../../../src/core/spec/schema.ts';

/**
 * A small clinic table built so every answer can be worked out by hand (ages on 2024-04-01):
 *   A  20 women born 1980-06-01 (43), E11.9       B  10 men born 1980-06-01 (43), E11.9
 *   C   8 women born 1970-01-15 (54), I10         D   2 women born 1979-01-01 (45), E84.9
 *   E   1 man born 1950-05-05 (73), G12.2         F   3 men born 1960-03-03 (64), I10
 * Patient IDs are P01… in that order; B's first patient (P21) has blood group AB-.
 */
export const CLINIC = '外来患者';

const GROUPS: [group: string, n: number, sex: string, birth: string, dx: string, height: number][] = [
  ['A', 20, '女', '1980-06-01', 'E11.9', 158],
  ['B', 10, '男', '1980-06-01', 'E11.9', 171],
  ['C', 8, '女', '1970-01-15', 'I10', 152.5],
  ['D', 2, '女', '1979-01-01', 'E84.9', 160],
  ['E', 1, '男', '1950-05-05', 'G12.2', 168],
  ['F', 3, '男', '1960-03-03', 'I10', 165],
];

export async function loadClinic(engine: SqlEngine): Promise<void> {
  const rows: string[] = [];
  let id = 0;
  for (const [group, n, sex, birth, dx, height] of GROUPS) {
    for (let i = 0; i < n; i++) {
      id++;
      const blood = id === 21 ? 'AB-' : 'A';
      rows.push(`(${[`P${String(id).padStart(2, '0')}`, `${group}${i}`, sex, birth, dx, blood, height].map(literal).join(', ')})`);
    }
  }
  await engine.exec(`DROP TABLE IF EXISTS ${ident(CLINIC)}`);
  await engine.exec(
    `CREATE TABLE ${ident(CLINIC)} (患者ID VARCHAR, 氏名 VARCHAR, 性別 VARCHAR, 生年月日 DATE, 病名 VARCHAR, 血液型 VARCHAR, 身長 DOUBLE)`,
  );
  // Inserted in order, so rowid order is patient order.
  await engine.exec(`INSERT INTO ${ident(CLINIC)} SELECT 患者ID, 氏名, 性別, CAST(生年月日 AS DATE), 病名, 血液型, 身長 FROM (VALUES ${rows.join(', ')}) AS t(患者ID, 氏名, 性別, 生年月日, 病名, 血液型, 身長)`);
}

export interface ClinicSpecOptions {
  limit?: number;
  /** Width of the released age bands. */
  band?: number;
  /** Release 病名 as its first 3 characters (E11.9 → E11). */
  dxPrefix?: boolean;
  /** A subject-keyed exclusion list is recorded in the spec. */
  exclusions?: { sha256: string; count: number };
  /** Reach k by blanking cells instead of removing records. */
  cells?: boolean;
}

export function clinicSpec(opts: ClinicSpecOptions = {}): ReleaseSpec {
  return parseSpec({
    version: 1,
    sources: { tables: [{ name: CLINIC, subjectColumn: '患者ID' }], ...(opts.exclusions ? { exclusions: opts.exclusions } : {}) },
    columns: [
      { name: '患者ID', role: 'identifier', transforms: [{ kind: 'pseudonymize' }] },
      // Kept as it is: a release blocker the preview must work around.
      { name: '氏名', role: 'identifier', transforms: [] },
      { name: '性別', role: 'quasi', transforms: [] },
      { name: '生年月日', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'age', level: 1 }] },
      { name: '病名', role: 'sensitive', transforms: opts.dxPrefix ? [{ kind: 'generalize', hierarchy: 'icd', level: 1 }] : [] },
      { name: '血液型', role: 'other', transforms: [{ kind: 'suppressRecord', values: ['AB-'] }] },
      { name: '身長', role: 'other', transforms: [{ kind: 'round', to: 10 }] },
    ],
    hierarchies: [
      { name: 'age', kind: 'age', referenceDate: '2024-04-01', levels: [{ width: opts.band ?? 10 }] },
      { name: 'icd', kind: 'prefix', levels: [{ keep: 3 }] },
    ],
    model: { k: 5, suppressionLimit: opts.limit ?? 0.1, ...(opts.cells ? { suppression: 'cells' } : {}) },
    release: { mode: 'anonymized' },
  });
}
