import { TokumeiError } from '../errors.ts';
import type { HierarchySpec } from '../spec/schema.ts';

export type TableHierarchySpec = Extract<HierarchySpec, { kind: 'table' }>;
import type { GrcRecode } from './argus-grc.ts';
import { validateHierarchy } from './validate.ts';

/*
 * What μ-ARGUS recodes (see argus-grc.ts for the file format) do to a column's values, and the
 * table hierarchy they make. Codes are compared trimmed.
 */

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
export const asNumber = (s: string): number | null => (NUMBER.test(s) ? Number(s) : null);

/** A bound of a range with its number, parsed once. */
interface Bound {
  text: string;
  num: number | null;
}

const compareBound = (a: Bound, b: Bound): number =>
  a.num !== null && b.num !== null ? (a.num < b.num ? -1 : a.num > b.num ? 1 : 0) : a.text < b.text ? -1 : a.text > b.text ? 1 : 0;

/**
 * Order of codes in ranges: by number when both are numbers (so 9 < 10), otherwise by text
 * (UTF-16 code units, so E10 < E11.9 < E14 as ICD-10 codes expect). μ-ARGUS compares codes
 * right-aligned in a fixed width; for numbers and for codes of one width this is the same order.
 */
export function compareCodes(a: string, b: string): number {
  return compareBound({ text: a, num: asNumber(a) }, { text: b, num: asNumber(b) });
}

interface CompiledRange {
  lo: Bound | null;
  hi: Bound | null;
  /** Every bound is a number: the range matches numbers only. */
  numeric: boolean;
  rule: number;
}
interface CompiledRecode {
  /** Single code → index of the last line listing it. */
  codes: Map<string, number>;
  ranges: CompiledRange[];
}

const compiled = new WeakMap<GrcRecode, CompiledRecode>();

function compile(recode: GrcRecode): CompiledRecode {
  let c = compiled.get(recode);
  if (c) return c;
  c = { codes: new Map(), ranges: [] };
  const bound = (text: string): Bound => ({ text, num: asNumber(text) });
  for (const [rule, { items }] of recode.rules.entries()) {
    for (const item of items) {
      if (item.kind === 'code') c.codes.set(item.code, rule);
      else {
        const lo = item.kind === 'upTo' ? null : bound(item.from);
        const hi = item.kind === 'from' ? null : bound(item.to);
        c.ranges.push({ lo, hi, numeric: (lo === null || lo.num !== null) && (hi === null || hi.num !== null), rule });
      }
    }
  }
  compiled.set(recode, c);
  return c;
}

/**
 * What one recode makes of a value (compared trimmed): the new code of the last line that
 * covers it, else the value itself. A single code matches its own text only ("01" is not "1",
 * as in μ-ARGUS). A range or open range whose bounds are all numbers matches numbers only, by
 * value; any other range compares as text.
 */
export function recodeValue(recode: GrcRecode, value: string): string {
  const c = compile(recode);
  const v: Bound = { text: value.trim(), num: asNumber(value.trim()) };
  let rule = c.codes.get(v.text) ?? -1;
  // Ranges are in line order: the first hit from the end is the last line covering the value.
  for (let i = c.ranges.length - 1; i >= 0 && c.ranges[i].rule > rule; i--) {
    const r = c.ranges[i];
    if (r.numeric && v.num === null) continue;
    if ((r.lo === null || compareBound(r.lo, v) <= 0) && (r.hi === null || compareBound(v, r.hi) <= 0)) {
      rule = r.rule;
      break;
    }
  }
  return rule < 0 ? value : recode.rules[rule].code;
}

/**
 * A table hierarchy (ARX's shape) for a column's distinct non-NULL values: level i is the i-th
 * recode applied to the original value (μ-ARGUS recodes never chain). The levels must nest,
 * finest first; a set that does not is refused naming both files.
 */
export function grcToHierarchy(name: string, levels: readonly GrcRecode[], values: Iterable<string>): TableHierarchySpec {
  const distinct = [...new Set(values)];
  if (distinct.length === 0) throw new TokumeiError('argus.noValues', { column: name });
  const rows = distinct.map((v) => [v, ...levels.map((l) => recodeValue(l, v))]);
  try {
    validateHierarchy({ levels: levels.length + 1, rows }, name);
  } catch (e) {
    if (!(e instanceof TokumeiError) || e.key !== 'risk.hierarchy.notMonotonic') throw e;
    const level = Number(e.params.level);
    throw new TokumeiError(
      'argus.notNested',
      { column: name, finer: levels[level - 1].name, coarser: levels[level].name, value: e.params.value, first: e.params.first, second: e.params.second },
      { cause: e },
    );
  }
  return { name, kind: 'table', rows };
}

/**
 * Recodes in hierarchy order, whatever order the files came in (a browser's file picker keeps
 * none): most groups over `values` first. Equal counts keep the given order.
 */
export function orderGrcLevels(levels: readonly GrcRecode[], values: Iterable<string>): GrcRecode[] {
  const distinct = [...new Set(values)];
  const groups = new Map(levels.map((l) => [l, new Set(distinct.map((v) => recodeValue(l, v))).size]));
  return [...levels].sort((a, b) => groups.get(b)! - groups.get(a)!);
}

