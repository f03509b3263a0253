import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packageDocuments } from '../../../src/core/release/documents.ts';
import { peculiarOutcomes, releasedColumnFacts, type PackageFacts } from '../../../src/core/release/facts.ts';
import { releasedUnchanged } from '../../../src/core/release/safety.ts';
import { parseSpec } from '../../../src/core/spec/parse.ts';
import type { ReleaseSpecInput, Transform } from '../../../src/core/spec/schema.ts';
import { fixtureProvision, fixtureRisk, hex } from './fixture.ts';

/**
 * Safety property: documents built from random facts never contain a value that must not
 * leave the producer. Such values are planted as unique FORBID_ tokens wherever the facts can
 * hold them: values listed for suppression, peculiar decisions that suppress, keep decisions on
 * identifier or transformed columns, the source side of explicit hierarchy tables, and
 * distributions given for columns that are not released quasi-identifiers. Every other string
 * is drawn from an alphabet without "_", so no FORBID_ token can appear by chance.
 */

const safeText = fc.stringMatching(/^[a-zあ-んア-ン0-9 ]{1,8}$/);
const forbiddenToken = fc.stringMatching(/^[0-9a-f]{10}$/).map((h) => `FORBID_${h}`);

const ROLES = ['identifier', 'quasi', 'sensitive', 'other'] as const;

interface Plan {
  spec: ReleaseSpecInput;
  forbidden: string[];
  distributions: PackageFacts['distributions'];
}

const columnPlan = fc.record({
  role: fc.constantFrom(...ROLES),
  choice: fc.nat(20),
  level: fc.nat(2),
  cellValues: fc.array(forbiddenToken, { maxLength: 2 }),
  recordValues: fc.array(forbiddenToken, { maxLength: 2 }),
  decisions: fc.array(fc.record({ action: fc.constantFrom('keep', 'suppressCell', 'suppressRecord'), value: forbiddenToken, safe: safeText, reason: safeText }), {
    maxLength: 3,
  }),
  released: fc.array(fc.record({ value: fc.option(safeText, { nil: null }), count: fc.nat(50) }), { maxLength: 6 }),
  leaked: fc.array(forbiddenToken, { maxLength: 2 }),
});

const plan: fc.Arbitrary<Plan> = fc
  .record({
    names: fc.uniqueArray(fc.stringMatching(/^[a-zあ-ん]{1,6}$/), { minLength: 1, maxLength: 6 }),
    columns: fc.array(columnPlan, { minLength: 6, maxLength: 6 }),
    tableSources: fc.uniqueArray(forbiddenToken, { minLength: 2, maxLength: 4 }),
    mode: fc.constantFrom('anonymized', 'pseudonymized'),
    title: fc.option(safeText, { nil: undefined }),
    review: fc.boolean(),
  })
  .map(({ names, columns, tableSources, mode, title, review }) => {
    const forbidden: string[] = [...tableSources];
    const specColumns: NonNullable<ReleaseSpecInput['columns']> = [];
    const decisions: NonNullable<NonNullable<ReleaseSpecInput['peculiar']>['decisions']> = [];
    const distributions: PackageFacts['distributions'] = [];
    names.forEach((name, i) => {
      const c = columns[i];
      let transforms: Transform[];
      if (c.role === 'identifier') {
        transforms = c.choice % 2 ? [{ kind: 'drop' }] : [{ kind: 'pseudonymize', length: 8 + (c.choice % 5) }];
      } else {
        const base: Transform[][] = [
          [],
          [{ kind: 'generalize', hierarchy: 'iv', level: c.level }],
          [{ kind: 'generalize', hierarchy: 'dt', level: c.level }],
          [{ kind: 'generalize', hierarchy: 'px', level: c.level }],
          [{ kind: 'generalize', hierarchy: 'tb', level: c.level }],
          [{ kind: 'topCode', at: 90, label: '90+' }],
          [{ kind: 'bottomCode', at: '2000-01-01' }],
          [{ kind: 'round', to: 5 }],
          [{ kind: 'dateShift', maxDays: 30 }],
          [{ kind: 'drop' }],
        ];
        transforms = [...base[c.choice % base.length]];
        if (transforms[0]?.kind !== 'drop') {
          if (c.cellValues.length) transforms.push({ kind: 'suppressCell', values: c.cellValues });
          if (c.recordValues.length) transforms.push({ kind: 'suppressRecord', values: c.recordValues });
        }
      }
      forbidden.push(...c.cellValues, ...c.recordValues);
      specColumns.push({ name, role: c.role, transforms, note: undefined });
      const unchanged = c.role !== 'identifier' && releasedUnchanged({ transforms });
      for (const d of c.decisions) {
        // A keep value may be shown only when it is released as it is; otherwise it is planted as forbidden.
        if (d.action === 'keep' && unchanged) decisions.push({ column: name, value: d.safe, action: 'keep', reason: d.reason });
        else {
          decisions.push({ column: name, value: d.value, action: d.action, reason: d.reason });
          forbidden.push(d.value);
        }
      }
      const dropped = transforms.some((t) => t.kind === 'drop');
      if (c.role === 'quasi' && !dropped) distributions.push({ column: name, values: c.released });
      else if (c.leaked.length) {
        distributions.push({ column: name, values: c.leaked.map((value) => ({ value, count: 1 })) });
        forbidden.push(...c.leaked);
      }
    });
    const spec: ReleaseSpecInput = {
      version: 1,
      title,
      sources: { tables: [{ name: 't', sha256: hex('a'), rows: 100, subjectColumn: names[0] }], exclusions: { sha256: hex('b'), count: 2 } },
      columns: specColumns,
      hierarchies: [
        { name: 'iv', kind: 'interval', levels: [{ width: 5 }, { width: 10 }], top: { at: 90 } },
        { name: 'dt', kind: 'date', levels: ['month', 'year'] },
        { name: 'px', kind: 'prefix', levels: [{ keep: 3 }, { keep: 1 }], mask: '*' },
        { name: 'tb', kind: 'table', rows: tableSources.map((s, i) => [s, `g${i % 2}`, '*']) },
      ],
      model: { k: 3, suppressionLimit: 0.1 },
      peculiar: { review, decisions },
      release: { mode, restriction: mode === 'pseudonymized' ? 'certifiedUsers' : 'none' },
    };
    return { spec, forbidden, distributions };
  });

function factsOf(p: Plan, reasons: string[]): PackageFacts {
  const spec = parseSpec(p.spec);
  const output = spec.columns
    .filter((c) => !c.transforms.some((t) => t.kind === 'drop'))
    .map((c) => ({ name: c.name, source: c.name, role: c.role, kind: 'text' as const, transforms: c.transforms.map((t) => t.kind) }));
  return {
    spec,
    specSha256: hex('c'),
    columns: releasedColumnFacts(spec, 't', output, {}),
    sources: [{ name: 't', sha256: hex('a'), rows: 100, columns: spec.columns.length }],
    exclusion: { sha256: hex('b'), count: 2, recordsRemoved: 3, subjects: 2 },
    data: { rowsBefore: 100, rowsAfter: 90, columnsBefore: spec.columns.length, columnsAfter: output.length },
    listedCells: output.map((c) => ({ column: c.name, cells: 1 })),
    risk: fixtureRisk(),
    classSizes: [
      [1, 2],
      [3, 10],
    ],
    distributions: p.distributions,
    peculiar: peculiarOutcomes(spec, spec.peculiar.decisions.map((_, i) => i)),
    overrides: reasons.map((reason, i) => ({ id: `g${i}`, kind: 'kUnmet', key: 'release.gate.kUnmet', params: { k: 3, measured: 1 }, reason })),
    seed: 'abc',
    operator: 'op',
    approver: null,
    createdAt: '2025-04-01T00:00:00.000Z',
    versions: { tokumei: '0.1.0', duckdb: 'v1.4.3' },
  };
}

describe('package documents never contain values that must not leave', () => {
  it('holds for random facts (dictionary, records, report in both languages)', () => {
    fc.assert(
      fc.property(plan, fc.array(safeText, { maxLength: 2 }), (p, reasons) => {
        const facts = factsOf(p, reasons);
        const texts = [
          ...packageDocuments(facts, fixtureProvision(), { lang: 'ja' }),
          ...packageDocuments(facts, fixtureProvision(), { lang: 'en' }).filter((d) => d.path === 'report.html'),
        ].map((d) => ({ path: d.path, text: new TextDecoder().decode(d.content) }));
        for (const { path, text } of texts) {
          for (const token of p.forbidden) expect(text.includes(token), `${token} in ${path}`).toBe(false);
          expect(text).not.toContain('FORBID_');
          if (path === 'report.html') {
            expect(text).not.toMatch(/<script|https?:|url\(/i);
          }
        }
      }),
      { numRuns: 250 },
    );
  });
});
