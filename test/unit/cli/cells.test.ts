import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tokumei, tokumeiJson } from './run-cli.ts';

const work = mkdtempSync(join(tmpdir(), 'tokumei-cells-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Empty cells per column of a CSV the demo and apply write (no quoted commas in these columns). */
function emptyCells(path: string): Record<string, number> {
  const [head, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const names = head.split(',');
  const out: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  for (const l of lines) l.split(',').forEach((v, i) => v === '' && out[names[i]]++);
  return out;
}

const PATIENTS = join('demo', 'patients.csv');
const CELLS = ['--preset', 'anonymized', '--k', '3', '--suppression-method', 'cells', '--importance', '性別=5,都道府県=2'];

// Several subprocesses per test, on a machine that may be busy.
describe('cell suppression on the command line (subprocess)', { timeout: 180_000 }, () => {
  beforeAll(() => {
    expect(tokumei(['demo', '--rows', '300', '--out', 'demo'], work).code).toBe(0);
  });

  it('apply blanks cells instead of removing records, and says which, in JSON and in text', () => {
    const base = tokumeiJson(['apply', PATIENTS, '--preset', 'anonymized', '--out', 'plain.csv'], work);
    const r = tokumeiJson(['apply', PATIENTS, ...CELLS, '--out', 'cells.csv', '--key', 'plain.csv.key'], work);
    expect(base.rows).toBe(300);
    expect(r.rows).toBe(300);
    expect(r.suppressedRecords).toBe(0);
    expect(r.suppression).toBeNull();
    expect(r.suppressedCells).toBeGreaterThan(0);
    expect(r.cellSuppression).toMatchObject({ k: 3, suppressedCells: r.suppressedCells, byColumn: r.suppressedCellsByColumn });
    expect(r.cellSuppression.importance).toMatchObject({ 性別: 5, 都道府県: 2, 身長: 1 });
    expect(Object.values(r.suppressedCellsByColumn as Record<string, number>).reduce((s, n) => s + n, 0)).toBe(r.suppressedCells);
    // The file has exactly those cells more left empty than the release without a k step.
    const before = emptyCells(join(work, 'plain.csv'));
    const after = emptyCells(join(work, 'cells.csv'));
    for (const column of Object.keys(after)) expect(after[column] - before[column]).toBe(r.suppressedCellsByColumn[column] ?? 0);

    const text = tokumei(['apply', PATIENTS, ...CELLS, '--out', 'cells2.csv', '--key', 'plain.csv.key'], work);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`k=3 にするため、準識別子のセル ${r.suppressedCells} 個を空欄にしました`);
    expect(readFileSync(join(work, 'cells2.csv'), 'utf8')).toBe(readFileSync(join(work, 'cells.csv'), 'utf8'));
  });

  it('risk measures the cells apply blanks, counting a blank as any value', () => {
    const applied = tokumeiJson(['apply', PATIENTS, ...CELLS, '--out', 'cells3.csv', '--key', 'plain.csv.key'], work);
    const risk = tokumeiJson(['risk', PATIENTS, ...CELLS, '--no-suda'], work);
    expect({ ...risk.cellSuppression, ms: 0 }).toEqual({ ...applied.cellSuppression, ms: 0 });
    expect(risk.suppressedCells).toBe(applied.suppressedCells);
    expect(risk.suppressedCellsByColumn).toEqual(applied.suppressedCellsByColumn);
    expect(risk.recordsBelowK).toBe(0);
    expect(risk.minClassSize).toBeGreaterThanOrEqual(3);
    expect(risk.suppressedRecords).toBe(0);

    const en = tokumei(['risk', PATIENTS, ...CELLS, '--no-suda', '--lang', 'en'], work);
    expect(en.stdout).toContain('a blank matches any value');
    expect(en.stdout).toContain(`cells blanked (cell suppression)`);
  });

  it('a spec file asking for cells gives what the flags give, and search says it searches with record suppression', () => {
    const qis = ['性別', '都道府県', '市区町村'];
    writeFileSync(
      join(work, 'cells-spec.json'),
      JSON.stringify({
        version: 1,
        columns: qis.map((name) => ({ name, role: 'quasi' })),
        model: { k: 4, suppression: 'cells', importance: { 性別: 5 } },
        release: { mode: 'anonymized' },
      }),
    );
    const fromFile = tokumeiJson(['risk', PATIENTS, '--spec', 'cells-spec.json', '--no-suda'], work);
    const fromFlags = tokumeiJson(['risk', PATIENTS, '--qi', qis.join(','), '--k', '4', '--suppression-method', 'cells', '--importance', '性別=5', '--no-suda'], work);
    expect(fromFile.cellSuppression.suppressedCells).toBeGreaterThan(0);
    expect({ ...fromFile.cellSuppression, ms: 0 }).toEqual({ ...fromFlags.cellSuppression, ms: 0 });
    expect(fromFile.recordsBelowK).toBe(0);

    const search = tokumei(['search', PATIENTS, '--spec', 'cells-spec.json'], work);
    expect(search.stderr).toContain('search はレコード削除（ARX）で最適な一般化を探します');
    const records = tokumei(['search', PATIENTS, '--qi', qis.join(','), '--k', '4'], work);
    expect(records.stderr).not.toContain('search はレコード削除');
  });

  it('refuses flags that cannot be meant, with exit 2 and the reason', () => {
    const withoutCells = tokumei(['risk', PATIENTS, '--preset', 'anonymized', '--k', '3', '--importance', '性別=5'], work);
    expect(withoutCells.code).toBe(2);
    expect(withoutCells.stderr).toContain('--suppression-method cells と一緒に指定してください');
    const notQuasi = tokumei(['risk', PATIENTS, ...CELLS.slice(0, 6), '--importance', '主病名=2'], work);
    expect(notQuasi.code).toBe(2);
    expect(notQuasi.stderr).toContain('「主病名」は準識別子ではありません');
    const unknown = tokumei(['risk', PATIENTS, ...CELLS.slice(0, 6), '--importance', 'nope=2'], work);
    expect(unknown.code).toBe(2);
    const method = tokumei(['risk', PATIENTS, '--preset', 'anonymized', '--suppression-method', 'cell'], work);
    expect(method.code).toBe(2);
    expect(method.stderr).toContain('--suppression-method');
    const zero = tokumei(['risk', PATIENTS, ...CELLS.slice(0, 6), '--importance', '性別=0'], work);
    expect(zero.code).toBe(2);
  });

  it('explains an invalid suppression method in a spec file', () => {
    writeFileSync(join(work, 'bad-spec.json'), JSON.stringify({ version: 1, model: { suppression: 'both' }, release: { mode: 'anonymized' } }));
    const badSpec = tokumei(['risk', PATIENTS, '--spec', 'bad-spec.json'], work);
    expect(badSpec.code).not.toBe(0);
    expect(badSpec.stderr).toContain('model.suppression: "records"（レコードを削除）か "cells"（セルを空欄にする）を指定してください。');
  });
});
