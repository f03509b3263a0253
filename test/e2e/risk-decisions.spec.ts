import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/risk-decisions/${name}`, import.meta.url));

async function openWith(page: Page, files: string[], table: string): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('table-item').first()).toBeVisible();
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-busy', 'false', { timeout: 120_000 });
  await loadAndSelect(page, files, table);
}

/** Loads files and selects a table once the load has settled (the app selects the last file it loaded). */
async function loadAndSelect(page: Page, files: string[], table: string): Promise<void> {
  await page.locator('input[type=file]').first().setInputFiles(files.map(fixture));
  const last = files[files.length - 1].replace(/\.csv$/, '');
  await expect(page.getByRole('heading', { level: 2, name: last, exact: true })).toBeVisible();
  await page.locator(`[data-testid="table-item"][data-name="${table}"]`).click();
  await expect(page.getByRole('heading', { level: 2, name: table, exact: true })).toBeVisible();
}

async function chooseQis(page: Page, columns: string[]): Promise<void> {
  const picker = page.getByTestId('risk-qi-picker');
  for (const c of columns) await picker.getByLabel(c, { exact: true }).check();
}

async function figure(page: Page, testid: string): Promise<number> {
  const el = page.getByTestId(testid);
  await expect(el).toBeVisible();
  return Number(await el.getAttribute('data-value'));
}

async function settled(page: Page, card: string): Promise<void> {
  await expect(page.getByTestId(card)).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
}

const row = (page: Page, column: string, value: string) => page.locator(`[data-testid="risk-peculiar-row"][data-column="${column}"][data-value="${value}"]`);

/** Waits until the risk figures reflect the spec just edited (the cards go stale, then done). */
async function remeasured(page: Page): Promise<void> {
  await settled(page, 'risk-card-classes');
  await settled(page, 'risk-card-peculiar');
}

test('peculiar values: keep with a reason, delete, undo, blank, change, recode — recorded in the spec and applied', async ({ page }, testInfo) => {
  await openWith(page, ['peculiar.csv'], 'peculiar');
  await page.getByRole('tab', { name: 'リスク' }).click();
  await chooseQis(page, ['年代', '性別']);
  await page.getByTestId('risk-sensitive').selectOption('病名');
  await remeasured(page);
  expect(await figure(page, 'risk-records')).toBe(28);
  // Q87 (1 record) and J45 (4 records) are rarer than 5; nothing else is.
  await expect(page.getByTestId('risk-peculiar-row')).toHaveCount(2);
  await expect(row(page, '病名', 'Q87')).toHaveAttribute('data-status', 'undecided');

  // Keeping needs a reason: without one nothing is recorded.
  await row(page, '病名', 'Q87').getByTestId('peculiar-action-keep').click();
  const form = page.getByTestId('peculiar-form');
  await expect(form).toContainText('加工前の値 1 個に記録します: Q87');
  await form.getByTestId('peculiar-save').click();
  await expect(form.getByTestId('peculiar-reason-error')).toBeVisible();
  await expect(row(page, '病名', 'Q87')).toHaveAttribute('data-status', 'undecided');
  await form.getByTestId('peculiar-reason').fill('研究目的（先天異常の解析）に必須');
  await form.getByTestId('peculiar-save').click();
  await remeasured(page);
  await expect(row(page, '病名', 'Q87')).toHaveAttribute('data-status', 'decided');
  await expect(row(page, '病名', 'Q87').getByTestId('peculiar-decided')).toHaveText('残す');
  await expect(page.getByTestId('peculiar-recorded')).toHaveAttribute('data-count', '1');

  // With review required, the undecided value blocks.
  await page.getByTestId('peculiar-review').check();
  await expect(page.getByTestId('risk-peculiar-blocker')).toHaveAttribute('data-count', '1');

  // Delete J45's records: the release loses 4 records and the value leaves the list.
  await row(page, '病名', 'J45').getByTestId('peculiar-action-suppressRecord').click();
  await expect(page.getByTestId('peculiar-reason')).toHaveValue(/^特異値: /);
  await page.getByTestId('peculiar-save').click();
  await remeasured(page);
  await expect(row(page, '病名', 'J45')).toHaveCount(0);
  expect(await figure(page, 'risk-records')).toBe(24);
  await expect(page.getByTestId('risk-peculiar-all-decided')).toBeVisible();
  const recorded = page.getByTestId('peculiar-recorded-item');
  await expect(recorded).toHaveCount(2);
  await testInfo.attach('peculiar-decided', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

  // Undo it from the recorded decisions: the records and the finding come back.
  await page.locator('[data-testid="peculiar-recorded-item"][data-value="J45"]').getByTestId('peculiar-recorded-remove').click();
  await remeasured(page);
  expect(await figure(page, 'risk-records')).toBe(28);
  await expect(row(page, '病名', 'J45')).toHaveAttribute('data-status', 'undecided');
  await expect(page.getByTestId('risk-peculiar-blocker')).toHaveAttribute('data-count', '1');

  // Blank J45 instead: the records stay, the value is gone.
  await row(page, '病名', 'J45').getByTestId('peculiar-action-suppressCell').click();
  await page.getByTestId('peculiar-save').click();
  await remeasured(page);
  await expect(row(page, '病名', 'J45')).toHaveCount(0);
  expect(await figure(page, 'risk-records')).toBe(28);
  await expect(page.locator('[data-testid="peculiar-recorded-item"][data-value="J45"]')).toHaveAttribute('data-action', 'suppressCell');

  // Change the kept value to a blank: the reason written before is offered again.
  await row(page, '病名', 'Q87').getByTestId('peculiar-change').click();
  await expect(page.getByTestId('peculiar-reason')).toHaveValue('研究目的（先天異常の解析）に必須');
  await page.getByTestId('peculiar-form-suppressCell').check();
  await page.getByTestId('peculiar-save').click();
  await remeasured(page);
  await expect(page.getByTestId('risk-peculiar-row')).toHaveCount(0);
  await expect(page.locator('[data-testid="peculiar-recorded-item"][data-value="Q87"]')).toHaveAttribute('data-action', 'suppressCell');

  // Recode: records nothing, opens the column's transform.
  await page.locator('[data-testid="peculiar-recorded-item"][data-value="Q87"]').getByTestId('peculiar-recorded-remove').click();
  await remeasured(page);
  await row(page, '病名', 'Q87').getByTestId('peculiar-action-recode').click();
  await expect(page.getByRole('tab', { name: '加工' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-testid="transform-column"][data-column="病名"]')).toHaveAttribute('aria-current', 'true');
  await page.getByRole('tab', { name: 'リスク' }).click();
  await remeasured(page);
  await expect(row(page, '病名', 'Q87')).toHaveAttribute('data-status', 'undecided');
  await expect(page.getByTestId('peculiar-recorded-item')).toHaveCount(1);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('risk-peculiar-blocker')).toContainText('peculiar values have no decision');
});

/*
 * sample.csv against population.csv under decade-spec.json: hand-derived in
 * test/unit/risk/population-journalist.test.ts — journalist highest 1/2, records above 0.2:
 * 5 of 8, average = marketer = 67/240; the population has 29 records.
 */
test('journalist risk with a loaded table as the population, generalized by the same spec', async ({ page }) => {
  await openWith(page, ['sample.csv', 'population.csv'], 'sample');
  await page.getByRole('tab', { name: '分類' }).click();
  await page.getByTestId('spec-open-input').setInputFiles(fixture('decade-spec.json'));
  await expect(page.locator('[data-testid="classify-row"][data-column="年齢"]')).toHaveAttribute('data-role', 'quasi');
  await page.getByRole('tab', { name: 'リスク' }).click();
  await settled(page, 'risk-card-classes');
  expect(await figure(page, 'risk-prosecutor-highest')).toBe(1);
  // Without a population table the data is its own population.
  expect(await figure(page, 'risk-journalist-highest')).toBe(1);

  await page.getByTestId('risk-population-table').selectOption('population');
  await settled(page, 'risk-card-journalist');
  await expect(page.getByTestId('risk-population-using')).toContainText('「population」（29 件）');
  expect(await figure(page, 'risk-journalist-highest')).toBe(0.5);
  expect(await figure(page, 'risk-journalist-at-risk')).toBe(0.625);
  expect(await figure(page, 'risk-journalist-average')).toBeCloseTo(67 / 240, 12);
  expect(await figure(page, 'risk-marketer-average')).toBeCloseTo(67 / 240, 12);
  expect(await figure(page, 'risk-prosecutor-highest')).toBe(1);

  // A table without the quasi-identifiers is named as the problem; the other cards keep their figures.
  await loadAndSelect(page, ['weights.csv'], 'sample');
  await page.getByRole('tab', { name: 'リスク' }).click();
  await page.getByTestId('risk-population-table').selectOption('weights');
  await expect(page.getByTestId('risk-population-error')).toContainText('年齢');
  await settled(page, 'risk-card-utility');
});

/** sdcMicro's individual risk (Benedetti–Franconi, method "approx"), from its definition with fk = records and Fk = Σ weights of a key. */
function benedettiFranconi(fk: number, Fk: number): number {
  if (fk === Fk) return 1 / fk;
  const p = fk / Fk;
  if (fk > 2) return p / (fk - (1 - p));
  const odds = p / (1 - p);
  return fk === 2 ? odds - odds * odds * Math.log(1 / p) : odds * Math.log(1 / p);
}

/** The figures expected for weights.csv, computed here from the file. */
function expectedWeighted(threshold: number) {
  const [header, ...lines] = readFileSync(fixture('weights.csv'), 'utf8').trim().split('\n');
  const cols = header.split(',');
  const records = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
  const keyOf = (r: Record<string, string>) => `${r['地域']}|${r['性別']}|${r['年代']}`;
  const fk = new Map<string, number>();
  const Fk = new Map<string, number>();
  for (const r of records) {
    fk.set(keyOf(r), (fk.get(keyOf(r)) ?? 0) + 1);
    Fk.set(keyOf(r), (Fk.get(keyOf(r)) ?? 0) + Number(r.w));
  }
  const risks = records.map((r) => benedettiFranconi(fk.get(keyOf(r))!, Fk.get(keyOf(r))!));
  const sum = risks.reduce((a, b) => a + b, 0);
  return { max: Math.max(...risks), mean: sum / risks.length, expected: sum, above: risks.filter((x) => x > threshold).length };
}

test('weighted individual risk: the sampling-weight column picked in the panel gives the Benedetti–Franconi figures', async ({ page }) => {
  await openWith(page, ['weights.csv'], 'weights');
  await page.getByRole('tab', { name: 'リスク' }).click();
  await chooseQis(page, ['地域', '性別', '年代']);
  await settled(page, 'risk-card-individual');
  // Unweighted, every record stands for itself: 1 / class size, the largest 1.
  expect(await figure(page, 'risk-individual-max')).toBe(1);

  await page.getByTestId('risk-weight').selectOption('w');
  await expect(page.getByTestId('risk-card-individual')).toContainText('ウェイト列「w」を使用');
  await settled(page, 'risk-card-individual');
  const want = expectedWeighted(0.2);
  // The hand case mixes every branch: fk 1 of Fk 10, 2 of 20, 4 of 40, and weights of 1 (fk = Fk).
  expect(want.above).toBe(5);
  expect(await figure(page, 'risk-individual-max')).toBeCloseTo(want.max, 12);
  expect(await figure(page, 'risk-individual-mean')).toBeCloseTo(want.mean, 12);
  expect(await figure(page, 'risk-individual-expected')).toBeCloseTo(want.expected, 12);
  expect(await figure(page, 'risk-individual-above')).toBe(want.above);

  // Above 0.5 only the record that is alone with a weight of 1 remains (risk 1); the one alone with weight 10 has (1/9)·ln 10.
  await page.getByTestId('risk-threshold').fill('0.5');
  await settled(page, 'risk-card-individual');
  expect(expectedWeighted(0.5).above).toBe(1);
  await expect(page.getByTestId('risk-individual-above')).toHaveAttribute('data-value', '1');
});
