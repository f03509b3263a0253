import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uiSearch } from '../../../src/core/i18n/messages/uiSearch.ts';
import { allMessageKeys } from '../../../src/core/i18n/catalog.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const root = join(import.meta.dirname, '../../../src');
const files = [
  join(root, 'ui/views/SearchView.svelte'),
  join(root, 'core/search/criteria-form.ts'),
  ...readdirSync(join(root, 'ui/components/search'))
    .filter((f) => f.endsWith('.svelte'))
    .map((f) => join(root, 'ui/components/search', f)),
];

describe('search view messages', () => {
  it('are registered, bilingual, prefixed and with the same placeholders', () => {
    const keys = new Set<string>(allMessageKeys());
    for (const [key, m] of Object.entries(uiSearch)) {
      expect(keys.has(key), key).toBe(true);
      expect(key.startsWith('uiSearch.'), key).toBe(true);
      expect(m.ja.trim(), key).not.toBe('');
      expect(m.en.trim(), key).not.toBe('');
      expect(placeholders(m.ja), key).toEqual(placeholders(m.en));
    }
  });

  it('cover every key the view asks for', () => {
    const keys = new Set<string>(allMessageKeys());
    const used = new Set<string>();
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/'(uiSearch\.[\w.]+)'/g)) used.add(m[1]);
      for (const m of src.matchAll(/`(uiSearch\.[\w.]+)\.\$\{/g)) used.add(`${m[1]}.`);
    }
    expect(used.size).toBeGreaterThan(40);
    for (const k of used) {
      if (k.endsWith('.')) expect([...keys].some((x) => x.startsWith(k)), k).toBe(true);
      else expect(keys.has(k), `${k} is used but not in the catalog`).toBe(true);
    }
    for (const s of ['meets', 'fails', 'meetsInferred', 'failsInferred', 'pruned', 'unknown']) expect(keys.has(`uiSearch.space.state.${s}`)).toBe(true);
    for (const m of ['loss', 'entropy', 'discernibility', 'aecs']) expect(keys.has(`uiSearch.metric.${m}`)).toBe(true);
  });
});
