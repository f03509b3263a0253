import { createHmac } from 'node:crypto';
import type { SqlEngine, SqlRow } from '../../../src/core/engine.ts';
import { parseSpec, type ReleaseSpec, type ReleaseSpecInput } from '../../../src/core/spec/index.ts';

/** A small visit table with every kind of column the compiler handles (Japanese names, quotes, full-width text). */
export const VISITS = '受診記録';
export const VISIT_COLUMNS = [
  { name: '患者ID', type: 'VARCHAR' },
  { name: '氏名', type: 'VARCHAR' },
  { name: '生年月日', type: 'DATE' },
  { name: '年齢', type: 'INTEGER' },
  { name: '性別', type: 'VARCHAR' },
  { name: '郵便番号', type: 'VARCHAR' },
  { name: '受診日', type: 'DATE' },
  { name: '受付日時', type: 'TIMESTAMP' },
  { name: '体重', type: 'DOUBLE' },
  { name: '病名', type: 'VARCHAR' },
  { name: '所見', type: 'VARCHAR' },
] as const;

export async function createVisits(engine: SqlEngine): Promise<void> {
  await engine.exec(`CREATE OR REPLACE TABLE "${VISITS}" (${VISIT_COLUMNS.map((c) => `"${c.name}" ${c.type}`).join(', ')})`);
  await engine.exec(`INSERT INTO "${VISITS}" VALUES
    ('P001', '山田 太郎', DATE '1930-05-01', 93, '男', '100-0001', DATE '2023-01-15', TIMESTAMP '2023-01-15 09:30:00', 61.3, 'E11.9', '特記なし'),
    ('P002', '佐藤 花子', DATE '1980-04-02', 43, '女', '１６０－００２２', DATE '2023-02-01', TIMESTAMP '2023-02-01 14:00:00', 52.6, 'I10', NULL),
    ('P003', '鈴木 一郎', DATE '1975-12-31', 48, '男', '530-0001', DATE '2023-03-31', NULL, 131.0, 'E11.9', '左膝に手術痕'),
    ('P001', '山田 太郎', DATE '1930-05-01', 93, '男', '100-0001', DATE '2023-06-30', TIMESTAMP '2023-06-30 23:59:59', 60.8, 'J45.0', NULL),
    ('P004', 'O''Neil ジョン', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`);
}

/** A spec exercising every transform on the visit table. */
export function visitSpec(extra: Partial<ReleaseSpecInput> = {}): ReleaseSpec {
  return parseSpec({
    version: 1,
    sources: { tables: [{ name: VISITS, subjectColumn: '患者ID' }] },
    columns: [
      { name: '患者ID', role: 'identifier', transforms: [{ kind: 'pseudonymize' }] },
      { name: '氏名', role: 'identifier', transforms: [{ kind: 'drop' }] },
      { name: '生年月日', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'age', level: 2 }] },
      { name: '年齢', role: 'quasi', transforms: [{ kind: 'topCode', at: 90 }] },
      { name: '性別', role: 'quasi' },
      { name: '郵便番号', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'postal', level: 2 }] },
      { name: '受診日', role: 'quasi', transforms: [{ kind: 'dateShift', maxDays: 30 }] },
      { name: '受付日時', role: 'quasi', transforms: [{ kind: 'dateShift', maxDays: 30 }, { kind: 'generalize', hierarchy: 'cal', level: 1 }] },
      { name: '体重', role: 'quasi', transforms: [{ kind: 'suppressCell', values: [131] }, { kind: 'round', to: 5 }] },
      { name: '病名', role: 'sensitive', transforms: [{ kind: 'generalize', hierarchy: 'icd', level: 1 }] },
      { name: '所見', role: 'sensitive', freeText: true, transforms: [{ kind: 'drop' }] },
    ],
    hierarchies: [
      { name: 'age', kind: 'age', referenceDate: '2024-04-01', levels: [{ width: 1 }, { width: 5 }], top: { at: 90, label: '90以上' } },
      { name: 'postal', kind: 'prefix', levels: [{ keep: 5 }, { keep: 3 }], alnumOnly: true },
      { name: 'cal', kind: 'date', levels: ['month', 'quarter', 'year'] },
      { name: 'icd', kind: 'table', rows: [['E11.9', 'E11'], ['I10', 'I10'], ['J45.0', 'J45']] },
    ],
    release: { mode: 'anonymized' },
    ...extra,
  });
}

export const KEY_BYTES = new Uint8Array(32).map((_, i) => (i * 37 + 11) & 0xff);

const subkey = (keyBytes: Uint8Array, purpose: string) => createHmac('sha256', keyBytes).update(purpose).digest();

/** The documented pseudonym, computed with node:crypto independently of the code under test. */
export function expectedPseudonym(keyBytes: Uint8Array, value: string, domain = '', length = 16): string {
  return createHmac('sha256', subkey(keyBytes, 'tokumei/pseudonym/v1'))
    .update(JSON.stringify([domain, value.normalize('NFC')]))
    .digest('hex')
    .slice(0, length);
}

/** The documented per-subject date shift, computed with node:crypto. */
export function expectedShift(keyBytes: Uint8Array, subject: string, maxDays: number): number {
  const mac = createHmac('sha256', subkey(keyBytes, 'tokumei/date-shift/v1')).update(JSON.stringify([subject.normalize('NFC')])).digest();
  const r = mac.readUIntBE(0, 6);
  const i = r % (2 * maxDays);
  return i < maxDays ? i - maxDays : i - maxDays + 1;
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10) + iso.slice(10);
}

/** An engine that records every SQL text it is given (to prove what never reaches SQL). */
export function recording(engine: SqlEngine): SqlEngine & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    exec: (sql) => (log.push(sql), engine.exec(sql)),
    rows: (sql): Promise<SqlRow[]> => (log.push(sql), engine.rows(sql)),
    registerFile: (n, b) => engine.registerFile(n, b),
    dropFile: (n) => engine.dropFile(n),
  };
}

export function sortRows(rows: SqlRow[]): SqlRow[] {
  return [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}
