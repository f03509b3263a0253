import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NativeEngine } from '../../../src/cli/native-engine.ts';
import { encodeParquetStream } from '../../../src/cli/parquet-write.ts';
import { isTokumeiError } from '../../../src/core/errors.ts';
import { PseudonymKey } from '../../../src/core/pseudonymize/key.ts';
import { buildPackage, planPackage, type PackageRequest } from '../../../src/core/release/package.ts';
import { listZip, readEntry } from '../../../src/core/release/unzip.ts';
import { exclusionDigest } from '../../../src/core/spec/digest.ts';
import { parseSpec } from '../../../src/core/spec/parse.ts';
import type { ReleaseSpecInput } from '../../../src/core/spec/schema.ts';
import { str } from '../../../src/core/sql/quote.ts';

/**
 * Safe by construction (issue 6): over random inputs and specs, nothing that must stay behind
 * reaches any file of a package — data (CSV, CP932 CSV, Parquet), spec, dictionary, report or
 * records. Every value is a unique token ending in "_", so finding it anywhere is a leak:
 * identifier values (even of pseudonymized columns), the key, every value of an excluded subject,
 * values listed for suppression, records deleted by a listing, and codes that a table hierarchy
 * generalized away. A spec that keeps an identifier must produce no package at all.
 */

const RUNS = Number(process.env.TOKUMEI_SAFETY_RUNS ?? 1000);
const KEY_BYTES = new Uint8Array(32).map((_, i) => (i * 41 + 7) & 255);

type IdAction = 'drop' | 'pseudonymize' | 'keep';
interface QiPlan {
  /** Source codes listed for cell suppression (first in the chain) and for record deletion. */
  cells: number[];
  records: number[];
  /** 0 = released as is, 1 = generalized through the table hierarchy. */
  level: 0 | 1;
}
interface Case {
  rows: number;
  codes: number[][];
  idAction: IdAction;
  nameAction: IdAction;
  qi: [QiPlan, QiPlan];
  sensitiveCells: number[];
  peculiar: { column: 0 | 1; code: number; action: 'keep' | 'suppressCell' | 'suppressRecord' }[];
  excluded: number[];
  k: number | undefined;
  limit: number;
  parquet: boolean;
}

const CODES = 5;
const code = (col: string, c: number) => `${col}v${c}_`;
const group = (col: string, c: number) => `${col}g${c % 2}_`;
const idOf = (i: number) => `ID${i}x_`;
const nameOf = (i: number) => `氏名${i}x_`;
const rowOf = (i: number) => `ROW${i}z_`;

const qiPlan = fc.record({
  cells: fc.uniqueArray(fc.integer({ min: 0, max: CODES - 1 }), { maxLength: 2 }),
  records: fc.uniqueArray(fc.integer({ min: 0, max: CODES - 1 }), { maxLength: 1 }),
  level: fc.constantFrom(0 as const, 1 as const),
});

const caseArb: fc.Arbitrary<Case> = fc.integer({ min: 3, max: 14 }).chain((rows) =>
  fc.record({
    rows: fc.constant(rows),
    codes: fc.array(fc.tuple(fc.integer({ min: 0, max: CODES - 1 }), fc.integer({ min: 0, max: CODES - 1 }), fc.integer({ min: 0, max: CODES - 1 })), {
      minLength: rows,
      maxLength: rows,
    }),
    idAction: fc.constantFrom<IdAction>('pseudonymize', 'pseudonymize', 'drop', 'drop', 'keep'),
    nameAction: fc.constantFrom<IdAction>('drop', 'drop', 'drop', 'pseudonymize', 'keep'),
    qi: fc.tuple(qiPlan, qiPlan),
    sensitiveCells: fc.uniqueArray(fc.integer({ min: 0, max: CODES - 1 }), { maxLength: 2 }),
    peculiar: fc.uniqueArray(
      fc.record({ column: fc.constantFrom(0 as const, 1 as const), code: fc.integer({ min: 0, max: CODES - 1 }), action: fc.constantFrom('keep' as const, 'suppressCell' as const, 'suppressRecord' as const) }),
      { maxLength: 2, selector: (p) => `${p.column}:${p.code}` },
    ),
    excluded: fc.uniqueArray(fc.integer({ min: 0, max: rows - 1 }), { maxLength: Math.min(3, rows - 1) }),
    k: fc.constantFrom(undefined, 1, 2, 3),
    limit: fc.constantFrom(0, 0.1, 0.5, 1),
    parquet: fc.boolean().map((b) => b && Math.random() < 0.2),
  }),
) as fc.Arbitrary<Case>;

const QI = ['Q1', 'Q2'] as const;

function sourceSql(c: Case): string {
  const rows = c.codes.map(([a, b, s], i) => `(${[idOf(i), nameOf(i), code('Q1', a), code('Q2', b), code('S', s), rowOf(i)].map(str).join(', ')})`);
  return `CREATE OR REPLACE TABLE src AS SELECT * FROM (VALUES ${rows.join(', ')}) AS t(ID, NAME, Q1, Q2, S, ROW)`;
}

function identifierTransforms(a: IdAction) {
  return a === 'keep' ? [] : [{ kind: a } as const];
}

async function specOf(c: Case) {
  const qiColumns = QI.map((name, q) => {
    const p = c.qi[q];
    const transforms: NonNullable<ReleaseSpecInput['columns']>[number]['transforms'] = [];
    if (p.cells.length) transforms.push({ kind: 'suppressCell', values: p.cells.map((x) => code(name, x)) });
    if (p.records.length) transforms.push({ kind: 'suppressRecord', values: p.records.map((x) => code(name, x)) });
    if (p.level === 1) transforms.push({ kind: 'generalize', hierarchy: `h${name}`, level: 1 });
    return { name, role: 'quasi' as const, transforms };
  });
  const input: ReleaseSpecInput = {
    version: 1,
    sources: {
      tables: [{ name: 'src', subjectColumn: 'ID' }],
      exclusions: c.excluded.length ? await exclusionDigest(c.excluded.map(idOf)) : undefined,
    },
    columns: [
      { name: 'ID', role: 'identifier', transforms: identifierTransforms(c.idAction) },
      { name: 'NAME', role: 'identifier', transforms: identifierTransforms(c.nameAction) },
      ...qiColumns,
      { name: 'S', role: 'sensitive', transforms: c.sensitiveCells.length ? [{ kind: 'suppressCell', values: c.sensitiveCells.map((x) => code('S', x)) }] : [] },
      { name: 'ROW', role: 'other' },
    ],
    hierarchies: QI.map((name) => ({
      name: `h${name}`,
      kind: 'table' as const,
      rows: Array.from({ length: CODES }, (_, x) => [code(name, x), group(name, x), '*']),
    })),
    model: { k: c.k, suppressionLimit: c.limit },
    peculiar: { review: false, decisions: c.peculiar.map((p) => ({ column: QI[p.column], value: code(QI[p.column], p.code), action: p.action, reason: '検証' })) },
    release: { mode: 'anonymized' },
  };
  return parseSpec(input);
}

/** Every token the package must not contain, with why (for a readable failure). */
function forbidden(c: Case, keyText: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < c.rows; i++) (out.set(idOf(i), 'identifier'), out.set(nameOf(i), 'identifier'));
  for (const t of keyText) out.set(t, 'key');
  for (const i of c.excluded) {
    const [a, b, s] = c.codes[i];
    out.set(rowOf(i), 'excluded subject');
    // A code is the subject's own only if no released record shares it; then it must not appear either.
    for (const [col, v, idx] of [['Q1', a, 0], ['Q2', b, 1], ['S', s, 2]] as const) {
      const shared = c.codes.some((r, j) => j !== i && !c.excluded.includes(j) && r[idx] === v);
      if (!shared) out.set(code(col, v), 'excluded subject');
    }
  }
  QI.forEach((name, q) => {
    const p = c.qi[q];
    for (const x of p.cells) out.set(code(name, x), 'suppressed cell');
    for (const x of p.records) {
      out.set(code(name, x), 'suppressed record');
      c.codes.forEach((r, i) => r[q] === x && out.set(rowOf(i), 'row of a suppressed record'));
    }
    // Generalized through the table: the original codes must not survive anywhere.
    if (p.level === 1) for (let x = 0; x < CODES; x++) out.set(code(name, x), 'generalized away');
  });
  for (const x of c.sensitiveCells) out.set(code('S', x), 'suppressed cell');
  for (const p of c.peculiar) {
    if (p.action === 'keep') continue;
    out.set(code(QI[p.column], p.code), `peculiar ${p.action}`);
    if (p.action === 'suppressRecord') c.codes.forEach((r, i) => r[p.column] === p.code && out.set(rowOf(i), 'row of a peculiar deletion'));
  }
  return out;
}

describe(`a release package never carries what must stay behind (${RUNS} random specs and inputs)`, () => {
  let engine: NativeEngine;
  let key: PseudonymKey;
  const dir = mkdtempSync(join(tmpdir(), 'tokumei-safety-'));
  beforeAll(async () => {
    engine = await NativeEngine.create({ threads: 1 });
    key = await PseudonymKey.fromBytes(KEY_BYTES);
  });
  afterAll(() => {
    engine?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function filesText(zip: Uint8Array): Promise<{ path: string; text: string }[]> {
    const out: { path: string; text: string }[] = [];
    for (const e of listZip(zip)) {
      const bytes = readEntry(zip, e);
      if (e.path.endsWith('.parquet')) {
        const file = join(dir, 'data.parquet');
        writeFileSync(file, bytes);
        const rows = await engine.rows(`SELECT * FROM read_parquet(${str(file)})`);
        out.push({ path: e.path, text: JSON.stringify(rows) });
      } else {
        out.push({ path: e.path, text: new TextDecoder(e.path.includes('cp932') ? 'shift_jis' : 'utf-8').decode(bytes) });
      }
    }
    return out;
  }

  it('holds for every generated case', { timeout: 60 * 60_000 }, async () => {
    const keyText = [Buffer.from(KEY_BYTES).toString('hex'), Buffer.from(KEY_BYTES).toString('base64')];
    let built = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        await engine.exec(sourceSql(c));
        const spec = await specOf(c);
        const base: PackageRequest = {
          table: 'src',
          spec,
          sourceSha256: 'b'.repeat(64),
          exclusions: c.excluded.map(idOf),
          key,
          provision: { recipient: '受領者', recipientType: 'certifiedUser', requestId: 'R-1', purpose: '検証', deliveryMethod: '手渡し', retention: '1年', deletionDeadline: '2030-01-01' },
          operator: '作成者',
          approver: null,
          createdAt: '2026-11-21T00:00:00.000Z',
          formats: c.parquet ? ['csv', 'csv-cp932', 'parquet'] : ['csv', 'csv-cp932'],
          lang: 'ja',
          versions: { tokumei: 'test', duckdb: 'test' },
          parquet: encodeParquetStream,
        };
        const parts: Uint8Array[] = [];
        const sink = { write: (b: Uint8Array) => void parts.push(b.slice()) };
        const keepsIdentifier = c.idAction === 'keep' || c.nameAction === 'keep';
        let plan;
        try {
          plan = await planPackage(engine, base);
        } catch (e) {
          // A spec that keeps an identifier does not even compile: nothing can be written.
          expect(keepsIdentifier && isTokumeiError(e)).toBe(true);
          refused++;
          return;
        }
        const overrides = plan.gates.filter((g) => g.severity === 'overridable').map((g) => ({ id: g.id, reason: '検証のため' }));
        try {
          await buildPackage(engine, { ...base, overrides }, sink, plan.risk);
        } catch (e) {
          // Refused: a kept identifier, or nothing left to release (a gate that cannot be passed).
          const empty = isTokumeiError(e) && e.key === 'release.gate.nothingReleased';
          if (!keepsIdentifier && !empty) throw e;
          expect(isTokumeiError(e)).toBe(true);
          expect(parts.length).toBe(0);
          refused++;
          return;
        }
        expect(keepsIdentifier).toBe(false);
        expect(plan.risk.releasedRecords).toBeGreaterThan(0);
        built++;
        const zip = Buffer.concat(parts);
        const bad = forbidden(c, keyText);
        for (const f of await filesText(zip)) {
          for (const [token, why] of bad) {
            if (f.text.includes(token)) throw new Error(`${f.path} contains ${token} (${why})`);
          }
        }
      }),
      { numRuns: RUNS },
    );
    // Both branches were exercised (a generator that never refuses or never builds tests nothing).
    expect(built).toBeGreaterThan(RUNS / 2);
    expect(refused).toBeGreaterThan(0);
  });
});
