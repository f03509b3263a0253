import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BOOT_SQL, type SqlEngine, type SqlRow } from '../core/engine.ts';
import { normalizeValue } from '../core/values.ts';
import { str } from '../core/sql/quote.ts';

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
  ) {}

  static async create(opts: NativeEngineOptions = {}): Promise<NativeEngine> {
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    const fileDir = mkdtempSync(join(tmpdir(), 'tokumei-'));
    const engine = new NativeEngine(instance, conn, fileDir);
    for (const s of BOOT_SQL) await engine.exec(s);
    await engine.exec(`SET file_search_path = ${str(fileDir)}`);
    if (opts.threads) await engine.exec(`SET threads = ${Math.floor(opts.threads)}`);
    if (opts.memoryLimit) await engine.exec(`SET memory_limit = ${str(opts.memoryLimit)}`);
    if (opts.tempDirectory) await engine.exec(`SET temp_directory = ${str(opts.tempDirectory)}`);
    return engine;
  }

  async exec(sql: string): Promise<void> {
    await this.conn.run(sql);
  }

  async rows(sql: string): Promise<SqlRow[]> {
    const reader = await this.conn.runAndReadAll(sql);
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
  }
}
