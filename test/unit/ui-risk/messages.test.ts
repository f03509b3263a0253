import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uiRisk } from '../../../src/core/i18n/messages/uiRisk.ts';
import { allMessageKeys } from '../../../src/core/i18n/catalog.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const root = join(import.meta.dirname, '../../../src/ui');
const files = [
  join(root, 'views/RiskPanel.svelte'),
  ...readdirSync(join(root, 'components/risk'))
    .filter((f) => f.endsWith('.svelte'))
    .map((f) => join(root, 'components/risk', f)),
];

describe('risk panel messages', () => {
  it('are registered, bilingual, prefixed and with the same placeholders', () => {
    const keys = new Set<string>(allMessageKeys());
    for (const [key, m] of Object.entries(uiRisk)) {
      expect(keys.has(key), key).toBe(true);
      expect(key.startsWith('uiRisk.'), key).toBe(true);
      expect(m.ja.trim(), key).not.toBe('');
      expect(m.en.trim(), key).not.toBe('');
      expect(placeholders(m.ja), key).toEqual(placeholders(m.en));
    }
  });

  it('cover every key the panel asks for', () => {
    const keys = new Set<string>(allMessageKeys());
    const used = new Set<string>();
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/\btr(?:Key)?\(\s*'([^']+)'/g)) used.add(m[1]);
      for (const m of src.matchAll(/\btr(?:Key)?\(\s*`([\w.]+)\.\$\{/g)) used.add(`${m[1]}.`);
      for (const m of src.matchAll(/\?\s*'(uiRisk\.[\w.]+)'\s*:\s*'(uiRisk\.[\w.]+)'/g)) used.add(m[1]).add(m[2]);
    }
    expect(used.size).toBeGreaterThan(60);
    for (const k of used) {
      if (k.endsWith('.')) expect([...keys].some((x) => x.startsWith(k)), k).toBe(true);
      else expect(keys.has(k), `${k} is used but not in the catalog`).toBe(true);
    }
    for (const m of ['pitman', 'zayatz', 'snb', 'dankar']) expect(keys.has(`uiRisk.population.model.${m}`)).toBe(true);
  });

  it('say in both languages that no k is fixed by law', () => {
    expect(uiRisk['uiRisk.classes.explain'].ja).toContain('法令で決まった k の値はなく');
    expect(uiRisk['uiRisk.classes.explain'].en).toContain('no law fixes k');
  });
});
