/**
 * Number texts for the documents, written without Intl/toLocaleString: ICU data differ between
 * Node and browsers, and a package must be byte-identical in both.
 */

/** 1234567 → "1,234,567"; non-integers keep up to `digits` decimals. */
export function fmtCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const neg = n < 0;
  const [int, frac] = Math.abs(n).toFixed(Number.isInteger(n) ? 0 : 2).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '-' : '') + grouped + (frac ? `.${frac.replace(/0+$/, '')}`.replace(/\.$/, '') : '');
}

/** A fixed number of decimals (toFixed is exact and engine-independent for |n| < 1e21). */
export function fmtFixed(n: number, digits: number): string {
  if (!Number.isFinite(n)) return String(n);
  const s = n.toFixed(digits);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** A fraction 0–1 as a percentage: 0.2 → "20.00%". */
export function fmtPercent(x: number, digits = 2): string {
  return `${fmtFixed(x * 100, digits)}%`;
}
