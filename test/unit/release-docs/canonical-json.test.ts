import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonBytes } from '../../../src/core/release/canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth, indents by two spaces and ends with one LF', () => {
    const text = canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: 'x' } });
    expect(text).toBe('{\n  "a": {\n    "c": "x",\n    "d": [\n      1,\n      {\n        "y": null,\n        "z": true\n      }\n    ]\n  },\n  "b": 1\n}\n');
    expect(text).not.toContain('\r');
  });

  it('writes numbers in the shortest round-trip form, -0 as 0, and leaves out undefined properties', () => {
    expect(canonicalJson({ x: 0.1 + 0.2, y: -0, z: 1e21, w: undefined, v: 5e-7 })).toBe('{\n  "v": 5e-7,\n  "x": 0.30000000000000004,\n  "y": 0,\n  "z": 1e+21\n}\n');
    expect(canonicalJson([])).toBe('[]\n');
    expect(canonicalJson({})).toBe('{}\n');
  });

  it('refuses what JSON cannot say the same way everywhere', () => {
    expect(() => canonicalJson({ a: NaN })).toThrow(/finite/);
    expect(() => canonicalJson({ a: Infinity })).toThrow(/finite/);
    expect(() => canonicalJson([1, undefined])).toThrow(/undefined/);
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(/plain/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
    expect(() => canonicalJson({ n: 1n })).toThrow(/bigint/);
  });

  it('is UTF-8 with Japanese text as is', () => {
    const bytes = canonicalJsonBytes({ 列: '年齢' });
    expect(new TextDecoder().decode(bytes)).toBe('{\n  "列": "年齢"\n}\n');
    expect(bytes[0]).toBe(0x7b); // no BOM
  });

  it('gives the same text whatever the key insertion order, and reads back to the same value', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 5 }),
    })).value;
    fc.assert(
      fc.property(json, fc.integer(), (v, seed) => {
        const text = canonicalJson(v);
        expect(canonicalJson(reorder(v, seed))).toBe(text);
        expect(JSON.parse(text)).toEqual(normalizeZero(v));
      }),
      { numRuns: 300 },
    );
  });
});

/** The same value with every object's keys inserted in another order. */
function reorder(v: unknown, seed: number): unknown {
  if (Array.isArray(v)) return v.map((x) => reorder(x, seed));
  if (v && typeof v === 'object') {
    const keys = Object.keys(v);
    const shift = keys.length ? Math.abs(seed) % keys.length : 0;
    const order = [...keys.slice(shift), ...keys.slice(0, shift)].reverse();
    const out: Record<string, unknown> = {};
    for (const k of order) out[k] = reorder((v as Record<string, unknown>)[k], seed);
    return out;
  }
  return v;
}

function normalizeZero(v: unknown): unknown {
  if (Object.is(v, -0)) return 0;
  if (Array.isArray(v)) return v.map(normalizeZero);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalizeZero(x)]));
  return v;
}
