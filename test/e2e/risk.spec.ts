import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { NativeEngine } from '../../src/cli/native-engine.ts';
import { ident, literal } from '../../src/core/sql/quote.ts';
import type { SqlValue } from '../../src/core/engine.ts';

async function openDemo(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('table-item').first()).toBeVisible();
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-busy', 'false', { timeout: 120_000 });
  await page.locator('[data-testid="table-item"][data-name="患者"]').click();
}

async function chooseQis(page: Page, columns: string[]): Promise<void> {
  const picker = page.getByTestId('risk-qi-picker');
  for (const c of columns) await picker.getByLabel(c, { exact: true }).check();
}

/** The figure a card shows, as the number behind it. */
async function figure(page: Page, testid: string): Promise<number> {
  const el = page.getByTestId(testid);
  await expect(el).toBeVisible();
  return Number(await el.getAttribute('data-value'));
}

async function settled(page: Page, card: string): Promise<void> {
  await expect(page.getByTestId(card)).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
}

/**
 * The expected figures, computed apart from the app: the columns are read out of the page's table
 * with the read-only console's query call, loaded into native DuckDB, and counted there with SQL.
 */
async function nativeClassCounts(page: Page, columns: string[]): Promise<{ uniques: number; classes: number; minClass: number; records: number }> {
  const select = columns.map((c) => `CAST(${ident(c)} AS VARCHAR) AS ${ident(c)}`).join(', ');
  const rows = await page.evaluate(async (sql) => {
    const t = (window as unknown as { __tokumei: { client: { query(sql: string, limit: number): Promise<{ rows: unknown[][] }> } } }).__tokumei;
    return (await t.client.query(sql, 1_000_000)).rows;
  }, `SELECT ${select} FROM 患者`);
  const engine = await NativeEngine.create();
  try {
    await engine.exec(`CREATE TABLE t (${columns.map((c) => `${ident(c)} VARCHAR`).join(', ')})`);
    for (let i = 0; i < rows.length; i += 1000) {
      const values = rows.slice(i, i + 1000).map((r) => `(${(r as SqlValue[]).map((v) => literal(v === null ? null : String(v))).join(', ')})`);
      await engine.exec(`INSERT INTO t VALUES ${values.join(', ')}`);
    }
    const [r] = await engine.rows(
      `SELECT count(*) FILTER (WHERE n = 1) AS uniques, count(*) AS classes, min(n) AS k, sum(n) AS records
       FROM (SELECT count(*) AS n FROM t GROUP BY ${columns.map(ident).join(', ')})`,
    );
    return { uniques: Number(r.uniques), classes: Number(r.classes), minClass: Number(r.k), records: Number(r.records) };
  } finally {
    engine.close();
  }
}

test('on the demo, birth date + sex + postal code give the sample uniques native DuckDB counts, live', async ({ page }, testInfo) => {
  await openDemo(page);
  await page.getByRole('tab', { name: 'リスク' }).click();
  await expect(page.getByTestId('risk-prompt')).toBeVisible();

  await chooseQis(page, ['生年月日', '性別', '郵便番号']);
  await settled(page, 'risk-card-classes');
  const expected = await nativeClassCounts(page, ['生年月日', '性別', '郵便番号']);
  expect(expected.records).toBe(10_000);
  expect(await figure(page, 'risk-sample-uniques')).toBe(expected.uniques);
  expect(await figure(page, 'risk-classes')).toBe(expected.classes);
  expect(await figure(page, 'risk-min-class')).toBe(expected.minClass);
  expect(await figure(page, 'risk-records')).toBe(expected.records);
  // "Most of them": the answer the trainer expects on the demo.
  expect(expected.uniques / expected.records).toBeGreaterThan(0.5);
  expect(await figure(page, 'risk-prosecutor-highest')).toBe(1 / expected.minClass);
  await expect(page.getByTestId('risk-chart-sizes').locator('svg')).toBeVisible();
  await testInfo.attach('risk-three-columns', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

  // One more quasi-identifier: the cards go stale, then show the new answer.
  await chooseQis(page, ['血液型']);
  await expect(page.getByTestId('risk-card-classes')).not.toHaveAttribute('data-status', 'done', { timeout: 5_000 });
  await settled(page, 'risk-card-classes');
  const four = await nativeClassCounts(page, ['生年月日', '性別', '郵便番号', '血液型']);
  expect(await figure(page, 'risk-sample-uniques')).toBe(four.uniques);

  // Coarser: sex alone leaves no unique record.
  await page.getByRole('button', { name: 'すべて外す' }).click();
  await expect(page.getByTestId('risk-prompt')).toBeVisible();
  await chooseQis(page, ['性別']);
  await settled(page, 'risk-card-classes');
  const sex = await nativeClassCounts(page, ['性別']);
  expect(await figure(page, 'risk-sample-uniques')).toBe(0);
  expect(await figure(page, 'risk-classes')).toBe(sex.classes);
});

test('sensitive attribute, individual risk, population estimate, SUDA2 with progress, peculiar values, English', async ({ page }, testInfo) => {
  await openDemo(page);
  await page.getByRole('tab', { name: 'リスク' }).click();
  await chooseQis(page, ['生年月日', '性別']);
  await page.getByTestId('risk-sensitive').selectOption('主病名');
  await settled(page, 'risk-card-classes');
  await settled(page, 'risk-card-individual');
  // Distinct l: the fewest diagnoses in a class; unique records make it 1.
  expect(await figure(page, 'risk-l-distinct')).toBe(1);
  const t = await figure(page, 'risk-t-equal');
  expect(t).toBeGreaterThan(0);
  expect(t).toBeLessThanOrEqual(1);
  // Without weights sdcMicro's individual risk is 1 / class size, so its maximum is the prosecutor's.
  expect(await figure(page, 'risk-individual-max')).toBe(await figure(page, 'risk-prosecutor-highest'));

  await page.getByTestId('risk-population').fill('5000');
  await expect(page.getByTestId('risk-card-population')).toContainText('母集団の大きさ（5000）がデータの件数（10000）より小さく');
  await page.getByTestId('risk-population').fill('1,000,000');
  const fraction = await figure(page, 'risk-population-fraction');
  expect(fraction).toBeGreaterThan(0);
  expect(fraction).toBeLessThan(1);

  await page.getByTestId('risk-suda-run').click();
  await settled(page, 'risk-card-suda');
  const withMsu = await figure(page, 'risk-suda-msu-records');
  // Every sample unique has at least one MSU (the whole key set, if nothing smaller).
  expect(withMsu).toBeGreaterThanOrEqual(await figure(page, 'risk-sample-uniques'));

  await settled(page, 'risk-card-peculiar');
  await expect(page.getByTestId('risk-peculiar-table')).toBeVisible();
  await testInfo.attach('risk-full', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('tab', { name: 'Risk' })).toBeVisible();
  await expect(page.getByTestId('risk-card-classes')).toContainText('Unique records');
  await expect(page.getByTestId('risk-card-classes')).toContainText('no law fixes k');
});

test('figures follow the spec: the preset’s quasi-identifiers and generalizations', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('tab', { name: 'リスク' }).click();
  await chooseQis(page, ['生年月日', '性別', '郵便番号']);
  await settled(page, 'risk-card-classes');
  const raw = await figure(page, 'risk-sample-uniques');

  await page.getByRole('tab', { name: '分類' }).click();
  await expect(page.locator('[data-testid="classify-row"][data-column="氏名"] .suggested')).toContainText('直接識別子', { timeout: 60_000 });
  await page.getByTestId('preset-select').selectOption('anonymized');
  await page.getByTestId('preset-propose').click();
  await page.getByTestId('preset-apply').click();
  await expect(page.locator('[data-testid="classify-row"][data-column="氏名"]')).toHaveAttribute('data-role', 'identifier');

  await page.getByRole('tab', { name: 'リスク' }).click();
  // The ad hoc choice is kept until reset to the spec's quasi-identifiers.
  await page.getByRole('button', { name: '仕様の準識別子に戻す' }).click();
  await settled(page, 'risk-card-classes');
  await expect(page.getByTestId('risk-panel')).toContainText('編集中の加工仕様を適用した結果');
  // The preset generalizes birth dates and postal codes, so far fewer records are unique.
  expect(await figure(page, 'risk-sample-uniques')).toBeLessThan(raw);
  await settled(page, 'risk-card-utility');
  expect(await figure(page, 'risk-loss')).toBeGreaterThan(0);

  // A column the spec drops is not in the release: it is named, and left out of the figures.
  const before = await figure(page, 'risk-sample-uniques');
  await chooseQis(page, ['氏名']);
  await expect(page.getByTestId('risk-not-released')).toContainText('氏名');
  await settled(page, 'risk-card-classes');
  expect(await figure(page, 'risk-sample-uniques')).toBe(before);
});
