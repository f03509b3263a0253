import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const fixture = (p: string) => fileURLToPath(new URL(`../fixtures/${p}`, import.meta.url));

async function openReady(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('table-item').first()).toBeVisible();
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-busy', 'false', { timeout: 120_000 });
}

async function tableRows(page: Page, name: string): Promise<number> {
  const item = page.locator(`[data-testid="table-item"][data-name="${name}"]`);
  await expect(item).toBeVisible();
  return Number(await item.getAttribute('data-rows'));
}

test('boots cross-origin isolated, in Japanese, with the demo extract', async ({ page }) => {
  await openReady(page);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByTestId('engine-version')).toContainText('v1.4.3');
  expect(await tableRows(page, '患者')).toBe(10_000);
  // The grid shows real rows of the demo (a patient ID in the first data row).
  await expect(page.getByRole('grid').first()).toContainText('P0000001');
});

test('a genuine Shift_JIS file loads with correct half-width kana', async ({ page }) => {
  await openReady(page);
  await page.locator('input[type=file]').setInputFiles(fixture('jp-postal-13tokyo/13TOKYO.CSV'));
  expect(await tableRows(page, '13TOKYO')).toBe(4087);
  await page.locator('[data-testid="table-item"][data-name="13TOKYO"]').click();
  await expect(page.getByRole('grid').first()).toContainText('ﾄｳｷｮｳﾄ');
  await expect(page.getByTestId('table-encoding')).toContainText('Shift_JIS');
});

test('a broken file shows a clear error and keeps the loaded tables', async ({ page }) => {
  await openReady(page);
  const before = await page.getByTestId('table-item').count();
  await page.locator('input[type=file]').setInputFiles({
    name: 'broken.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'broken.csv' }).or(page.getByRole('alert')).first()).toBeVisible();
  await expect(page.getByTestId('table-item')).toHaveCount(before);
  expect(await tableRows(page, '患者')).toBe(10_000);
});

test('the SQL console answers queries and refuses to change data', async ({ page }) => {
  await openReady(page);
  await page.getByRole('tab', { name: /SQL/ }).click();
  const box = page.getByRole('textbox', { name: /SQL/ });
  await box.fill('SELECT count(*) AS n FROM 患者');
  await box.press('Control+Enter');
  await expect(page.getByTestId('sql-result')).toContainText('10000');
  await box.fill('DROP TABLE 患者');
  await box.press('Control+Enter');
  await expect(page.getByRole('alert').first()).toBeVisible();
  expect(await tableRows(page, '患者')).toBe(10_000);
});

test('switches to English', async ({ page }) => {
  await openReady(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('tab', { name: 'Profile' })).toBeVisible();
});

test('a dead engine is restarted and the workspace restored', async ({ page }) => {
  await openReady(page);
  await page.locator('input[type=file]').setInputFiles(fixture('jp-postal-13tokyo/13TOKYO.CSV'));
  expect(await tableRows(page, '13TOKYO')).toBe(4087);
  await page.evaluate(() => (window as unknown as { __tokumei: { crashEngine(): void } }).__tokumei.crashEngine());
  await expect(page.getByTestId('notice').filter({ hasText: '再起動' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-status', 'ready');
  expect(await tableRows(page, '13TOKYO')).toBe(4087);
  expect(await tableRows(page, '患者')).toBe(10_000);
});

// The guard itself must be able to fail: each of these tries to leave and is expected to fail.
test.fail('the egress guard catches a fetch() that leaves the machine', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => fetch('http://egress-check.invalid/x').catch(() => undefined));
  await page.waitForTimeout(500);
});

test.fail('the egress guard catches an image that leaves the machine', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => document.body.append(Object.assign(new Image(), { src: 'http://egress-check.invalid/y.png' })));
  await page.waitForTimeout(500);
});


test('the Tokyo COVID-19 list loads the same from UTF-8 (BOM), CP932, EUC-JP and gzip', async ({ page }) => {
  await openReady(page);
  const files = ['patients-500.utf8bom.csv', 'patients-500.cp932.csv', 'patients-500.eucjp.csv', 'patients-500.utf8bom.csv.gz'];
  await page.locator('input[type=file]').setInputFiles(files.map((f) => fixture(`tokyo-covid19/${f}`)));
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-busy', 'false', { timeout: 120_000 });
  const names = await page.getByTestId('table-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-name')));
  const loaded = names.filter((n) => n?.startsWith('patients_500'));
  expect(loaded).toHaveLength(4);
  for (const name of loaded) expect(await tableRows(page, name!)).toBe(500);
  // Same answer from every copy: the count of patients living in Tokyo (都内), asked through the console.
  await page.getByRole('tab', { name: /SQL/ }).click();
  const box = page.getByRole('textbox', { name: /SQL/ });
  const union = loaded.map((n) => `SELECT '${n}' AS t, count(*) FILTER (患者_居住地 = '都内') AS n FROM "${n}"`).join(' UNION ALL ');
  await box.fill(`SELECT 'answers=' || count(DISTINCT n) || ';tokyo=' || min(n) AS r FROM (${union})`);
  await box.press('Control+Enter');
  const result = page.getByTestId('sql-result').getByRole('grid');
  await expect(result).toContainText('answers=1;tokyo=');
  const tokyo = Number((await result.innerText()).match(/tokyo=(\d+)/)?.[1]);
  expect(tokyo).toBeGreaterThan(100);
  expect(tokyo).toBeLessThan(500);
});

test('Parquet loads, and a zoned timestamp becomes a plain TIMESTAMP', async ({ page }) => {
  await openReady(page);
  await page.locator('input[type=file]').setInputFiles(fixture('tokyo-covid19/patients-500.parquet'));
  expect(await tableRows(page, 'patients_500')).toBe(500);
  await page.locator('[data-testid="table-item"][data-name="patients_500"]').click();
  await page.getByRole('tab', { name: '列と型' }).click();
  const row = page.getByRole('row').filter({ hasText: '記録時刻' });
  await expect(row).toContainText('TIMESTAMP');
  await expect(row).not.toContainText('TIME ZONE');
});

test('the profile draws histograms and the grid moves by keyboard', async ({ page }) => {
  await openReady(page);
  await page.getByRole('tab', { name: 'プロファイル' }).click();
  await expect(page.locator('svg').filter({ has: page.locator('rect') }).first()).toBeVisible();
  await page.getByRole('tab', { name: 'データ' }).click();
  const grid = page.getByRole('grid').first();
  await grid.getByRole('gridcell').first().click();
  await page.keyboard.press('Control+End');
  await expect(grid).toContainText('P0010000');
  await page.keyboard.press('Control+Home');
  await expect(grid).toContainText('P0000001');
});

test('a long query can be cancelled, and the engine keeps working', async ({ page }) => {
  await openReady(page);
  await page.getByRole('tab', { name: /SQL/ }).click();
  const box = page.getByRole('textbox', { name: /SQL/ });
  await box.fill('SELECT count(*) FROM range(1000000000000) a');
  await box.press('Control+Enter');
  await page.getByRole('button', { name: '中止' }).click();
  await expect(page.getByText('クエリを中止しました')).toBeVisible();
  await box.fill('SELECT 40 + 2 AS answer');
  await box.press('Control+Enter');
  await expect(page.getByTestId('sql-result').getByRole('grid')).toContainText('42');
});
