import { resolve } from 'node:path';
import type { SqlEngine } from '../core/engine.ts';
import { ident } from '../core/sql/quote.ts';
import type { CliContext } from './context.ts';
import { loadFile, type LoadFileOptions } from './load-file.ts';

/** Where `--population-table` lands in the engine: apart from any name a data file can give. */
export const POPULATION_TABLE = '__tokumei_population_table';

/**
 * Loads the population file of `risk --population-table` next to the data, through the same
 * load pipeline. A file's table name comes from its file name, so the data's table is moved
 * aside while the population loads: two files of the same name would otherwise replace it.
 */
export async function loadPopulationTable(
  engine: SqlEngine,
  ctx: CliContext,
  file: string,
  dataTable: string,
  opts: LoadFileOptions,
): Promise<{ table: string; path: string; rows: number }> {
  const path = resolve(ctx.cwd, file);
  const hold = '__tokumei_population_hold';
  await engine.exec(`ALTER TABLE ${ident(dataTable)} RENAME TO ${ident(hold)}`);
  try {
    const loaded = await loadFile(engine, path, opts);
    await engine.exec(`ALTER TABLE ${ident(loaded.table)} RENAME TO ${ident(POPULATION_TABLE)}`);
    return { table: POPULATION_TABLE, path, rows: loaded.rows };
  } finally {
    await engine.exec(`ALTER TABLE ${ident(hold)} RENAME TO ${ident(dataTable)}`);
  }
}
