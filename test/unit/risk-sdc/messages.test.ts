import { describe, expect, it } from 'vitest';
import { riskSdc } from '../../../src/core/i18n/messages/riskSdc.ts';
import { allMessageKeys, t, type MessageKey } from '../../../src/core/i18n/catalog.ts';
import type { PeculiarDecision, PeculiarReason } from '../../../src/core/risk/types.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('riskSdc messages', () => {
  it('are registered, bilingual, prefixed and use the same placeholders in both languages', () => {
    const keys = new Set<string>(allMessageKeys());
    for (const [key, m] of Object.entries(riskSdc)) {
      expect(keys.has(key), key).toBe(true);
      expect(key.startsWith('riskSdc.'), key).toBe(true);
      expect(m.ja.trim(), key).not.toBe('');
      expect(m.en.trim(), key).not.toBe('');
      expect(placeholders(m.ja), key).toEqual(placeholders(m.en));
    }
  });

  it('label every peculiar-value reason and decision', () => {
    const reasons: Record<PeculiarReason, true> = {
      rareCategory: true, belowPercentile: true, abovePercentile: true, belowLimit: true, aboveLimit: true, rareInGeography: true,
    };
    const actions: Record<PeculiarDecision['action'], true> = { delete: true, recode: true, keep: true };
    for (const r of Object.keys(reasons)) expect(t('ja', `riskSdc.peculiar.${r}` as MessageKey)).not.toBe(`riskSdc.peculiar.${r}`);
    for (const a of Object.keys(actions)) expect(t('en', `riskSdc.peculiar.action.${a}` as MessageKey)).not.toBe(`riskSdc.peculiar.action.${a}`);
  });
});
