import { valueKind } from '../../../core/compile/value-kind.ts';
import type { Cohort, CohortCondition, CohortOp } from '../../../core/preview/index.ts';

/** Cohort editing for the view: plain data in, new plain data out (the list is replaced whole and saved). */

export interface ColumnRef {
  name: string;
  type: string;
}

/** The condition a column suggests: an age for dates, a range for numbers, equality for anything else. */
export function defaultOp(type: string): CohortOp {
  const k = valueKind(type);
  if (k === 'date' || k === 'timestamp') return 'age';
  if (k === 'integer' || k === 'float') return 'range';
  return 'equals';
}

export function newCondition(column: ColumnRef, referenceDate: string, op: CohortOp = defaultOp(column.type)): CohortCondition {
  switch (op) {
    case 'equals':
    case 'prefix':
      return { column: column.name, op, value: '' };
    case 'in':
      return { column: column.name, op, values: [] };
    case 'range':
      return { column: column.name, op };
    case 'age':
      return { column: column.name, op, referenceDate };
  }
}

/** Another operator on the same column, keeping what can be kept of the value. */
export function changeOp(c: CohortCondition, op: CohortOp, referenceDate: string): CohortCondition {
  if (c.op === op) return c;
  const text = c.op === 'equals' || c.op === 'prefix' ? c.value : c.op === 'in' ? c.values.join(', ') : '';
  switch (op) {
    case 'equals':
    case 'prefix':
      return { column: c.column, op, value: text };
    case 'in':
      return { column: c.column, op, values: splitValues(text) };
    case 'range':
      return { column: c.column, op };
    case 'age':
      return { column: c.column, op, referenceDate };
  }
}

/** "A, O、B" → ['A', 'O', 'B']: commas of either width, blanks dropped. */
export function splitValues(text: string): string[] {
  return text
    .split(/[,，、]/)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** A whole number of years typed in a field, or undefined when the field is empty or not a number. */
export function parseAge(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

export function newCohort(name: string, conditions: CohortCondition[] = []): Cohort {
  const id = globalThis.crypto?.randomUUID?.() ?? `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return { id, name, conditions };
}

export function replaceAt<T>(list: readonly T[], i: number, item: T): T[] {
  return list.map((x, j) => (j === i ? item : x));
}

export function removeAt<T>(list: readonly T[], i: number): T[] {
  return list.filter((_, j) => j !== i);
}
