import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BOOT_SQL, type SqlEngine, type SqlRow } from '../core/engine.ts';
import { normalizeValue } from '../core/values.ts';
import { str } from '../core/sql/quote.ts';

/** TOKUMEI_TRACE_SQL=1: each statement's time and start on stderr, to see where a large run spends it. */
const TRACE = Boolean(process.env.TOKUMEI_TRACE_SQL);
const trace = (sql: string, t0: number) =>
  process.stderr.write(`[sql ${Math.round(performance.now() - t0)} ms, rss ${Math.round(process.memoryUsage.rss() / 2 ** 20)} MiB] ${sql.replace(/\s+/g, ' ').slice(0, 160)}\n`);

export interface NativeEngineOptions {
  threads?: number;
  memoryLimit?: string;
  tempDirectory?: string;
}

/**
 * Native DuckDB (same 1.4.3 as the wasm build) for the CLI and for differential
 * tests. Registered files live in a private temp folder that is on DuckDB's
 * file_search_path, so core SQL can name them exactly as in the browser.
 */
export class NativeEngine implements SqlEngine {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    private readonly fileDir: string,
    private readonly databaseFile: string | null = null,
  ) {}

  static async create(opts: NativeEngineOptions = {}): Promise<NativeEngine> {
    const fileDir = mkdtempSync(join(tmpdir(), 'tokumei-'));
    // With a temp directory (large data), the workspace is a database file there, so DuckDB can
    // evict table blocks to disk instead of holding every loaded row in memory; it goes on close.
    const database = opts.tempDirectory ? join(opts.tempDirectory, `tokumei-${process.pid}-${Date.now()}.duckdb`) : ':memory:';
    const instance = await DuckDBInstance.create(database);
    const conn = await instance.connect();
    const engine = new NativeEngine(instance, conn, fileDir, database === ':memory:' ? null : database);
    for (const s of BOOT_SQL) await engine.exec(s);
    await engine.exec(`SET file_search_path = ${str(fileDir)}`);
    if (opts.threads) await engine.exec(`SET threads = ${Math.floor(opts.threads)}`);
    if (opts.memoryLimit) {
      await engine.exec(`SET memory_limit = ${str(opts.memoryLimit)}`);
      // Under a limit, let DuckDB drop the row order it would otherwise keep: every query whose
      // order matters says ORDER BY (the release relies on nothing else).
      await engine.exec('SET preserve_insertion_order = false');
    }
    if (opts.tempDirectory) await engine.exec(`SET temp_directory = ${str(opts.tempDirectory)}`);
    return engine;
  }

  async exec(sql: string): Promise<void> {
    const t0 = TRACE ? performance.now() : 0;
    await this.conn.run(sql);
    if (TRACE) trace(sql, t0);
  }

  async rows(sql: string): Promise<SqlRow[]> {
    const t0 = TRACE ? performance.now() : 0;
    const reader = await this.conn.runAndReadAll(sql);
    if (TRACE) trace(sql, t0);
    const out: SqlRow[] = [];
    for (const r of reader.getRowObjectsJS()) {
      const row: SqlRow = {};
      for (const [k, v] of Object.entries(r)) row[k] = normalizeValue(v);
      out.push(row);
    }
    return out;
  }

  async registerFile(name: string, bytes: Uint8Array): Promise<void> {
    writeFileSync(join(this.fileDir, name), bytes);
  }

  async dropFile(name: string): Promise<void> {
    rmSync(join(this.fileDir, name), { force: true });
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
    rmSync(this.fileDir, { recursive: true, force: true });
    if (this.databaseFile) for (const f of [this.databaseFile, `${this.databaseFile}.wal`]) rmSync(f, { force: true });
  }
}
