import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tokumei, tokumeiJson } from '../cli/run-cli.ts';
import { FIXTURE_DIR } from './fixture.ts';

/** The hand-derived figures of population-journalist.test.ts, through `tokumei risk --population-table`. */
describe('tokumei risk --population-table', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tokumei-pop-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints journalist and marketer risk read from the population file', () => {
    const r = tokumeiJson(['risk', 'sample.csv', '--spec', 'decade-spec.json', '--population-table', 'population.csv', '--threshold', '0.2', '--no-suda'], FIXTURE_DIR);
    expect(r.populationTable).toEqual({ file: join(FIXTURE_DIR, 'population.csv'), records: 29 });
    expect(r.journalist.highestRisk).toBe(0.5);
    expect(r.journalist.recordsAtRisk).toBe(0.625);
    expect(r.journalist.averageRisk).toBeCloseTo(67 / 240, 12);
    expect(r.marketer.averageRisk).toBeCloseTo(67 / 240, 12);
    expect(r.prosecutor.highestRisk).toBe(1);
    expect(r.records).toBe(8);
  });

  it('keeps the data when the population file has the same name', () => {
    // Both files would load as table "sample": the data must not be replaced by the population.
    copyFileSync(join(FIXTURE_DIR, 'population.csv'), join(dir, 'sample.csv'));
    const r = tokumeiJson(['risk', join(FIXTURE_DIR, 'sample.csv'), '--spec', join(FIXTURE_DIR, 'decade-spec.json'), '--population-table', 'sample.csv', '--no-suda'], dir);
    expect(r.records).toBe(8);
    expect(r.populationTable.records).toBe(29);
    expect(r.journalist.highestRisk).toBe(0.5);
  });

  it('says which population table was used, in Japanese and English', () => {
    const args = ['risk', 'sample.csv', '--spec', 'decade-spec.json', '--population-table', 'population.csv', '--no-suda'];
    const ja = tokumei(args, FIXTURE_DIR);
    expect(ja.code).toBe(0);
    expect(ja.stdout).toContain('母集団テーブル: population.csv（29 件）');
    const en = tokumei(args, FIXTURE_DIR, 'en_US.UTF-8');
    expect(en.stdout).toContain('Population table: population.csv (29 records)');
  });

  it('fails with a clear message when the population lacks a quasi-identifier', () => {
    const r = tokumei(['risk', 'sample.csv', '--spec', 'decade-spec.json', '--population-table', 'weights.csv', '--no-suda'], FIXTURE_DIR);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('母集団テーブル「weights.csv」に準識別子の列がありません: 年齢。');
  });
});
