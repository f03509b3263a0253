import { RiskClient } from '../../../lib/risk-client.svelte.ts';
import type { EngineClient } from '../../../lib/engine-client.svelte.ts';

/**
 * The risk panel's choices for one table. `qis` and `sensitive` are undefined while they follow
 * the spec's roles, and become the user's own choice once changed (until reset).
 */
export interface RiskChoices {
  qis?: string[];
  sensitive?: string | null;
  weight: string | null;
  threshold: string;
  k: string;
  population: string;
  geography: string | null;
  /** A workspace table used as the population (journalist and marketer risk); none when absent. */
  populationTable?: string | null;
}

/**
 * What the panel remembers while the user switches tabs: its choices per table, and one
 * RiskClient per engine client, so results survive a tab switch instead of being recomputed.
 */
class RiskSession {
  choices = $state.raw<Record<string, RiskChoices>>({});
  private clients = new WeakMap<object, RiskClient>();

  clientFor(engine: EngineClient): RiskClient {
    let c = this.clients.get(engine);
    if (!c) this.clients.set(engine, (c = new RiskClient(engine)));
    return c;
  }

  update(table: string, base: RiskChoices, patch: Partial<RiskChoices>): void {
    this.choices = { ...this.choices, [table]: { ...base, ...patch } };
  }
}

export const riskSession = new RiskSession();
