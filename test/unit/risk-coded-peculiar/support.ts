import { expect } from 'vitest';
import type { SqlEngine } from '../../../src/core/engine.ts';
import type { PeculiarPartOptions } from '../../../src/core/risk/assess-parts.ts';
import { codedPeculiarListing } from '../../../src/core/risk/coded-peculiar.ts';
import { releasedPeculiarWithSources, type PeculiarListing } from '../../../src/core/risk/peculiar-sources.ts';
import type { SourceCodes } from '../../../src/core/risk/source-codes.ts';
import type { ReleaseSpec } from '../../../src/core/spec/schema.ts';

/** The engine, recording every statement, so a test can tell whether the coded path's release view was scanned. */
export function recording(engine: SqlEngine): { engine: SqlEngine; scannedView: () => boolean; seen: string[] } {
  const seen: string[] = [];
  const log = (sql: string) => (seen.push(sql), sql);
  return {
    engine: {
      exec: (sql) => engine.exec(log(sql)),
      rows: (sql) => engine.rows(log(sql)),
      registerFile: (n, b) => engine.registerFile(n, b),
      dropFile: (n) => engine.dropFile(n),
    },
    // The view may be created, described and dropped; reading from it (FROM or JOIN) would scan it.
    scannedView: () => seen.some((s) => /(FROM|JOIN)\s+"__tokumei_pecc_\d+_released"/.test(s)),
    seen,
  };
}

type Outcome = { ok: true; value: PeculiarListing | null } | { ok: false; error: string };

async function outcome(run: () => Promise<PeculiarListing | null>): Promise<Outcome> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e) };
  }
}

/**
 * The coded listing against the view's: equal findings (floats exact), or the same error.
 * Returns the listing, or null when the coded path declined (only allowed with `mayDecline`).
 */
export async function agree(
  engine: SqlEngine,
  codes: SourceCodes,
  spec: ReleaseSpec | null,
  opts: PeculiarPartOptions,
  mayDecline = false,
): Promise<PeculiarListing | null> {
  const want = await outcome(() => releasedPeculiarWithSources(engine, spec, opts));
  const r = recording(engine);
  const got = await outcome(() => codedPeculiarListing(r.engine, spec, { ...opts, codes }));
  expect(r.scannedView()).toBe(false);
  if (!want.ok) {
    // The coded path may also decline a spec the view cannot list; otherwise it fails alike.
    if (got.ok && got.value === null && mayDecline) return null;
    expect(got).toEqual(want);
    return null;
  }
  expect(got.ok).toBe(true);
  const value = (got as { value: PeculiarListing | null }).value;
  if (value === null) {
    expect(mayDecline).toBe(true);
    return null;
  }
  expect(value).toStrictEqual(want.value);
  return value;
}
