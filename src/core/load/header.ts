import { parseWareki } from '../dates/wareki.ts';

type ValueKind = 'empty' | 'number' | 'date' | 'text';

const NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATE = /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;

function kindOf(value: string): ValueKind {
  const v = value.trim();
  if (v === '') return 'empty';
  if (NUMBER.test(v)) return 'number';
  if (DATE.test(v) || parseWareki(v) !== null) return 'date';
  return 'text';
}

/** The kind most body values share, if at least 80% of the non-empty ones do. */
function bodyKind(values: string[]): ValueKind {
  const counts = new Map<ValueKind, number>();
  let filled = 0;
  for (const v of values) {
    const k = kindOf(v);
    if (k === 'empty') continue;
    filled++;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  for (const [k, n] of counts) if (n >= filled * 0.8) return k;
  return filled === 0 ? 'empty' : 'text';
}

/**
 * Does the first record hold column names? Decided by votes, column by column:
 * - strong: the column below is numbers or dates; a first value of the same kind means data,
 *   a word there means a header (e.g. "No" above 1, 2, 3);
 * - weak (text columns): a first value that also occurs below is data (13TOKYO.CSV repeats
 *   東京都 in every row); a unique first value above repeating values looks like a name.
 * Strong votes decide; otherwise weak ones; a tie means header, the common case.
 */
export function looksLikeHeader(records: string[][]): boolean {
  const [first, ...body] = records;
  if (!first) return false;
  if (body.length === 0) return first.every((v) => kindOf(v) === 'text');
  let strongHeader = 0;
  let strongData = 0;
  let weakHeader = 0;
  let weakData = 0;
  for (let c = 0; c < first.length; c++) {
    const top = first[c];
    const topKind = kindOf(top);
    if (topKind === 'empty') continue;
    const below = body.map((r) => r[c] ?? '');
    const kind = bodyKind(below);
    if (kind === 'number' || kind === 'date') {
      if (topKind === 'text') strongHeader++;
      else strongData++;
    } else if (kind === 'text') {
      const seen = new Set(below.map((v) => v.trim()));
      if (seen.has(top.trim())) weakData++;
      else if (seen.size < below.length) weakHeader++;
    }
  }
  if (strongHeader + strongData > 0) return strongHeader > strongData;
  return weakHeader >= weakData;
}
