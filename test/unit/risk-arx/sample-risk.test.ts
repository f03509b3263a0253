import { describe, expect, it } from 'vitest';
import { classSummary, recordsBelowK } from '../../../src/core/risk/classes.ts';
import { histogramFromSizes } from '../../../src/core/risk/histogram.ts';
import { journalistRisk } from '../../../src/core/risk/journalist.ts';
import { marketerRisk } from '../../../src/core/risk/marketer.ts';
import { pairsFromHistogram } from '../../../src/core/risk/population-table.ts';
import { prosecutorRisk } from '../../../src/core/risk/prosecutor.ts';
import { isTokumeiError } from '../../../src/core/errors.ts';

// Classes of sizes 1, 2, 4, 5, 5: 17 records in 5 classes.
const h = histogramFromSizes([5, 1, 4, 5, 2]);

describe('class summary', () => {
  it('reads counts off the histogram', () => {
    expect(h.entries).toEqual([
      [1, 1],
      [2, 1],
      [4, 1],
      [5, 2],
    ]);
    expect(classSummary(h)).toEqual({
      records: 17,
      classes: 5,
      minClassSize: 1,
      maxClassSize: 5,
      averageClassSize: 17 / 5,
      sampleUniques: 1,
      sampleUniqueFraction: 1 / 17,
    });
    expect(recordsBelowK(h, 5)).toBe(7);
    expect(recordsBelowK(h, 1)).toBe(0);
  });

  it('is all zeros without records', () => {
    const s = classSummary(histogramFromSizes([]));
    expect(s).toMatchObject({ records: 0, classes: 0, minClassSize: 0, averageClassSize: 0, sampleUniqueFraction: 0 });
  });
});

describe('prosecutor risk', () => {
  it('counts a record only when 1/size is strictly above the threshold', () => {
    // 0.2: sizes 1, 2, 4 are above (1, .5, .25); size 5 has risk exactly 0.2 and is not.
    expect(prosecutorRisk(h, 0.2)).toEqual({ threshold: 0.2, recordsAtRisk: 7 / 17, highestRisk: 1, averageRisk: 5 / 17 });
    // 0.25: size 4 now sits exactly on the threshold.
    expect(prosecutorRisk(h, 0.25).recordsAtRisk).toBe(3 / 17);
    expect(prosecutorRisk(histogramFromSizes([3, 3]), 1 / 3).recordsAtRisk).toBe(0);
    expect(prosecutorRisk(h, 1).recordsAtRisk).toBe(0);
  });

  it('highest risk is 1 / smallest class', () => {
    expect(prosecutorRisk(histogramFromSizes([7, 3, 9]), 0.5).highestRisk).toBe(1 / 3);
  });

  it('rejects thresholds outside (0, 1]', () => {
    for (const t of [0, -0.1, 1.5, NaN]) {
      try {
        prosecutorRisk(h, t);
        expect.unreachable();
      } catch (e) {
        expect(isTokumeiError(e) && e.key).toBe('risk.threshold.invalid');
      }
    }
  });
});

describe('journalist and marketer risk', () => {
  const pairs = [
    { sampleSize: 1, populationSize: 4, classes: 1 },
    { sampleSize: 2, populationSize: 2, classes: 1 },
    { sampleSize: 1, populationSize: 10, classes: 2 },
  ];

  it('use population class sizes', () => {
    // 5 records, 4 classes, Σ population sizes 26. Risk 1/2 > 0.3 only for the class of 2.
    // Average: max(4/26, (1/4 + 2/2 + 2·1/10)/5 = 0.29).
    const j = journalistRisk(pairs, 0.3);
    expect(j.recordsAtRisk).toBe(2 / 5);
    expect(j.highestRisk).toBe(1 / 2);
    expect(j.averageRisk).toBeCloseTo(0.29, 15);
    expect(marketerRisk(pairs).averageRisk).toBeCloseTo(0.29, 15);
  });

  it('average is the larger of classes/Σ population and the mean of sample/population', () => {
    // 11 records, 2 classes, Σpop 12: 2/12 = 0.1667 beats (1/2 + 10/10)/11 = 0.1364.
    const byClasses = [
      { sampleSize: 1, populationSize: 2, classes: 1 },
      { sampleSize: 10, populationSize: 10, classes: 1 },
    ];
    expect(journalistRisk(byClasses, 0.5).averageRisk).toBe(2 / 12);
    expect(marketerRisk(byClasses).averageRisk).toBe((1 / 2 + 1) / 11);
    // 3 records, 2 classes, Σpop 5: 2/5 = 0.4 loses to (2/2 + 1/3)/3 = 0.444.
    const byRatio = [
      { sampleSize: 2, populationSize: 2, classes: 1 },
      { sampleSize: 1, populationSize: 3, classes: 1 },
    ];
    expect(journalistRisk(byRatio, 0.5).averageRisk).toBeCloseTo(4 / 9, 15);
  });

  it('equal the prosecutor figures without a population table (as ARX without a research subset)', () => {
    const self = pairsFromHistogram(h);
    expect(journalistRisk(self, 0.2)).toEqual(prosecutorRisk(h, 0.2));
    expect(marketerRisk(self).averageRisk).toBe(5 / 17);
  });

  it('are zero without records', () => {
    expect(journalistRisk([], 0.2)).toEqual({ threshold: 0.2, recordsAtRisk: 0, highestRisk: 0, averageRisk: 0 });
    expect(marketerRisk([]).averageRisk).toBe(0);
  });
});
