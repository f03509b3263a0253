import { afterAll, describe, expect, it } from 'vitest';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { typeTable } from '../../../src/core/load/type-table.ts';
import { loadCsv } from '../../../src/core/load/index.ts';

/** 150,000 rows: more than the 100,000-row typing sample, so the whole-table comparison runs. */
function csv(badAt: number | null): Uint8Array {
  const lines = ['seq,n,d'];
  for (let i = 0; i < 150_000; i++) lines.push(`${i + 1},${i === badAt ? 'x' : i % 97},2020-01-${String((i % 28) + 1).padStart(2, '0')}`);
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

for (const host of ENGINE_HOSTS) {
  describe(`typeTable on ${host.name}`, () => {
    const engine = host.create();
    afterAll(async () => (await engine).close());

    it('types a large table from its sample', async () => {
      const e = await engine;
      const r = await loadCsv(e, { table: 'ok', fileName: 'ok.csv', bytes: csv(null) });
      const typing = await typeTable(e, 'ok', r.rows);
      expect(typing.map((t) => t.target)).toEqual(['BIGINT', 'BIGINT', 'DATE']);
      const [row] = await e.rows(`SELECT count(*) AS n, sum(n) AS s, min(d)::VARCHAR AS d, any_value(typeof(n)) AS t FROM ok`);
      expect(row).toEqual({ n: 150_000, s: Array.from({ length: 150_000 }, (_, i) => i % 97).reduce((a, b) => a + b, 0), d: '2020-01-01', t: 'BIGINT' });
    });

    it('keeps a column as text when a value outside the sample would not convert', async () => {
      const e = await engine;
      // The sample takes every 2nd row; an odd row index is outside it.
      const r = await loadCsv(e, { table: 'bad', fileName: 'bad.csv', bytes: csv(149_999) });
      const typing = await typeTable(e, 'bad', r.rows);
      const n = typing.find((t) => t.column === 'n')!;
      expect(n.target).toBe('VARCHAR');
      expect(n.failures).toBe(1);
      expect(n.reason.key).toBe('load.typing.lateFailures');
      const [row] = await e.rows(`SELECT count(*) FILTER (n = 'x') AS x, any_value(typeof(n)) AS t, any_value(typeof(seq)) AS ti FROM bad`);
      expect(row).toEqual({ x: 1, t: 'VARCHAR', ti: 'BIGINT' });
    });
  });
}
