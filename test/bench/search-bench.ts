import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { NativeEngine } from '../../src/cli/native-engine.ts';
import { loadSearchInput } from '../../src/core/search/load.ts';
import { searchOptimum } from '../../src/core/search/search.ts';
import type { SearchResult } from '../../src/core/search/types.ts';
import { applyEdits, emptySpec, serializeSpec, type SpecEdit } from '../../src/core/spec/index.ts';
import type { SearchBenchResult } from '../../src/lib/search-bench.ts';
import { ADULT_QIS, adultHierarchy, loadAdult } from '../unit/risk-arx/adult-fixture.ts';
import { median, round } from './stats.ts';

const MODEL = { k: 5, suppressionLimit: 0.04, metric: 'loss' as const };

export interface SearchAdultBench {
  /** The search in Node on the core code the worker runs (median). */
  ms: number;
  /** The same search in Chromium: the page hands the input to the search worker and gets the outcome back (median). */
  browserMs: number;
  /** The browser runs as the worker timed them (the search alone). */
  browserSearchMs: number;
  transformationsChecked: number;
  latticeSize: number;
  infoLoss: number | null;
  /** The one GROUP BY that feeds the search: native DuckDB in Node, DuckDB-WASM in the browser. */
  loadInputMs: number;
  browserLoadInputMs: number;
}

/**
 * searchAdult in Node: ARX's adult, 9 QIs with its hierarchies, k = 5, 4 % suppression, Loss.
 * The search itself (the part ARX's ~1.0 s compares with) runs on the same core code the
 * browser worker runs; the one GROUP BY that feeds it is timed apart.
 */
export async function searchAdultNode(runs: number): Promise<{ ms: number; loadInputMs: number; result: SearchResult }> {
  const engine = await NativeEngine.create({ threads: 1 });
  try {
    await loadAdult(engine);
    const hierarchies = Object.fromEntries(ADULT_QIS.map((c) => [c, adultHierarchy(c)]));
    const t0 = performance.now();
    const input = await loadSearchInput(engine, 'adult', [...ADULT_QIS], hierarchies);
    const loadInputMs = performance.now() - t0;
    await searchOptimum(input, MODEL); // warm-up: JIT
    const ms: number[] = [];
    let last = await searchOptimum(input, MODEL);
    for (let i = 0; i < runs; i++) {
      last = await searchOptimum(input, MODEL);
      ms.push(last.ms);
    }
    return { ms: median(ms), loadInputMs, result: last };
  } finally {
    engine.close();
  }
}

/** The spec the Search view would hold for adult: every column a quasi-identifier generalized by ARX's hierarchy. */
export function adultSpecJson(): string {
  const edits: SpecEdit[] = ADULT_QIS.flatMap((c): SpecEdit[] => [
    { op: 'setHierarchy', hierarchy: { name: `h-${c}`, kind: 'table', rows: adultHierarchy(c).rows.map((r) => [...r]) } },
    { op: 'setColumn', column: { name: c, role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: `h-${c}`, level: 0 }] } },
  ]);
  edits.push({ op: 'setModel', model: { k: MODEL.k, suppressionLimit: MODEL.suppressionLimit } });
  return serializeSpec(applyEdits(emptySpec(), edits));
}

type Page = Awaited<ReturnType<Awaited<ReturnType<Browser['newContext']>>['newPage']>>;

async function browserSearch(page: Page, csvUrl: string, runs: number): Promise<SearchBenchResult> {
  return page.evaluate(
    ({ url, spec, runs }) =>
      (window as unknown as { __tokumei: { benchSearch(u: string, s: string, r: number): Promise<SearchBenchResult> } }).__tokumei.benchSearch(url, spec, runs),
    { url: csvUrl, spec: adultSpecJson(), runs },
  );
}

/**
 * searchAdult in both places: Node (core search) and Chromium (adult.csv loaded into the app's
 * engine, the input read through the engine worker API, the search run in the search worker).
 * Both must find the same optimum with the same number of checks.
 */
export async function searchAdultBench(browser: Browser, url: string, dataDir: string, runs: number): Promise<SearchAdultBench> {
  copyFileSync(join(import.meta.dirname, '../fixtures/adult/adult.csv'), join(dataDir, 'adult.csv'));
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.locator('[data-testid="engine-status"][data-status="ready"]').waitFor({ timeout: 300_000 });
    await page.locator('[data-testid="engine-status"][data-busy="false"]').waitFor({ timeout: 300_000 });
    const b = await browserSearch(page, '/bench-data/adult.csv', runs);
    const n = await searchAdultNode(runs);
    const same = (x: { levels: unknown; infoLoss: unknown; transformationsChecked: unknown }) =>
      JSON.stringify([x.levels, x.infoLoss, x.transformationsChecked]);
    if (same(b) !== same(n.result)) throw new Error(`searchAdult differs: browser ${same(b)}, node ${same(n.result)}`);
    if (b.records !== n.result.records) throw new Error(`searchAdult records differ: browser ${b.records}, node ${n.result.records}`);
    return {
      ms: round(n.ms),
      browserMs: round(median(b.ms)),
      browserSearchMs: round(median(b.workerMs)),
      transformationsChecked: n.result.transformationsChecked,
      latticeSize: n.result.latticeSize,
      infoLoss: n.result.infoLoss,
      loadInputMs: round(n.loadInputMs),
      browserLoadInputMs: round(b.loadInputMs),
    };
  } finally {
    await context.close();
  }
}
