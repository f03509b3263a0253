import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allMessageKeys } from '../../../src/core/i18n/catalog.ts';
import { cells } from '../../../src/core/i18n/messages/cells.ts';
import { uiCells } from '../../../src/core/i18n/messages/uiCells.ts';
import { parseSpec } from '../../../src/core/spec/parse.ts';
import { importanceForSpec, importanceOf, parseCellK, requestKey, specUsesCells } from '../../../src/ui/components/suppress/cells-view.ts';

const spec = (model: object) => parseSpec({ version: 1, model, release: { mode: 'anonymized' } });

describe('cell-suppression panel helpers', () => {
  it('take importance from the panel, else the spec, else 1, and write only what differs from 1', () => {
    const s = spec({ k: 5, suppression: 'cells', importance: { 性別: 3 } });
    expect(importanceOf(['年齢', '性別', '地域'], s, { 地域: 7 })).toEqual({ 年齢: 1, 性別: 3, 地域: 7 });
    expect(importanceOf(['年齢', '性別'], null, undefined)).toEqual({ 年齢: 1, 性別: 1 });
    expect(importanceForSpec({ 年齢: 1, 性別: 3 })).toEqual({ 性別: 3 });
    expect(importanceForSpec({ 年齢: 1 })).toBeUndefined();
  });

  it('know when the spec already uses cells at this k and importance', () => {
    const s = spec({ k: 5, suppression: 'cells', importance: { 性別: 3 } });
    expect(specUsesCells(s, 5, { 年齢: 1, 性別: 3 })).toBe(true);
    expect(specUsesCells(s, 4, { 年齢: 1, 性別: 3 })).toBe(false);
    expect(specUsesCells(s, 5, { 年齢: 2, 性別: 3 })).toBe(false);
    expect(specUsesCells(spec({ k: 5 }), 5, { 性別: 1 })).toBe(false);
    expect(specUsesCells(spec({ k: 5, suppression: 'cells' }), 5, { 性別: 1 })).toBe(true);
  });

  it('read k as a whole number of at least 2', () => {
    expect(parseCellK(' 5 ')).toBe(5);
    for (const bad of ['1', '0', '2.5', '', 'k', '-3']) expect(parseCellK(bad)).toBeNull();
  });

  it('see a result as current after its k and importance are written into the spec, not after other edits', () => {
    const s = spec({ k: 3 });
    const req = { table: '患者', spec: s, k: 5, importance: { 性別: 3 } };
    const written = spec({ k: 5, suppression: 'cells', importance: { 性別: 3 } });
    expect(requestKey({ ...req, spec: written })).toBe(requestKey(req));
    expect(requestKey({ ...req, spec: spec({ k: 3, suppressionLimit: 0.1 }) })).not.toBe(requestKey(req));
    expect(requestKey({ ...req, importance: { 性別: 4 } })).not.toBe(requestKey(req));
  });
});

describe('cells messages', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  it('are registered, bilingual, prefixed and with the same placeholders', () => {
    const keys = new Set<string>(allMessageKeys());
    for (const [area, messages] of [['uiCells.', uiCells], ['cells.', cells]] as const) {
      for (const [key, m] of Object.entries(messages)) {
        expect(keys.has(key), key).toBe(true);
        expect(key.startsWith(area), key).toBe(true);
        expect(m.ja.trim(), key).not.toBe('');
        expect(m.en.trim(), key).not.toBe('');
        expect(placeholders(m.ja), key).toEqual(placeholders(m.en));
      }
    }
  });

  it('cover every key the panel asks for', () => {
    const src = readFileSync(join(import.meta.dirname, '../../../src/ui/components/suppress/CellSuppressionPanel.svelte'), 'utf8');
    const used = [...src.matchAll(/\btr\(\s*'([^']+)'/g)].map((m) => m[1]);
    for (const m of src.matchAll(/\?\s*'(uiCells\.[\w.]+)'\s*:\s*'(uiCells\.[\w.]+)'/g)) used.push(m[1], m[2]);
    expect(used.length).toBeGreaterThan(25);
    const keys = new Set<string>(allMessageKeys());
    for (const k of used) expect(keys.has(k), `${k} is used but not in the catalog`).toBe(true);
  });
});
