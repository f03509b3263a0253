import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { exclusionDigest } from '../../../src/core/spec/digest.ts';
import {
  checkCohorts,
  countRemoved,
  distributions,
  lostCategories,
  openPreview,
  removedPage,
  type Cohort,
  type PreviewSession,
} from '../../../src/core/preview/index.ts';
import { CLINIC, clinicSpec, loadClinic } from './fixture.ts';

const leftovers = async (engine: SqlEngine) =>
  (await engine.rows(`SELECT table_name FROM information_schema.tables WHERE starts_with(table_name, '__tokumei_')`)).map((r) => r.table_name);

const women40s: Cohort = {
  id: 'w40',
  name: '女性・40–49歳',
  conditions: [
    { column: '性別', op: 'equals', value: '女' },
    { column: '生年月日', op: 'age', min: 40, max: 49, referenceDate: '2024-04-01' },
  ],
};

/** Results of every host, compared at the end: the two engines must agree exactly. */
const byHost = new Map<string, unknown>();

for (const host of ENGINE_HOSTS) {
  describe(`suppression preview (${host.name})`, () => {
    let engine: SqlEngine & { close(): void };
    const excluded = ['P01'];
    let digest: { sha256: string; count: number };
    beforeAll(async () => {
      engine = await host.create();
      await loadClinic(engine);
      digest = await exclusionDigest(excluded);
    }, 120_000);
    afterAll(() => engine.close());

    const open = (opts: Parameters<typeof clinicSpec>[0] = {}) =>
      openPreview(engine, clinicSpec({ exclusions: digest, ...opts }), { table: CLINIC, exclusions: excluded });

    async function withPreview<T>(opts: Parameters<typeof clinicSpec>[0], fn: (s: PreviewSession) => Promise<T>): Promise<T> {
      const s = await open(opts);
      try {
        return await fn(s);
      } finally {
        await s.dispose();
      }
    }

    it('counts the removed records by cause: exclusion list, listed value, class below k within the limit', async () => {
      await withPreview({}, async (s) => {
        const sum = s.summary;
        expect(sum.sourceRecords).toBe(44);
        // 44 − P01 (list) − P21 (AB-) = 42 in the view; classes (70s, 男) of 1 and (60s, 男) of 3 are below k = 5,
        // and 4 ≤ ⌊0.1 · 42⌋ = 4, so ARX's rule suppresses them.
        expect(sum.removed).toEqual({ excluded: 1, record: 1, belowK: 4 });
        expect(sum.releasedRecords).toBe(38);
        expect(sum.suppression).toMatchObject({ k: 5, budget: 4, needed: 4, applied: true, kAnonymous: true });
        expect(sum.removedByColumn).toEqual([{ column: '血液型', records: 1 }]);
        expect(sum.qis).toEqual(['性別', '生年月日']);
        expect(sum.sensitive).toEqual(['病名']);
        // The kept identifier is a release blocker: held back, not released, but the preview still runs.
        expect(sum.columns.find((c) => c.name === '氏名')).toMatchObject({ released: false, role: 'identifier' });
        expect(sum.columns.find((c) => c.name === '身長')).toMatchObject({ released: true, changed: true });
        expect(sum.columns.find((c) => c.name === '性別')).toMatchObject({ released: true, changed: false });
        expect(sum.defaultColumns).toEqual(['性別', '生年月日', '病名']);
        const released = await engine.rows(`SELECT count(*) AS n FROM ${s.pairs} WHERE __tokumei_state = 'released'`);
        expect(Number(released[0].n)).toBe(38);
      });
      expect(await leftovers(engine)).toEqual([]);
    });

    it('suppresses nothing when the classes below k do not fit the limit (ARX: all or nothing)', async () => {
      await withPreview({ limit: 0.05 }, async (s) => {
        expect(s.summary.suppression).toMatchObject({ budget: 2, needed: 4, applied: false, kAnonymous: false });
        expect(s.summary.removed).toEqual({ excluded: 1, record: 1, belowK: 0 });
      });
    });

    it('pages the removed records with their source values, the reason and the released quasi-identifiers', async () => {
      await withPreview({}, async (s) => {
        const cols = s.summary.gridColumns;
        expect(cols.map((c) => (c.kind === 'source' || c.kind === 'released' ? `${c.kind}:${c.column}` : c.kind))).toEqual([
          'reason',
          'detail',
          'source:患者ID',
          'source:氏名',
          'source:性別',
          'source:生年月日',
          'source:病名',
          'source:血液型',
          'source:身長',
          'released:性別',
          'released:生年月日',
        ]);
        const rows = await removedPage(engine, s, {}, 0, 100);
        expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual([
          ['excluded', null, 'P01'],
          ['record', '血液型', 'P21'],
          ['belowK', '1', 'P41'],
          ['belowK', '3', 'P42'],
          ['belowK', '3', 'P43'],
          ['belowK', '3', 'P44'],
        ]);
        expect(rows[2]).toEqual(['belowK', '1', 'P41', 'E0', '男', '1950-05-05', 'G12.2', 'A', 168, '男', '70-79']);
        expect(await countRemoved(engine, s, {})).toBe(6);
        expect(await removedPage(engine, s, {}, 2, 2)).toEqual(rows.slice(2, 4));
        expect(await countRemoved(engine, s, { reason: 'belowK' })).toBe(4);
        expect(await countRemoved(engine, s, { column: '氏名', op: 'contains', value: 'f' })).toBe(3);
        expect(await countRemoved(engine, s, { column: '性別', op: 'equals', value: '男' })).toBe(5);
        expect(await countRemoved(engine, s, { column: '性別', op: 'equals', value: '男', reason: 'record' })).toBe(1);
        const filtered = await removedPage(engine, s, { column: '病名', op: 'equals', value: 'I10' }, 0, 10);
        expect(filtered.map((r) => r[2])).toEqual(['P42', 'P43', 'P44']);
        await expect(countRemoved(engine, s, { column: 'nope', value: 'x' })).rejects.toMatchObject({ key: 'uiPreview.error.noColumn' });
      });
    });

    it('lists the categories lost entirely, merged by generalization, and fallen below the threshold', async () => {
      const plain = await withPreview({}, (s) => lostCategories(engine, s, { columns: ['病名', '性別'], threshold: 5 }));
      const dx = plain[0];
      expect(dx).toMatchObject({ column: '病名', released: true, categories: 4 });
      expect(dx.removed.items).toEqual([
        { value: 'G12.2', before: 1, after: 0, shown: 0, status: 'removed', into: [], removedBy: { excluded: 0, record: 0, belowK: 1 } },
      ]);
      expect(dx.merged.total).toBe(0);
      expect(dx.rare.items.map((c) => [c.value, c.before, c.after])).toEqual([['E84.9', 2, 2]]);
      expect(plain[1]).toMatchObject({ column: '性別', categories: 2, removed: { total: 0 }, merged: { total: 0 }, rare: { total: 0 } });

      const prefixed = await withPreview({ dxPrefix: true }, (s) => lostCategories(engine, s, { columns: ['病名'], threshold: 5 }));
      const merged = prefixed[0].merged.items;
      expect(merged.map((c) => [c.value, c.before, c.after, c.into])).toEqual([
        ['E11.9', 30, 28, [{ value: 'E11', records: 28 }]],
        ['E84.9', 2, 2, [{ value: 'E84', records: 2 }]],
      ]);
      // I10 stays I10 under a 3-character prefix: still shown, so not listed.
      expect(prefixed[0].removed.items.map((c) => c.value)).toEqual(['G12.2']);
      expect(prefixed[0].rare.total).toBe(0);
    });

    it('gives before/after distributions in the same bars, and the released labels when values change', async () => {
      const [sex, birth, height] = await withPreview({}, (s) => distributions(engine, s, { columns: ['性別', '生年月日', '身長'], bins: 5 }));
      expect(sex).toMatchObject({ kind: 'categories', released: null, nulls: { before: 0, after: 0 } });
      expect(sex.bars).toEqual([
        { label: '女', before: 30, after: 29 },
        { label: '男', before: 14, after: 9 },
      ]);
      // Years 1950–1980 in bins of 10 (a nice width for 30 / 5).
      expect(birth.kind).toBe('years');
      expect(birth.bars).toEqual([
        { label: '1950–1959', before: 1, after: 0 },
        { label: '1960–1969', before: 3, after: 0 },
        { label: '1970–1979', before: 10, after: 10 },
        { label: '1980–1989', before: 30, after: 28 },
      ]);
      expect(birth.released?.bars).toEqual([
        { label: '40-49', records: 30 },
        { label: '50-59', records: 8 },
      ]);
      expect(height.kind).toBe('bins');
      expect(height.bars.reduce((a, b) => a + b.before, 0)).toBe(44);
      expect(height.bars.reduce((a, b) => a + b.after, 0)).toBe(38);
      // Rounded to tens: 152.5 → 150, 158 and 160 → 160, 171 → 170; released labels in their natural order.
      expect(height.released?.bars).toEqual([
        { label: '150', records: 8 },
        { label: '160', records: 21 },
        { label: '170', records: 9 },
      ]);
      const top1 = await withPreview({}, (s) => distributions(engine, s, { columns: ['病名'], top: 1 }));
      expect(top1[0].bars).toEqual([
        { label: 'E11.9', before: 30, after: 28 },
        { label: null, before: 14, after: 10 },
      ]);
    });

    it('checks a cohort: survival, and whether 10-year or 20-year age bands still select it', async () => {
      const [ten] = await withPreview({}, (s) => checkCohorts(engine, s, [women40s]));
      expect(ten).toMatchObject({ id: 'w40', before: 22, after: 21, removed: { excluded: 1, record: 0, belowK: 0 }, superset: 21, selectable: 'exact' });
      expect(ten.conditions.map((c) => [c.column, c.matched, c.covered, c.exact])).toEqual([
        ['性別', 29, 29, true],
        ['生年月日', 30, 30, true],
      ]);
      expect(ten.conditions[1].values).toEqual(['40-49']);

      const [twenty] = await withPreview({ band: 20 }, (s) => checkCohorts(engine, s, [women40s]));
      // 40-59 bands: the women of group C (54) cannot be told apart from the cohort.
      expect(twenty).toMatchObject({ before: 22, after: 21, superset: 29, selectable: 'superset' });
      expect(twenty.conditions[1]).toMatchObject({ column: '生年月日', matched: 30, covered: 38, exact: false, values: ['40-59'], valueCount: 1 });
    });

    it('evaluates every kind of condition on the source values', async () => {
      const cohorts: Cohort[] = [
        { id: 'prefix', name: '', conditions: [{ column: '病名', op: 'prefix', value: 'E11' }] },
        { id: 'range', name: '', conditions: [{ column: '身長', op: 'range', min: '155', max: 159 }] },
        { id: 'dates', name: '', conditions: [{ column: '生年月日', op: 'range', min: '1980-01-01', max: '1980-12-31' }] },
        { id: 'in', name: '', conditions: [{ column: '身長', op: 'in', values: ['158', '171'] }] },
        { id: 'gone', name: '', conditions: [{ column: '病名', op: 'equals', value: 'G12.2' }] },
        // 氏名 is held back (a blocker), so nothing in the release narrows the choice.
        { id: 'hidden', name: '', conditions: [{ column: '氏名', op: 'equals', value: 'C0' }] },
        { id: 'draft', name: '', conditions: [{ column: '性別', op: 'equals', value: '男' }, { column: '病名', op: 'equals', value: '' }] },
      ];
      const r = await withPreview({}, (s) => checkCohorts(engine, s, cohorts));
      expect(r.map((c) => [c.id, c.before, c.after, c.selectable])).toEqual([
        ['prefix', 30, 28, 'exact'],
        // 158 is released as 160, like the 160s of group D.
        ['range', 20, 19, 'superset'],
        // Born in 1980 is released as 40-49, like group D born in 1979.
        ['dates', 30, 28, 'superset'],
        // 158 and 171 become 160 and 170: D's 160 comes along.
        ['in', 30, 28, 'superset'],
        ['gone', 1, 0, 'none'],
        ['hidden', 1, 1, 'superset'],
        ['draft', 14, 9, 'exact'],
      ]);
      expect(r[5]).toMatchObject({ superset: 38, conditions: [{ released: false, covered: 38, matched: 1, exact: false }] });
      expect(r[6].conditions[1]).toMatchObject({ skipped: true });
      byHost.set(host.name, r);
    });

    it('reports conditions that cannot apply to the column in the user’s language', async () => {
      await withPreview({}, async (s) => {
        await expect(checkCohorts(engine, s, [{ id: 'x', name: '', conditions: [{ column: '性別', op: 'age', min: 1, referenceDate: '2024-04-01' }] }])).rejects.toMatchObject({
          key: 'uiPreview.error.ageNeedsDate',
        });
        await expect(checkCohorts(engine, s, [{ id: 'x', name: '', conditions: [{ column: '生年月日', op: 'range', min: 1980 }] }])).rejects.toMatchObject({
          key: 'uiPreview.error.date',
        });
        await expect(checkCohorts(engine, s, [{ id: 'x', name: '', conditions: [{ column: '身長', op: 'range', min: 'abc' }] }])).rejects.toMatchObject({
          key: 'uiPreview.error.number',
        });
      });
      expect(await leftovers(engine)).toEqual([]);
    });

    it('with cell suppression removes no record for k, and the released values show the blanked cells', async () => {
      await withPreview({ cells: true }, async (s) => {
        const sum = s.summary;
        expect(sum.method).toBe('cells');
        expect(sum.suppression).toBeNull();
        expect(sum.removed).toEqual({ excluded: 1, record: 1, belowK: 0 });
        expect(sum.releasedRecords).toBe(42);
        expect(sum.cells?.suppressedCells).toBeGreaterThan(0);
        // Every blanked cell is a NULL released value of a quasi-identifier, and nothing else is NULL there.
        const nulls = s.releasedColumns
          .map((c, i) => [c, i] as const)
          .filter(([c]) => sum.qis.includes(c))
          .map(([, i]) => `count(*) FILTER (WHERE __tokumei_r${i} IS NULL)`)
          .join(' + ');
        const [{ n }] = await engine.rows(`SELECT ${nulls} AS n FROM ${s.pairs} WHERE __tokumei_state = 'released'`);
        expect(Number(n)).toBe(sum.cells!.suppressedCells);
        const [w] = await checkCohorts(engine, s, [women40s]);
        expect(w).toMatchObject({ before: 22, after: 21 });
      });
      expect(await leftovers(engine)).toEqual([]);
    });

    it('needs the exclusion list when the spec records one, and leaves nothing behind when it fails', async () => {
      await expect(openPreview(engine, clinicSpec({ exclusions: digest }), { table: CLINIC })).rejects.toMatchObject({ key: 'spec.exclusions.required' });
      expect(await leftovers(engine)).toEqual([]);
    });
  });
}

describe('suppression preview on both engines', () => {
  it('gives the same cohort results', () => {
    const [a, b] = ENGINE_HOSTS.map((h) => byHost.get(h.name));
    expect(a).toBeDefined();
    expect(b).toEqual(a);
  });
});
