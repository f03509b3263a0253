import type { EngineClient } from '../../../lib/engine-client.svelte.ts';
import { ReleaseClient } from '../../../lib/release-client.svelte.ts';
import { FORM_STORAGE_KEY, parseStoredForm, type ReleaseForm } from '../../../lib/release-form.ts';

function read(): string | null {
  try {
    return globalThis.localStorage?.getItem(FORM_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/**
 * What the export view keeps while the user moves between tabs and tables: the form (also in
 * localStorage, so a reload keeps the typing; the key is never part of it) and one release
 * client per engine client.
 */
class ReleaseSessionState {
  form = $state<ReleaseForm>(parseStoredForm(read(), new Date()));
  private clients = new WeakMap<EngineClient, ReleaseClient>();

  clientFor(engine: EngineClient): ReleaseClient {
    let c = this.clients.get(engine);
    if (!c) this.clients.set(engine, (c = new ReleaseClient(engine)));
    return c;
  }

  save(): void {
    try {
      globalThis.localStorage?.setItem(FORM_STORAGE_KEY, JSON.stringify(this.form));
    } catch {
      // not kept across reloads; the form still works
    }
  }
}

export const releaseSession = new ReleaseSessionState();
