import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BOOT_SQL, type SqlEngine, type SqlRow } from '../../src/core/engine.ts';
import { arrowToRows } from '../../src/core/arrow-rows.ts';

const require = createRequire(import.meta.url);
const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));

/**
 * DuckDB-WASM (the browser's engine, same binary) running synchronously in Node,
 * so unit tests exercise the exact SQL semantics the browser will see.
 */
export class WasmNodeEngine implements SqlEngine {
  private constructor(
    private readonly db: duckdb.DuckDBBindings,
    private readonly conn: duckdb.DuckDBConnection,
  ) {}

  static async create(): Promise<WasmNodeEngine> {
    const bundles = {
      mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
    };
    const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
    await db.instantiate(() => {});
    const conn = db.connect();
    const engine = new WasmNodeEngine(db, conn);
    for (const s of BOOT_SQL) await engine.exec(s);
    return engine;
  }

  async exec(sql: string): Promise<void> {
    this.conn.query(sql);
  }

  async rows(sql: string): Promise<SqlRow[]> {
    return arrowToRows(this.conn.query(sql));
  }

  async registerFile(name: string, bytes: Uint8Array): Promise<void> {
    this.db.registerFileBuffer(name, bytes);
  }

  async dropFile(name: string): Promise<void> {
    this.db.dropFile(name);
  }

  close(): void {
    this.conn.close();
    this.db.reset();
  }
}
