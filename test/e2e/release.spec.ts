import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/release-ui/${name}`, import.meta.url));

const PROVISION = {
  recipient: '国立テスト大学 医学部',
  recipientType: 'other',
  requestId: 'REQ-2026-042',
  purpose: '受診動向の研究',
  deliveryMethod: '暗号化媒体の手渡し',
  retention: '研究終了まで（最長3年）',
  deletionDeadline: '2029-03-31',
};
const CREATED_AT = '2026-11-21T10:00:00+09:00';
const OPERATOR = '山田 花子';
const APPROVER = '佐藤 一郎';
const REASON = '研修用の試行のため目標を満たさないまま提供する';

function cli(args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync('node', ['src/cli/bin.mjs', ...args], { encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('table-item').first()).toBeVisible();
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-busy', 'false', { timeout: 120_000 });
}

/** Opens a spec file and a key file in the Transform view, as a user would. */
async function useSpecAndKey(page: Page, specFile: string, keyFile: string | null): Promise<void> {
  await page.getByRole('tab', { name: '加工', exact: true }).click();
  await page.getByTestId('spec-open-input').setInputFiles(specFile);
  if (keyFile) {
    const before = await page.getByTestId('key-fingerprint').innerText();
    await page.getByTestId('key-file').setInputFiles(keyFile);
    await expect(page.getByTestId('key-fingerprint')).not.toHaveText(before);
  }
}

async function fillForm(page: Page, p: typeof PROVISION, formats: string[]): Promise<void> {
  await page.getByTestId('release-recipient').fill(p.recipient);
  await page.getByTestId('release-recipient-type').selectOption(p.recipientType);
  await page.getByTestId('release-request-id').fill(p.requestId);
  await page.getByTestId('release-purpose').fill(p.purpose);
  await page.getByTestId('release-delivery').fill(p.deliveryMethod);
  await page.getByTestId('release-retention').fill(p.retention);
  await page.getByTestId('release-deadline').fill(p.deletionDeadline);
  await page.getByTestId('release-operator').fill(OPERATOR);
  await page.getByTestId('release-approver').fill(APPROVER);
  await page.getByTestId('release-created-at').fill(CREATED_AT);
  for (const f of ['csv', 'csv-cp932', 'parquet']) await page.getByTestId(`release-format-${f}`).setChecked(formats.includes(f));
  await page.getByTestId('release-report-lang').selectOption('ja');
}

/** Gives every overridable gate the reason; returns their ids (for the CLI's --override). */
async function overrideAll(page: Page): Promise<string[]> {
  const gates = page.getByTestId('release-gates');
  await expect(gates).toHaveAttribute('data-busy', 'false', { timeout: 120_000 });
  const ids: string[] = [];
  for (const box of await page.getByTestId('release-reason').all()) {
    ids.push((await box.getAttribute('data-gate'))!);
    await box.fill(REASON);
  }
  await expect(gates).toHaveAttribute('data-standing', '0');
  return ids;
}

async function buildAndDownload(page: Page, dir: string): Promise<{ file: string; sha: string; ms: number }> {
  const button = page.getByTestId('release-build');
  await expect(button).toBeEnabled();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), button.click()]);
  const file = join(dir, `browser-${download.suggestedFilename()}`);
  await download.saveAs(file);
  const result = page.getByTestId('release-result');
  await expect(result).toBeVisible();
  return { file, sha: (await result.getAttribute('data-sha256'))!, ms: Number(await result.getAttribute('data-ms')) };
}

test('a package built in the browser is byte-identical to `tokumei release`, verifies, and is in the ledger', async ({ page }) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'tokumei-e2e-release-'));
  const keyFile = join(dir, 'release.key');
  writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });

  await openApp(page);
  await page.locator('input[type=file]').first().setInputFiles(fixture('patients.csv'));
  await page.locator('[data-testid="table-item"][data-name="patients"]').click();
  await expect(page.getByRole('heading', { level: 2, name: 'patients', exact: true })).toBeVisible();
  await useSpecAndKey(page, fixture('anonymized-spec.json'), keyFile);

  await page.getByRole('tab', { name: '提供パッケージ', exact: true }).click();
  // An empty provision is a gate no reason can pass; each missing entry is named once.
  const invalid = page.locator('[data-testid="release-gate"][data-gate="provisionInvalid"]');
  await expect(invalid).toHaveAttribute('data-state', 'blocked', { timeout: 120_000 });
  await expect(invalid.locator('li').filter({ hasText: 'provision.recipient' })).toHaveCount(1);
  await expect(page.getByTestId('release-build')).toBeDisabled();
  await fillForm(page, PROVISION, ['csv', 'csv-cp932', 'parquet']);
  await expect(invalid).toHaveCount(0);
  await expect(page.getByTestId('release-created-recorded')).toContainText('2026-11-21T01:00:00.000Z');
  await expect(page.getByTestId('release-key-note')).toContainText('鍵ファイル');
  const sourceSha = (await page.getByTestId('release-source-sha').innerText()).trim();
  expect(sourceSha).toMatch(/^[0-9a-f]{64}$/);

  // k = 3 is not met (no suppression is allowed): the gate stands until a reason is given.
  const kGate = page.locator('[data-testid="release-gate"][data-gate="kUnmet"]');
  await expect(kGate).toHaveAttribute('data-state', 'needsReason', { timeout: 120_000 });
  await expect(page.getByTestId('release-build')).toBeDisabled();
  const overridden = await overrideAll(page);
  expect(overridden).toEqual(['kUnmet']);
  await expect(kGate).toHaveAttribute('data-state', 'overridden');

  // The provision as JSON, the file `--provision` takes: exactly what was typed.
  const [provDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('release-save-provision').click()]);
  const provisionFile = join(dir, 'provision.json');
  await provDownload.saveAs(provisionFile);
  expect(JSON.parse(readFileSync(provisionFile, 'utf8'))).toEqual(PROVISION);

  const browser = await buildAndDownload(page, dir);
  expect(browser.file.endsWith('patients-REQ-2026-042.zip')).toBe(true);
  await expect(page.getByTestId('release-result-sha')).toContainText(browser.sha);
  await expect(page.getByTestId('release-file')).toHaveCount(8);

  // The same inputs on the command line.
  const cliZip = join(dir, 'cli.zip');
  const ledgerFile = join(dir, 'ledger.json');
  const r = cli([
    'release', fixture('patients.csv'), '--spec', fixture('anonymized-spec.json'), '--key', keyFile, '--provision', provisionFile,
    '--created-at', CREATED_AT, '--operator', OPERATOR, '--approver', APPROVER, '--formats', 'csv,csv-cp932,parquet',
    '--report-lang', 'ja', '--override', `kUnmet=${REASON}`, '--ledger', ledgerFile, '--out', cliZip, '--json',
  ]);
  expect(r.status, r.stderr).toBe(0);
  expect(JSON.parse(r.stdout).packageSha256).toBe(browser.sha);
  expect(readFileSync(browser.file).equals(readFileSync(cliZip)), 'browser and CLI packages differ').toBe(true);
  const cliVerify = cli(['verify', browser.file]);
  expect(cliVerify.status, cliVerify.stderr).toBe(0);

  // The form outlives a reload (the key is never part of it).
  const stored = await page.evaluate(() => localStorage.getItem('tokumei.releaseForm.v1'));
  expect(JSON.parse(stored!)).toMatchObject({ recipient: PROVISION.recipient, reasons: { kUnmet: REASON } });

  // Verify page: every file matches MANIFEST, and the package is found in the ledger.
  await page.getByTestId('open-verify').click();
  await page.getByTestId('verify-input').setInputFiles(browser.file);
  const result = page.getByTestId('verify-result');
  await expect(result).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('verify-file')).toHaveCount(8);
  await expect(page.locator('[data-testid="verify-file"][data-status="ok"]')).toHaveCount(8);
  await expect(page.getByTestId('verify-sha')).toContainText(browser.sha);
  await expect(page.getByTestId('verify-ledger')).toContainText(PROVISION.recipient);

  // A tampered package: the changed file is named (Parquet is stored uncompressed, so one flipped byte is a changed byte).
  const tampered = readFileSync(browser.file);
  tampered[tampered.indexOf(Buffer.from('data/data.parquet')) + 'data/data.parquet'.length + 200] ^= 0xff;
  writeFileSync(join(dir, 'tampered.zip'), tampered);
  await page.getByTestId('verify-input').setInputFiles(join(dir, 'tampered.zip'));
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-ok', 'false');
  await expect(page.locator('[data-testid="verify-file"][data-status="mismatch"]')).toHaveAttribute('data-path', 'data/data.parquet');
  await expect(page.getByTestId('verify-problems')).toContainText('data/data.parquet');

  // Ledger page: listed, found by source hash, exported as CSV, and the CLI's ledger merges as the same entry.
  await page.getByTestId('tools-ledger').click();
  const entry = page.locator(`[data-testid="ledger-entry"][data-sha256="${browser.sha}"]`);
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('2029-03-31');
  await page.getByTestId('ledger-search-source').fill(sourceSha.slice(0, 12));
  await expect(entry).toBeVisible();
  await page.getByTestId('ledger-search-source').fill('0123456789ab');
  await expect(page.getByTestId('ledger-count')).toHaveAttribute('data-count', '0');
  await page.getByTestId('ledger-search-source').fill('');
  await page.getByTestId('ledger-search-deadline').fill('2029-03-30');
  await expect(entry).toHaveCount(0);
  await page.getByTestId('ledger-search-deadline').fill('2029-03-31');
  await expect(entry).toBeVisible();
  await page.getByTestId('ledger-search-text').fill('受診動向');
  await expect(entry).toBeVisible();
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-export-csv').click()]);
  const csv = readFileSync((await csvDownload.path())!);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.toString('utf8')).toContain(browser.sha);
  expect(csv.toString('utf8')).toContain('削除期限');
  await page.getByTestId('ledger-import-input').setInputFiles(ledgerFile);
  await expect(page.getByTestId('ledger-message')).toContainText('追加 0 件、記録済み 1 件');
  // An older provision past its deletion deadline stands out.
  const past = {
    packageSha256: 'e'.repeat(64), createdAt: '2020-04-01T00:00:00.000Z', recipient: '旧提供先', recipientType: 'certifiedUser',
    requestId: 'REQ-2020-001', purpose: '過去の研究', mode: 'pseudonymized', deletionDeadline: '2021-03-31',
    sourceSha256s: [sourceSha], exclusionSha256: null, rows: 5,
  };
  writeFileSync(join(dir, 'old-ledger.json'), JSON.stringify({ format: 'tokumei-provision-ledger', version: 1, entries: [past] }));
  await page.getByTestId('ledger-search-text').fill('');
  await page.getByTestId('ledger-search-deadline').fill('');
  await page.getByTestId('ledger-import-input').setInputFiles(join(dir, 'old-ledger.json'));
  await expect(page.locator(`[data-testid="ledger-entry"][data-sha256="${past.packageSha256}"]`)).toHaveAttribute('data-due', 'overdue');
  await expect(entry).toHaveAttribute('data-due', '');
  await expect(page.getByTestId('ledger-overdue-badge')).toHaveText('1');
  // An opt-out later received for this source extract: both packages made from it are found.
  await page.getByTestId('ledger-search-source').fill(sourceSha.slice(0, 16));
  await expect(page.getByTestId('ledger-count')).toHaveAttribute('data-count', '2');
  await page.getByTestId('workspace-dialog-close').click();

  // A pseudonymized spec to a recipient who is not a certified user: a gate no reason can pass.
  await useSpecAndKey(page, fixture('pseudonymized-spec.json'), null);
  await page.getByRole('tab', { name: '提供パッケージ', exact: true }).click();
  const certified = page.locator('[data-testid="release-gate"][data-gate="certifiedUserRequired"]');
  await expect(certified).toHaveAttribute('data-state', 'blocked', { timeout: 120_000 });
  await expect(certified.getByTestId('release-reason')).toHaveCount(0);
  await expect(page.getByTestId('release-build')).toBeDisabled();
  await page.getByTestId('release-recipient-type').selectOption('certifiedUser');
  await expect(certified).toHaveCount(0);
  await expect(page.getByTestId('release-build')).toBeEnabled();
});

test('the 10,000-patient demo: built in the browser as `tokumei release` builds it from `tokumei demo`', async ({ page }) => {
  test.setTimeout(600_000);
  const dir = mkdtempSync(join(tmpdir(), 'tokumei-e2e-release-demo-'));
  const keyFile = join(dir, 'release.key');
  writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
  expect(cli(['demo', '--rows', '10000', '--seed', '20240401', '--out', dir]).status).toBe(0);

  await openApp(page);
  await page.locator('[data-testid="table-item"][data-name="患者"]').click();
  // The anonymized preset, as the Classify view proposes it.
  await page.getByRole('tab', { name: '分類', exact: true }).click();
  await expect(page.locator('[data-testid="classify-row"][data-column="氏名"] .suggested')).toContainText('直接識別子', { timeout: 60_000 });
  await page.getByTestId('preset-select').selectOption('anonymized');
  await page.getByTestId('preset-propose').click();
  await page.getByTestId('preset-apply').click();
  await expect(page.getByTestId('role-summary')).toContainText('未設定 0');
  await page.getByRole('tab', { name: '加工', exact: true }).click();
  const before = await page.getByTestId('key-fingerprint').innerText();
  await page.getByTestId('key-file').setInputFiles(keyFile);
  await expect(page.getByTestId('key-fingerprint')).not.toHaveText(before);
  const [specDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('spec-save').click()]);
  const specFile = join(dir, 'spec.json');
  await specDownload.saveAs(specFile);

  await page.getByRole('tab', { name: '提供パッケージ', exact: true }).click();
  await expect(page.getByTestId('release-source-demo')).toContainText('--rows 10000 --seed 20240401');
  const formats = ['csv', 'parquet'];
  await fillForm(page, PROVISION, formats);
  const overridden = await overrideAll(page);
  const provisionFile = join(dir, 'provision.json');
  writeFileSync(provisionFile, JSON.stringify(PROVISION));
  const browser = await buildAndDownload(page, dir);
  test.info().annotations.push({ type: 'browser build ms (10,000 patients, csv+parquet)', description: String(browser.ms) });
  console.log(`browser package build, 10,000-patient demo (csv + parquet): ${browser.ms} ms`);

  const cliZip = join(dir, 'cli.zip');
  const r = cli([
    'release', join(dir, 'patients.csv'), '--spec', specFile, '--key', keyFile, '--provision', provisionFile,
    '--created-at', CREATED_AT, '--operator', OPERATOR, '--approver', APPROVER, '--formats', formats.join(','),
    ...overridden.flatMap((id) => ['--override', `${id}=${REASON}`]), '--ledger', join(dir, 'ledger.json'), '--out', cliZip, '--json',
  ]);
  expect(r.status, r.stderr).toBe(0);
  const summary = JSON.parse(r.stdout);
  console.log(`CLI package build, same input: ${summary.ms} ms`);
  expect(summary.packageSha256).toBe(browser.sha);
  expect(readFileSync(browser.file).equals(readFileSync(cliZip)), 'browser and CLI packages differ').toBe(true);
});
