import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exclusionDigest, parseExclusionList, sha256Hex } from '../../../src/core/spec/index.ts';

describe('digests', () => {
  it('computes SHA-256 like node:crypto', async () => {
    const bytes = new TextEncoder().encode('患者,年齢\n');
    expect(await sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('reads an exclusion file and digests the canonical list, not the file layout', async () => {
    const a = parseExclusionList('\ufeffP003\r\nP001\r\n\r\n  P002 \nP001\n');
    expect(a).toEqual(['P001', 'P002', 'P003']);
    const d = await exclusionDigest(a);
    expect(d).toEqual({ sha256: createHash('sha256').update('P001\nP002\nP003').digest('hex'), count: 3 });
    expect(await exclusionDigest(['P002', 'P003', 'P001'])).toEqual(d);
    expect((await exclusionDigest(['P002', 'P003'])).sha256).not.toBe(d.sha256);
  });
});
