import { describe, expect, it } from 'vitest';
import {
  cellKind,
  cellText,
  columnLefts,
  columnWidth,
  isNumericType,
  rowNumberWidth,
  textUnits,
} from '../../../src/ui/components/grid-columns.ts';

describe('grid columns', () => {
  it('recognises DuckDB numeric types for right alignment', () => {
    for (const t of ['BIGINT', 'INTEGER', 'DOUBLE', 'DECIMAL(18,3)', 'HUGEINT', 'UBIGINT', 'FLOAT', 'smallint'])
      expect(isNumericType(t), t).toBe(true);
    for (const t of ['VARCHAR', 'DATE', 'TIMESTAMP', 'BOOLEAN', 'INTERVAL', 'BIGINT[]', 'STRUCT(a INTEGER)'])
      expect(isNumericType(t), t).toBe(false);
  });

  it('classifies values so NULL is shown apart from the text "NULL"', () => {
    expect(cellKind(null)).toBe('null');
    expect(cellKind('NULL')).toBe('text');
    expect(cellKind(0)).toBe('number');
    expect(cellKind(false)).toBe('boolean');
    expect(cellText(0.1 + 0.2)).toBe('0.30000000000000004'); // exact, never rounded for display
    expect(cellText(123456789012)).toBe('123456789012'); // IDs are not grouped
  });

  it('counts full-width characters double', () => {
    expect(textUnits('abc')).toBe(3);
    expect(textUnits('患者ID')).toBe(6);
    expect(textUnits('ｶﾅ')).toBe(2); // half-width katakana stays narrow
    expect(textUnits('（１）')).toBe(6);
  });

  it('sizes columns from the header, within bounds', () => {
    const short = columnWidth({ name: 'id', type: 'BIGINT' });
    const longJa = columnWidth({ name: '主病名（ICD-10 コード、入院時に主治医が記録したもの）', type: 'VARCHAR' });
    expect(short).toBeGreaterThanOrEqual(72);
    expect(longJa).toBe(280);
    expect(columnWidth({ name: '都道府県名称', type: 'VARCHAR' })).toBeGreaterThan(columnWidth({ name: 'pref', type: 'VARCHAR' }) - 1);
    expect(columnWidth({ name: 't', type: 'TIMESTAMP' })).toBeGreaterThan(columnWidth({ name: 't', type: 'DATE' }));
  });

  it('widens the row-number column for more digits', () => {
    expect(rowNumberWidth(9)).toBeLessThan(rowNumberWidth(1_000_000));
    expect(rowNumberWidth(0)).toBe(rowNumberWidth(1));
  });

  it('accumulates column positions after the row numbers', () => {
    expect(columnLefts(50, [100, 80, 120])).toEqual({ lefts: [50, 150, 230], total: 350 });
    expect(columnLefts(50, [])).toEqual({ lefts: [], total: 50 });
  });
});
