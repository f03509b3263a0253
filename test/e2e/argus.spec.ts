import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures.ts';

const REGION = fileURLToPath(new URL('../fixtures/argus/region.grc', import.meta.url));
/** Coarser than region.grc: its six regions in two halves. */
const EAST_WEST = [
  '東日本 : 北海道, 青森県, 岩手県, 宮城県, 秋田県, 山形県, 福島県, 茨城県, 栃木県, 群馬県, 埼玉県, 千葉県, 東京都, 神奈川県, 新潟県, 富山県, 石川県, 福井県, 山梨県, 長野県, 岐阜県, 静岡県, 愛知県',
  '西日本 : 三重県, 滋賀県, 京都府, 大阪府, 兵庫県, 奈良県, 和歌山県, 鳥取県, 島根県, 岡山県, 広島県, 山口県, 徳島県, 香川県, 愛媛県, 高知県, 福岡県, 佐賀県, 長崎県, 熊本県, 大分県, 宮崎県, 鹿児島県, 沖縄県',
].join('\n');

test('μ-ARGUS recode files become a table hierarchy of the column, and a level exports as .grc', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-busy', 'false', { timeout: 120_000 });
  await page.locator('[data-testid="table-item"][data-name="患者"]').click();
  await page.getByRole('tab', { name: '加工' }).click();
  await page.locator('[data-testid="transform-column"][data-column="都道府県"]').click();

  // Coarse file first: the editor orders the levels by their number of groups.
  await page.getByTestId('hierarchy-import-input').setInputFiles([
    { name: 'east-west.grc', mimeType: 'text/plain', buffer: Buffer.from(EAST_WEST) },
    { name: 'region.grc', mimeType: 'text/plain', buffer: readFileSync(REGION) },
  ]);
  const select = page.getByTestId('hierarchy-select');
  await expect(select).toHaveValue('都道府県');
  await expect(select.locator('option:checked')).toContainText('都道府県');
  const preview = page.getByTestId('hierarchy-preview');
  await page.getByTestId('hierarchy-preview-level').selectOption('1');
  await expect(preview).toContainText('関東');
  await expect(preview).not.toContainText('東日本');
  await page.getByTestId('hierarchy-preview-level').selectOption('2');
  await expect(preview).toContainText('東日本');
  await expect(preview).toContainText('西日本');
  await expect(preview).not.toContainText('関東');

  await page.getByTestId('hierarchy-preview-level').selectOption('1');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('hierarchy-export-grc').click()]);
  expect(download.suggestedFilename()).toBe('都道府県_L1.grc');
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text).toMatch(/^関東 : .*東京都/m);
  expect(text).toMatch(/^九州・沖縄 : .*沖縄県/m);

  // A broken file is explained with its line, and nothing is added.
  await page.getByTestId('hierarchy-import-input').setInputFiles({ name: 'bad.grc', mimeType: 'text/plain', buffer: Buffer.from('関東 : 東京都\n近畿 大阪府\n') });
  await expect(page.getByRole('alert').filter({ hasText: '「bad.grc」の 2 行目' })).toBeVisible();
  await expect(select.locator('option')).toHaveCount(2);
});
