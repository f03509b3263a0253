#!/usr/bin/env node
// `npm test`: every suite, then one closing line with the totals of all of them.
// Unit tests (Vitest, Node: core on duckdb-wasm and native DuckDB) → build → e2e
// (Playwright on the system Chromium). Nothing here downloads a browser.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const totals = { passed: 0, failed: 0, skipped: 0 };
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });

function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log(`Chromium not found at ${CHROMIUM}; installing Debian's chromium package…`);
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium']);
  }
  if (existsSync(CHROMIUM)) return true;
  console.error(
    `\nThe end-to-end tests need Chromium at ${CHROMIUM} (or set CHROMIUM_PATH).\n` +
      `Install it with:  sudo apt-get install -y chromium\n` +
      `Chromium が見つかりません。次のコマンドでインストールしてください:  sudo apt-get install -y chromium\n`,
  );
  return false;
}

mkdirSync('test-results', { recursive: true });

// 1. Unit
const unit = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']);
if (existsSync('test-results/unit.json')) {
  const r = JSON.parse(readFileSync('test-results/unit.json', 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests + (r.numTotalTestSuites && r.success === false && r.numFailedTests === 0 ? 1 : 0);
  totals.skipped += r.numPendingTests + r.numTodoTests;
} else if (unit.status !== 0) totals.failed += 1;

// 2. Build + e2e
const skipE2e = process.env.TOKUMEI_SKIP_E2E === '1';
if (!skipE2e) {
  const build = run('npx', ['vite', 'build', '--logLevel', 'warn']);
  if (build.status !== 0) totals.failed += 1;
  else if (!ensureChromium()) totals.failed += 1;
  else {
    run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/e2e.json', CHROMIUM_PATH: CHROMIUM });
    if (existsSync('test-results/e2e.json')) {
      const r = JSON.parse(readFileSync('test-results/e2e.json', 'utf8'));
      totals.passed += r.stats.expected;
      totals.failed += r.stats.unexpected + r.stats.flaky;
      totals.skipped += r.stats.skipped;
      if ((r.errors ?? []).length && r.stats.expected + r.stats.unexpected === 0) totals.failed += 1;
    } else totals.failed += 1;
  }
} else {
  console.log('TOKUMEI_SKIP_E2E=1: end-to-end suite not run.');
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
