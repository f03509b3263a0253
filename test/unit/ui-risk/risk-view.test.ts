import { describe, expect, it } from 'vitest';
import {
  classSizeBars,
  combinedStatus,
  findingsPerColumn,
  formatFigure,
  formatPercent,
  droppedBySpec,
  parseK,
  parsePopulation,
  parseThreshold,
  riskBars,
  specQuasi,
  specSensitive,
  weightColumns,
} from '../../../src/ui/components/risk/risk-view.ts';
import { histogramFromSizes } from '../../../src/core/risk/histogram.ts';
import { parseSpec } from '../../../src/core/spec/parse.ts';
import { scoreBands } from '../../../workers/suda/api.ts';

// Classes of sizes 1, 1, 2, 3, 7, 150 → records 1+1+2+3+7+150 = 164.
const H = histogramFromSizes([1, 1, 2, 3, 7, 150]);

describe('class-size bars', () => {
  it('put every record in exactly one band, unique records first', () => {
    const bars = classSizeBars(H, 5);
    expect(bars.map((b) => b.label)).toEqual(['1', '2', '3', '4', '5–9', '10–19', '20–49', '50–99', '100+']);
    expect(bars.map((b) => b.records)).toEqual([2, 2, 3, 0, 7, 0, 0, 0, 150]);
    expect(bars.reduce((n, b) => n + b.records, 0)).toBe(H.records);
  });

  it('mark the bands below k, and none without k', () => {
    expect(classSizeBars(H, 5).map((b) => b.warn)).toEqual([true, true, true, true, false, false, false, false, false]);
    expect(classSizeBars(H, 10).filter((b) => b.warn).map((b) => b.label)).toEqual(['1', '2', '3', '4', '5–9']);
    expect(classSizeBars(H, null).some((b) => b.warn)).toBe(false);
  });
});

describe('risk bars', () => {
  it('band records by prosecutor risk 1 / class size', () => {
    const bars = riskBars(H, 0.2);
    // risk 1 → 2 records; 0.5 → [0.5, 1): 2; 1/3 → [0.2, 0.5): 3; 1/7 → [0.1, 0.2): 7; 1/150 → [0, 0.01): 150.
    expect(bars.map((b) => [b.label, b.records])).toEqual([
      ['1', 2],
      ['0.5–1', 2],
      ['0.2–0.5', 3],
      ['0.1–0.2', 7],
      ['0.05–0.1', 0],
      ['0.01–0.05', 0],
      ['0–0.01', 150],
    ]);
  });

  it('mark the bands holding risks strictly above the threshold', () => {
    expect(riskBars(H, 0.2).map((b) => b.warn)).toEqual([true, true, true, false, false, false, false]);
    expect(riskBars(H, 0.1).map((b) => b.warn)).toEqual([true, true, true, true, false, false, false]);
    expect(riskBars(H, 1).some((b) => b.warn)).toBe(false);
  });
});

describe('spec defaults', () => {
  const columns = [
    { name: '氏名', type: 'VARCHAR' },
    { name: '生年月日', type: 'DATE' },
    { name: '性別', type: 'VARCHAR' },
    { name: '主病名', type: 'VARCHAR' },
    { name: '体重', type: 'DOUBLE' },
    { name: '件数', type: 'BIGINT' },
  ];
  const spec = parseSpec({
    version: 1,
    columns: [
      { name: '性別', role: 'quasi' },
      { name: '生年月日', role: 'quasi' },
      { name: '主病名', role: 'sensitive' },
      { table: '別表', name: '体重', role: 'quasi' },
    ],
    release: { mode: 'anonymized' },
  });

  it('take the quasi-identifiers in table order, for this table only', () => {
    expect(specQuasi(spec, '患者', columns)).toEqual(['生年月日', '性別']);
    expect(specQuasi(spec, '別表', columns)).toEqual(['生年月日', '性別', '体重']);
    expect(specQuasi(null, '患者', columns)).toEqual([]);
  });

  it('take the sensitive attribute only when there is exactly one', () => {
    expect(specSensitive(spec, '患者', columns)).toBe('主病名');
    const two = parseSpec({ ...spec, columns: [...spec.columns, { name: '体重', role: 'sensitive' }] });
    expect(specSensitive(two, '患者', columns)).toBeNull();
    expect(specSensitive(null, '患者', columns)).toBeNull();
  });

  it('offer numeric columns as weights', () => {
    expect(weightColumns(columns)).toEqual(['体重', '件数']);
  });

  it('report chosen columns the spec drops', () => {
    const dropping = parseSpec({ ...spec, columns: [...spec.columns, { name: '氏名', role: 'identifier', transforms: [{ kind: 'drop' }] }] });
    expect(droppedBySpec(dropping, '患者', ['氏名', '性別'])).toEqual(['氏名']);
    expect(droppedBySpec(spec, '患者', ['氏名', '性別'])).toEqual([]);
    expect(droppedBySpec(null, '患者', ['氏名'])).toEqual([]);
  });
});

describe('inputs', () => {
  it('accept a threshold in (0, 1]', () => {
    expect(parseThreshold('0.2')).toBe(0.2);
    expect(parseThreshold(' 1 ')).toBe(1);
    for (const bad of ['0', '-0.1', '1.5', '', 'abc', 'NaN']) expect(parseThreshold(bad), bad).toBeNull();
  });

  it('accept a population with separators', () => {
    expect(parsePopulation('1,234,567')).toBe(1234567);
    expect(parsePopulation('１２'.normalize('NFKC'))).toBe(12);
    expect(parsePopulation('12，000')).toBe(12000);
    for (const bad of ['0', '-5', '1.5', '', '1e6', '9'.repeat(20)]) expect(parsePopulation(bad), bad).toBeNull();
  });

  it('accept k as a whole number of at least 1', () => {
    expect(parseK('5')).toBe(5);
    for (const bad of ['0', '2.5', '', 'x']) expect(parseK(bad), bad).toBeNull();
  });
});

describe('display helpers', () => {
  it('show the most pressing status of a card fed by several parts', () => {
    expect(combinedStatus('done', 'running')).toBe('running');
    expect(combinedStatus('stale', 'done')).toBe('stale');
    expect(combinedStatus('error', 'done')).toBe('error');
    expect(combinedStatus('running', 'error')).toBe('running');
    expect(combinedStatus('idle', 'done')).toBe('done');
  });

  it('count findings per column, most first', () => {
    const f = [{ column: 'b' }, { column: 'a' }, { column: 'b' }, { column: 'c' }, { column: 'a' }];
    expect(findingsPerColumn(f)).toEqual([
      { column: 'a', count: 2 },
      { column: 'b', count: 2 },
      { column: 'c', count: 1 },
    ]);
  });

  it('format figures and percentages in both languages', () => {
    expect(formatFigure('en', 1 / 3)).toBe('0.3333');
    expect(formatFigure('ja', 12345.678, 6)).toBe('12,345.7');
    expect(formatFigure('en', null)).toBe('–');
    expect(formatPercent('en', 0.8531)).toBe('85.3%');
    expect(formatPercent('ja', 0.0004)).toBe('0.04%');
    expect(formatPercent('en', Number.NaN)).toBe('–');
  });
});

describe('SUDA2 score bands', () => {
  it('count records with no MSU apart and double the bounds up to the highest score', () => {
    const bands = scoreBands(Float64Array.from([0, 0, 1, 2, 3, 4, 9]));
    expect(bands).toEqual([
      [0, 2],
      [1, 1],
      [2, 2],
      [4, 1],
      [8, 1],
    ]);
    expect(scoreBands(new Float64Array([0, 0]))).toEqual([[0, 2]]);
  });
});
