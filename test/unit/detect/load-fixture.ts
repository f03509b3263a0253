import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SqlEngine } from '../../../src/core/engine.ts';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** Loads a fixture CSV as an all-VARCHAR table (how a raw extract first arrives). */
export async function loadCsvFixture(engine: SqlEngine, path: string, table: string): Promise<void> {
  const file = `${table}.csv`;
  await engine.registerFile(file, readFileSync(fixtures + path));
  await engine.exec(`CREATE OR REPLACE TABLE "${table}" AS SELECT * FROM read_csv('${file}', header = true, all_varchar = true, delim = ',')`);
  await engine.dropFile(file);
}
