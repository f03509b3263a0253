import { readFile } from 'node:fs/promises';
import { NativeEngine } from '../../src/cli/native-engine.ts';
import { loadCsv, typeTable } from '../../src/core/load/index.ts';

/** The same core pipeline the browser runs, on native DuckDB: read → decode → raw table → typed. */
export async function nativeLoadMs(path: string): Promise<{ ms: number; rows: number }> {
  const engine = await NativeEngine.create();
  try {
    const t0 = performance.now();
    const bytes = new Uint8Array(await readFile(path));
    const report = await loadCsv(engine, { table: 'bench', fileName: 'bench.csv', bytes });
    await typeTable(engine, 'bench', report.rows);
    return { ms: performance.now() - t0, rows: report.rows };
  } finally {
    engine.close();
  }
}
