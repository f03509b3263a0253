import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySpec } from '../../../src/core/compile/apply.ts';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { assessClasses } from '../../../src/core/risk/assess-parts.ts';
import { decideEdits, findingState, undecidedPeculiar } from '../../../src/core/risk/peculiar-decisions.ts';
import { releasedPeculiarWithSources } from '../../../src/core/risk/peculiar-sources.ts';
import { applyEdits } from '../../../src/core/spec/edit.ts';
import { parseSpec } from '../../../src/core/spec/parse.ts';
import type { ReleaseSpec } from '../../../src/core/spec/schema.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';

/*
 * 20 records: ages 30–35, 40–45, 50–55 (six each) and 91, 97; sex alternating; diagnosis E11
 * except one Q87 (the record aged 41). Ages are released in 10-year bands, so the band of the
 * 90s holds 2 records: a rare category of the *released* age, which stands for the source ages
 * 91 and 97. Q87 (1 record) is rare too; nothing else is (the 30s–50s bands have 6 records,
 * sex 10 each, E11 19).
 */
const TABLE = `CREATE OR REPLACE TABLE 受診 AS
  SELECT age AS 年齢, CASE WHEN i % 2 = 0 THEN '男' ELSE '女' END AS 性別, CASE WHEN age = 41 THEN 'Q87' ELSE 'E11' END AS 病名
  FROM (SELECT row_number() OVER () - 1 AS i, age FROM (SELECT unnest([30,31,32,33,34,35,40,41,42,43,44,45,50,51,52,53,54,55,91,97]) AS age))`;

const spec = (): ReleaseSpec =>
  parseSpec({
    version: 1,
    columns: [
      { name: '年齢', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'decade', level: 1 }] },
      { name: '性別', role: 'quasi' },
      { name: '病名', role: 'sensitive' },
    ],
    hierarchies: [{ name: 'decade', kind: 'interval', levels: [{ width: 10 }] }],
    release: { mode: 'anonymized' },
  });

for (const host of ENGINE_HOSTS) {
  describe(`peculiar values with their source values, and the decisions compiled: ${host.name}`, () => {
    let engine: SqlEngine & { close(): void };
    beforeAll(async () => {
      engine = await host.create();
      await engine.exec(TABLE);
    }, 60_000);
    afterAll(() => engine.close());

    const list = (s: ReleaseSpec) => releasedPeculiarWithSources(engine, s, { table: '受診' });

    it('lists each finding with the source values it is released from', async () => {
      const r = await list(spec());
      expect(r.table).toBe('受診');
      expect(r.findings.map((f) => [f.column, f.count, f.sources])).toEqual([
        ['年齢', 2, [91, 97]],
        ['病名', 1, ['Q87']],
      ]);
      // The finding itself is the released band, not a source age.
      expect(typeof r.findings[0].value).toBe('string');
      expect(r.findings[0].value).not.toBe('91');
    });

    it('deleting the band records a decision per source age; the compiled release drops those records', async () => {
      const s0 = spec();
      const [band] = (await list(s0)).findings;
      const s1 = applyEdits(s0, decideEdits(s0, '受診', band, 'suppressRecord', '90歳以上は2人'));
      expect(s1.peculiar.decisions).toEqual([
        { column: '年齢', value: 91, action: 'suppressRecord', reason: '90歳以上は2人' },
        { column: '年齢', value: 97, action: 'suppressRecord', reason: '90歳以上は2人' },
      ]);
      expect(findingState(s1, '受診', band)).toMatchObject({ status: 'decided', action: 'suppressRecord' });
      // Measured again, the band is gone and so are its two records.
      const again = await list(s1);
      expect(again.findings.map((f) => f.column)).toEqual(['病名']);
      expect((await assessClasses(engine, s1, { table: '受診' })).records).toBe(18);
      // The release view itself (what `tokumei apply` writes): before, the band's two records, after, none.
      const plain = await applySpec(engine, s0, { table: '受診', view: 'rel0' });
      try {
        const [{ old }] = await engine.rows(`SELECT count(*) FILTER (WHERE 年齢 LIKE '%90%') AS old FROM rel0`);
        expect(old).toBe(2);
      } finally {
        await plain.dispose();
      }
      const applied = await applySpec(engine, s1, { table: '受診', view: 'rel1' });
      try {
        const [{ n, old }] = await engine.rows(`SELECT count(*) AS n, count(*) FILTER (WHERE 年齢 LIKE '%90%') AS old FROM rel1`);
        expect([n, old]).toEqual([18, 0]);
      } finally {
        await applied.dispose();
      }
    });

    it('blanking a diagnosis keeps the record with the cell empty', async () => {
      const s0 = spec();
      const q87 = (await list(s0)).findings.find((f) => f.column === '病名')!;
      const s1 = applyEdits(s0, decideEdits(s0, '受診', q87, 'suppressCell', '希少疾患'));
      const applied = await applySpec(engine, s1, { table: '受診', view: 'rel2' });
      try {
        const [r] = await engine.rows(`SELECT count(*) AS n, count(*) FILTER (WHERE 病名 IS NULL) AS blank, count(*) FILTER (WHERE 病名 = 'Q87') AS q FROM rel2`);
        expect(r).toEqual({ n: 20, blank: 1, q: 0 });
      } finally {
        await applied.dispose();
      }
      expect((await list(s1)).findings.map((f) => f.column)).toEqual(['年齢']);
    });

    it('a kept value stays listed as decided; with review on only undecided values block', async () => {
      let s = applyEdits(spec(), [{ op: 'setPeculiarReview', review: true }]);
      const before = await list(s);
      expect(undecidedPeculiar(before, s).findings).toHaveLength(2);
      const q87 = before.findings.find((f) => f.column === '病名')!;
      s = applyEdits(s, decideEdits(s, '受診', q87, 'keep', '研究目的に必須'));
      const after = await list(s);
      expect(after.findings).toHaveLength(2);
      expect(findingState(s, '受診', after.findings[1])).toMatchObject({ status: 'decided', action: 'keep', reason: '研究目的に必須' });
      expect(undecidedPeculiar(after, s).findings.map((f) => f.column)).toEqual(['年齢']);
      const applied = await applySpec(engine, s, { table: '受診', view: 'rel3' });
      try {
        const [r] = await engine.rows(`SELECT count(*) FILTER (WHERE 病名 = 'Q87') AS q FROM rel3`);
        expect(r.q).toBe(1);
      } finally {
        await applied.dispose();
      }
    });

    it('leaves no view or table behind', async () => {
      await list(spec());
      const rows = await engine.rows(`SELECT table_name FROM information_schema.tables WHERE table_name LIKE '__tokumei_%'`);
      expect(rows).toEqual([]);
    });
  });
}
