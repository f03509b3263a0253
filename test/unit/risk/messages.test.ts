import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allMessageKeys } from '../../../src/core/i18n/catalog.ts';
import { riskPopulation } from '../../../src/core/i18n/messages/riskPopulation.ts';
import { uiRisk2 } from '../../../src/core/i18n/messages/uiRisk2.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const root = join(import.meta.dirname, '../../../src');

describe('peculiar-decision and population-table messages', () => {
  it('are registered, bilingual, prefixed by their area and with the same placeholders', () => {
    const keys = new Set<string>(allMessageKeys());
    for (const [area, messages] of [['uiRisk2', uiRisk2], ['riskPopulation', riskPopulation]] as const) {
      for (const [key, m] of Object.entries(messages)) {
        expect(keys.has(key), key).toBe(true);
        expect(key.startsWith(`${area}.`), key).toBe(true);
        expect(m.ja.trim(), key).not.toBe('');
        expect(m.en.trim(), key).not.toBe('');
        expect(placeholders(m.ja), key).toEqual(placeholders(m.en));
      }
    }
  });

  it('cover every key the files using them name, and every action a decision can record', () => {
    const files = [
      'ui/views/RiskPanel.svelte',
      'ui/components/risk/PeculiarTable.svelte',
      'ui/components/risk/PeculiarDecisionForm.svelte',
      'ui/components/risk/PeculiarRecorded.svelte',
      'ui/components/risk/PopulationTableChoice.svelte',
      'cli/commands/risk.ts',
      'cli/render-risk.ts',
      'core/risk/population-release.ts',
    ];
    const used = new Set<string>();
    for (const f of files) for (const m of readFileSync(join(root, f), 'utf8').matchAll(/'((?:uiRisk2|riskPopulation)\.[\w.]+)'/g)) used.add(m[1]);
    expect(used.size).toBeGreaterThan(25);
    const keys = new Set<string>(allMessageKeys());
    for (const k of used) expect(keys.has(k), `${k} is used but not defined`).toBe(true);
    for (const a of ['suppressRecord', 'suppressCell', 'keep']) {
      for (const k of [`uiRisk2.peculiar.decided.${a}`, `uiRisk2.peculiar.form.help.${a}`, `uiRisk2.peculiar.action.${a}`]) expect(keys.has(k), k).toBe(true);
    }
  });
});
