import { describe, expect, it, afterAll } from 'vitest';
import { ENGINE_HOSTS } from '../support/engines.ts';

for (const host of ENGINE_HOSTS) {
  describe(`engine contract: ${host.name}`, () => {
    const enginePromise = host.create();
    afterAll(async () => (await enginePromise).close());

    it('runs DuckDB 1.4.3 with extension autoload off', async () => {
      const e = await enginePromise;
      const [row] = await e.rows(`SELECT version() AS v, current_setting('autoload_known_extensions') AS a`);
      expect(row).toEqual({ v: 'v1.4.3', a: false });
    });

    it('normalises values identically', async () => {
      const e = await enginePromise;
      const rows = await e.rows(`SELECT 1 AS i, 2::BIGINT AS b, 1.5::DOUBLE AS d, 'あ' AS s, NULL AS n, TRUE AS t`);
      expect(rows).toEqual([{ i: 1, b: 2, d: 1.5, s: 'あ', n: null, t: true }]);
    });

    it('reads a registered file by name', async () => {
      const e = await enginePromise;
      await e.registerFile('t.csv', new TextEncoder().encode('名前,値\n山田,1\n'));
      const rows = await e.rows(`SELECT * FROM read_csv('t.csv', all_varchar = true)`);
      expect(rows).toEqual([{ 名前: '山田', 値: '1' }]);
      await e.dropFile('t.csv');
    });

    it('refuses to fetch extensions instead of hanging', async () => {
      const e = await enginePromise;
      await expect(e.rows(`SELECT * FROM read_json('x.json')`)).rejects.toThrow();
    });
  });
}
