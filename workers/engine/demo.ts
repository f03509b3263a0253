import type { SqlEngine } from '../../src/core/engine.ts';
import type { LoadReport } from '../../src/core/load/types.ts';
import { generateDemoFiles } from '../../src/core/demo/index.ts';
import { loadCsv } from '../../src/core/load/index.ts';
import { typeTable } from '../../src/core/load/type-table.ts';

/**
 * The synthetic demo extract, generated here in the worker and loaded through the
 * same pipeline as a user's CSV, so what the demo shows is what a real file gets.
 */
export async function loadDemoTables(engine: SqlEngine, patients: number, seed: number, onTable?: (report: LoadReport) => Promise<void> | void): Promise<string[]> {
  const names: string[] = [];
  // 患者 comes first, so the user sees it while the larger tables are still loading.
  for (const f of generateDemoFiles({ patients, seed })) {
    const report = await loadCsv(engine, { table: f.name, fileName: f.fileName, bytes: f.bytes, replace: true });
    const typing = await typeTable(engine, f.name, report.rows);
    names.push(f.name);
    await onTable?.({ ...report, typing });
  }
  return names;
}
