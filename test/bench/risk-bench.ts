import { readFile } from 'node:fs/promises';
import type { Browser } from '@playwright/test';
import { NativeEngine } from '../../src/cli/native-engine.ts';
import { loadCsv, typeTable } from '../../src/core/load/index.ts';
import { assessClasses, classFigures, type ClassAssessment } from '../../src/core/risk/assess-parts.ts';
import { median, round } from './stats.ts';

/** The risk panel's recompute on the demo patients: 8 quasi-identifiers, l-diversity on the diagnosis. */
export const RISK_QIS = ['生年月日', '性別', '郵便番号', '都道府県', '市区町村', '血液型', '身長', '体重'] as const;
export const RISK_SENSITIVE = '主病名';

export interface RiskBench {
  rows: number;
  quasiIdentifiers: number;
  classes: number;
  sampleUniques: number;
  browserMs: number;
  nativeMs: number;
  ratio: number;
}

type Page = Awaited<ReturnType<Awaited<ReturnType<Browser['newContext']>>['newPage']>>;

/** In the page: load the CSV into the app's engine (as a dropped file would be). */
async function browserLoad(page: Page, csvUrl: string): Promise<{ table: string; rows: number }> {
  return page.evaluate(async (u) => {
    const t = (window as unknown as { __tokumei: { client: { loadFiles(f: File[]): Promise<{ name: string; rows: number }[]> } } }).__tokumei;
    const blob = await (await fetch(u)).blob();
    const [info] = await t.client.loadFiles([new File([blob], 'bench-risk.csv')]);
    return { table: info.name, rows: info.rows };
  }, csvUrl);
}

/** In the page: one risk recompute through the worker API, timed inside the page. */
async function browserRisk(page: Page, table: string): Promise<{ ms: number; result: ClassAssessment }> {
  return page.evaluate(
    async ({ table, qis, sensitive }) => {
      type Api = { riskClasses(req: unknown): Promise<ClassAssessment> };
      const t = (window as unknown as { __tokumei: { client: { call<T>(fn: (api: Api) => Promise<T>, ms?: number): Promise<T> } } }).__tokumei;
      const t0 = performance.now();
      const result = await t.client.call((api) => api.riskClasses({ table, spec: null, qis, sensitive, weight: null, threshold: 0.2 }), 600_000);
      return { ms: performance.now() - t0, result };
    },
    { table, qis: [...RISK_QIS], sensitive: RISK_SENSITIVE },
  );
}

/** The same core function on native DuckDB, through the same load pipeline. */
async function nativeSetup(csvPath: string): Promise<{ engine: NativeEngine; table: string; rows: number }> {
  const engine = await NativeEngine.create();
  const bytes = new Uint8Array(await readFile(csvPath));
  const report = await loadCsv(engine, { table: 'bench_risk', fileName: 'bench-risk.csv', bytes });
  await typeTable(engine, 'bench_risk', report.rows);
  return { engine, table: 'bench_risk', rows: report.rows };
}

async function nativeRisk(engine: NativeEngine, table: string): Promise<{ ms: number; result: ClassAssessment }> {
  const t0 = performance.now();
  const result = await assessClasses(engine, null, { table, qis: [...RISK_QIS], sensitive: RISK_SENSITIVE });
  return { ms: performance.now() - t0, result };
}

const essence = (r: ClassAssessment) => JSON.stringify({ h: r.histogram, l: r.lDiversity, q: r.qis, records: r.records });

/**
 * risk1M: the risk panel's class recompute (classes, k, prosecutor inputs, distinct/entropy l on
 * one sensitive column) in Chromium through the worker API and on native DuckDB, one warm-up
 * each, then `runs` interleaved runs; medians. Both sides must give the same answer.
 */
export async function riskBench(browser: Browser, url: string, csvUrl: string, csvPath: string, runs: number, log: (...a: unknown[]) => void): Promise<RiskBench> {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  const native = await nativeSetup(csvPath);
  try {
    await page.goto(url);
    await page.locator('[data-testid="engine-status"][data-status="ready"]').waitFor({ timeout: 300_000 });
    await page.locator('[data-testid="engine-status"][data-busy="false"]').waitFor({ timeout: 300_000 });
    const loaded = await browserLoad(page, csvUrl);
    if (loaded.rows !== native.rows) throw new Error(`row counts differ: browser ${loaded.rows}, native ${native.rows}`);
    const warmB = await browserRisk(page, loaded.table);
    const warmN = await nativeRisk(native.engine, native.table);
    if (essence(warmB.result) !== essence(warmN.result)) throw new Error('risk results differ between browser and native');
    const b: number[] = [];
    const n: number[] = [];
    for (let i = 0; i < runs; i++) {
      log(`risk ${i + 1}/${runs}`);
      b.push((await browserRisk(page, loaded.table)).ms);
      n.push((await nativeRisk(native.engine, native.table)).ms);
    }
    const f = classFigures(warmN.result.histogram, 0.2);
    return {
      rows: native.rows,
      quasiIdentifiers: RISK_QIS.length,
      classes: f.classes,
      sampleUniques: f.sampleUniques,
      browserMs: round(median(b)),
      nativeMs: round(median(n)),
      ratio: round(median(b) / median(n), 2),
    };
  } finally {
    native.engine.close();
    await context.close();
  }
}
