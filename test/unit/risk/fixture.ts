import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { loadCsv, typeTable } from '../../../src/core/load/index.ts';
import { parseSpecJson } from '../../../src/core/spec/parse.ts';
import type { ReleaseSpec } from '../../../src/core/spec/schema.ts';

export const FIXTURE_DIR = join(import.meta.dirname, '../../fixtures/risk-decisions');

/** Loads a fixture CSV as the browser and the CLI do (decode, sniff, inferred types), as table `table`. */
export async function loadFixture(engine: SqlEngine, file: string, table: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(join(FIXTURE_DIR, file)));
  const report = await loadCsv(engine, { table, fileName: file, bytes, replace: true });
  await typeTable(engine, table, report.rows);
}

export function fixtureSpec(file: string): ReleaseSpec {
  return parseSpecJson(readFileSync(join(FIXTURE_DIR, file), 'utf8'));
}
