import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySpec, compileSpec } from '../../../src/core/compile/index.ts';
import { columnRefs } from '../../../src/core/compile/ast.ts';
import type { SqlEngine, SqlRow } from '../../../src/core/engine.ts';
import { PseudonymKey } from '../../../src/core/pseudonymize/index.ts';
import { literal } from '../../../src/core/sql/quote.ts';
import { parseSpec, SpecError, type ReleaseSpec, type Transform } from '../../../src/core/spec/index.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { recording, sortRows } from './support.ts';

const COLUMNS = [
  { name: 'pid', type: 'VARCHAR' },
  { name: '氏名', type: 'VARCHAR' },
  { name: 'age', type: 'INTEGER' },
  { name: 'weight', type: 'DOUBLE' },
  { name: 'visit', type: 'DATE' },
  { name: 'code', type: 'VARCHAR' },
] as const;
const HIERARCHIES = [
  { name: 'bands', kind: 'interval', levels: [{ width: 5 }, { width: 10 }], top: { at: 80 } },
  { name: 'cal', kind: 'date', levels: ['month', 'year'] },
  { name: 'prefix', kind: 'prefix', levels: [{ keep: 2 }, { keep: 1 }] },
] as const;

/** Transforms that fit each non-identifier column. */
const quasiChains: Record<string, fc.Arbitrary<Transform[]>> = {
  age: fc.constantFrom<Transform[]>([], [{ kind: 'topCode', at: 70 }], [{ kind: 'generalize', hierarchy: 'bands', level: 2 }], [{ kind: 'round', to: 10 }]),
  weight: fc.constantFrom<Transform[]>([], [{ kind: 'round', to: 0.5 }], [{ kind: 'suppressCell', values: [70] }, { kind: 'bottomCode', at: 40 }]),
  visit: fc.constantFrom<Transform[]>([], [{ kind: 'dateShift', maxDays: 20 }], [{ kind: 'dateShift', maxDays: 20 }, { kind: 'generalize', hierarchy: 'cal', level: 1 }]),
  code: fc.constantFrom<Transform[]>([], [{ kind: 'generalize', hierarchy: 'prefix', level: 1 }], [{ kind: 'suppressRecord', values: ['Z99'] }]),
};
const identifierChain = fc.oneof(
  fc.constant<Transform[]>([{ kind: 'drop' }]),
  fc.record({ length: fc.integer({ min: 8, max: 64 }), domain: fc.constantFrom('', 'a', '受診') }).map((o): Transform[] => [{ kind: 'pseudonymize', ...o }]),
);

const specArb: fc.Arbitrary<ReleaseSpec> = fc
  .record({ pid: identifierChain, name: identifierChain, age: quasiChains.age, weight: quasiChains.weight, visit: quasiChains.visit, code: quasiChains.code })
  .map((t) =>
    parseSpec({
      version: 1,
      sources: { tables: [{ name: 'src', subjectColumn: 'pid' }] },
      columns: [
        { name: 'pid', role: 'identifier', transforms: t.pid },
        { name: '氏名', role: 'identifier', transforms: t.name },
        { name: 'age', role: 'quasi', transforms: t.age },
        { name: 'weight', role: 'quasi', transforms: t.weight },
        { name: 'visit', role: 'quasi', transforms: t.visit },
        { name: 'code', role: 'sensitive', transforms: t.code },
      ],
      hierarchies: HIERARCHIES,
      release: { mode: 'anonymized' },
    }),
  );

interface Row {
  pid: string;
  name: string;
  age: number | null;
  weight: number | null;
  visit: string | null;
  code: string | null;
}
/** Identifier values carry markers ("ID-", "NM-") that no transform output can contain. */
const rowArb: fc.Arbitrary<Row> = fc.record({
  pid: fc.integer({ min: 0, max: 30 }).map((i) => `ID-${i}`),
  name: fc.string({ minLength: 1, maxLength: 6 }).map((s) => `NM-${s}`),
  age: fc.option(fc.integer({ min: 0, max: 105 }), { nil: null }),
  weight: fc.option(fc.constantFrom(35.5, 52.25, 70, 88.8), { nil: null }),
  visit: fc.option(fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: null }),
  code: fc.option(fc.constantFrom('E11.9', 'I10', 'Z99', "O'1"), { nil: null }),
});

describe('property: identifiers never reach the compiled view', () => {
  it('selects no identifier column directly, in any spec the compiler accepts', () => {
    fc.assert(
      fc.property(specArb, fc.boolean(), (spec, exclusions) => {
        const c = compileSpec(spec, { table: 'src', columns: COLUMNS, exclusions });
        const selected = c.select.columns.flatMap((x) => columnRefs(x.expr)).filter((r) => r.rel === 's').map((r) => r.name);
        expect(selected).not.toContain('pid');
        expect(selected).not.toContain('氏名');
        for (const o of c.outputColumns.filter((o) => o.role === 'identifier')) expect(o.transforms).toEqual(['pseudonymize']);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses any spec that keeps an identifier without dropping or pseudonymizing it', () => {
    const keptChain = fc.constantFrom<Transform[]>([], [{ kind: 'suppressCell', values: ['x'] }], [{ kind: 'generalize', hierarchy: 'prefix', level: 1 }]);
    fc.assert(
      fc.property(specArb, keptChain, fc.constantFrom(0, 1), (spec, chain, which) => {
        const columns = spec.columns.map((c, i) => (i === which ? { ...c, transforms: chain } : c));
        let caught: unknown;
        try {
          compileSpec({ ...spec, columns }, { table: 'src', columns: COLUMNS });
        } catch (e) {
          caught = e;
        }
        expect(caught).toBeInstanceOf(SpecError);
        expect((caught as SpecError).issues.map((i) => [i.path, i.key])).toContainEqual([`columns[${which}]`, 'spec.compile.identifierKept']);
      }),
      { numRuns: 100 },
    );
  });
});

describe('property: applied on both engines', () => {
  const engines: (SqlEngine & { close(): void })[] = [];
  beforeAll(async () => {
    for (const h of ENGINE_HOSTS) engines.push(await h.create());
  });
  afterAll(() => engines.forEach((e) => e.close()));

  it('leaks no identifier, no excluded subject and no key, and both engines agree', async () => {
    await fc.assert(
      fc.asyncProperty(
        specArb,
        fc.array(rowArb, { minLength: 1, maxLength: 25 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.array(fc.integer({ min: 0, max: 30 }).map((i) => `ID-${i}`), { maxLength: 4 }),
        async (spec, rows, keyBytes, excluded) => {
          const key = await PseudonymKey.fromBytes(keyBytes);
          const hex = Buffer.from(keyBytes).toString('hex');
          const b64 = Buffer.from(keyBytes).toString('base64');
          const outputs: SqlRow[][] = [];
          for (const engine of engines) {
            await engine.exec(`CREATE OR REPLACE TABLE src (${COLUMNS.map((c) => `"${c.name}" ${c.type}`).join(', ')})`);
            const tuples = rows.map((r) => `(${[r.pid, r.name, r.age, r.weight].map(literal).join(', ')}, ${r.visit === null ? 'NULL' : `DATE '${r.visit}'`}, ${literal(r.code)})`);
            await engine.exec(`INSERT INTO src VALUES ${tuples.join(', ')}`);
            const log = recording(engine);
            const applied = await applySpec(log, spec, { table: 'src', key, exclusions: excluded.length ? excluded : undefined });
            // Everything read as text, as core code must do with dates (hosts render DATE values differently).
            const out = await engine.rows(`SELECT ${applied.outputColumns.map((o) => `CAST("${o.name}" AS VARCHAR) AS "${o.name}"`).join(', ')} FROM "${applied.view}"`);
            const allText = [...log.log, JSON.stringify(applied), JSON.stringify(out)].join('\n');
            expect(allText.includes(hex) || allText.includes(b64)).toBe(false);
            for (const cell of out.flatMap((r) => Object.values(r))) {
              if (cell !== null) expect(String(cell)).not.toMatch(/ID-|NM-/);
            }
            for (const c of spec.columns.filter((c) => c.transforms[0]?.kind === 'pseudonymize')) {
              const len = (c.transforms[0] as { length?: number }).length ?? 16;
              for (const r of out) expect(r[c.name]).toMatch(new RegExp(`^[0-9a-f]{${len}}$`));
            }
            for (const c of spec.columns.filter((c) => c.transforms[0]?.kind === 'drop')) expect(applied.outputColumns.map((o) => o.name)).not.toContain(c.name);
            const kept = rows.filter((r) => !excluded.includes(r.pid) && !(spec.columns[5].transforms[0]?.kind === 'suppressRecord' && r.code === 'Z99'));
            expect(out).toHaveLength(kept.length);
            await applied.dispose();
            outputs.push(sortRows(out));
          }
          expect(outputs[1]).toEqual(outputs[0]);
        },
      ),
      { numRuns: 25 },
    );
  });
});
