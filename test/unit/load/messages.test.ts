import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../../../src/core/i18n/messages/load.ts';
import { allMessageKeys } from '../../../src/core/i18n/catalog.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const root = join(import.meta.dirname, '../../../src/core');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [readFileSync(p, 'utf8')] : [];
  });
}

describe('load messages', () => {
  it('have both languages, the load prefix and the same placeholders in each', () => {
    for (const [key, m] of Object.entries(load)) {
      expect(key.startsWith('load.'), key).toBe(true);
      expect(m.ja.trim(), key).not.toBe('');
      expect(m.en.trim(), key).not.toBe('');
      expect(placeholders(m.ja), key).toEqual(placeholders(m.en));
    }
  });

  it('cover every key the load pipeline can produce', () => {
    const keys = new Set<string>(allMessageKeys());
    const used = new Set<string>();
    for (const src of [...sources(join(root, 'load')), ...sources(join(root, 'dates'))]) {
      for (const m of src.matchAll(/'(load\.[\w.]+)'/g)) used.add(m[1]);
    }
    for (const type of ['BIGINT', 'DOUBLE', 'DATE', 'TIMESTAMP']) used.add(`load.typing.mixed.${type}`); // built as `load.typing.mixed.${near}`
    expect(used.size).toBeGreaterThan(25);
    for (const k of used) expect(keys.has(k), `${k} is used but not in the catalog`).toBe(true);
  });
});
