/**
 * The check digit of an individual number (マイナンバー, 個人番号), as defined by
 * 「行政手続における特定の個人を識別するための番号の利用等に関する法律施行令」第八条 / 総務省令:
 * with P_n the n-th digit of the first 11 digits counted from the right (n = 1…11) and
 * Q_n = n + 1 for n ≤ 6, n − 5 for n ≥ 7, the check digit is 11 − (Σ P_n·Q_n mod 11),
 * or 0 when that remainder is 0 or 1.
 */
export function myNumberCheckDigit(first11: string): number {
  if (!/^[0-9]{11}$/.test(first11)) throw new RangeError('expected 11 digits');
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = first11.charCodeAt(11 - n) - 48;
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

/** Whether a 12-digit string (hyphens and spaces ignored) has a valid My Number check digit. */
export function isValidMyNumber(value: string): boolean {
  const digits = value.replace(/[-\s]/g, '');
  if (!/^[0-9]{12}$/.test(digits)) return false;
  return myNumberCheckDigit(digits.slice(0, 11)) === digits.charCodeAt(11) - 48;
}
