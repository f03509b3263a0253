import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { NativeEngine } from '../../src/cli/native-engine.ts';
import { applySpec } from '../../src/core/compile/apply.ts';
import { generateDemoFiles } from '../../src/core/demo/index.ts';
import { loadCsv } from '../../src/core/load/index.ts';
import { typeTable } from '../../src/core/load/type-table.ts';
import { PseudonymKey } from '../../src/core/pseudonymize/key.ts';
import { releasedRecordsSql } from '../../src/core/risk/record-suppression.ts';
import { parseSpec } from '../../src/core/spec/parse.ts';
import type { CellSuppressionReport } from '../../src/core/suppress/release.ts';

async function openDemo(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('table-item').first()).toBeVisible();
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-busy', 'false', { timeout: 120_000 });
  await page.locator('[data-testid="table-item"][data-name="患者"]').click();
}

async function figure(page: Page, testid: string): Promise<number> {
  const el = page.getByTestId(testid);
  await expect(el).toBeVisible();
  return Number(await el.getAttribute('data-value'));
}

/** What `tokumei apply` blanks for a spec on the demo's 患者: the same generator and core calls, on native DuckDB. */
async function nativeCells(specJson: unknown): Promise<CellSuppressionReport> {
  const spec = parseSpec(specJson);
  const engine = await NativeEngine.create();
  try {
    const f = generateDemoFiles({ patients: 10_000, seed: 20240401 }).find((x) => x.name === '患者')!;
    const report = await loadCsv(engine, { table: '患者', fileName: f.fileName, bytes: f.bytes, replace: true });
    await typeTable(engine, '患者', report.rows);
    const applied = await applySpec(engine, spec, { table: '患者', key: await PseudonymKey.generate() });
    const names = applied.outputColumns.map((c) => c.name);
    const qis = applied.outputColumns.filter((c) => c.role === 'quasi').map((c) => c.name);
    const release = await releasedRecordsSql(engine, applied.view, names, qis, spec.model);
    const cells = release.cells!.report;
    await release.dispose();
    await applied.dispose();
    return cells;
  } finally {
    engine.close();
  }
}

/**
 * The demo under the 匿名加工 preset (k = 5; height, weight, town and the rest make almost every
 * patient unique): cell suppression instead of record suppression, the prefecture kept longest,
 * compared with record suppression at the same k, then chosen for the release.
 */
test('demo, k = 5: cell suppression with importance, compared with record suppression, chosen for the release', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await openDemo(page);

  await page.getByRole('tab', { name: '分類' }).click();
  await expect(page.locator('[data-testid="classify-row"][data-column="氏名"] .suggested')).toContainText('直接識別子', { timeout: 60_000 });
  await page.getByTestId('preset-select').selectOption('anonymized');
  await page.getByTestId('preset-propose').click();
  await page.getByTestId('preset-apply').click();
  await expect(page.locator('[data-testid="classify-row"][data-column="氏名"]')).toHaveAttribute('data-role', 'identifier');

  await page.getByRole('tab', { name: '抑制プレビュー' }).click();
  await page.getByTestId('preview-method-cells').check();
  // The view's own preview of cell suppression first, so the run below is timed on its own.
  await expect(page.getByTestId('preview-card-summary')).toHaveAttribute('data-status', 'done', { timeout: 180_000 });
  const panel = page.getByTestId('cells-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('cells-k')).toHaveValue('5');
  const prefecture = panel.locator('[data-testid="cells-importance"][data-column="都道府県"] input');
  await prefecture.fill('8');
  await expect(panel.locator('[data-testid="cells-importance"][data-column="都道府県"] output')).toHaveText('8');

  await page.getByTestId('cells-run').click();
  await expect(panel).toHaveAttribute('data-status', 'done', { timeout: 180_000 });
  const total = await figure(page, 'cells-total');
  expect(total).toBeGreaterThan(0);
  expect(await figure(page, 'cells-k-reached')).toBeGreaterThanOrEqual(5);
  const ms = await figure(page, 'cells-ms');
  const algorithmMs = Math.round(Number(await page.getByTestId('cells-result').getAttribute('data-algorithm-ms')));
  console.log(`cell suppression on the 10k demo (anonymized preset, k = 5), in the browser worker: ${ms} ms in all, ${algorithmMs} ms the algorithm, ${total} cells`);
  testInfo.annotations.push({ type: 'cells-ms', description: JSON.stringify({ ms, algorithmMs }) });

  // Per column, the cells add up to the total; the prefecture, kept longest, loses fewest.
  const rows = panel.getByTestId('cells-column');
  const byColumn: Record<string, number> = {};
  for (const row of await rows.all()) byColumn[(await row.getAttribute('data-column'))!] = Number(await row.getAttribute('data-cells'));
  expect(Object.values(byColumn).reduce((s, n) => s + n, 0)).toBe(total);
  expect(byColumn['都道府県']).toBe(Math.min(...Object.values(byColumn)));

  // The same k by record suppression: almost every patient is below k, far beyond the preset's limit.
  const compare = page.getByTestId('cells-compare');
  const removed = Number(await compare.getByTestId('compare-records-removed').locator('td').nth(1).getAttribute('data-value'));
  expect(removed).toBeGreaterThan(9000);
  await expect(compare.getByTestId('compare-records-removed').locator('td').first()).toHaveText('0');
  await expect(compare.getByTestId('compare-reaches-k')).toContainText('届かない');
  const cellsLost = Number(await compare.getByTestId('compare-values-lost').locator('td').first().getAttribute('data-value'));
  expect(cellsLost).toBe(total);
  await testInfo.attach('cells-panel', { body: await panel.screenshot(), contentType: 'image/png' });

  // Chosen for the release: the spec's model now says cells, with k and the importance.
  await page.getByTestId('cells-use').click();
  await expect(page.getByTestId('cells-in-spec')).toBeVisible();
  await expect(page.getByTestId('cells-stale')).toHaveCount(0);
  await expect(page.getByTestId('preview-method').locator('label', { hasText: 'セル抑制' })).toContainText('仕様の設定');

  await page.getByRole('tab', { name: '分類' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('spec-save').click()]);
  const saved = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(saved.model).toMatchObject({ k: 5, suppression: 'cells', importance: { 都道府県: 8 } });

  // The command line's apply blanks exactly the cells the browser reported.
  const native = await nativeCells(saved);
  expect(native.suppressedCells).toBe(total);
  expect(native.byColumn).toEqual(byColumn);

  // Undoable like every spec edit.
  await page.getByTestId('spec-undo').click();
  await page.getByRole('tab', { name: '抑制プレビュー' }).click();
  await expect(page.getByTestId('preview-method').locator('label', { hasText: 'レコード削除' })).toContainText('仕様の設定');
});
