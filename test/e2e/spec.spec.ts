import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

async function openDemo(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('table-item').first()).toBeVisible();
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-busy', 'false', { timeout: 120_000 });
  await page.locator('[data-testid="table-item"][data-name="患者"]').click();
}

async function applyAnonymizedPreset(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '分類' }).click();
  // Detection has run when the suggested role of 氏名 shows.
  await expect(page.locator('[data-testid="classify-row"][data-column="氏名"] .suggested')).toContainText('直接識別子', { timeout: 60_000 });
  await page.getByTestId('preset-select').selectOption('anonymized');
  await expect(page.getByTestId('preset-panel')).toContainText('法令で定められた k の値はありません');
  await page.getByTestId('preset-propose').click();
  await expect(page.getByTestId('preset-proposals')).toContainText('列「電話番号」');
  await page.getByTestId('preset-apply').click();
  await expect(page.locator('[data-testid="classify-row"][data-column="氏名"]')).toHaveAttribute('data-role', 'identifier');
  await expect(page.getByTestId('role-summary')).toContainText('未設定 0');
}

test('preset, one change, transformed preview, undo/redo, save and reopen the spec', async ({ page }) => {
  await openDemo(page);
  await applyAnonymizedPreset(page);

  // One change of role in Classify: 血液型 becomes a quasi-identifier (undone again below).
  const blood = page.locator('[data-testid="role-select"][data-column="血液型"]');
  const before = await blood.inputValue();
  await blood.selectOption('quasi');
  await expect(blood).toHaveValue('quasi');
  await page.getByTestId('spec-undo').click();
  await expect(blood).toHaveValue(before);

  await page.getByRole('tab', { name: '加工' }).click();
  const preview = page.getByTestId('spec-preview');
  await expect(preview).toHaveAttribute('data-busy', 'false', { timeout: 60_000 });
  await expect(page.getByTestId('spec-blockers')).toHaveAttribute('data-count', '0');
  const after = page.getByTestId('preview-after');
  await expect(after.getByRole('columnheader', { name: /患者ID/ })).toBeVisible();
  await expect(after.getByRole('columnheader', { name: /氏名/ })).toHaveCount(0);
  await expect(after.getByRole('columnheader', { name: /電話番号/ })).toHaveCount(0);
  await expect(page.getByTestId('preview-before').getByRole('columnheader', { name: /電話番号/ })).toBeVisible();
  // The source ID is not on the after side: it is pseudonymized.
  await expect(page.getByTestId('preview-before').getByRole('gridcell', { name: 'P0000001' })).toBeVisible();
  await expect(after.getByRole('gridcell', { name: 'P0000001' })).toHaveCount(0);
  await expect(page.getByTestId('key-note')).toContainText('仕様ファイルにも出ません');

  // The change in Transform: postal codes to 5 digits instead of 3.
  await page.locator('[data-testid="transform-column"][data-column="郵便番号"]').click();
  const level = page.locator('[data-testid="transform-editor"] [data-testid="generalize-level"]');
  await expect(level).toHaveValue('2');
  await level.selectOption('1');
  await expect(preview).toHaveAttribute('data-busy', 'false');
  await expect(after.getByRole('gridcell').filter({ hasText: /^\d{5}$/ }).first()).toBeVisible();
  await expect(page.getByTestId('hierarchy-preview')).toContainText('グループ');

  await page.keyboard.press('Control+z');
  await expect(level).toHaveValue('2');
  await expect(preview).toHaveAttribute('data-busy', 'false');
  await expect(after.getByRole('gridcell').filter({ hasText: /^\d{5}$/ })).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(level).toHaveValue('1');
  await page.getByTestId('spec-undo').click();
  await expect(level).toHaveValue('2');
  await page.getByTestId('spec-redo').click();
  await expect(level).toHaveValue('1');

  // Save: a local download of the spec, without any key.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('spec-save').click()]);
  expect(download.suggestedFilename()).toBe('spec.json');
  const file = (await download.path())!;
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  const entry = (name: string) => saved.columns.find((c: { name: string }) => c.name === name);
  expect(entry('氏名').transforms).toEqual([{ kind: 'drop' }]);
  expect(entry('電話番号').transforms).toEqual([{ kind: 'drop' }]);
  expect(entry('患者ID').transforms).toEqual([{ kind: 'pseudonymize' }]);
  expect(entry('郵便番号').transforms).toEqual([{ kind: 'generalize', hierarchy: 'postal', level: 1 }]);
  expect(saved.release.keyFingerprint).toBeUndefined();
  expect(saved.sources.tables).toEqual([{ name: '患者', rows: 10_000 }]);

  // Another change, then reopen the saved file: the saved spec is back.
  await level.selectOption('2');
  await expect(level).toHaveValue('2');
  await page.getByTestId('spec-open-input').setInputFiles(file);
  await expect(level).toHaveValue('1');

  // A bad file: each problem with its JSON path, and the spec being edited is kept.
  const bad = { version: 1, columns: [{ name: '氏名', role: 'boss', transforms: [{ kind: 'round', to: -1 }] }], release: { mode: 'anonymized' } };
  await page.getByTestId('spec-open-input').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  const issues = page.getByTestId('spec-open-issues');
  await expect(issues).toContainText('bad.json');
  await expect(issues.locator('[data-path="columns[0].role"]')).toBeVisible();
  await expect(issues.locator('[data-path="columns[0].transforms[0].to"]')).toContainText('0 より大きい');
  await expect(level).toHaveValue('1');
  await expect(page.getByTestId('spec-blockers')).toHaveAttribute('data-count', '0');
});

test('a blocker is listed with its path, and the column leaves the preview until it is fixed', async ({ page }) => {
  await openDemo(page);
  await applyAnonymizedPreset(page);
  await page.getByRole('tab', { name: '加工' }).click();
  await page.locator('[data-testid="transform-column"][data-column="電話番号"]').click();
  await page.locator('[data-testid="transform-editor"] [data-testid="transform-remove"]').click();
  const blockers = page.getByTestId('spec-blockers');
  await expect(blockers.getByTestId('spec-issue')).toContainText('電話番号');
  await expect(blockers.getByTestId('spec-issue').first()).toHaveAttribute('data-path', /^columns\[\d+\]$/);
  await expect(page.getByTestId('spec-preview')).toHaveAttribute('data-busy', 'false');
  await expect(page.getByTestId('preview-after').getByRole('columnheader', { name: /電話番号/ })).toHaveCount(0);
  await expect(page.getByTestId('preview-hidden')).toContainText('電話番号');
  await page.keyboard.press('Control+z');
  await expect(blockers).toHaveAttribute('data-count', '0');

  // In English too.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('tab', { name: 'Transform' })).toBeVisible();
  await expect(page.getByTestId('key-note')).toContainText('never appears on screen or in the spec file');
});

test('with the same key file, the browser preview gives the rows `tokumei apply` writes', async ({ page }) => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { spawnSync } = await import('node:child_process');
  const { randomBytes } = await import('node:crypto');
  const dir = mkdtempSync(join(tmpdir(), 'tokumei-e2e-'));
  const cli = (...args: string[]) => {
    const r = spawnSync('node', ['src/cli/bin.mjs', ...args], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout;
  };
  // The same demo the app opens with (10,000 patients, seed 20240401), and a key file.
  cli('demo', '--rows', '10000', '--seed', '20240401', '--out', dir);
  const keyFile = join(dir, 'release.key');
  writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });

  await openDemo(page);
  await applyAnonymizedPreset(page);
  await page.getByRole('tab', { name: '加工' }).click();
  const fingerprintBefore = await page.getByTestId('key-fingerprint').innerText();
  await page.getByTestId('key-file').setInputFiles(keyFile);
  await expect(page.getByTestId('key-fingerprint')).not.toHaveText(fingerprintBefore);
  const preview = page.getByTestId('spec-preview');
  await expect(preview).toHaveAttribute('data-busy', 'false', { timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('spec-save').click()]);
  const specFile = join(dir, 'spec.json');
  await download.saveAs(specFile);

  // The first visible rows of the browser's "after" grid, as CSV-like lines.
  const after = page.getByTestId('preview-after');
  const header = (await after.getByRole('columnheader').allInnerTexts()).slice(1).map((h) => h.split('\n')[0].trim());
  const rows = await after.getByRole('row').evaluateAll((els) =>
    els.slice(1, 6).map((r) => [...r.querySelectorAll('[role="gridcell"]')].map((c) => (c.textContent ?? '').trim())),
  );
  expect(rows.length).toBe(5);

  const out = join(dir, 'out.csv');
  cli('apply', join(dir, 'patients.csv'), '--spec', specFile, '--key', keyFile, '--out', out);
  const lines = readFileSync(out, 'utf8').trim().split('\n');
  const cliHeader = lines[0].split(',');
  expect(cliHeader).toEqual(header);
  const cliRows = new Set(lines.slice(1));
  for (const r of rows) {
    // The grid shows NULL for missing values; the CSV leaves the field empty.
    const line = r.map((v) => (v === 'NULL' ? '' : v)).join(',');
    expect(cliRows.has(line), `browser row not in the CLI output: ${line}`).toBe(true);
  }
});

test('an exclusion list removes its patients from the preview; the spec keeps only its digest', async ({ page }) => {
  await openDemo(page);
  await applyAnonymizedPreset(page);
  await page.getByTestId('subject-select').selectOption('患者ID');
  await page.getByRole('tab', { name: '加工' }).click();
  const preview = page.getByTestId('spec-preview');
  await expect(preview).toHaveAttribute('data-busy', 'false', { timeout: 60_000 });
  // Three listed patients (one of them twice, one unknown ID): 2 subjects of the demo are removed.
  await page.getByTestId('exclusion-file').setInputFiles({
    name: 'optout.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('P0000001\nP0000002\r\nP0000001\nP9999999\n'),
  });
  await expect(page.getByTestId('exclusion-summary')).toContainText('3 件');
  await expect(preview).toHaveAttribute('data-busy', 'false', { timeout: 60_000 });
  const counts = page.getByTestId('preview-counts');
  // Two demo patients are on the list (P9999999 is not in the data): their 2 records go.
  await expect(counts).toContainText('提供停止・削除の求めによるもの 2 行・2 人');
  await expect(counts).toContainText('元データ 10,000 行');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('spec-save').click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(JSON.parse(text).sources.exclusions.count).toBe(3);
  expect(text).not.toContain('P0000001');
  expect(text).not.toContain('P0000002');

  // A restarted worker gets the list back: the preview keeps removing the same patients.
  await page.evaluate(() => (window as unknown as { __tokumei: { crashEngine(): void } }).__tokumei.crashEngine());
  await expect(page.getByTestId('notice').filter({ hasText: '再起動' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-status', 'ready');
  await page.getByRole('tab', { name: '分類' }).click();
  await page.getByRole('tab', { name: '加工' }).click();
  await expect(preview).toHaveAttribute('data-busy', 'false', { timeout: 60_000 });
  await expect(counts).toContainText('提供停止・削除の求めによるもの 2 行・2 人');
});
