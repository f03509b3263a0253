import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ui } from '../../../src/core/i18n/messages/ui.ts';
import { t, allMessageKeys, type MessageKey } from '../../../src/core/i18n/catalog.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const componentsDir = join(import.meta.dirname, '../../../src/ui/components');
const svelteFiles = readdirSync(componentsDir).filter((f) => f.endsWith('.svelte'));
const source = (f: string) => readFileSync(join(componentsDir, f), 'utf8');

describe('ui messages', () => {
  it('are registered in the catalog', () => {
    const keys = new Set<string>(allMessageKeys());
    for (const k of Object.keys(ui)) expect(keys.has(k), k).toBe(true);
  });

  it('have both languages, the ui prefix and the same placeholders in each', () => {
    for (const [key, m] of Object.entries(ui)) {
      expect(key.startsWith('ui.'), key).toBe(true);
      expect(m.ja.trim(), key).not.toBe('');
      expect(m.en.trim(), key).not.toBe('');
      expect(placeholders(m.ja), key).toEqual(placeholders(m.en));
    }
  });

  it('cover every key the components ask for', () => {
    const keys = new Set<string>(allMessageKeys());
    const used = new Set<string>();
    for (const f of svelteFiles) {
      for (const m of source(f).matchAll(/\btr\(\s*'([^']+)'/g)) used.add(m[1]);
      // Keys built from a union, e.g. tr(`ui.load.phase.${phase}`): check the known members.
      for (const m of source(f).matchAll(/\btr\(\s*`(ui\.[\w.]+)\.\$\{/g)) used.add(`${m[1]}.`);
    }
    expect(used.size).toBeGreaterThan(30);
    for (const k of used) {
      if (k.endsWith('.')) expect([...keys].some((x) => x.startsWith(k)), k).toBe(true);
      else expect(keys.has(k), `${k} is used but not in the catalog`).toBe(true);
    }
    for (const phase of ['reading', 'decoding', 'loading', 'typing']) expect(keys.has(`ui.load.phase.${phase}`)).toBe(true);
    for (const ty of ['VARCHAR', 'BIGINT', 'DOUBLE', 'DATE', 'TIMESTAMP', 'BOOLEAN']) expect(keys.has(`ui.type.${ty}`)).toBe(true);
    for (const f of ['csv', 'parquet', 'arrow']) expect(keys.has(`ui.format.${f}`)).toBe(true);
    for (const e of ['utf-8', 'shift_jis', 'euc-jp']) expect(keys.has(`ui.encoding.${e}`)).toBe(true);
  });

  it('render unknown keys as the key itself (typing reasons arrive as data)', () => {
    expect(t('ja', 'load.reason.missing' as MessageKey)).toBe('load.reason.missing');
  });
});

/** Markup with script, style, comments and {expressions} removed: what is left is literal text. */
function literalMarkup(src: string): string {
  let s = src
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  let out = '';
  let depth = 0;
  for (const ch of s) {
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out;
}

describe('components', () => {
  it('contain no hard-coded user-visible text', () => {
    const words = /[A-Za-z]{2,}|[\u3040-\u30ff\u3400-\u9fff]/;
    for (const f of svelteFiles) {
      const markup = literalMarkup(source(f));
      // Attributes a user or a screen reader sees must come from the catalog.
      for (const m of markup.matchAll(/\b(aria-label|aria-valuetext|title|placeholder|alt)="([^"]*)"/g))
        expect(words.test(m[2]), `${f}: ${m[0]}`).toBe(false);
      const text = markup.replace(/<[^>]*>/g, ' ');
      const hit = text.match(words);
      expect(hit, `${f}: literal text "${hit?.[0]}"`).toBeNull();
    }
  });
});
