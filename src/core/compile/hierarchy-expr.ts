import type { DateUnit, HierarchySpec } from '../spec/schema.ts';
import { bin, cast, caseWhen, fn, lit, type Expr } from './ast.ts';

/**
 * Generalization hierarchies that are rules rather than tables, compiled to expressions
 * (so any value, seen before or not, gets its label, and no mapping table is needed).
 * Every label is VARCHAR. The same expressions materialise the ARX CSV form of a
 * hierarchy (materialize.ts), so risk code and the view always agree on labels.
 */

type Band = { width: number };
type Coding = { at: number; label?: string } | undefined;

/** Decimal places of a number as JavaScript writes it (0.25 → 2, 5 → 0, 1e-7 → 7). */
export function decimals(n: number): number {
  const s = String(n);
  const e = s.match(/e-(\d+)$/);
  if (e) return Number(e[1]) + (s.split('e')[0].split('.')[1]?.length ?? 0);
  return s.split('.')[1]?.length ?? 0;
}

const text = (e: Expr) => cast(e, 'VARCHAR');
const concat = (...parts: Expr[]) => parts.reduce((a, b) => bin('||', a, b));

/**
 * The band label of numeric `x` for bands [lo, lo + w) starting at `origin`:
 * "40-44" when values and bounds are whole numbers (inclusive upper bound, as Japanese
 * tables write age bands), "40" for width 1, "[0.5, 1)" otherwise. Values at or above
 * `top.at` and below `bottom.at` get their coding label (default ">=90", "<20").
 */
export function bandLabel(x: Expr, integerValued: boolean, band: Band, origin: number, top: Coding, bottom: Coding): Expr {
  const w = band.width;
  const xd = cast(x, 'DOUBLE');
  const shifted = origin === 0 ? xd : bin('-', xd, lit(origin));
  const start = bin('*', fn('floor', bin('/', shifted, lit(w))), lit(w));
  const lo = origin === 0 ? start : bin('+', start, lit(origin));
  let label: Expr;
  if (integerValued && Number.isInteger(w) && Number.isInteger(origin)) {
    const loText = text(cast(lo, 'BIGINT'));
    label = w === 1 ? loText : concat(loText, lit('-'), text(cast(bin('+', lo, lit(w - 1)), 'BIGINT')));
  } else {
    const d = lit(Math.max(decimals(w), decimals(origin)));
    label = concat(lit('['), text(fn('round', lo, d)), lit(', '), text(fn('round', bin('+', lo, lit(w)), d)), lit(')'));
  }
  const whens: [Expr, Expr][] = [];
  if (top) whens.push([bin('>=', x, lit(top.at)), lit(top.label ?? `>=${top.at}`)]);
  if (bottom) whens.push([bin('<', x, lit(bottom.at)), lit(bottom.label ?? `<${bottom.at}`)]);
  return whens.length ? caseWhen(whens, label) : label;
}

/** Age in completed years on `referenceDate` (YYYY-MM-DD) of a birth DATE/TIMESTAMP. */
export function ageExpr(birth: Expr, referenceDate: string): Expr {
  const [y, m, d] = referenceDate.split('-').map(Number);
  const monthDay = bin('+', bin('*', fn('month', birth), lit(100)), fn('day', birth));
  const notYet = caseWhen([[bin('>', monthDay, lit(m * 100 + d)), lit(1)]], lit(0));
  return bin('-', bin('-', lit(y), fn('year', birth)), notYet);
}

export function dateLabel(x: Expr, unit: DateUnit): Expr {
  const year = fn('strftime', x, lit('%Y'));
  switch (unit) {
    case 'day':
      return fn('strftime', x, lit('%Y-%m-%d'));
    case 'month':
      return fn('strftime', x, lit('%Y-%m'));
    case 'quarter':
      return concat(year, lit('-Q'), text(fn('quarter', x)));
    case 'half':
      return concat(year, lit('-H'), caseWhen([[bin('<=', fn('month', x), lit(6)), lit('1')]], lit('2')));
    case 'year':
      return year;
    case 'decade':
      return concat(text(cast(bin('*', fn('floor', bin('/', fn('year', x), lit(10))), lit(10)), 'BIGINT')), lit('s'));
  }
}

const FULL_WIDTH = '０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ';
const ASCII = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function prefixLabel(x: Expr, keep: number, alnumOnly: boolean, mask: string | undefined): Expr {
  let v = text(x);
  if (alnumOnly) v = fn('regexp_replace', fn('translate', v, lit(FULL_WIDTH), lit(ASCII)), lit('[^0-9A-Za-z]'), lit(''), lit('g'));
  const head = fn('substr', v, lit(1), lit(keep));
  if (mask === undefined) return head;
  return concat(head, fn('repeat', lit(mask), fn('greatest', bin('-', fn('length', v), lit(keep)), lit(0))));
}

/**
 * The level-`level` label (level ≥ 1) of a rule hierarchy. `integerValued` tells whether
 * an interval hierarchy's input holds whole numbers. Table hierarchies are joined instead.
 */
export function ruleLabel(h: Exclude<HierarchySpec, { kind: 'table' }>, x: Expr, level: number, integerValued: boolean): Expr {
  switch (h.kind) {
    case 'interval':
      return bandLabel(x, integerValued, h.levels[level - 1], h.origin ?? 0, h.top, h.bottom);
    case 'age':
      return bandLabel(ageExpr(x, h.referenceDate), true, h.levels[level - 1], 0, h.top, h.bottom);
    case 'date':
      return dateLabel(x, h.levels[level - 1]);
    case 'prefix':
      return prefixLabel(x, h.levels[level - 1].keep, h.alnumOnly ?? false, h.mask);
  }
}
