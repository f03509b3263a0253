// `npm run bench`: speed figures measured side by side in one run (real Chromium vs native
// DuckDB on the same input), medians of RUNS runs, printed as one JSON object on stdout.
// Progress goes to stderr so stdout stays machine-readable.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { chromium, type Browser } from '@playwright/test';
import { serveApp } from '../../src/cli/serve.ts';
import { tableChunks } from '../../src/core/demo/index.ts';
import { nativeLoadMs } from './native-load.ts';
import { riskBench } from './risk-bench.ts';
import { searchAdultBench } from './search-bench.ts';
import { cellSuppressionBench } from './cell-bench.ts';
import { median, round, times } from './stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const PORT = Number(process.env.BENCH_PORT ?? 4190);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const log = (...a: unknown[]) => console.error('[bench]', ...a);
/** BENCH_ONLY=risk1M (comma-separated figure names) runs only those figures, for quick iteration; all by default. */
const ONLY = process.env.BENCH_ONLY?.split(',').map((x) => x.trim());
const want = (figure: string) => ONLY === undefined || ONLY.includes(figure);

async function writeDemoCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  for (const chunk of tableChunks('patients', { patients: ROWS, seed: 1 })) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function coldStart(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  const t0 = performance.now();
  await page.goto(url);
  await page.locator('[data-testid="table-item"]').first().waitFor({ timeout: 300_000 });
  const ms = performance.now() - t0;
  await context.close();
  return ms;
}

// A build of its own, so nothing else building dist/ can pull the files from under a run.
const APP_DIR = join(tmpdir(), 'tokumei-bench', 'dist');

async function main() {
  log('building the app');
  const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', APP_DIR, '--emptyOutDir'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (b.status !== 0) throw new Error('build failed');
  const dataDir = join(APP_DIR, 'bench-data');
  mkdirSync(dataDir, { recursive: true });
  const csv = join(dataDir, 'patients-1m.csv');
  log(`generating ${ROWS} demo patients`);
  await writeDemoCsv(csv);

  const server = await serveApp(APP_DIR, PORT);
  const url = `http://127.0.0.1:${PORT}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'] });
  try {
    log('cold start');
    const cold = await times(want('coldStartMs') ? RUNS : 0, () => coldStart(browser, url));

    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('[data-testid="table-item"]').first().waitFor({ timeout: 300_000 });
    const browserLoad: number[] = [];
    const nativeLoad: number[] = [];
    let rows = 0;
    // Interleaved so both sides see the same machine conditions.
    for (let i = 0; i < (want('load1M') ? RUNS : 0); i++) {
      log(`load ${i + 1}/${RUNS}`);
      const b = await page.evaluate(
        (u) => (window as unknown as { __tokumei: { benchLoad(u: string): Promise<{ ms: number; rows: number }> } }).__tokumei.benchLoad(u),
        '/bench-data/patients-1m.csv',
      );
      browserLoad.push(b.ms);
      const n = await nativeLoadMs(csv);
      nativeLoad.push(n.ms);
      if (b.rows !== n.rows) throw new Error(`row counts differ: browser ${b.rows}, native ${n.rows}`);
      rows = n.rows;
    }
    await context.close();

    log('risk');
    const risk1M = !want('risk1M') ? undefined : await riskBench(browser, url, '/bench-data/patients-1m.csv', csv, RUNS, log);

    log('searchAdult');
    const searchAdult = want('searchAdult') ? await searchAdultBench(browser, url, dataDir, RUNS) : undefined;

    log('cellSuppression92k');
    const cellSuppression92k = want('cellSuppression92k') ? await cellSuppressionBench(RUNS) : undefined;

    const result = {
      machine: { cores: cpus().length, chromium: browser.version(), runs: RUNS },
      coldStartMs: round(median(cold)),
      load1M: {
        rows,
        browserMs: round(median(browserLoad)),
        nativeMs: round(median(nativeLoad)),
        ratio: round(median(browserLoad) / median(nativeLoad), 2),
      },
      risk1M,
      searchAdult,
      cellSuppression92k,
    };
    console.log(JSON.stringify(result));
  } finally {
    await browser.close();
    server.close();
    rmSync(join(APP_DIR, '..'), { recursive: true, force: true });
  }
}

await main();
