import type { Browser } from '@playwright/test';
import type { SqlEngine } from '../../src/core/engine.ts';
import { parseSpec } from '../../src/core/spec/parse.ts';
import type { ReleaseSpec } from '../../src/core/spec/schema.ts';
import { riskApi, type RiskRequest } from '../../workers/engine/risk-api.ts';
import { median, round } from './stats.ts';

type Page = Awaited<ReturnType<Awaited<ReturnType<Browser['newContext']>>['newPage']>>;
const PARTS = ['riskClasses', 'riskDetails', 'riskPeculiar'] as const;
type PartName = (typeof PARTS)[number];

/** One side's medians: each panel part after a level move, and all three one after the other (what the panel waits for). */
export interface PanelTimes {
  classesMs: number;
  detailsMs: number;
  peculiarMs: number;
  settleMs: number;
}

export interface PanelBench {
  /** The spec moved: birth date between year and quarter, postal code at 3 digits, k = 5 within 5 %. */
  spec: string;
  browser: PanelTimes;
  native: PanelTimes;
}

/**
 * The 匿名加工 draft of the demo patients a specialist tunes: birth date generalized (the level
 * moves), postal code to 3 digits through its text expression, sex, prefecture and blood type
 * as they are, the diagnosis sensitive.
 */
export function panelSpec(table: string, birthLevel: number): ReleaseSpec {
  return parseSpec({
    version: 1,
    sources: { tables: [{ name: table, subjectColumn: '患者ID' }] },
    columns: [
      { name: '患者ID', role: 'identifier', transforms: [{ kind: 'drop' }] },
      { name: '生年月日', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'calendar', level: birthLevel }] },
      { name: '郵便番号', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'postal', level: 2 }] },
      { name: '性別', role: 'quasi', transforms: [] },
      { name: '都道府県', role: 'quasi', transforms: [] },
      { name: '血液型', role: 'quasi', transforms: [] },
      { name: '主病名', role: 'sensitive', transforms: [] },
    ],
    hierarchies: [
      { name: 'calendar', kind: 'date', levels: ['month', 'quarter', 'year'] },
      { name: 'postal', kind: 'prefix', levels: [{ keep: 5 }, { keep: 3 }, { keep: 1 }], alnumOnly: true },
    ],
    model: { k: 5, suppressionLimit: 0.05 },
    release: { mode: 'anonymized' },
  });
}

const request = (table: string, level: number): RiskRequest => ({ table, spec: panelSpec(table, level), weight: null, threshold: 0.2 });

/** In the page: the three parts for one spec, through the worker API as the panel asks for them, timed inside the page. */
async function browserParts(page: Page, req: RiskRequest): Promise<Record<PartName, number>> {
  return page.evaluate(
    async ({ req, parts }) => {
      type Api = Record<string, (r: unknown) => Promise<unknown>>;
      const t = (window as unknown as { __tokumei: { client: { call<T>(fn: (api: Api) => Promise<T>, ms?: number): Promise<T> } } }).__tokumei;
      const out: Record<string, number> = {};
      for (const p of parts) {
        const t0 = performance.now();
        await t.client.call((api) => api[p](req), 600_000);
        out[p] = performance.now() - t0;
      }
      return out as Record<PartName, number>;
    },
    { req, parts: [...PARTS] },
  );
}

/** The same worker API on native DuckDB (one request at a time, so nothing is ever cancelled). */
async function nativeParts(api: ReturnType<typeof riskApi>, req: RiskRequest): Promise<Record<PartName, number>> {
  const out = {} as Record<PartName, number>;
  for (const p of PARTS) {
    const t0 = performance.now();
    await api[p](req);
    out[p] = performance.now() - t0;
  }
  return out;
}

function summary(runs: Record<PartName, number>[]): PanelTimes {
  const m = (f: (r: Record<PartName, number>) => number) => round(median(runs.map(f)));
  return {
    classesMs: m((r) => r.riskClasses),
    detailsMs: m((r) => r.riskDetails),
    peculiarMs: m((r) => r.riskPeculiar),
    settleMs: m((r) => r.riskClasses + r.riskDetails + r.riskPeculiar),
  };
}

/**
 * panel1M: a user moving the birth-date level of the draft on the 1M-row table. Each run moves
 * the level (year ↔ quarter) and times the three parts of the risk panel; the first move of
 * each side (dictionaries and hierarchies not yet built) is left out of the medians.
 */
export async function panelBench(page: Page, browserTable: string, native: SqlEngine, nativeTable: string, runs: number, log: (...a: unknown[]) => void): Promise<PanelBench> {
  const engine = {
    exec: (sql: string) => native.exec(sql),
    rows: (sql: string) => native.rows(sql),
    registerFile: (name: string, bytes: Uint8Array) => native.registerFile(name, bytes),
    dropFile: (name: string) => native.dropFile(name),
    cancel: async () => undefined,
  };
  const api = riskApi(() => engine, { warmAfterMs: 1e9 });
  const b: Record<PartName, number>[] = [];
  const n: Record<PartName, number>[] = [];
  for (let i = 0; i <= runs; i++) {
    const level = i % 2 === 0 ? 3 : 2;
    log(`panel ${i}/${runs}`);
    const rb = await browserParts(page, request(browserTable, level));
    const rn = await nativeParts(api, request(nativeTable, level));
    if (i === 0) {
      log('panel first move', JSON.stringify({ browser: rb, native: rn }));
      continue;
    }
    b.push(rb);
    n.push(rn);
  }
  return { spec: 'birth date year↔quarter, postal 3 digits, sex, prefecture, blood type; diagnosis sensitive; k 5 within 5 %', browser: summary(b), native: summary(n) };
}
