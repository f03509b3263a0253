import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uiPreview } from '../../../src/core/i18n/messages/uiPreview.ts';
import { allMessageKeys } from '../../../src/core/i18n/catalog.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const root = join(import.meta.dirname, '../../../src');
const files = [
  join(root, 'ui/views/SuppressionView.svelte'),
  ...readdirSync(join(root, 'ui/components/preview'))
    .filter((f) => f.endsWith('.svelte'))
    .map((f) => join(root, 'ui/components/preview', f)),
  ...readdirSync(join(root, 'core/preview')).map((f) => join(root, 'core/preview', f)),
];

describe('suppression preview messages', () => {
  it('are registered, bilingual, prefixed and with the same placeholders', () => {
    const keys = new Set<string>(allMessageKeys());
    for (const [key, m] of Object.entries(uiPreview)) {
      expect(keys.has(key), key).toBe(true);
      expect(key.startsWith('uiPreview.'), key).toBe(true);
      expect(m.ja.trim(), key).not.toBe('');
      expect(m.en.trim(), key).not.toBe('');
      expect(placeholders(m.ja), key).toEqual(placeholders(m.en));
    }
  });

  it('cover every key the view and the core ask for', () => {
    const keys = new Set<string>(allMessageKeys());
    const used = new Set<string>();
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/\b(?:tr|trKey|TokumeiError)\(\s*'([^']+)'/g)) used.add(m[1]);
      for (const m of src.matchAll(/\btr(?:Key)?\(\s*`([\w.]+)\.\$\{/g)) used.add(`${m[1]}.`);
      for (const m of src.matchAll(/'(uiPreview\.[\w.]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(60);
    for (const k of used) {
      if (k.endsWith('.')) expect([...keys].some((x) => x.startsWith(k)), k).toBe(true);
      else expect(keys.has(k), `${k} is used but not in the catalog`).toBe(true);
    }
  });
});
