import { afterAll, beforeAll } from 'vitest';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { PseudonymKey } from '../../../src/core/pseudonymize/key.ts';
import { SourceCodes } from '../../../src/core/risk/source-codes.ts';
import { loadDemoPatients } from '../ui-risk/demo-table.ts';
import { parseSpec } from '../../../src/core/spec/parse.ts';
import type { ReleaseSpec, ReleaseSpecInput } from '../../../src/core/spec/schema.ts';

/** The demo's patient table as the coded-path tests load it. */
export const T = '患者';

/** A draft of the demo's release at one level of age and postal prefix, with `extra` columns, hierarchies and decisions on top. */
export function draft(level: number, model: ReleaseSpecInput['model'], extra: Partial<Pick<ReleaseSpecInput, 'columns' | 'hierarchies' | 'peculiar'>> = {}): ReleaseSpec {
  const columns = [
    { name: '患者ID', role: 'identifier', transforms: [{ kind: 'drop' }] },
    { name: '氏名', role: 'identifier', transforms: [{ kind: 'drop' }] },
    { name: '生年月日', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'age', level }] },
    { name: '性別', role: 'quasi', transforms: [] },
    { name: '郵便番号', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'zip', level }] },
    { name: '主病名', role: 'sensitive', transforms: [] },
  ] as NonNullable<ReleaseSpecInput['columns']>;
  const more = extra.columns ?? [];
  return parseSpec({
    version: 1,
    sources: { tables: [{ name: T, subjectColumn: '患者ID' }] },
    columns: [...columns.filter((c) => !more.some((m) => m.name === c.name)), ...more],
    hierarchies: [
      { name: 'age', kind: 'age', referenceDate: '2024-04-01', levels: [{ width: 5 }, { width: 20 }] },
      { name: 'zip', kind: 'prefix', levels: [{ keep: 3 }, { keep: 1 }] },
      ...(extra.hierarchies ?? []),
    ],
    model,
    peculiar: extra.peculiar ?? { review: false, decisions: [] },
    release: { mode: 'anonymized' },
  });
}

/** A draft whose transforms work per value: a record filter, top/bottom codes, rounding, blanked cells, and peculiar decisions on `prefecture`. */
export function perValueDraft(model: ReleaseSpecInput['model'], prefecture: string): ReleaseSpec {
  return draft(1, model, {
    columns: [
      { name: '血液型', role: 'other', transforms: [{ kind: 'suppressRecord', values: ['AB'] }] },
      { name: '身長', role: 'quasi', transforms: [{ kind: 'topCode', at: 180 }, { kind: 'bottomCode', at: 145, label: '<145' }] },
      { name: '体重', role: 'quasi', transforms: [{ kind: 'round', to: 5 }, { kind: 'suppressCell', values: [50, 55] }] },
    ],
    peculiar: {
      review: true,
      decisions: [
        { column: '都道府県', value: prefecture, action: 'suppressRecord', reason: 'rare' },
        { column: '性別', value: '女', action: 'suppressCell', reason: 'test' },
      ],
    },
  });
}

/** The engine, recording every statement, so a test can tell what SQL a path ran (whether it read a release view). */
export function recording(engine: SqlEngine): { engine: SqlEngine; seen: string[] } {
  const seen: string[] = [];
  const log = (sql: string) => (seen.push(sql), sql);
  return {
    engine: { exec: (sql) => engine.exec(log(sql)), rows: (sql) => engine.rows(log(sql)), registerFile: (n, b) => engine.registerFile(n, b), dropFile: (n) => engine.dropFile(n) },
    seen,
  };
}

/** What a coded-path suite works on: the demo patients in one engine, the codes kept between tests, a key, the prefectures. */
export interface DemoFixture {
  engine: SqlEngine & { close(): void };
  codes: SourceCodes;
  key: PseudonymKey;
  prefectures: string[];
}

/** Loads 3,000 demo patients into a fresh engine of `host` before the suite and closes it after; read the fields inside tests. */
export function useDemo(host: { create(): Promise<SqlEngine & { close(): void }> }): DemoFixture {
  const fx = {} as DemoFixture;
  beforeAll(async () => {
    fx.engine = await host.create();
    await loadDemoPatients(fx.engine, T, 3000);
    fx.codes = new SourceCodes();
    fx.key = await PseudonymKey.generate();
    fx.prefectures = (await fx.engine.rows(`SELECT DISTINCT 都道府県 AS p FROM ${T} WHERE 都道府県 IS NOT NULL ORDER BY 1`)).map((r) => String(r.p));
  }, 120_000);
  afterAll(() => fx.engine.close());
  return fx;
}
