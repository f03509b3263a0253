import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { duckdbVersion, TOKUMEI_VERSION } from '../../../src/core/version.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';

describe('versions in packages and records', () => {
  it('Tokumei states the version package.json has', () => {
    expect(TOKUMEI_VERSION).toBe(JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).version);
  });

  it('both engines report the same DuckDB version (a package from either host states the same)', async () => {
    const versions: string[] = [];
    for (const host of ENGINE_HOSTS) {
      const e = await host.create();
      try {
        versions.push(await duckdbVersion(e));
      } finally {
        e.close();
      }
    }
    expect(versions[0]).toMatch(/^v1\.4\.3/);
    expect(new Set(versions).size).toBe(1);
  });
});
