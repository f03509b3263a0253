import { z } from 'zod';
import { isoDate } from '../spec/schema.ts';
import type { Cohort, CohortCondition } from './types.ts';

/**
 * Cohorts as saved with the view's state (JSON). Parsing keeps the valid cohorts and drops a
 * broken one rather than losing them all: saved state may come from an older version.
 */
const bound = z.union([z.number(), z.string()]);
const column = z.string().min(1);
export const CohortConditionSchema = z.discriminatedUnion('op', [
  z.strictObject({ column, op: z.literal('equals'), value: z.string() }),
  z.strictObject({ column, op: z.literal('in'), values: z.array(z.string()) }),
  z.strictObject({ column, op: z.literal('range'), min: bound.optional(), max: bound.optional() }),
  z.strictObject({ column, op: z.literal('prefix'), value: z.string() }),
  z.strictObject({ column, op: z.literal('age'), min: z.number().optional(), max: z.number().optional(), referenceDate: isoDate() }),
]);
export const CohortSchema = z.strictObject({ id: z.string().min(1), name: z.string(), conditions: z.array(CohortConditionSchema) });

export function parseCohorts(text: string | null | undefined): Cohort[] {
  if (!text) return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  return data.flatMap((c) => {
    const r = CohortSchema.safeParse(c);
    return r.success ? [r.data as Cohort] : [];
  });
}

export function serializeCohorts(cohorts: readonly Cohort[]): string {
  return JSON.stringify(cohorts);
}

/** Whether a condition says something yet (an empty value or an open range is left out of the check). */
export function isComplete(c: CohortCondition): boolean {
  switch (c.op) {
    case 'equals':
    case 'prefix':
      return c.value !== '';
    case 'in':
      return c.values.length > 0;
    case 'range':
      return (c.min !== undefined && c.min !== '') || (c.max !== undefined && c.max !== '');
    case 'age':
      return c.min !== undefined || c.max !== undefined;
  }
}
