import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySpec } from '../../../src/core/compile/index.ts';
import { generateDemoFiles } from '../../../src/core/demo/index.ts';
import { detectRoles } from '../../../src/core/detect/index.ts';
import type { SqlEngine, SqlRow, SqlValue } from '../../../src/core/engine.ts';
import { isTokumeiError } from '../../../src/core/errors.ts';
import { loadCsv } from '../../../src/core/load/index.ts';
import { typeTable } from '../../../src/core/load/type-table.ts';
import { PseudonymKey, pseudonymizer } from '../../../src/core/pseudonymize/index.ts';
import { releasedRecordsSql } from '../../../src/core/risk/record-suppression.ts';
import { applyEdits, emptySpec, exclusionDigest, presetEdits, type HierarchySpec, type ReleaseSpec } from '../../../src/core/spec/index.ts';
import { classifyRows, presetColumns } from '../../../src/ui/components/spec/classify.ts';
import { previewHierarchy } from '../../../workers/engine/spec-hierarchy.ts';
import { SpecPreviewer } from '../../../workers/engine/spec-preview.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';

const TABLE = '患者';
const PATIENTS = 300;
const KEY_BYTES = new Uint8Array(32).map((_, i) => i * 7 + 1);

async function loadDemoPatients(engine: SqlEngine): Promise<void> {
  const f = generateDemoFiles({ patients: PATIENTS, seed: 20240401 }).find((x) => x.name === TABLE)!;
  const report = await loadCsv(engine, { table: TABLE, fileName: f.fileName, bytes: f.bytes, replace: true });
  await typeTable(engine, TABLE, report.rows);
}

/**
 * The anonymized preset as the Classify view applies it (detection's roles, the demo's extract
 * day), with age band and sex as the only quasi-identifiers, so that on 300 patients
 * k = 2 removes some records but not nearly all.
 */
async function presetSpec(engine: SqlEngine, opts: { k: number; suppressionLimit: number }): Promise<ReleaseSpec> {
  const columns = (await engine.rows(`DESCRIBE "${TABLE}"`)).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  const rows = classifyRows(columns, await detectRoles(engine, TABLE), emptySpec(), TABLE);
  const spec = applyEdits(emptySpec(), [
    { op: 'setSource', source: { name: TABLE, rows: PATIENTS, subjectColumn: '患者ID' } },
    ...presetEdits('anonymized', presetColumns(rows), { referenceDate: '2024-04-01', ...opts }),
  ]);
  const quasi = new Set(['生年月日', '性別']);
  return applyEdits(
    spec,
    spec.columns.filter((c) => c.role === 'quasi' && !quasi.has(c.name)).map((c) => ({ op: 'setColumn' as const, column: { ...c, role: 'other' as const } })),
  );
}

const auxObjects = async (e: SqlEngine) =>
  (await e.rows(`SELECT table_name AS t FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal`))
    .map((r) => String(r.t))
    .filter((t) => t.startsWith('__tokumei_'));

for (const host of ENGINE_HOSTS) {
  describe(`spec preview: ${host.name}`, () => {
    let engine: SqlEngine & { close(): void };
    let key: PseudonymKey;
    let previewer: SpecPreviewer;
    beforeAll(async () => {
      engine = await host.create();
      key = await PseudonymKey.fromBytes(KEY_BYTES);
      previewer = new SpecPreviewer(() => engine, async () => key);
      await loadDemoPatients(engine);
    }, 120_000);
    afterAll(() => engine?.close());

    it('shows exactly the records `tokumei apply` releases, each next to its source row', async () => {
      const spec = await presetSpec(engine, { k: 2, suppressionLimit: 0.5 });
      const { issues, preview } = await previewer.run(spec, TABLE);
      expect(issues).toEqual([]);
      const p = preview!;
      const names = p.columns.map((c) => c.name);
      for (const gone of ['氏名', '氏名カナ', '住所', '電話番号']) {
        expect(names).not.toContain(gone);
        expect(p.dropped).toContain(gone);
      }
      expect(p.hidden).toEqual([]);
      expect(p.kSuppression).toMatchObject({ k: 2, applied: true });
      expect(p.kSuppression!.needed).toBeGreaterThan(0);
      expect(p.kSuppression!.needed).toBeLessThan(PATIENTS / 2);
      expect(p.outputRows).toBe(PATIENTS - p.kSuppression!.needed);

      // What apply writes: the same core calls the command line makes, on their own view.
      const applied = await applySpec(engine, spec, { table: TABLE, key, view: 'expected_release', prefix: '__tokumei_expected_' });
      const qis = applied.outputColumns.filter((c) => c.role === 'quasi').map((c) => c.name);
      const release = await releasedRecordsSql(engine, applied.view, names, qis, spec.model);
      const types = new Map((await engine.rows(`DESCRIBE ${applied.view}`)).map((r) => [String(r.column_name), String(r.column_type)]));
      const select = names.map((n) => (/^(DATE|TIMESTAMP)/.test(types.get(n)!) ? `CAST("${n}" AS VARCHAR) AS "${n}"` : `"${n}"`)).join(', ');
      const expected = (await engine.rows(`SELECT ${select} FROM (${release.sql}) AS r`)).map((r: SqlRow) => names.map((n) => r[n]));
      await applied.dispose();

      const page = await previewer.page(p.id, 0, PATIENTS);
      expect(page.before).toHaveLength(PATIENTS);
      const kept = page.after.filter((r): r is SqlValue[] => r !== null);
      const sort = (rows: SqlValue[][]) => rows.map((r) => JSON.stringify(r)).sort();
      expect(sort(kept)).toEqual(sort(expected));
      expect(kept).toHaveLength(p.outputRows);

      // Row by row, the after side belongs to the before side: its pseudonym is that patient's.
      const pseudonym = await pseudonymizer(key);
      const id = p.sourceColumns.findIndex((c) => c.name === '患者ID');
      const sex = p.sourceColumns.findIndex((c) => c.name === '性別');
      page.after.forEach((r, i) => {
        if (!r) return;
        expect(r[names.indexOf('患者ID')]).toBe(pseudonym(String(page.before[i][id])));
        expect(r[names.indexOf('性別')]).toBe(page.before[i][sex]);
      });

      // Pages are slices of the same pairing.
      const middle = await previewer.page(p.id, 100, 50);
      expect(middle.before).toEqual(page.before.slice(100, 150));
      expect(middle.after).toEqual(page.after.slice(100, 150));
    });

    it('without k, keeps every record', async () => {
      const spec = applyEdits(await presetSpec(engine, { k: 2, suppressionLimit: 0 }), [{ op: 'setModel', model: { k: undefined } }]);
      const { preview } = await previewer.run(spec, TABLE);
      expect(preview!.kSuppression).toBeNull();
      expect(preview!.outputRows).toBe(PATIENTS);
    });

    it('lists blockers with their paths and previews the other columns', async () => {
      const spec = applyEdits(emptySpec(), [
        { op: 'setColumn', column: { name: '患者ID', role: 'identifier', transforms: [{ kind: 'pseudonymize' }] } },
        { op: 'setColumn', column: { name: '氏名', role: 'identifier', transforms: [] } },
        { op: 'setColumn', column: { name: '性別', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'nowhere', level: 1 }] } },
        { op: 'setColumn', column: { name: '血液型', role: 'other', transforms: [] } },
      ]);
      const { issues, preview } = await previewer.run(spec, TABLE);
      const at = (path: string) => issues.filter((i) => i.path === path).map((i) => i.key);
      expect(at('columns[2].transforms[0].hierarchy')).toEqual(['spec.issue.unknownHierarchy']);
      expect(at('columns[1]')).toEqual(['spec.compile.identifierKept']);
      expect(issues.filter((i) => i.key === 'spec.compile.unlisted').map((i) => i.params.column)).toContain('電話番号');
      expect(preview!.columns.map((c) => c.name)).toEqual(['患者ID', '血液型']);
      expect(preview!.hidden).toEqual(expect.arrayContaining(['氏名', '性別', '電話番号']));
      expect(preview!.hidden).not.toContain('血液型');
    });

    it('refuses to preview without the exclusion list the spec records, and says so', async () => {
      const spec = applyEdits(await presetSpec(engine, { k: 2, suppressionLimit: 0.5 }), [
        { op: 'setExclusions', exclusions: { ...(await exclusionDigest(['P0000001'])) } },
      ]);
      const { issues, preview } = await previewer.run(spec, TABLE);
      expect(preview).toBeNull();
      expect(issues.map((i) => i.key)).toEqual(['spec.exclusions.required']);
      const withList = await previewer.run(spec, TABLE, ['P0000001']);
      expect(withList.issues).toEqual([]);
      expect(withList.preview!.exclusions).toMatchObject({ records: 1, subjects: 1 });
    });

    it('says when the spec was made with another key, and previews with the session key', async () => {
      const spec = applyEdits(await presetSpec(engine, { k: 2, suppressionLimit: 0.5 }), [{ op: 'setRelease', release: { keyFingerprint: '0123456789abcdef' } }]);
      const { issues, preview } = await previewer.run(spec, TABLE);
      expect(issues.map((i) => i.key)).toEqual(['spec.key.mismatch']);
      expect(preview!.hidden).toEqual([]);
    });

    it('leaves nothing behind once disposed, and a replaced preview has no pages', async () => {
      const spec = await presetSpec(engine, { k: 2, suppressionLimit: 0.5 });
      const first = (await previewer.run(spec, TABLE)).preview!;
      const second = (await previewer.run(spec, TABLE)).preview!;
      expect(second.id).not.toBe(first.id);
      expect(await previewer.page(first.id, 0, 10)).toEqual({ before: [], after: [] });
      expect((await auxObjects(engine)).length).toBeGreaterThan(0);
      await previewer.dispose();
      expect(await auxObjects(engine)).toEqual([]);
    });
  });

  describe(`hierarchy preview: ${host.name}`, () => {
    let engine: SqlEngine & { close(): void };
    let values: Map<string, string | null>;
    beforeAll(async () => {
      engine = await host.create();
      await loadDemoPatients(engine);
      values = new Map();
    }, 120_000);
    afterAll(() => engine?.close());

    const column = async (name: string) => (await engine.rows(`SELECT CAST("${name}" AS VARCHAR) AS v FROM "${TABLE}"`)).map((r) => r.v as string | null);
    const groupsOf = (labels: (string | null)[]) => {
      const m = new Map<string | null, number>();
      for (const l of labels) m.set(l, (m.get(l) ?? 0) + 1);
      return m;
    };

    it('counts each group of a prefix hierarchy as the data has it', async () => {
      const postal: HierarchySpec = { name: 'postal', kind: 'prefix', levels: [{ keep: 5 }, { keep: 3 }], alnumOnly: true };
      const raw = await column('郵便番号');
      const nonNull = raw.filter((v): v is string => v !== null);
      const expected = groupsOf(nonNull.map((v) => v.replace(/[^0-9A-Za-z]/g, '').slice(0, 3)));
      const p = await previewHierarchy(engine, TABLE, '郵便番号', postal, 2, 5);
      expect(p.records).toBe(nonNull.length);
      expect(p.nulls).toBe(raw.length - nonNull.length);
      expect(p.groupCount).toBe(expected.size);
      for (const g of p.groups) expect(g.count, String(g.label)).toBe(expected.get(g.label));
      const below = [...expected.values()].filter((n) => n < 5);
      expect(p.belowK).toEqual({ k: 5, groups: below.length, records: below.reduce((a, b) => a + b, 0) });
      for (const m of p.mapping) expect(m.label).toBe(m.value.replace(/[^0-9A-Za-z]/g, '').slice(0, 3));
      expect(p.missing).toBe(0);
      values.set('postal', 'checked');
    });

    it('shows level 0 as the values themselves, and ages in bands', async () => {
      const age: HierarchySpec = { name: 'age', kind: 'age', referenceDate: '2024-04-01', levels: [{ width: 1 }, { width: 10 }], top: { at: 90, label: '90以上' } };
      const p0 = await previewHierarchy(engine, TABLE, '生年月日', age, 0);
      expect(p0.groupCount).toBe(p0.distinctValues);
      const p2 = await previewHierarchy(engine, TABLE, '生年月日', age, 2);
      expect(p2.groups.reduce((n, g) => n + g.count, 0)).toBe(p2.records);
      for (const g of p2.groups) expect(g.label).toMatch(/^(\d*0-\d*9|90以上)$/);
      expect(p2.belowK).toBeNull();
    });

    it('finds the values an explicit table leaves out', async () => {
      const blood = await column('血液型');
      const types = [...new Set(blood.filter((v): v is string => v !== null))].sort();
      expect(types.length).toBeGreaterThan(2);
      const listed = types.slice(1);
      const table: HierarchySpec = { name: 'blood', kind: 'table', rows: listed.map((t) => [t, '*']) };
      const p = await previewHierarchy(engine, TABLE, '血液型', table, 1);
      expect(p.missing).toBe(blood.filter((v) => v === types[0]).length);
      expect(p.groups.find((g) => g.label === null)?.count).toBe(p.missing);
      expect(p.groups.find((g) => g.label === '*')?.count).toBe(p.records - p.missing);
      expect(await auxObjects(engine)).toEqual([]);
    });

    it('refuses a hierarchy that does not fit the column, as the compiler would', async () => {
      const bands: HierarchySpec = { name: 'b', kind: 'interval', levels: [{ width: 10 }] };
      const e = await previewHierarchy(engine, TABLE, '血液型', bands, 1).catch((x) => x);
      expect(isTokumeiError(e) && e.key).toBe('spec.compile.needsNumber');
    });
  });
}
