import * as duckdb from '@duckdb/duckdb-wasm';
// Self-hosted from our own origin: Vite copies these into the build with hashed names.
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { BOOT_SQL } from '../../src/core/engine.ts';
import { str } from '../../src/core/sql/quote.ts';

export interface Booted {
  db: duckdb.AsyncDuckDB;
  conn: duckdb.AsyncDuckDBConnection;
  version: string;
}

/**
 * Only the `eh` bundle, instantiated directly (never selectBundle/jsDelivr). Anything
 * that still tries to fetch an extension is pointed at our own origin, where none is
 * served, so it fails at once instead of leaving the machine.
 */
export async function bootDuckDB(origin: string): Promise<Booted> {
  const worker = new Worker(new URL(ehWorker, origin).href);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(new URL(ehWasm, origin).href);
  await db.open({ query: { castBigIntToDouble: false } });
  const conn = await db.connect();
  for (const sql of BOOT_SQL) await conn.query(sql);
  await conn.query(`SET custom_extension_repository = ${str(new URL('/duckdb-ext', origin).href)}`);
  const version = String((await conn.query('SELECT version() AS v')).getChild('v')?.get(0));
  return { db, conn, version };
}
