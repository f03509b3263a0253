import * as Comlink from 'comlink';
import type { SqlEngine } from '../../src/core/engine.ts';
import { Sha256 } from '../../src/core/release/sha256.ts';
import { verifyPackage, type VerifyReport } from '../../src/core/release/verify.ts';
import type { ReleaseSpec } from '../../src/core/spec/schema.ts';
import { encodeParquetStream } from './parquet-write.ts';
import { ReleaseSession, type ReleaseBuildSummary, type ReleaseInput, type ReleasePlan } from './release-run.ts';
import type { ReleaseSource } from './release-source.ts';
import { currentExclusions, sessionKey, sessionKeyFromFile } from './spec-api.ts';

export type { ReleaseBuildSummary, ReleaseInput, ReleasePlan } from './release-run.ts';
export type { ReleaseSource } from './release-source.ts';

export interface VerifyResult extends VerifyReport {
  packageSha256: string;
  bytes: number;
}

/**
 * The export form's, Verify page's part of the engine worker, merged into engineApi. The
 * package is assembled here by core's buildPackage (as `tokumei release` does) with the key and
 * exclusion list the spec API holds, and only its bytes and a summary cross to the page.
 */
export function releaseApi(engine: () => SqlEngine & { cancel(): Promise<void> }) {
  const session = new ReleaseSession(engine, {
    key: sessionKey,
    keyFromFile: sessionKeyFromFile,
    exclusions: currentExclusions,
    parquet: encodeParquetStream,
    interrupt: () => engine().cancel(),
  });

  return {
    /** Gates (with ids, severities, message keys) and the measured risk, for the export form. */
    async releasePlan(table: string, spec: ReleaseSpec, input: ReleaseInput): Promise<ReleasePlan> {
      return session.plan(table, spec, input);
    },

    /** SHA-256 of the table's source bytes (the File the page keeps, or the regenerated demo). */
    async releaseSourceHash(table: string, source: ReleaseSource | null): Promise<string> {
      return session.sourceHash(table, source);
    },

    /** The package's bytes (transferred, not copied) and what the page shows and records in the ledger. */
    async releaseBuild(table: string, spec: ReleaseSpec, input: ReleaseInput, source: ReleaseSource | null): Promise<{ bytes: Uint8Array; summary: ReleaseBuildSummary }> {
      const r = await session.build(table, spec, input, source);
      return Comlink.transfer(r, [r.bytes.buffer]);
    },

    async releaseCancel(): Promise<void> {
      await session.cancel();
    },

    /** Checks a package against its MANIFEST (as `tokumei verify`). */
    async releaseVerify(bytes: Uint8Array): Promise<VerifyResult> {
      const report = verifyPackage(bytes);
      return { ...report, packageSha256: new Sha256().update(bytes).hex(), bytes: bytes.length };
    },
  };
}

export type ReleaseApi = ReturnType<typeof releaseApi>;
