import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allMessageKeys } from '../../../src/core/i18n/catalog.ts';
import { cli } from '../../../src/core/i18n/messages/cli.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const cliDir = join(import.meta.dirname, '../../../src/cli');

describe('cli messages', () => {
  it('have both languages, the cli prefix and the same placeholders in each', () => {
    const keys = new Set<string>(allMessageKeys());
    for (const [key, m] of Object.entries(cli)) {
      expect(keys.has(key), key).toBe(true);
      expect(key.startsWith('cli.'), key).toBe(true);
      expect(m.ja.trim(), key).not.toBe('');
      expect(m.en.trim(), key).not.toBe('');
      expect(placeholders(m.ja), key).toEqual(placeholders(m.en));
    }
  });

  it('cover every cli key the command line source names', () => {
    const files = readdirSync(cliDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const used = new Set<string>();
    for (const f of files) for (const m of readFileSync(join(cliDir, f), 'utf8').matchAll(/'(cli\.[\w.]+)'/g)) used.add(m[1]);
    expect(used.size).toBeGreaterThan(50);
    for (const k of used) expect(k in cli, `${k} is used but not defined`).toBe(true);
  });
});
