import { readFile } from 'node:fs/promises';
import type { Browser } from '@playwright/test';
import { NativeEngine } from '../../src/cli/native-engine.ts';
import { loadCsv, typeTable } from '../../src/core/load/index.ts';
import { assessClasses, classFigures, type ClassAssessment } from '../../src/core/risk/assess-parts.ts';
import { SourceCodes } from '../../src/core/risk/source-codes.ts';
import { ENCODE_INLINE } from '../../workers/engine/risk-api.ts';
import { panelBench, type PanelBench } from './panel-bench.ts';
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
  /** The first recompute on each side, which dictionary-encodes the measured columns (once per table). */
  browserFirstMs: number;
  nativeFirstMs: number;
  /** The same recompute scanning the release view on native DuckDB, as a table beyond the encoding limit is measured each time. */
  nativeViewMs: number;
  /** A user moving a level of a generalized draft: every part of the risk panel (panel-bench.ts). */
  panel: PanelBench;
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

type Step = 'riskClasses' | 'riskPrepare';

/** In the page: one risk recompute (or the encoding that precedes them) through the worker API, timed inside the page. */
async function browserRisk(page: Page, table: string, step: Step = 'riskClasses'): Promise<{ ms: number; result: ClassAssessment }> {
  return page.evaluate(
    async ({ table, qis, sensitive, step }) => {
      type Api = Record<Step, (req: unknown) => Promise<ClassAssessment>>;
      const t = (window as unknown as { __tokumei: { client: { call<T>(fn: (api: Api) => Promise<T>, ms?: number): Promise<T> } } }).__tokumei;
      const t0 = performance.now();
      const result = await t.client.call((api) => api[step]({ table, spec: null, qis, sensitive, weight: null, threshold: 0.2 }), 600_000);
      return { ms: performance.now() - t0, result };
    },
    { table, qis: [...RISK_QIS], sensitive: RISK_SENSITIVE, step },
  );
}

/** The same core function on native DuckDB, through the same load pipeline. */
async function nativeSetup(csvPath: string): Promise<{ engine: NativeEngine; table: string; rows: number; codes: SourceCodes }> {
  const engine = await NativeEngine.create();
  const bytes = new Uint8Array(await readFile(csvPath));
  const report = await loadCsv(engine, { table: 'bench_risk', fileName: 'bench-risk.csv', bytes });
  await typeTable(engine, 'bench_risk', report.rows);
  // The codes the worker keeps between requests, kept the same way here.
  return { engine, table: 'bench_risk', rows: report.rows, codes: new SourceCodes() };
}

/** As the worker does it: riskClasses encodes up to ENCODE_INLINE cells itself, riskPrepare everything. */
async function nativeRisk(engine: NativeEngine, table: string, codes: SourceCodes, step: Step = 'riskClasses'): Promise<{ ms: number; result: ClassAssessment }> {
  const t0 = performance.now();
  const encodeLimit = step === 'riskClasses' ? ENCODE_INLINE : Infinity;
  const result = await assessClasses(engine, null, { table, qis: [...RISK_QIS], sensitive: RISK_SENSITIVE, codes, encodeLimit });
  return { ms: performance.now() - t0, result };
}

const essence = (r: ClassAssessment) => JSON.stringify({ h: r.histogram, l: r.lDiversity, q: r.qis, records: r.records });

/**
 * risk1M: the risk panel's class recompute (classes, k, prosecutor inputs, distinct/entropy l on
 * one sensitive column) in Chromium through the worker API and on native DuckDB: a first request
 * (scans the view), the encoding of the columns, then `runs` interleaved runs (counted from the
 * codes, as every recompute after the first); medians. Both sides must give the same answer.
 */
export async function riskBench(browser: Browser, url: string, csvUrl: string, csvPath: string, runs: number, log: (...a: unknown[]) => void): Promise<RiskBench> {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  const native = await nativeSetup(csvPath);
  try {
    await page.goto(url);
    await page.waitForFunction(
      () => {
        const c = (window as unknown as { __tokumei?: { client?: { status: string; loading: number } } }).__tokumei?.client;
        return c?.status === 'ready' && c.loading === 0;
      },
      null,
      { timeout: 300_000 },
    );
    const loaded = await browserLoad(page, csvUrl);
    if (loaded.rows !== native.rows) throw new Error(`row counts differ: browser ${loaded.rows}, native ${native.rows}`);
    const warmB = await browserRisk(page, loaded.table);
    const warmN = await nativeRisk(native.engine, native.table, native.codes);
    if (essence(warmB.result) !== essence(warmN.result)) throw new Error('risk results differ between browser and native');
    const t0 = performance.now();
    const view = await assessClasses(native.engine, null, { table: native.table, qis: [...RISK_QIS], sensitive: RISK_SENSITIVE });
    const viewMs = performance.now() - t0;
    if (essence(view) !== essence(warmN.result)) throw new Error('risk results from codes differ from the view');
    const b: number[] = [];
    const n: number[] = [];
    for (let i = 0; i < runs; i++) {
      log(`risk ${i + 1}/${runs}`);
      const rb = await browserRisk(page, loaded.table);
      const rn = await nativeRisk(native.engine, native.table, native.codes);
      if (essence(rb.result) !== essence(warmN.result) || essence(rn.result) !== essence(warmN.result)) throw new Error('risk results changed between runs');
      b.push(rb.ms);
      n.push(rn.ms);
    }
    const panel = await panelBench(page, loaded.table, native.engine, native.table, runs, log);
    const f = classFigures(warmN.result.histogram, 0.2);
    return {
      rows: native.rows,
      quasiIdentifiers: RISK_QIS.length,
      classes: f.classes,
      sampleUniques: f.sampleUniques,
      browserMs: round(median(b)),
      nativeMs: round(median(n)),
      ratio: round(median(b) / median(n), 2),
      browserFirstMs: round(warmB.ms),
      nativeFirstMs: round(warmN.ms),
      nativeViewMs: round(viewMs),
      panel,
    };
  } finally {
    native.engine.close();
    await context.close();
  }
}
