import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine, SqlRow } from '../../../src/core/engine.ts';
import { isTokumeiError } from '../../../src/core/errors.ts';
import { loadCsv } from '../../../src/core/load/index.ts';
import { typeTable } from '../../../src/core/load/type-table.ts';
import { PseudonymKey } from '../../../src/core/pseudonymize/key.ts';
import { buildPackage } from '../../../src/core/release/package.ts';
import { verifyPackage } from '../../../src/core/release/verify.ts';
import { parseSpecJson } from '../../../src/core/spec/parse.ts';
import { duckdbVersion, TOKUMEI_VERSION } from '../../../src/core/version.ts';
import { encodeParquetStream } from '../../../src/cli/parquet-write.ts';
import { ReleaseSession, type ReleaseInput } from '../../../workers/engine/release-run.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';

const FIXTURE = join(import.meta.dirname, '../../fixtures/release-ui');
const CSV = new Uint8Array(readFileSync(join(FIXTURE, 'patients.csv')));
const SPEC = parseSpecJson(readFileSync(join(FIXTURE, 'anonymized-spec.json'), 'utf8'));
const PSEUDO_SPEC = parseSpecJson(readFileSync(join(FIXTURE, 'pseudonymized-spec.json'), 'utf8'));
const KEY_BYTES = new Uint8Array(32).map((_, i) => (i * 13 + 5) & 0xff);

const PROVISION = {
  recipient: '国立テスト大学 医学部',
  recipientType: 'other',
  requestId: 'REQ-2026-042',
  purpose: '受診動向の研究',
  deliveryMethod: '暗号化媒体の手渡し',
  retention: '研究終了まで（最長3年）',
  deletionDeadline: '2029-03-31',
};

const INPUT: ReleaseInput = {
  provision: PROVISION,
  operator: '山田',
  approver: null,
  createdAt: '2026-11-21T01:00:00.000Z',
  formats: ['csv', 'csv-cp932', 'parquet'],
  lang: 'ja',
  overrides: [{ id: 'kUnmet', reason: '研修用の試行のため' }],
};

async function load(engine: SqlEngine, table: string): Promise<void> {
  const report = await loadCsv(engine, { table, fileName: 'patients.csv', bytes: CSV.slice(), replace: true });
  await typeTable(engine, table, report.rows);
}

/** Counts the queries a session sends, to tell a measurement from a cached plan. */
function counting(inner: SqlEngine): SqlEngine & { queries: number; onQuery: ((sql: string) => void) | null } {
  const e = {
    queries: 0,
    onQuery: null as ((sql: string) => void) | null,
    exec: (sql: string) => (e.queries++, e.onQuery?.(sql), inner.exec(sql)),
    rows: (sql: string): Promise<SqlRow[]> => (e.queries++, e.onQuery?.(sql), inner.rows(sql)),
    registerFile: (n: string, b: Uint8Array) => inner.registerFile(n, b),
    dropFile: (n: string) => inner.dropFile(n),
  };
  return e;
}

for (const host of ENGINE_HOSTS) {
  describe(`release in the worker: ${host.name}`, () => {
    let engine: SqlEngine & { close(): void };
    let counted: ReturnType<typeof counting>;
    let key: PseudonymKey;
    let session: ReleaseSession;
    let exclusions: readonly string[] | null = null;
    beforeAll(async () => {
      engine = await host.create();
      counted = counting(engine);
      key = await PseudonymKey.fromBytes(KEY_BYTES);
      session = new ReleaseSession(() => counted, {
        key: async () => key,
        keyFromFile: () => true,
        exclusions: () => exclusions,
        parquet: encodeParquetStream,
      });
      // The workspace calls the file's table otherwise than the spec does.
      await load(engine, 'ws_patients');
    }, 120_000);
    afterAll(() => engine?.close());

    it('plans: gates with ids and severities, the risk, the released columns and the name the package records', async () => {
      const plan = await session.plan('ws_patients', SPEC, { ...INPUT, overrides: [] });
      expect(plan.tableAs).toBe('patients');
      expect(plan.gates.map((g) => [g.id, g.severity])).toEqual([['kUnmet', 'overridable']]);
      expect(plan.result.blockers.map((g) => g.id)).toEqual(['kUnmet']);
      expect(plan.risk.records).toBe(200);
      expect(plan.columns).toEqual(['患者ID', '生年月日', '性別', '郵便番号', '都道府県', '血液型', '身長', '体重', '主病名']);
      expect(plan.keyNeeded).toBe(true);
      expect(plan.keyFingerprint).toBe(await key.fingerprint());
      // The temporary view carrying the spec's name is gone again.
      expect(await engine.rows(`SELECT view_name FROM duckdb_views() WHERE view_name = 'patients'`)).toEqual([]);
    });

    it('decides the gates again without measuring when only the provision changes', async () => {
      await session.plan('ws_patients', PSEUDO_SPEC, INPUT);
      const before = counted.queries;
      const plan = await session.plan('ws_patients', PSEUDO_SPEC, { ...INPUT, provision: { ...PROVISION, recipientType: 'certifiedUser' } });
      // One query: whether the table is still the one measured.
      expect(counted.queries - before).toBe(1);
      expect(plan.gates.find((g) => g.id === 'certifiedUserRequired')).toBeUndefined();
      const other = await session.plan('ws_patients', PSEUDO_SPEC, INPUT);
      expect(other.gates.find((g) => g.id === 'certifiedUserRequired')?.severity).toBe('block');
      const invalid = await session.plan('ws_patients', PSEUDO_SPEC, { ...INPUT, provision: { ...PROVISION, deletionDeadline: '2029-02-30' } });
      const gate = invalid.gates.find((g) => g.id === 'provisionInvalid');
      expect(gate?.issues?.map((i) => i.path)).toEqual(['provision.deletionDeadline']);
    });

    it('builds the package the CLI path builds: same bytes as buildPackage on a table named as the spec says', async () => {
      const sha = createHash('sha256').update(CSV).digest('hex');
      const { bytes, summary } = await session.build('ws_patients', SPEC, INPUT, { kind: 'file', file: new Blob([CSV.slice(0, 1000), CSV.slice(1000)]) });
      expect(summary.sourceSha256).toBe(sha);
      expect(summary.packageSha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(summary.packageBytes).toBe(bytes.length);
      expect(summary.rows).toBe(200);
      expect(summary.overrides).toEqual([{ id: 'kUnmet', reason: '研修用の試行のため' }]);
      expect(summary.ledger).toMatchObject({ packageSha256: summary.packageSha256, recipient: PROVISION.recipient, sourceSha256s: [sha], rows: 200 });
      expect(summary.entries.map((e) => e.path)).toEqual([
        'spec.json', 'dictionary.csv', 'report.html', 'records/creation-record.json', 'records/provision-record.json',
        'data/data.csv', 'data/data.cp932.csv', 'data/data.parquet',
      ]);
      expect(verifyPackage(bytes).ok).toBe(true);

      // The CLI's way: the table renamed to the spec's name, buildPackage straight into a sink.
      await load(engine, 'patients');
      const parts: Uint8Array[] = [];
      const direct = await buildPackage(
        engine,
        {
          table: 'patients',
          spec: SPEC,
          sourceSha256: sha,
          key,
          provision: INPUT.provision,
          operator: INPUT.operator,
          approver: INPUT.approver,
          createdAt: INPUT.createdAt,
          formats: INPUT.formats,
          lang: INPUT.lang,
          overrides: INPUT.overrides,
          versions: { tokumei: TOKUMEI_VERSION, duckdb: await duckdbVersion(engine) },
          parquet: encodeParquetStream,
        },
        { write: (c) => void parts.push(c.slice()) },
      );
      expect(direct.packageSha256).toBe(summary.packageSha256);
      expect(Buffer.concat(parts).equals(Buffer.from(bytes))).toBe(true);

      // With a workspace table of the spec's name, that table is meant: the other one is refused.
      const refused = await session.plan('ws_patients', SPEC, INPUT).catch((e: unknown) => e);
      expect(isTokumeiError(refused) && refused.key).toBe('uiRelease.error.specTable');
      await engine.exec('DROP TABLE patients');
    }, 120_000);

    it('refuses while a gate stands, and without a known source', async () => {
      const blocked = await session.build('ws_patients', PSEUDO_SPEC, INPUT, { kind: 'file', file: new Blob([CSV]) }).catch((e: unknown) => e);
      expect(isTokumeiError(blocked) && blocked.key).toBe('release.gate.certifiedUserRequired');
      const noSource = await session.build('ws_patients', SPEC, INPUT, null).catch((e: unknown) => e);
      expect(isTokumeiError(noSource) && noSource.key).toBe('uiRelease.error.noSource');
    });

    it('stops a build on cancel and leaves no temporary table or view behind', async () => {
      // Before anything is read, and in the middle: once the released records are being written out.
      const early = session.build('ws_patients', SPEC, INPUT, { kind: 'file', file: new Blob([CSV]) });
      await session.cancel();
      const e1 = await early.catch((x: unknown) => x);
      expect(isTokumeiError(e1) && e1.key).toBe('engine.cancelled');
      let cancelled = false;
      counted.onQuery = (sql) => {
        // A page of the shuffled released rows being read for the data file.
        if (!cancelled && sql.includes('__tokumei_release_') && sql.includes('BETWEEN')) {
          cancelled = true;
          void session.cancel();
        }
      };
      const late = session.build('ws_patients', SPEC, INPUT, { kind: 'file', file: new Blob([CSV]) });
      const e2 = await late.catch((x: unknown) => x);
      counted.onQuery = null;
      expect(cancelled).toBe(true);
      expect(isTokumeiError(e2) && e2.key).toBe('engine.cancelled');
      const left = await engine.rows(
        `SELECT table_name AS n FROM duckdb_tables() WHERE starts_with(table_name, '__tokumei_') OR table_name = 'patients' UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal AND (starts_with(view_name, '__tokumei_') OR view_name = 'patients')`,
      );
      expect(left).toEqual([]);
      // A later build is not affected.
      const again = await session.build('ws_patients', SPEC, INPUT, { kind: 'file', file: new Blob([CSV]) });
      expect(verifyPackage(again.bytes).ok).toBe(true);
    }, 120_000);
  });
}
