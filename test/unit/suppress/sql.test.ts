import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { sdcFrequencies } from '../../../src/core/risk/sdc-freq.ts';
import { localSuppression } from '../../../src/core/suppress/local.ts';
import { applyCellSuppression, loadKeyCombos } from '../../../src/core/suppress/sql.ts';
import { ident, literal } from '../../../src/core/sql/quote.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';

/** 400 generated records: three keys (one integer, a Japanese-named one), two other columns, some NULLs. */
function rows(): (string | number | null)[][] {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out: (string | number | null)[][] = [];
  for (let id = 1; id <= 400; id++) {
    const area = Math.floor(next() * next() * 12); // skewed: a few common, many rare areas
    const sex = next() < 0.03 ? null : next() < 0.5 ? '男' : '女';
    const band = `${Math.floor(next() * 8) * 10}代`;
    out.push([id, area, sex, band, Math.round(next() * 1e6) / 100, next() < 0.1 ? null : `メモ${id}`]);
  }
  return out;
}

const KEYS = ['area', '性別', 'age band'];

describe('cell suppression through SQL, on every host', () => {
  const engines: (SqlEngine & { close(): void })[] = [];
  beforeAll(async () => {
    for (const host of ENGINE_HOSTS) {
      const e = await host.create();
      const values = rows()
        .map((r) => `(${r.map(literal).join(', ')})`)
        .join(', ');
      await e.exec(
        `CREATE TABLE people AS SELECT col0::INTEGER AS id, col1::INTEGER AS area, col2 AS ${ident('性別')}, col3 AS ${ident('age band')},
           col4::DOUBLE AS income, col5 AS note FROM (VALUES ${values})`,
      );
      engines.push(e);
    }
  });
  afterAll(() => engines.forEach((e) => e.close()));

  it('reaches k = 3 under sdcMicro frequencies, changes only key cells, and agrees across hosts', async () => {
    const cells: number[] = [];
    for (const e of engines) {
      const combos = await loadKeyCombos(e, 'people', KEYS);
      const r = localSuppression(combos, { k: 3, importance: { area: 1, 性別: 3, 'age band': 2 } });
      expect(r.recordsAtRiskBefore).toBeGreaterThan(0);
      await applyCellSuppression(e, 'people', combos, r, 'people_k3');

      // k-anonymity measured by the independent SQL implementation of freqCalc.
      const f = await sdcFrequencies(e, { relation: 'people_k3', keys: KEYS, into: 'freq_k3' });
      const [m] = await e.rows(`SELECT min(fk) AS m FROM ${ident(f.table)}`);
      expect(Number(m.m)).toBeGreaterThanOrEqual(3);

      // Same rows, same non-key values, same column types.
      const [diff] = await e.rows(
        `SELECT (SELECT count(*) FROM (SELECT id, income, note FROM people EXCEPT ALL SELECT id, income, note FROM people_k3)) +
                (SELECT count(*) FROM (SELECT id, income, note FROM people_k3 EXCEPT ALL SELECT id, income, note FROM people)) AS n`,
      );
      expect(Number(diff.n)).toBe(0);
      const types = async (rel: string) => (await e.rows(`DESCRIBE ${ident(rel)}`)).map((r) => `${r.column_name}:${r.column_type}`);
      expect(await types('people_k3')).toEqual(await types('people'));

      // Each key cell is either unchanged or newly NULL, and the NULLs added are the cells reported.
      const changed = KEYS.map((k) => `count(*) FILTER (WHERE o.${ident(k)} IS NOT NULL AND n.${ident(k)} IS NULL)`).join(' + ');
      const altered = KEYS.map((k) => `count(*) FILTER (WHERE n.${ident(k)} IS NOT NULL AND n.${ident(k)} IS DISTINCT FROM o.${ident(k)})`).join(' + ');
      const [c] = await e.rows(`SELECT ${changed} AS blanked, ${altered} AS altered FROM people o JOIN people_k3 n USING (id)`);
      expect(Number(c.altered)).toBe(0);
      expect(Number(c.blanked)).toBe(r.suppressedCells);
      cells.push(r.suppressedCells);
    }
    expect(new Set(cells).size).toBe(1);
  });
});
