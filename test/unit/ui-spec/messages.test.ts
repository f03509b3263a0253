import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allMessageKeys } from '../../../src/core/i18n/catalog.ts';
import { uiSpec } from '../../../src/core/i18n/messages/uiSpec.ts';

const root = join(import.meta.dirname, '../../../src');
const spec = join(root, 'ui/components/spec');
const files = [
  ...['ClassifyView.svelte', 'TransformView.svelte', 'spec-session.svelte.ts'].map((f) => join(root, 'ui/views', f)),
  ...readdirSync(spec).filter((f) => /\.(svelte|ts)$/.test(f)).map((f) => join(spec, f)),
];
const svelteFiles = files.filter((f) => f.endsWith('.svelte'));
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('uiSpec messages', () => {
  it('are registered, bilingual, prefixed, with the same placeholders in each language', () => {
    const keys = new Set<string>(allMessageKeys());
    for (const [key, m] of Object.entries(uiSpec)) {
      expect(keys.has(key), key).toBe(true);
      expect(key.startsWith('uiSpec.'), key).toBe(true);
      expect(m.ja.trim() && m.en.trim(), key).toBeTruthy();
      expect(placeholders(m.ja), key).toEqual(placeholders(m.en));
    }
  });

  it('cover every key the views ask for, including keys built from a kind', () => {
    const keys = new Set<string>(allMessageKeys());
    const used = new Set<string>();
    const prefixes = new Set<string>();
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/'((?:uiSpec|shell)\.[\w.]+)'/g)) used.add(m[1]);
      for (const m of src.matchAll(/`((?:uiSpec|shell)\.[\w.]+\.)\$\{/g)) prefixes.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    for (const k of used) expect(keys.has(k), `${k} is used but not in the catalog`).toBe(true);
    const members: Record<string, readonly string[]> = {
      'uiSpec.role.': ['identifier', 'quasi', 'sensitive', 'other', 'unset'],
      'uiSpec.transform.': ['drop', 'pseudonymize', 'generalize', 'topCode', 'bottomCode', 'round', 'dateShift', 'suppressCell', 'suppressRecord'],
      'uiSpec.transform.help.': ['drop', 'pseudonymize', 'generalize', 'topCode', 'bottomCode', 'round', 'dateShift', 'suppressCell', 'suppressRecord'],
      'uiSpec.hierarchy.kind.': ['interval', 'age', 'date', 'prefix', 'table'],
      'uiSpec.hierarchy.help.': ['interval', 'age', 'date', 'prefix', 'table'],
      'uiSpec.hierarchy.': ['top', 'bottom'],
      'uiSpec.unit.': ['day', 'month', 'quarter', 'half', 'year', 'decade'],
      'uiSpec.classify.state.': ['unset', 'accepted', 'overridden'],
      'uiSpec.mode.': ['anonymized', 'pseudonymized'],
    };
    for (const p of prefixes) {
      expect(members[p], `members of ${p} are listed in this test`).toBeDefined();
      for (const m of members[p]) expect(keys.has(`${p}${m}`), `${p}${m}`).toBe(true);
    }
    for (const tab of ['classify', 'transform']) expect(keys.has(`shell.tab.${tab}`)).toBe(true);
  });
});

/** Markup with script, style, comments and {expressions} removed: what is left is literal text. */
function literalMarkup(src: string): string {
  const s = src
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

describe('spec views', () => {
  it('contain no hard-coded user-visible text', () => {
    const words = /[A-Za-z]{2,}|[\u3040-\u30ff\u3400-\u9fff]/;
    expect(svelteFiles.length).toBeGreaterThan(8);
    for (const f of svelteFiles) {
      const markup = literalMarkup(readFileSync(f, 'utf8'));
      for (const m of markup.matchAll(/\b(aria-label|aria-valuetext|title|placeholder|alt)="([^"]*)"/g)) expect(words.test(m[2]), `${f}: ${m[0]}`).toBe(false);
      const hit = markup.replace(/<[^>]*>/g, ' ').match(words);
      expect(hit, `${f}: literal text "${hit?.[0]}"`).toBeNull();
    }
  });

  it('hold no SQL', () => {
    for (const f of files) expect(readFileSync(f, 'utf8'), f).not.toMatch(/\b(SELECT|CREATE|DROP|INSERT)\s+[A-Z*"(]/);
  });
});
