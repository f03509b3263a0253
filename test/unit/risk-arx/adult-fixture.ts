import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { parseHierarchyCsv } from '../../../src/core/hierarchy/csv.ts';
import type { Hierarchy } from '../../../src/core/hierarchy/types.ts';

const dir = join(import.meta.dirname, '../../fixtures/adult');

/** ARX's quasi-identifiers for adult: all 9 columns in file order. */
export const ADULT_QIS = [
  'sex',
  'age',
  'race',
  'marital-status',
  'education',
  'native-country',
  'workclass',
  'occupation',
  'salary-class',
] as const;

export function adultHierarchy(column: string): Hierarchy {
  return parseHierarchyCsv(readFileSync(join(dir, `adult_hierarchy_${column}.csv`)), { column });
}

/** Loads adult.csv as table `adult` (all VARCHAR, as ARX reads it). */
export async function loadAdult(engine: SqlEngine): Promise<void> {
  await engine.registerFile('adult.csv', readFileSync(join(dir, 'adult.csv')));
  await engine.exec(
    `CREATE OR REPLACE TABLE adult AS SELECT * FROM read_csv('adult.csv', delim = ';', header = true, all_varchar = true)`,
  );
  await engine.dropFile('adult.csv');
}
