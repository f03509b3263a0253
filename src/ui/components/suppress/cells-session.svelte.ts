import { CellsClient } from '../../../lib/cells-client.svelte.ts';
import type { EngineClient } from '../../../lib/engine-client.svelte.ts';

/** The panel's own choices for one table; absent ones follow the spec. */
export interface CellsChoices {
  /** k as typed. */
  k?: string;
  /** Importance per quasi-identifier (1 = the default). */
  importance?: Record<string, number>;
}

/**
 * What the cell-suppression panel remembers while the user switches tabs: its choices per table
 * and one client per engine client and table, so a result is only ever shown for its own table.
 */
class CellsSession {
  choices = $state.raw<Record<string, CellsChoices>>({});
  private clients = new WeakMap<object, Map<string, CellsClient>>();

  clientFor(engine: EngineClient, table: string): CellsClient {
    let byTable = this.clients.get(engine);
    if (!byTable) this.clients.set(engine, (byTable = new Map()));
    let c = byTable.get(table);
    if (!c) byTable.set(table, (c = new CellsClient(engine)));
    return c;
  }

  update(table: string, patch: Partial<CellsChoices>): void {
    this.choices = { ...this.choices, [table]: { ...this.choices[table], ...patch } };
  }

  /** Back to following the spec (after its choice was written into the spec). */
  reset(table: string): void {
    const { [table]: _, ...rest } = this.choices;
    this.choices = rest;
  }
}

export const cellsSession = new CellsSession();
