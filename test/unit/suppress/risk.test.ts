import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { assessRisk, type RiskAssessment } from '../../../src/core/risk/assess.ts';
import { assessClasses, classFigures } from '../../../src/core/risk/assess-parts.ts';
import { recordsBelowK } from '../../../src/core/risk/classes.ts';
import { classSizeHistogram, histogramFromSizes } from '../../../src/core/risk/histogram.ts';
import { applySpec } from '../../../src/core/compile/apply.ts';
import { releasedRecordsSql } from '../../../src/core/risk/record-suppression.ts';
import { histogramFromFrequencies } from '../../../src/core/risk/wildcard-classes.ts';
import { parseSpec } from '../../../src/core/spec/parse.ts';
import type { ReleaseSpec } from '../../../src/core/spec/schema.ts';
import { codeCombos } from '../../../src/core/suppress/coded.ts';
import { wildcardFrequencies } from '../../../src/core/suppress/frequency.ts';
import { ENGINE_HOSTS } from '../../support/engines.ts';
import { loadDemoPatients } from '../ui-risk/demo-table.ts';

const T = '患者';
const QIS = ['生年月日', '性別', '郵便番号'];

/** The demo with age in 5-year bands and postal codes to 3 digits, k reached by blanking cells. */
function cellSpec(k: number): ReleaseSpec {
  return parseSpec({
    version: 1,
    columns: [
      { name: '生年月日', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'age', level: 1 }] },
      { name: '性別', role: 'quasi', transforms: [] },
      { name: '郵便番号', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'zip', level: 1 }] },
      { name: '主病名', role: 'sensitive', transforms: [] },
    ],
    hierarchies: [
      { name: 'age', kind: 'age', referenceDate: '2024-04-01', levels: [{ width: 5 }] },
      { name: 'zip', kind: 'prefix', levels: [{ keep: 3 }] },
    ],
    model: { k, suppressionLimit: 0, suppression: 'cells', importance: { 性別: 3 } },
    release: { mode: 'anonymized' },
  });
}

describe('the wildcard histogram', () => {
  it('is the GROUP BY histogram when no key is missing', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('x', 'y')), { minLength: 1, maxLength: 40 }), (records) => {
        const counts = new Map<string, number>();
        for (const r of records) counts.set(r.join(','), (counts.get(r.join(',')) ?? 0) + 1);
        const combos = { keys: ['p', 'q'], values: [...counts.keys()].map((k) => k.split(',')), counts: [...counts.values()] };
        const h = histogramFromFrequencies(wildcardFrequencies(codeCombos(combos)), combos.counts);
        expect(h).toEqual(histogramFromSizes([...counts.values()]));
      }),
    );
  });

  it('gives each record its own fk when blanks make classes overlap', () => {
    // (a,x) (a,y) (NA,y)×2: fk = 1, 3, 3, 3 → one record of 1, three of 3.
    const h = histogramFromFrequencies([1, 3, 3], [1, 1, 2]);
    expect(h).toEqual({ entries: [[1, 1], [3, 1]], records: 4 });
    expect(recordsBelowK(h, 3)).toBe(1);
  });
});

const figures: { host: string; risk: RiskAssessment }[] = [];

for (const host of ENGINE_HOSTS) {
  describe(`risk of a cell-suppressed release (${host.name})`, () => {
    let engine: SqlEngine & { close(): void };
    beforeAll(async () => {
      engine = await host.create();
      await loadDemoPatients(engine, T, 1500);
    }, 120_000);
    afterAll(() => engine.close());

    it('is measured after the blanks with a blank matching any value: k holds, no record is removed', async () => {
      const risk = await assessRisk(engine, cellSpec(5), { table: T, suda: false });
      figures.push({ host: host.name, risk });
      const cells = risk.cellSuppression!;
      expect(cells.k).toBe(5);
      expect(cells.suppressedCells).toBeGreaterThan(0);
      expect(risk.suppressedCells).toBe(cells.suppressedCells);
      expect(risk.suppressedCellsByColumn).toEqual(cells.byColumn);
      expect(risk.suppression).toBeNull();
      expect(risk.suppressedRecords).toBe(0);
      expect(risk.releasedRecords).toBe(1500);
      expect(risk.recordsBelowK).toBe(0);
      expect(risk.kAnonymityViolations['5']).toBe(0);
      expect(risk.minClassSize).toBeGreaterThanOrEqual(5);
      expect(risk.prosecutor.highestRisk).toBeLessThanOrEqual(0.2);
      // sdcMicro's individual risk (its own SQL frequencies) reads the same fk for every record.
      expect(risk.individualRisk!.max).toBeCloseTo(risk.prosecutor.highestRisk, 12);
      expect(risk.individualRisk!.mean).toBeCloseTo(risk.prosecutor.averageRisk, 12);
    });

    it('would look below k if blanks were counted as values of their own (why the wildcard reading is used)', async () => {
      const spec = cellSpec(5);
      const applied = await applySpec(engine, spec, { table: T, unlisted: 'drop', view: 'cells_released' });
      const release = await releasedRecordsSql(engine, applied.view, QIS, QIS, spec.model);
      try {
        await engine.exec(`CREATE OR REPLACE TABLE cells_out AS ${release.sql}`);
        expect(recordsBelowK(await classSizeHistogram(engine, 'cells_out', QIS), 5)).toBeGreaterThan(0);
      } finally {
        await release.dispose();
        await applied.dispose();
      }
    });

    it('the live panel reads the same classes', async () => {
      const risk = figures.find((f) => f.host === host.name)!.risk;
      const a = await assessClasses(engine, cellSpec(5), { table: T });
      expect(a.cells).toEqual({ ...risk.cellSuppression!, ms: a.cells!.ms });
      expect(a.suppression).toBeNull();
      expect(a.suppressedRecords).toBe(0);
      const f = classFigures(a.histogram, 0.2, 5);
      expect(f.recordsBelowK).toBe(0);
      expect(f.minClassSize).toBe(risk.minClassSize);
      expect(f.classes).toBeCloseTo(risk.classes, 9);
      expect(f.prosecutor.averageRisk).toBeCloseTo(risk.prosecutor.averageRisk, 12);
    });
  });
}

describe('across hosts', () => {
  it('the same cells are blanked and the same figures measured', () => {
    expect(figures.length).toBe(ENGINE_HOSTS.length);
    const strip = (r: RiskAssessment) => ({ ...r, cellSuppression: { ...r.cellSuppression!, ms: 0 } });
    for (const f of figures.slice(1)) expect(strip(f.risk)).toEqual(strip(figures[0].risk));
  });
});
