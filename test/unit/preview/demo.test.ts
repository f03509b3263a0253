import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { applySpec } from '../../../src/core/compile/apply.ts';
import { releasedRecordsSql } from '../../../src/core/risk/record-suppression.ts';
import { assessClasses } from '../../../src/core/risk/assess-parts.ts';
import { parseSpec } from '../../../src/core/spec/parse.ts';
import type { ReleaseSpec } from '../../../src/core/spec/schema.ts';
import { checkCohorts, lostCategories, openPreview, removedPage } from '../../../src/core/preview/index.ts';
import { loadDemoPatients } from '../ui-risk/demo-table.ts';
import { PseudonymKey } from '../../../src/core/pseudonymize/key.ts';
import { literal } from '../../../src/core/sql/quote.ts';

const T = '患者';
const RARE = ['G12.2', 'E84.9', 'D66', 'Q90.9', 'E75.2', 'G35'];

/** The demo with the diagnosis as a quasi-identifier next to 10-year age bands: rare diagnoses form tiny classes. */
function spec(limit: number, peculiar: { column: string; value: string }[] = []): ReleaseSpec {
  return parseSpec({
    version: 1,
    columns: [
      { name: '患者ID', role: 'identifier', transforms: [{ kind: 'pseudonymize' }] },
      { name: '生年月日', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'age', level: 1 }] },
      { name: '性別', role: 'other', transforms: [] },
      { name: '主病名', role: 'quasi', transforms: [] },
      { name: '血液型', role: 'other', transforms: [] },
    ],
    hierarchies: [{ name: 'age', kind: 'age', referenceDate: '2024-04-01', levels: [{ width: 10 }] }],
    model: { k: 5, suppressionLimit: limit },
    peculiar: { review: true, decisions: peculiar.map((p) => ({ ...p, action: 'suppressRecord', reason: 'rare' })) },
    release: { mode: 'anonymized' },
  });
}

/** Age decade written apart from the compiler (completed years on 2024-04-01). */
const decade = `floor((2024 - year(生年月日) - CASE WHEN strftime(生年月日, '%m%d') > '0401' THEN 1 ELSE 0 END) / 10)`;

const byHost = new Map<string, unknown>();

for (const host of ENGINE_HOSTS) {
  describe(`suppression preview on the demo (${host.name})`, () => {
    let engine: SqlEngine & { close(): void };
    beforeAll(async () => {
      engine = await host.create();
      await loadDemoPatients(engine, T, 4000);
    }, 120_000);
    afterAll(() => engine.close());

    it('removes exactly the records of the classes below k that plain SQL finds, as many as the release writes out', async () => {
      const seen = new Set<boolean>();
      for (const limit of [0.1, 0.01]) seen.add(await compare(limit));
      // One limit fits the classes below k, the other does not (nothing is suppressed then).
      expect([...seen].sort()).toEqual([false, true]);
    });

    async function compare(limit: number): Promise<boolean> {
      const s = spec(limit);
      const below = await engine.rows(
        `SELECT 患者ID AS id FROM (SELECT 患者ID, count(*) OVER (PARTITION BY ${decade}, 主病名) AS n FROM ${T}) WHERE n < 5 ORDER BY 患者ID`,
      );
      const p = await openPreview(engine, s, { table: T });
      try {
        const needed = below.length;
        const fits = needed <= Math.floor(limit * 4000);
        expect(needed).toBeGreaterThan(0);
        expect(p.summary.removed.belowK).toBe(fits ? needed : 0);
        const rows = await removedPage(engine, p, { reason: 'belowK' }, 0, 10_000);
        const idAt = p.summary.gridColumns.findIndex((c) => c.kind === 'source' && c.column === '患者ID');
        expect(rows.map((r) => r[idAt]).sort()).toEqual(fits ? below.map((r) => r.id) : []);

        // The same count as the release path (apply + ARX's rule) and the risk panel.
        const key = await PseudonymKey.generate({ extractable: false });
        const applied = await applySpec(engine, s, { table: T, view: 'x_release', prefix: 'x_', unlisted: 'drop', key });
        try {
          const r = await releasedRecordsSql(engine, applied.view, ['生年月日', '主病名'], ['生年月日', '主病名'], s.model);
          const [{ n }] = await engine.rows(`SELECT count(*) AS n FROM (${r.sql})`);
          expect(p.summary.releasedRecords).toBe(Number(n));
        } finally {
          await applied.dispose();
        }
        const risk = await assessClasses(engine, s, { table: T });
        expect(p.summary.releasedRecords).toBe(risk.releasedRecords);
        expect(p.summary.suppression).toEqual(risk.suppression);
        return fits;
      } finally {
        await p.dispose();
      }
    }

    it('shows the rare diagnoses lost entirely, and a cohort of women in their forties', async () => {
      // 4,000 patients have fewer records per diagnosis and decade than the 10,000 of the app's demo: a 10 % limit fits.
      const p = await openPreview(engine, spec(0.1), { table: T });
      try {
        const [dx] = await lostCategories(engine, p, { columns: ['主病名'], threshold: 10 });
        const counts = new Map(
          (await engine.rows(`SELECT 主病名 AS v, count(*) AS n FROM ${T} GROUP BY 1`)).map((r) => [String(r.v), Number(r.n)]),
        );
        // A diagnosis held by fewer than k patients in every age decade cannot survive.
        const largest = await engine.rows(`SELECT 主病名 AS v, max(n) AS m FROM (SELECT 主病名, count(*) AS n FROM ${T} GROUP BY ${decade}, 主病名) GROUP BY 1`);
        const mustGo = largest.filter((r) => Number(r.m) < 5).map((r) => String(r.v)).sort();
        expect(p.summary.suppression?.applied).toBe(true);
        expect(dx.removed.items.map((c) => c.value).sort()).toEqual(mustGo);
        expect(mustGo.filter((v) => RARE.includes(v)).length).toBeGreaterThan(0);
        for (const c of dx.removed.items) expect(c.before).toBe(counts.get(c.value));

        const [w] = await checkCohorts(engine, p, [
          {
            id: 'w',
            name: '女性・40–49歳',
            conditions: [
              { column: '性別', op: 'equals', value: '女' },
              { column: '生年月日', op: 'age', min: 40, max: 49, referenceDate: '2024-04-01' },
            ],
          },
        ]);
        const [expected] = await engine.rows(
          `SELECT count(*) AS n FROM ${T} WHERE 性別 = '女' AND (2024 - year(生年月日) - CASE WHEN strftime(生年月日, '%m%d') > '0401' THEN 1 ELSE 0 END) BETWEEN 40 AND 49`,
        );
        expect(w.before).toBe(Number(expected.n));
        expect(w.after).toBeLessThanOrEqual(w.before);
        expect(w.after).toBe(w.before - w.removed.belowK);
        expect(w.selectable).toBe('exact');
        byHost.set(host.name, { summary: p.summary, dx, w });
      } finally {
        await p.dispose();
      }
    });

    it('names the column whose peculiar-value decision removed a record', async () => {
      const [{ v }] = await engine.rows(`SELECT 血液型 AS v FROM ${T} GROUP BY 1 ORDER BY count(*), 1 LIMIT 1`);
      const p = await openPreview(engine, spec(0.05, [{ column: '血液型', value: String(v) }]), { table: T });
      try {
        const [{ n }] = await engine.rows(`SELECT count(*) AS n FROM ${T} WHERE 血液型 = ${literal(String(v))}`);
        expect(p.summary.removed.record).toBe(Number(n));
        expect(p.summary.removedByColumn).toEqual([{ column: '血液型', records: Number(n) }]);
      } finally {
        await p.dispose();
      }
    });
  });
}

describe('suppression preview on the demo, both engines', () => {
  it('agree exactly', () => {
    const [a, b] = ENGINE_HOSTS.map((h) => byHost.get(h.name));
    expect(a).toBeDefined();
    expect(b).toEqual(a);
  });
});
