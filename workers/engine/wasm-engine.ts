import type * as duckdb from '@duckdb/duckdb-wasm';
import { Table, tableToIPC, type RecordBatch } from 'apache-arrow';
import type { SqlEngine, SqlRow } from '../../src/core/engine.ts';
import { arrowToRows } from '../../src/core/arrow-rows.ts';
import { TokumeiError } from '../../src/core/errors.ts';

/**
 * SqlEngine over the browser's AsyncDuckDB. One connection, one query at a time
 * (DuckDB-WASM allows one pending query per connection), queued in order.
 * Queries go through send(), the only path that cancelSent() can interrupt.
 */
export class WasmEngine implements SqlEngine {
  private tail: Promise<unknown> = Promise.resolve();
  private generation = 0;

  constructor(
    private readonly db: duckdb.AsyncDuckDB,
    private readonly conn: duckdb.AsyncDuckDBConnection,
  ) {}

  /** Serialise work on the connection; a cancel invalidates everything queued before it. */
  private enqueue<T>(fn: () => Promise<T>): Promise<T> {
    const gen = this.generation;
    const run = this.tail.then(
      () => (gen === this.generation ? fn() : Promise.reject(new TokumeiError('engine.cancelled'))),
      () => (gen === this.generation ? fn() : Promise.reject(new TokumeiError('engine.cancelled'))),
    );
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async table(sql: string): Promise<Table> {
    try {
      const reader = await this.conn.send(sql);
      const batches: RecordBatch[] = [];
      for await (const b of reader) batches.push(b as RecordBatch);
      return batches.length ? new Table(batches) : new Table(reader.schema);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (/cancel|interrupt/i.test(msg)) throw new TokumeiError('engine.cancelled');
      throw e;
    }
  }

  exec(sql: string): Promise<void> {
    return this.enqueue(async () => {
      await this.table(sql);
    });
  }

  rows(sql: string): Promise<SqlRow[]> {
    return this.enqueue(async () => arrowToRows(await this.table(sql)));
  }

  /** Arrow IPC stream bytes, for results that cross to the main thread as-is (grid pages, console). */
  ipc(sql: string): Promise<Uint8Array> {
    return this.enqueue(async () => tableToIPC(await this.table(sql), 'stream'));
  }

  registerFile(name: string, bytes: Uint8Array): Promise<void> {
    return this.enqueue(() => this.db.registerFileBuffer(name, bytes));
  }

  async dropFile(name: string): Promise<void> {
    await this.enqueue(() => this.db.dropFile(name));
  }

  insertArrowIPC(table: string, bytes: Uint8Array): Promise<void> {
    return this.enqueue(() => this.conn.insertArrowFromIPCStream(bytes, { name: table, create: true }));
  }

  /** Interrupt the running query and drop everything queued behind it. */
  async cancel(): Promise<void> {
    this.generation++;
    await this.conn.cancelSent().catch(() => false);
  }
}
