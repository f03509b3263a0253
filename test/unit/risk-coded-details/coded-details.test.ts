import { afterAll, describe, it } from 'vitest';
import fc from 'fast-check';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { caseArb, complete } from './support.ts';
import { compare } from './compare.ts';

for (const [h, host] of ENGINE_HOSTS.entries()) {
  describe(`details from codes against the SQL: ${host.name}`, () => {
    const enginePromise = host.create();
    afterAll(async () => (await enginePromise).close());

    it('random releases: NULLs in quasi-identifiers and sensitive values, merges, suppressed classes, weights', async () => {
      const e = await enginePromise;
      await fc.assert(
        fc.asyncProperty(caseArb, async (d) => {
          await compare(e, complete(d));
        }),
        { numRuns: 150, seed: 20260 + h },
      );
    }, 240_000);
  });
}
