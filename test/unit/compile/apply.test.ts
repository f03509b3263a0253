import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySpec } from '../../../src/core/compile/index.ts';
import type { SqlEngine, SqlRow } from '../../../src/core/engine.ts';
import { isTokumeiError } from '../../../src/core/errors.ts';
import { PseudonymKey } from '../../../src/core/pseudonymize/index.ts';
import { applyEdit, applyEdits, exclusionDigest, parseSpec } from '../../../src/core/spec/index.ts';
import { literal } from '../../../src/core/sql/quote.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { addDays, createVisits, expectedPseudonym, expectedShift, KEY_BYTES, recording, sortRows, VISITS, visitSpec } from './support.ts';

const outputs = new Map<string, SqlRow[]>();

async function keyOf(bytes = KEY_BYTES) {
  return PseudonymKey.fromBytes(bytes);
}

async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

/** What the visit spec must produce, computed by hand (pseudonyms and shifts with node:crypto). */
function expectedRows(): SqlRow[] {
  const p = (id: string) => expectedPseudonym(KEY_BYTES, id);
  const shift = (id: string, iso: string) => addDays(iso, expectedShift(KEY_BYTES, id, 30));
  const row = (id: string, band: string, age: number, sex: string, zip: string, day: string, at: string | null, kg: number | null, icd: string): SqlRow => ({
    患者ID: p(id),
    生年月日: band,
    年齢: age,
    性別: sex,
    郵便番号: zip,
    受診日: shift(id, day),
    受付日時: at === null ? null : shift(id, at).slice(0, 7),
    体重: kg,
    病名: icd,
  });
  return sortRows([
    row('P001', '90以上', 90, '男', '100', '2023-01-15', '2023-01-15 09:30:00', 60, 'E11'),
    row('P002', '40-44', 43, '女', '160', '2023-02-01', '2023-02-01 14:00:00', 55, 'I10'),
    row('P003', '45-49', 48, '男', '530', '2023-03-31', null, null, 'E11'),
    row('P001', '90以上', 90, '男', '100', '2023-06-30', '2023-06-30 23:59:59', 60, 'J45'),
  ]);
}

const viewRows = (e: SqlEngine, view: string) => e.rows(`SELECT * EXCLUDE ("受診日"), CAST("受診日" AS VARCHAR) AS "受診日" FROM "${view}"`);
const auxTables = async (e: SqlEngine) =>
  (await e.rows(`SELECT table_name AS t FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal`))
    .map((r) => String(r.t))
    .filter((t) => t.startsWith('__tokumei_') || t.endsWith('__release'));

for (const host of ENGINE_HOSTS) {
  describe(`applySpec: ${host.name}`, () => {
    let engine: SqlEngine & { close(): void };
    beforeAll(async () => {
      engine = await host.create();
      await createVisits(engine);
    });
    afterAll(() => engine.close());

    it('runs every transform, removes the exclusion list first and counts it', async () => {
      const applied = await applySpec(engine, visitSpec(), { table: VISITS, key: await keyOf(), exclusions: ['P004', 'P999'] });
      const rows = sortRows(await viewRows(engine, applied.view));
      outputs.set(host.name, rows);
      expect(rows.map((r) => ({ ...r }))).toEqual(expectedRows().map((r) => ({ ...r })));
      expect(applied.exclusions).toEqual({ listed: 2, records: 1, subjects: 1, sha256: (await exclusionDigest(['P004', 'P999'])).sha256 });
      expect(applied.outputColumns.map((c) => c.name)).toEqual(['患者ID', '生年月日', '年齢', '性別', '郵便番号', '受診日', '受付日時', '体重', '病名']);
      await applied.dispose();
    });

    it('shifts every date of a subject by one non-zero offset within ±maxDays', async () => {
      await engine.exec(
        `CREATE OR REPLACE TABLE shift_src AS SELECT 'S' || i AS sid, DATE '2020-01-01' + CAST(i AS INTEGER) AS d, ` +
          `CAST(DATE '2020-01-01' + CAST(i AS INTEGER) AS TIMESTAMP) + INTERVAL 12 HOUR AS ts, DATE '2020-01-01' + CAST(i AS INTEGER) AS d0 FROM range(300) t(i)`,
      );
      const spec = parseSpec({
        version: 1,
        sources: { tables: [{ name: 'shift_src', subjectColumn: 'sid' }] },
        columns: [
          { name: 'sid', role: 'identifier', transforms: [{ kind: 'drop' }] },
          { name: 'd', role: 'quasi', transforms: [{ kind: 'dateShift', maxDays: 3 }] },
          { name: 'ts', role: 'quasi', transforms: [{ kind: 'dateShift', maxDays: 3 }] },
          { name: 'd0', role: 'other' },
        ],
        release: { mode: 'anonymized' },
      });
      const applied = await applySpec(engine, spec, { table: 'shift_src', key: await keyOf() });
      const [r] = await engine.rows(
        `SELECT count(*) AS n, count_if(CAST(ts AS DATE) = d AND strftime(ts, '%H:%M') = '12:00') AS same, ` +
          `CAST(list_sort(list_distinct(list(CAST(d - d0 AS INTEGER)))) AS VARCHAR) AS offsets FROM "${applied.view}"`,
      );
      expect(r.n).toBe(300);
      expect(r.same).toBe(300);
      expect(r.offsets).toBe('[-3, -2, -1, 1, 2, 3]');
      const offsets = await engine.rows(`SELECT CAST(d - d0 AS INTEGER) AS o FROM "${applied.view}" ORDER BY d0 LIMIT 5`);
      expect(offsets.map((o) => o.o)).toEqual([0, 1, 2, 3, 4].map((i) => expectedShift(KEY_BYTES, `S${i}`, 3)));
      await applied.dispose();
    });

    it('gives the same pseudonyms across runs and other ones with another key or domain', async () => {
      const pseudonyms = async (key: PseudonymKey, edit?: Parameters<typeof applyEdit>[1]) => {
        const spec = edit ? applyEdit(visitSpec(), edit) : visitSpec();
        const applied = await applySpec(engine, spec, { table: VISITS, key });
        const out = (await engine.rows(`SELECT DISTINCT "患者ID" AS p FROM "${applied.view}" ORDER BY 1`)).map((r) => String(r.p));
        await applied.dispose();
        return out;
      };
      const first = await pseudonyms(await keyOf());
      expect(first).toEqual(['P001', 'P002', 'P003', 'P004'].map((id) => expectedPseudonym(KEY_BYTES, id)).sort());
      expect(await pseudonyms(await keyOf())).toEqual(first);
      const other = await pseudonyms(await PseudonymKey.generate());
      expect(other).toHaveLength(4);
      expect(other.filter((p) => first.includes(p))).toEqual([]);
      const domain = await pseudonyms(await keyOf(), {
        op: 'setColumn',
        column: { name: '患者ID', role: 'identifier', transforms: [{ kind: 'pseudonymize', domain: '受診', length: 24 }] },
      });
      expect(domain).toEqual(['P001', 'P002', 'P003', 'P004'].map((id) => expectedPseudonym(KEY_BYTES, id, '受診', 24)).sort());
    });

    it('maps every value exactly, whatever characters it holds', async () => {
      const values = ['a"b', 'c,d', 'line\nbreak', 'cr\r\nlf', '', ' padded ', '山田\t太郎', 'back\\slash', "O'Neil", '"', 'ﾊﾝｶｸ', 'NULL'];
      await engine.exec(`CREATE OR REPLACE TABLE odd AS SELECT * FROM (VALUES ${values.map((v, i) => `(${i}, ${literal(v)})`).join(', ')}, (99, NULL)) t(i, v)`);
      const spec = parseSpec({
        version: 1,
        sources: { tables: [{ name: 'odd', subjectColumn: 'v' }] },
        columns: [
          { name: 'i', role: 'other' },
          { name: 'v', role: 'identifier', transforms: [{ kind: 'pseudonymize' }] },
        ],
        release: { mode: 'anonymized' },
      });
      // The exclusion table goes through the same CSV path; listed IDs are trimmed, so only untrimmed-safe ones are listed.
      const excluded = [1, 3, 6, 8, 9, 11];
      const applied = await applySpec(engine, spec, { table: 'odd', key: await keyOf(), exclusions: excluded.map((i) => values[i]) });
      const rows = await engine.rows(`SELECT i, v FROM "${applied.view}" ORDER BY i`);
      await applied.dispose();
      const kept = values.map((v, i) => ({ i, v: expectedPseudonym(KEY_BYTES, v) })).filter((r) => !excluded.includes(r.i));
      expect(rows).toEqual([...kept, { i: 99, v: null }]);
      expect(applied.exclusions).toMatchObject({ listed: 6, records: 6, subjects: 6 });
    });

    it('never puts the key in SQL, in the result object or in the rows', async () => {
      const log = recording(engine);
      const key = await PseudonymKey.generate();
      const raw = await key.exportBytes();
      const hex = Buffer.from(raw).toString('hex');
      const b64 = Buffer.from(raw).toString('base64');
      const applied = await applySpec(log, visitSpec(), { table: VISITS, key, exclusions: ['P004'] });
      const rows = await engine.rows(`SELECT * FROM "${applied.view}"`);
      const everything = [...log.log, JSON.stringify(applied), JSON.stringify(rows), JSON.stringify({ key }), String(key)].join('\n');
      expect(log.log.length).toBeGreaterThan(5);
      for (const secret of [hex, hex.toUpperCase(), b64]) expect(everything).not.toContain(secret);
      expect(JSON.stringify({ key })).toBe('{"key":"[PseudonymKey]"}');
      // Exclusion-list IDs and dropped identifiers never reach the output either.
      const cells = rows.flatMap((r) => Object.values(r)).map(String);
      for (const v of ['P004', '山田 太郎', '佐藤 花子', "O'Neil ジョン", 'P001']) expect(cells).not.toContain(v);
      await applied.dispose();
    });

    it('checks the exclusion list and the key against what the spec records', async () => {
      const digest = await exclusionDigest(['P004']);
      const fingerprint = await (await keyOf()).fingerprint();
      const spec = applyEdits(visitSpec(), [
        { op: 'setExclusions', exclusions: digest },
        { op: 'setRelease', release: { keyFingerprint: fingerprint } },
      ]);
      const keyed = (e: unknown) => (isTokumeiError(e) ? e.key : e);
      expect(keyed(await errorOf(applySpec(engine, spec, { table: VISITS, key: await keyOf() })))).toBe('spec.exclusions.required');
      expect(keyed(await errorOf(applySpec(engine, spec, { table: VISITS, key: await keyOf(), exclusions: ['P003'] })))).toBe('spec.exclusions.mismatch');
      expect(keyed(await errorOf(applySpec(engine, spec, { table: VISITS, exclusions: [' P004 '] })))).toBe('spec.key.required');
      expect(keyed(await errorOf(applySpec(engine, spec, { table: VISITS, exclusions: ['P004'], key: await PseudonymKey.generate() })))).toBe('spec.key.mismatch');
      const ok = await applySpec(engine, spec, { table: VISITS, key: await keyOf(), exclusions: ['P004', 'P004'] });
      expect(ok.exclusions?.records).toBe(1);
      await ok.dispose();
      expect(await auxTables(engine)).toEqual([]);
    });

    it('drops everything it created, also when a hierarchy lacks a value', async () => {
      const spec = applyEdit(visitSpec(), { op: 'setHierarchy', hierarchy: { name: 'icd', kind: 'table', rows: [['E11.9', 'E11'], ['I10', 'I10']] } });
      const e = await errorOf(applySpec(engine, spec, { table: VISITS, key: await keyOf() }));
      expect(isTokumeiError(e) && e.key).toBe('spec.compile.hierarchyMissing');
      expect(isTokumeiError(e) && e.params.examples).toBe('"J45.0"');
      expect(await auxTables(engine)).toEqual([]);
    });
  });
}

describe('applySpec: engines agree', () => {
  it('gives identical rows on duckdb-wasm and native DuckDB', () => {
    const [a, b] = ENGINE_HOSTS.map((h) => outputs.get(h.name));
    expect(a).toBeDefined();
    expect(b).toEqual(a);
  });
});
