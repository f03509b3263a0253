import * as Comlink from 'comlink';
import { tableFromIPC } from 'apache-arrow';
import type { EngineApi, TableInfo } from '../../workers/engine/module.ts';
import type { LoadOptions, LoadProgress, TableSource } from '../../workers/engine/sources.ts';
import { installErrorWire } from '../../workers/engine/wire-errors.ts';
import { TokumeiError } from '../core/errors.ts';
import type { SqlValue } from '../core/engine.ts';
import type { TableProfile } from '../core/profile/types.ts';
import { arrowToRowArrays } from '../core/arrow-rows.ts';

installErrorWire();

export type EngineStatus = 'booting' | 'ready' | 'restarting' | 'failed';
export interface Notice {
  id: number;
  key: string;
  params?: Record<string, string | number>;
  tone: 'info' | 'error';
  /** What the user was doing, e.g. the file name, shown before the message. */
  context?: string;
}
export interface Rows {
  columns: { name: string; type: string }[];
  rows: SqlValue[][];
}

/** Time limits per kind of call; a call that overruns is cancelled, and a silent worker is restarted. */
const LIMITS = { boot: 120_000, load: 15 * 60_000, query: 120_000, page: 30_000, ping: 10_000 } as const;
/** How often an idle-or-busy worker must answer a ping; its own event loop stays free while DuckDB works. */
const HEARTBEAT_MS = 3_000;

/** Load errors that another text encoding may cure, so the file is offered for a re-read. */
const RETRYABLE = new Set(['load.decodeFailed', 'load.csvMalformed', 'load.csvColumnCount', 'load.csvUnterminatedQuote']);

export const DEMO = { patients: 10_000, seed: 20240401 } as const;

function ipcToRows(ipc: Uint8Array): Rows {
  const t = tableFromIPC(ipc);
  return { columns: t.schema.fields.map((f) => ({ name: f.name, type: String(f.type) })), rows: arrowToRowArrays(t) };
}

/**
 * The engine worker wrapped in a runes class (svelte.dev REPL style). Heavy state
 * stays in the worker; what the UI reads is small and kept in $state.raw.
 * It remembers where every table came from, so if the worker dies it can be
 * started again and the workspace restored.
 */
export class EngineClient {
  status = $state<EngineStatus>('booting');
  version = $state('');
  bootMs = $state(0);
  tables = $state.raw<TableInfo[]>([]);
  /** Files whose load failed, kept so the user can retry them (e.g. with another encoding). */
  failed = $state.raw<{ file: File; key: string }[]>([]);
  /** Loads under way (demo or files); the UI shows it and tests wait for it. */
  loading = $state(0);
  progress = $state.raw<LoadProgress | null>(null);
  /** The progress bar appears only for loads that last (≈0.5 s), so quick ones do not flicker. */
  progressVisible = $state(false);
  private progressTimer: ReturnType<typeof setTimeout> | null = null;
  notices = $state.raw<Notice[]>([]);

  private worker: Worker | null = null;
  private api: Comlink.Remote<EngineApi> | null = null;
  /** Insertion-ordered: restoring replays loads in the order the user made them. */
  private sources = new Map<string, TableSource>();
  private restarting: Promise<void> | null = null;
  /** Worker-held session state to hand over again after a restart (see keep()). */
  private kept = new Map<string, (api: Comlink.Remote<EngineApi>) => Promise<unknown>>();

  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private pinging = false;

  async start(): Promise<void> {
    this.status = 'booting';
    try {
      await this.spawn();
      this.status = 'ready';
    } catch (e) {
      this.status = 'failed';
      this.notify(e);
    }
    this.heartbeat ??= setInterval(() => void this.beat(), HEARTBEAT_MS);
  }

  /** A worker that stops answering (crashed, out of memory) is replaced, even while the user is idle. */
  private async beat(): Promise<void> {
    if (this.status !== 'ready' || this.pinging || !this.api) return;
    this.pinging = true;
    try {
      await Promise.race([this.api.ping(), new Promise((_, rej) => setTimeout(rej, LIMITS.ping))]);
    } catch {
      await this.recover();
    } finally {
      this.pinging = false;
    }
  }

  /** For tests and the diagnostics page: make the worker die as a crash would. */
  crashForTest(): void {
    void this.api?.crash();
  }

  private async spawn(): Promise<void> {
    this.worker?.terminate();
    const worker = new Worker(new URL('../../workers/engine/index.ts', import.meta.url), { type: 'module', name: 'tokumei-engine' });
    worker.addEventListener('error', () => void this.recover());
    this.worker = worker;
    this.api = Comlink.wrap<EngineApi>(worker);
    const booted = await this.withTimeout(this.api.boot(location.origin), LIMITS.boot);
    this.version = booted.version;
    this.bootMs = booted.ms;
  }

  private withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new TokumeiError('engine.timeout', { seconds: Math.round(ms / 1000) }));
        void this.afterTimeout();
      }, ms);
      p.then(
        (v) => (clearTimeout(timer), resolve(v)),
        (e) => (clearTimeout(timer), reject(e)),
      );
    });
  }

  /** After an overrun: cancel; if the worker does not even answer a ping, it is dead. */
  private async afterTimeout(): Promise<void> {
    try {
      await this.api?.cancel();
      await Promise.race([this.api?.ping(), new Promise((_, rej) => setTimeout(rej, LIMITS.ping))]);
    } catch {
      await this.recover();
    }
  }

  /** Restart the worker and load every table again from its source. */
  recover(): Promise<void> {
    this.restarting ??= (async () => {
      this.status = 'restarting';
      try {
        await this.spawn();
        let restored = 0;
        const replayed = new Set<TableSource>();
        for (const [name, source] of this.sources) {
          // One demo source made several tables: load it once.
          if (replayed.has(source)) {
            restored++;
            continue;
          }
          replayed.add(source);
          try {
            if (source.kind === 'demo') await this.api!.loadDemo(source.patients, source.seed);
            else await this.api!.loadFile(source.file, { ...source.options, table: name });
            restored++;
          } catch (e) {
            this.sources.delete(name);
            this.notify(new TokumeiError('engine.restoreFailed', { table: name, detail: e instanceof Error ? e.message : String(e) }));
          }
        }
        this.tables = await this.api!.tables();
        for (const [slot, replay] of this.kept) {
          try {
            await replay(this.api!);
          } catch (e) {
            this.kept.delete(slot);
            this.notify(e);
          }
        }
        this.status = 'ready';
        this.push({ key: 'engine.restarted', params: { count: restored }, tone: 'info' });
      } catch (e) {
        this.status = 'failed';
        this.notify(e);
      } finally {
        this.restarting = null;
      }
    })();
    return this.restarting;
  }

  private get remote(): Comlink.Remote<EngineApi> {
    if (!this.api) throw new TokumeiError('engine.bootFailed', { detail: 'no worker' });
    return this.api;
  }

  private noticeId = 0;

  private push(n: Omit<Notice, 'id'>): void {
    this.notices = [...this.notices, { ...n, id: ++this.noticeId }];
  }

  notify(e: unknown, context?: string): void {
    if (e instanceof TokumeiError) {
      this.push({ key: e.key, params: e.params, tone: e.key === 'engine.cancelled' ? 'info' : 'error', context });
    } else {
      this.push({ key: 'error.unknown', params: { detail: e instanceof Error ? e.message : String(e) }, tone: 'error', context });
    }
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((x) => x.id !== id);
  }

  async loadDemo(patients: number = DEMO.patients, seed: number = DEMO.seed): Promise<TableInfo[]> {
    const source: TableSource = { kind: 'demo', patients, seed };
    const onTable = Comlink.proxy((info: TableInfo) => {
      this.sources.set(info.name, source);
      this.tables = [...this.tables.filter((t) => t.name !== info.name), info];
    });
    this.loading++;
    try {
      const loaded = await this.withTimeout(this.remote.loadDemo(patients, seed, onTable), LIMITS.load);
      await this.refresh();
      return loaded;
    } finally {
      this.loading--;
    }
  }

  /** Load files one after another; a failure is reported and the others still load. */
  async loadFiles(files: File[], options: LoadOptions = {}): Promise<TableInfo[]> {
    this.loading++;
    try {
      return await this.loadEach(files, options);
    } finally {
      this.loading--;
    }
  }

  private async loadEach(files: File[], options: LoadOptions): Promise<TableInfo[]> {
    const done: TableInfo[] = [];
    this.progressTimer = setTimeout(() => (this.progressVisible = true), 500);
    for (const file of files) {
      try {
        const onProgress = Comlink.proxy((p: LoadProgress) => (this.progress = p));
        const info = await this.withTimeout(this.remote.loadFile(file, options, onProgress), LIMITS.load);
        this.sources.set(info.name, { kind: 'file', file, options });
        done.push(info);
      } catch (e) {
        this.notify(e, file.name);
        if (e instanceof TokumeiError && RETRYABLE.has(e.key)) this.failed = [...this.failed.filter((f) => f.file !== file), { file, key: e.key }];
      } finally {
        this.progress = null;
      }
    }
    if (this.progressTimer) clearTimeout(this.progressTimer);
    this.progressVisible = false;
    await this.refresh();
    return done;
  }

  /** Load a file again with the user's choice of encoding (replacing its table, if it has one). */
  async reload(file: File, options: LoadOptions, replacing?: string): Promise<TableInfo | null> {
    this.failed = this.failed.filter((f) => f.file !== file);
    if (replacing) await this.dropTable(replacing);
    const [info] = await this.loadFiles([file], { ...options, table: replacing });
    return info ?? null;
  }

  /** The file a table was loaded from, if it came from one. */
  fileOf(table: string): File | null {
    const s = this.sources.get(table);
    return s?.kind === 'file' ? s.file : null;
  }

  async refresh(): Promise<void> {
    this.tables = await this.remote.tables();
  }

  async dropTable(name: string): Promise<void> {
    await this.remote.dropTable(name);
    this.sources.delete(name);
    await this.refresh();
  }

  profile(table: string): Promise<TableProfile> {
    return this.withTimeout(this.remote.profile(table), LIMITS.query);
  }

  async page(table: string, offset: number, limit: number): Promise<SqlValue[][]> {
    return ipcToRows(await this.withTimeout(this.remote.page(table, offset, limit), LIMITS.page)).rows;
  }

  async query(sql: string, limit = 10_000): Promise<Rows & { rowCount: number; truncated: boolean; ms: number }> {
    const r = await this.withTimeout(this.remote.query(sql, limit), LIMITS.query);
    return { ...ipcToRows(r.ipc), rowCount: r.rowCount, truncated: r.truncated, ms: r.ms };
  }

  cancel(): void {
    void this.api?.cancel();
  }

  /** One worker call under the query time limit, for API modules kept in their own files (spec-client.ts). */
  call<T>(fn: (api: Comlink.Remote<EngineApi>) => Promise<T>, ms: number = LIMITS.query): Promise<T> {
    return this.withTimeout(fn(this.remote), ms);
  }

  /**
   * Hand the worker some state it keeps for the session (the exclusion list, a key file), and
   * remember how, so a restarted worker gets it back after its tables. The latest call per
   * `slot` wins; the answer of the first run is returned.
   */
  async keep<T>(slot: string, fn: (api: Comlink.Remote<EngineApi>) => Promise<T>): Promise<T> {
    const result = await this.call(fn);
    this.kept.set(slot, fn);
    return result;
  }
}
