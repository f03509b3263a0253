import type { SqlEngine } from '../../src/core/engine.ts';
import { generateDemoFiles } from '../../src/core/demo/index.ts';
import { loadCsv, inferTyping, applyTypingSql } from '../../src/core/load/index.ts';

/**
 * The synthetic demo extract, generated here in the worker and loaded through the
 * same pipeline as a user's CSV, so what the demo shows is what a real file gets.
 */
export async function loadDemoTables(engine: SqlEngine, patients: number, seed: number): Promise<string[]> {
  const names: string[] = [];
  for (const f of generateDemoFiles({ patients, seed })) {
    await loadCsv(engine, { table: f.name, fileName: f.fileName, bytes: f.bytes, replace: true });
    await engine.exec(applyTypingSql(f.name, await inferTyping(engine, f.name)));
    names.push(f.name);
  }
  return names;
}
