import { PreviewClient } from '../../../lib/preview-client.svelte.ts';
import type { EngineClient } from '../../../lib/engine-client.svelte.ts';
import { parseCohorts, serializeCohorts, type Cohort } from '../../../core/preview/index.ts';

/** The view's choices for one table; `columns` undefined while it follows the preview's defaults. */
export interface PreviewChoices {
  columns?: string[];
  threshold: string;
  /** The k step to preview when it differs from the spec's (null = the spec's). */
  method: 'records' | 'cells' | null;
}

export const DEFAULT_CHOICES: PreviewChoices = { threshold: '10', method: null };

const storageKey = (table: string) => `tokumei.preview.cohorts:${table}`;

/**
 * What the suppression preview remembers: its choices per table while the user switches tabs, one
 * PreviewClient per engine client (results survive a tab switch), and the cohorts per table in
 * localStorage (they are the reviewer's own study definitions, worth keeping across sessions).
 */
class PreviewSessionState {
  choices = $state.raw<Record<string, PreviewChoices>>({});
  cohorts = $state.raw<Record<string, Cohort[]>>({});
  private clients = new WeakMap<object, PreviewClient>();

  clientFor(engine: EngineClient): PreviewClient {
    let c = this.clients.get(engine);
    if (!c) this.clients.set(engine, (c = new PreviewClient(engine)));
    return c;
  }

  choicesOf(table: string): PreviewChoices {
    return this.choices[table] ?? DEFAULT_CHOICES;
  }

  update(table: string, patch: Partial<PreviewChoices>): void {
    this.choices = { ...this.choices, [table]: { ...this.choicesOf(table), ...patch } };
  }

  /** The table's cohorts: edited ones from memory, otherwise as saved (reading does not write state, so it may run in $derived). */
  cohortsOf(table: string): Cohort[] {
    const edited = this.cohorts[table];
    if (edited) return edited;
    try {
      return parseCohorts(globalThis.localStorage?.getItem(storageKey(table)) ?? null);
    } catch {
      return [];
    }
  }

  setCohorts(table: string, list: Cohort[]): void {
    this.cohorts = { ...this.cohorts, [table]: list };
    try {
      globalThis.localStorage?.setItem(storageKey(table), serializeCohorts(list));
    } catch {
      // Storage full or disabled: the cohorts still live for this session.
    }
  }
}

export const previewSession = new PreviewSessionState();
