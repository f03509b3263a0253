import * as Comlink from 'comlink';
import { bootDuckDB } from './boot.ts';
import { WasmEngine } from './wasm-engine.ts';
import type { LoadOptions, LoadProgress } from './sources.ts';
import { ident, num, str } from '../../src/core/sql/quote.ts';
import { countRows, sliceRows } from './ipc.ts';
import { TokumeiError } from '../../src/core/errors.ts';
import type { TableProfile } from '../../src/core/profile/types.ts';
import { profileTable } from '../../src/core/profile/profile.ts';
import { loadBytes } from './load-bytes.ts';
import { loadDemoTables } from './demo.ts';
import type { LoadReport } from '../../src/core/load/types.ts';
import { currentExclusions, specApi } from './spec-api.ts';
import { riskApi } from './risk-api.ts';
import { previewApi } from './preview-api.ts';
import { searchApi } from './search-api.ts';
import { releaseApi } from './release-api.ts';
import { cellsApi } from './cells-api.ts';

export interface ColumnInfo {
  name: string;
  type: string;
}

export interface TableInfo {
  name: string;
  rows: number;
  columns: ColumnInfo[];
  report: LoadReport | null;
  /** Part of the synthetic demo extract (no real person). */
  demo: boolean;
}

export interface QueryResult {
  /** Arrow IPC stream bytes (transferred, not copied). */
  ipc: Uint8Array;
  rowCount: number;
  truncated: boolean;
  ms: number;
}

let engine: WasmEngine | null = null;
let version = '';
const reports = new Map<string, LoadReport | null>();
const demoTables = new Set<string>();
let loadAbort: AbortController | null = null;

function need(): WasmEngine {
  if (!engine) throw new TokumeiError('engine.bootFailed', { detail: 'not booted' });
  return engine;
}

async function tableInfo(name: string): Promise<TableInfo> {
  const e = need();
  const cols = await e.rows(
    `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ${str(name)} ORDER BY ordinal_position`,
  );
  if (cols.length === 0) throw new TokumeiError('engine.noSuchTable', { table: name });
  const [{ n }] = await e.rows(`SELECT count(*) AS n FROM ${ident(name)}`);
  return {
    name,
    rows: Number(n),
    columns: cols.map((c) => ({ name: String(c.name), type: String(c.type) })),
    report: reports.get(name) ?? null,
    demo: demoTables.has(name),
  };
}

/** Workspace tables in the order they were loaded (then any others by name). */
async function existingTables(): Promise<string[]> {
  const rows = await need().rows(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'main' AND NOT starts_with(table_name, '__tokumei_') ORDER BY table_name`);
  const names = rows.map((r) => String(r.t));
  const loaded = [...reports.keys()].filter((n) => names.includes(n));
  return [...loaded, ...names.filter((n) => !reports.has(n))];
}

/** The typed domain API of the engine worker (pdx-tools style: `type EngineApi = typeof engineApi`). */
export const engineApi = {
  ...specApi(need),
  ...riskApi(need),
  ...previewApi(need, currentExclusions),
  ...searchApi(need),
  ...releaseApi(need),
  ...cellsApi(need, currentExclusions),
  async boot(origin: string): Promise<{ version: string; ms: number }> {
    const t0 = performance.now();
    if (!engine) {
      try {
        const booted = await bootDuckDB(origin);
        engine = new WasmEngine(booted.db, booted.conn);
        version = booted.version;
      } catch (e) {
        throw new TokumeiError('engine.bootFailed', { detail: e instanceof Error ? e.message : String(e) });
      }
    }
    return { version, ms: performance.now() - t0 };
  },

  async ping(): Promise<'pong'> {
    return 'pong';
  },

  /** Diagnostics: end this worker as a crash would, so recovery can be exercised for real. */
  crash(): void {
    self.close();
  },

  /** The demo tables; `onTable` hears of each as soon as it is ready. */
  async loadDemo(patients: number, seed: number, onTable?: (info: TableInfo) => void): Promise<TableInfo[]> {
    const names = await loadDemoTables(need(), patients, seed, async (report) => {
      reports.set(report.table, report);
      demoTables.add(report.table);
      onTable?.(await tableInfo(report.table));
    });
    return Promise.all(names.map(tableInfo));
  },

  async loadFile(file: File, options: LoadOptions, onProgress?: (p: LoadProgress) => void): Promise<TableInfo> {
    loadAbort = new AbortController();
    const signal = loadAbort.signal;
    try {
      const report = await loadBytes(need(), file, options, await existingTables(), signal, onProgress);
      reports.set(report.table, report);
      return tableInfo(report.table);
    } finally {
      loadAbort = null;
    }
  },

  async tables(): Promise<TableInfo[]> {
    return Promise.all((await existingTables()).map(tableInfo));
  },

  async dropTable(name: string): Promise<void> {
    await need().exec(`DROP TABLE IF EXISTS ${ident(name)}`);
    reports.delete(name);
    demoTables.delete(name);
  },

  async profile(table: string): Promise<TableProfile> {
    return profileTable(need(), table);
  },

  /** One page of rows for the grid, as Arrow IPC. Only the visible page ever crosses the boundary. */
  async page(table: string, offset: number, limit: number): Promise<Uint8Array> {
    const bytes = await need().ipc(`SELECT * FROM ${ident(table)} LIMIT ${num(Math.max(0, Math.floor(limit)))} OFFSET ${num(Math.max(0, Math.floor(offset)))}`);
    return Comlink.transfer(bytes, [bytes.buffer]);
  },

  /**
   * The read-only console. Wrapping the text as a subquery is what makes it read-only:
   * DuckDB only accepts a query there (no DDL, no COPY, no second statement).
   */
  async query(sql: string, limit: number): Promise<QueryResult> {
    const t0 = performance.now();
    const body = sql.trim().replace(/;+\s*$/, '');
    if (!body) throw new TokumeiError('engine.notReadOnly');
    let bytes: Uint8Array;
    try {
      bytes = await need().ipc(`SELECT * FROM (\n${body}\n) AS q LIMIT ${num(limit + 1)}`);
    } catch (e) {
      if (e instanceof TokumeiError) throw e;
      const detail = e instanceof Error ? e.message : String(e);
      if (/Parser Error/i.test(detail) && !/^\s*(select|with|values|from|table|pivot|unpivot|\()/i.test(body)) throw new TokumeiError('engine.notReadOnly');
      throw new TokumeiError('engine.sqlError', { detail });
    }
    let rowCount = countRows(bytes);
    const truncated = rowCount > limit;
    if (truncated) {
      bytes = sliceRows(bytes, limit);
      rowCount = limit;
    }
    return Comlink.transfer({ ipc: bytes, rowCount, truncated, ms: performance.now() - t0 }, [bytes.buffer]);
  },

  async cancel(): Promise<void> {
    loadAbort?.abort();
    await engine?.cancel();
  },
};

export type EngineApi = typeof engineApi;
