import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { NativeEngine } from '../../src/cli/native-engine.ts';
import type { SqlValue } from '../../src/core/engine.ts';
import { searchFromSpec } from '../../src/core/risk/search-from-spec.ts';
import { searchOptimumSync } from '../../src/core/search/search.ts';
import { applyEdits, emptySpec, serializeSpec, type ReleaseSpec, type SpecEdit } from '../../src/core/spec/index.ts';
import { ident, literal } from '../../src/core/sql/quote.ts';

async function openDemo(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('table-item').first()).toBeVisible();
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-busy', 'false', { timeout: 120_000 });
  await page.locator('[data-testid="table-item"][data-name="患者"]').click();
}

/** Birth date as age bands, postal code by prefix: the demo extract's own day is the reference date. */
const HIERARCHIES: SpecEdit[] = [
  {
    op: 'setHierarchy',
    hierarchy: { name: 'birthAge', kind: 'age', referenceDate: '2024-04-01', levels: [{ width: 1 }, { width: 5 }, { width: 10 }], top: { at: 90, label: '90以上' } },
  },
  { op: 'setHierarchy', hierarchy: { name: 'postal', kind: 'prefix', levels: [{ keep: 3 }, { keep: 1 }, { keep: 0 }], alnumOnly: true } },
  { op: 'setHierarchy', hierarchy: { name: 'body', kind: 'interval', levels: [{ width: 5 }, { width: 10 }, { width: 20 }, { width: 40 }] } },
  { op: 'setHierarchy', hierarchy: { name: 'initial', kind: 'prefix', levels: [{ keep: 1 }, { keep: 0 }] } },
];
const gen = (name: string, hierarchy: string): SpecEdit => ({ op: 'setColumn', column: { name, role: 'quasi', transforms: [{ kind: 'generalize', hierarchy, level: 0 }] } });

/** Three quasi-identifiers (sex without a hierarchy): a lattice of 16 nodes. */
const small: ReleaseSpec = applyEdits(emptySpec(), [
  ...HIERARCHIES,
  gen('生年月日', 'birthAge'),
  { op: 'setColumn', column: { name: '性別', role: 'quasi', transforms: [] } },
  gen('郵便番号', 'postal'),
  { op: 'setColumn', column: { name: '主病名', role: 'sensitive', transforms: [] } },
  { op: 'setModel', model: { k: 5, suppressionLimit: 0.05 } },
]);
/** Eight: a lattice of 10,800 nodes, drawn as a projection. */
const wide: ReleaseSpec = applyEdits(small, [gen('身長', 'body'), gen('体重', 'body'), gen('血液型', 'initial'), gen('都道府県', 'initial'), gen('市区町村', 'initial')]);

async function openSpec(page: Page, spec: ReleaseSpec): Promise<void> {
  await page.getByRole('tab', { name: '加工', exact: true }).click();
  await page.getByTestId('spec-open-input').setInputFiles({ name: 'spec.json', mimeType: 'application/json', buffer: Buffer.from(serializeSpec(spec)) });
  await page.getByRole('tab', { name: '探索', exact: true }).click();
  await expect(page.getByTestId('search-view')).toBeVisible();
}

/** The expected optimum, computed apart from the app: the page's columns in native DuckDB, searched by the core in Node. */
async function nativeOptimum(page: Page, spec: ReleaseSpec): Promise<{ levels: Record<string, number> | null; loss: number | null; suppressed: number; lattice: number }> {
  const columns = ['生年月日', '性別', '郵便番号', '主病名'];
  const rows = await page.evaluate(async (sql) => {
    const t = (window as unknown as { __tokumei: { client: { query(sql: string, limit: number): Promise<{ rows: unknown[][] }> } } }).__tokumei;
    return (await t.client.query(sql, 1_000_000)).rows;
  }, `SELECT CAST(生年月日 AS VARCHAR), 性別, 郵便番号, 主病名 FROM 患者`);
  const engine = await NativeEngine.create();
  try {
    await engine.exec(`CREATE TABLE 患者 (生年月日 DATE, 性別 VARCHAR, 郵便番号 VARCHAR, 主病名 VARCHAR)`);
    for (let i = 0; i < rows.length; i += 1000) {
      const values = rows.slice(i, i + 1000).map((r) => `(${(r as SqlValue[]).map((v) => literal(v === null ? null : String(v))).join(', ')})`);
      await engine.exec(`INSERT INTO 患者 (${columns.map(ident).join(', ')}) VALUES ${values.join(', ')}`);
    }
    const prepared = await searchFromSpec(engine, spec, { table: '患者' });
    const r = searchOptimumSync(prepared.input, { ...prepared.model, metric: 'loss' });
    return { levels: r.levels, loss: r.infoLoss, suppressed: r.suppressedRecords, lattice: r.latticeSize };
  } finally {
    engine.close();
  }
}

test('search: progress and cancel on a wide lattice, then k = 5 on the demo, and a lattice node applied to the spec', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await openDemo(page);

  // A wide spec and t-closeness alone with suppression: no monotonicity, so every node is checked — a long search.
  await openSpec(page, wide);
  await expect(page.getByTestId('search-qi')).toHaveCount(8);
  await page.getByTestId('search-k').fill('');
  await page.getByTestId('search-t').fill('0.3');
  await expect(page.getByTestId('search-sensitive')).toHaveValue('主病名');
  await page.getByTestId('search-run').click();
  const progress = page.getByTestId('search-progress-text');
  await expect(progress).toBeVisible({ timeout: 60_000 });
  await expect.poll(async () => Number(await progress.getAttribute('data-checked')), { timeout: 60_000 }).toBeGreaterThan(0);
  expect(Number(await progress.getAttribute('data-total'))).toBe(10_800);
  await expect(page.getByRole('progressbar', { name: '探索の進み具合' })).toBeVisible();
  // The page stays responsive while the worker searches (the form is locked meanwhile).
  await expect(page.getByTestId('search-k')).toBeDisabled();
  await testInfo.attach('search-running', { body: await page.screenshot(), contentType: 'image/png' });
  const t0 = Date.now();
  await page.getByTestId('search-cancel').click();
  await expect(page.getByTestId('search-view')).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('search-status')).toHaveText('探索を中止しました。');
  expect(Date.now() - t0).toBeLessThan(5_000);
  await expect(page.getByTestId('search-progress')).toHaveCount(0);
  await expect(page.getByTestId('search-result')).toHaveCount(0);

  // The wide lattice, searched for k = 5 (quick with monotonicity), is drawn as a projection.
  await page.getByTestId('search-t').fill('');
  await page.getByTestId('search-k').fill('5');
  await page.getByTestId('search-run').click();
  await expect(page.getByTestId('search-result')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('search-space')).toHaveAttribute('data-kind', 'projection');
  await expect(page.getByTestId('search-space-counts')).toBeVisible();
  expect(await page.getByTestId('search-node').count()).toBeGreaterThan(0);
  await testInfo.attach('search-projection', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

  // Three quasi-identifiers: sex has no hierarchy, and the view says so and what to do.
  await openSpec(page, small);
  await expect(page.getByTestId('search-stale')).toBeVisible();
  await expect(page.locator('[data-testid="search-qi"][data-column="性別"] [data-testid="search-qi-problem"]')).toContainText('「加工」タブ');
  await expect(page.locator('[data-testid="search-qi"][data-column="生年月日"]')).toContainText('birthAge');
  await page.getByTestId('search-run').click();
  await expect(page.getByTestId('search-view')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  const result = page.getByTestId('search-result');
  await expect(result).toHaveAttribute('data-found', 'true');

  const expected = await nativeOptimum(page, small);
  expect(expected.lattice).toBe(16);
  for (const [column, level] of Object.entries(expected.levels!)) {
    await expect(page.locator(`[data-testid="search-optimum-level"][data-column="${column}"]`)).toHaveAttribute('data-level', String(level));
  }
  expect(Number(await page.getByTestId('search-summary').getAttribute('data-loss'))).toBe(expected.loss);
  expect(Number(await page.getByTestId('search-summary').getAttribute('data-suppressed'))).toBe(expected.suppressed);
  await expect(page.getByTestId('search-frontier-row').first()).toBeVisible();

  // The whole lattice, every node a button.
  const space = page.getByTestId('search-space');
  await expect(space).toHaveAttribute('data-kind', 'lattice');
  await expect(page.getByTestId('search-node')).toHaveCount(16);
  const optimum = page.locator('[data-testid="search-node"][data-optimum="true"]');
  await expect(optimum).toHaveAttribute('data-levels', [expected.levels!['生年月日'], 0, expected.levels!['郵便番号']].join(','));
  await expect(optimum).toHaveAttribute('aria-label', /最適/);
  await testInfo.attach('search-lattice', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

  // Clicking the top node (everything generalized) applies it; the Transform view shows the new levels.
  await page.locator('[data-testid="search-node"][data-levels="3,0,3"]').click();
  await expect(page.getByTestId('search-applied')).toContainText('生年月日 L3');
  await page.getByRole('tab', { name: '加工', exact: true }).click();
  await expect(page.locator('[data-testid="transform-column"][data-column="生年月日"]')).toContainText('birthAge L3');
  await expect(page.locator('[data-testid="transform-column"][data-column="郵便番号"]')).toContainText('postal L3');

  // Back in Search: the node of the spec's levels is marked; the keyboard applies the optimum.
  await page.getByRole('tab', { name: '探索', exact: true }).click();
  await expect(page.locator('[data-testid="search-node"][data-levels="3,0,3"]')).toHaveAttribute('aria-label', /仕様の現在のレベル/);
  await optimum.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: '加工', exact: true }).click();
  await expect(page.locator('[data-testid="transform-column"][data-column="生年月日"]')).toContainText(`birthAge L${expected.levels!['生年月日']}`);
  // One undo puts the top node's levels back.
  await page.getByTestId('spec-undo').click();
  await expect(page.locator('[data-testid="transform-column"][data-column="郵便番号"]')).toContainText('postal L3');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('tab', { name: 'Search', exact: true }).click();
  await expect(page.getByTestId('search-space')).toContainText('Solution space');
});
