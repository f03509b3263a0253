import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allMessageKeys } from '../../../src/core/i18n/catalog.ts';
import { uiRelease } from '../../../src/core/i18n/messages/uiRelease.ts';

const root = join(import.meta.dirname, '../../..');
const components = join(root, 'src/ui/components/release');
const files = [
  join(root, 'src/ui/views/ReleaseView.svelte'),
  join(root, 'src/lib/release-form.ts'),
  join(root, 'workers/engine/release-run.ts'),
  join(root, 'workers/engine/release-source.ts'),
  ...readdirSync(components).map((f) => join(components, f)),
];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('uiRelease messages', () => {
  it('are registered, bilingual, prefixed, with the same placeholders in each language', () => {
    const keys = new Set<string>(allMessageKeys());
    for (const [key, m] of Object.entries(uiRelease)) {
      expect(keys.has(key), key).toBe(true);
      expect(key.startsWith('uiRelease.'), key).toBe(true);
      expect(m.ja.trim() && m.en.trim(), key).toBeTruthy();
      expect(placeholders(m.ja), key).toEqual(placeholders(m.en));
    }
  });

  it('cover every key the release views ask for, including keys built from a value', () => {
    const keys = new Set<string>(allMessageKeys());
    const used = new Set<string>();
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/'((?:uiRelease|release|releaseBytes)\.[\w.-]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(80);
    for (const k of used) expect(keys.has(k), `${k} is used but not in the catalog`).toBe(true);
    const built: Record<string, readonly string[]> = {
      'uiRelease.format.': ['csv', 'csv-cp932', 'parquet'],
      'uiRelease.gateState.': ['blocked', 'needsReason', 'overridden'],
      'uiRelease.ledger.due.': ['overdue', 'soon'],
      'releaseBytes.verify.status.': ['ok', 'mismatch', 'missing', 'unlisted'],
      'release.recipientType.': ['certifiedUser', 'other'],
      'release.mode.': ['anonymized', 'pseudonymized'],
    };
    for (const [prefix, members] of Object.entries(built)) for (const m of members) expect(keys.has(prefix + m), prefix + m).toBe(true);
  });
});
