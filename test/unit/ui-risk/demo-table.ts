import type { SqlEngine } from '../../../src/core/engine.ts';
import { concatBytes, tableChunks } from '../../../src/core/demo/index.ts';
import { loadCsv, typeTable } from '../../../src/core/load/index.ts';

/** The synthetic demo's 患者 table (generated, no file needed), loaded as the app loads it. */
export async function loadDemoPatients(engine: SqlEngine, table: string, patients: number, seed = 7): Promise<void> {
  const bytes = concatBytes([...tableChunks('patients', { patients, seed })]);
  const report = await loadCsv(engine, { table, fileName: 'patients.csv', bytes, replace: true });
  await typeTable(engine, table, report.rows);
}
