import { describe, expect, it } from 'vitest';
import { allMessageKeys } from '../../../src/core/i18n/catalog.ts';
import { release } from '../../../src/core/i18n/messages/release.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('release messages', () => {
  it('are registered, bilingual, prefixed and use the same placeholders in both languages', () => {
    const keys = new Set<string>(allMessageKeys());
    for (const [key, m] of Object.entries(release)) {
      expect(keys.has(key), key).toBe(true);
      expect(key.startsWith('release.'), key).toBe(true);
      expect(m.ja.trim(), key).not.toBe('');
      expect(m.en.trim(), key).not.toBe('');
      expect(placeholders(m.ja), key).toEqual(placeholders(m.en));
    }
  });
});
