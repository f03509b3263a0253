import { describe, expect, it } from 'vitest';
import { partKeys } from '../../../src/lib/risk-schedule.ts';
import type { RiskRequest } from '../../../workers/engine/risk-api.ts';

const input = (over: Partial<RiskRequest> = {}): RiskRequest => ({ table: '患者', spec: null, qis: ['性別'], sensitive: null, threshold: 0.2, ...over });

describe('risk panel part keys for the population table and the geography column', () => {
  it('a population table (or a new version of it) asks for the detailed report again, not the class scan', () => {
    const a = partKeys(input());
    const p = partKeys(input({ populationTable: '母集団', populationRevision: '29|utf-8|' }));
    expect(p.classes).toBe(a.classes);
    expect(p.peculiar).toBe(a.peculiar);
    expect(p.details).not.toBe(a.details);
    expect(partKeys(input({ populationTable: '母集団', populationRevision: '30|utf-8|' })).details).not.toBe(p.details);
    expect(partKeys(input({ populationTable: '別の母集団', populationRevision: '29|utf-8|' })).details).not.toBe(p.details);
  });

  it('a geography column asks for the peculiar values again, and nothing else', () => {
    const a = partKeys(input());
    const g = partKeys(input({ geography: '都道府県' }));
    expect(g.peculiar).not.toBe(a.peculiar);
    expect(g.classes).toBe(a.classes);
    expect(g.details).toBe(a.details);
  });

  it('a spec edit (a peculiar-value decision) asks for every part again', () => {
    const a = partKeys(input());
    const spec = { peculiar: { review: false, decisions: [{ column: '性別', value: '不明', action: 'suppressRecord', reason: '少数' }] } } as unknown as RiskRequest['spec'];
    const d = partKeys(input({ spec }));
    expect([d.classes !== a.classes, d.details !== a.details, d.peculiar !== a.peculiar]).toEqual([true, true, true]);
  });
});
