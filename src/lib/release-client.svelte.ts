import * as Comlink from 'comlink';
import type { ReleaseSpec } from '../core/spec/schema.ts';
import type { TableInfo } from '../../workers/engine/module.ts';
import type { ReleaseBuildSummary, ReleaseInput, ReleasePlan, ReleaseSource, VerifyResult } from '../../workers/engine/release-api.ts';
import { DEMO, type EngineClient } from './engine-client.svelte.ts';
import { latestOnly } from './spec-client.ts';

export type { ReleaseBuildSummary, ReleaseInput, ReleasePlan, ReleaseSource, VerifyResult } from '../../workers/engine/release-api.ts';

/** What the release calls need from the engine client (a fake in tests). */
export type ReleaseCaller = Pick<EngineClient, 'call'>;

/** Measuring is one pass over the table; writing the package reads it again for every format. */
const PLAN_MS = 5 * 60_000;
const BUILD_MS = 30 * 60_000;
const HASH_MS = 10 * 60_000;

/**
 * Where a table's bytes came from: the File the client keeps, or the built-in demo (the app
 * loads it only with DEMO's parameters). Null for anything else; the worker then refuses.
 */
export function releaseSourceOf(client: Pick<EngineClient, 'fileOf'>, table: Pick<TableInfo, 'name' | 'demo'>): ReleaseSource | null {
  const file = client.fileOf(table.name);
  if (file) return { kind: 'file', file };
  if (table.demo) return { kind: 'demo', patients: DEMO.patients, seed: DEMO.seed };
  return null;
}

export const planRelease = (c: ReleaseCaller, table: string, spec: ReleaseSpec, input: ReleaseInput): Promise<ReleasePlan> =>
  c.call((api) => api.releasePlan(table, spec, input), PLAN_MS);

export const sourceHash = (c: ReleaseCaller, table: string, source: ReleaseSource | null): Promise<string> =>
  c.call((api) => api.releaseSourceHash(table, source), HASH_MS);

export const buildRelease = (c: ReleaseCaller, table: string, spec: ReleaseSpec, input: ReleaseInput, source: ReleaseSource | null) =>
  c.call((api) => api.releaseBuild(table, spec, input, source), BUILD_MS);

export const cancelRelease = (c: ReleaseCaller): Promise<void> => c.call((api) => api.releaseCancel());

/** The zip's bytes go to the worker (transferred) and are checked there against MANIFEST. */
export const verifyZip = (c: ReleaseCaller, bytes: Uint8Array): Promise<VerifyResult> =>
  c.call((api) => api.releaseVerify(Comlink.transfer(bytes, [bytes.buffer])), HASH_MS);

export type BuildState = 'idle' | 'building' | 'done' | 'failed';

/**
 * The export view's live state (a runes class): the plan follows every change of the spec and
 * the form (only the newest request runs), a build at a time, and the last package made.
 */
export class ReleaseClient {
  plan = $state.raw<ReleasePlan | null>(null);
  planError = $state.raw<unknown>(null);
  planning = $state(false);
  plannedFor = $state('');
  build = $state<BuildState>('idle');
  buildError = $state.raw<unknown>(null);
  result = $state.raw<(ReleaseBuildSummary & { fileName: string }) | null>(null);
  sourceSha256 = $state<string | null>(null);
  private readonly planLatest: (table: string, spec: ReleaseSpec, input: ReleaseInput) => Promise<ReleasePlan | undefined>;
  private hashed = new WeakMap<object, Promise<string>>();

  constructor(private readonly caller: ReleaseCaller) {
    this.planLatest = latestOnly((table: string, spec: ReleaseSpec, input: ReleaseInput) => planRelease(caller, table, spec, input));
  }

  /** `key` names what was asked (the view compares it, so a plan for older entries is never shown as current). */
  async refresh(table: string, spec: ReleaseSpec, input: ReleaseInput, key: string): Promise<void> {
    this.planning = true;
    try {
      const p = await this.planLatest(table, spec, input);
      if (!p) return;
      this.plan = p;
      this.plannedFor = key;
      this.planError = null;
      this.planning = false;
    } catch (e) {
      this.plan = null;
      this.plannedFor = key;
      this.planError = e;
      this.planning = false;
    }
  }

  /** The source hash, asked once per File (the client keeps the same File object for a table). */
  async hashSource(table: string, source: ReleaseSource | null): Promise<void> {
    this.sourceSha256 = null;
    if (!source) return;
    const k: object = source.kind === 'file' ? source.file : DEMO;
    let p = source.kind === 'file' ? this.hashed.get(k) : undefined;
    if (!p) {
      p = sourceHash(this.caller, table, source);
      if (source.kind === 'file') this.hashed.set(k, p);
      p.catch(() => this.hashed.delete(k));
    }
    this.sourceSha256 = await p;
  }

  /** Builds the package; resolves to its bytes (the view saves them) or null when it failed. */
  async make(table: string, spec: ReleaseSpec, input: ReleaseInput, source: ReleaseSource | null, fileName: string): Promise<Uint8Array | null> {
    this.build = 'building';
    this.buildError = null;
    try {
      const { bytes, summary } = await buildRelease(this.caller, table, spec, input, source);
      this.result = { ...summary, fileName };
      this.build = 'done';
      return bytes;
    } catch (e) {
      this.buildError = e;
      this.build = 'failed';
      return null;
    }
  }

  async cancel(): Promise<void> {
    await cancelRelease(this.caller).catch(() => undefined);
  }
}
