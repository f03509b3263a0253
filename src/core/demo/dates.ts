/**
 * Dates as day numbers (days since 1970-01-01, proleptic Gregorian) so the
 * generator never touches Date or a time zone. Algorithms from H. Hinnant's
 * "chrono-compatible low-level date algorithms".
 */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));

/** YYYY-MM-DD (years 1000–9999, which is all the demo produces). */
export function isoDate(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Completed years of age on a given day. */
export function ageOn(birth: number, on: number): number {
  const [by, bm, bd] = civilFromDays(birth);
  const [y, m, d] = civilFromDays(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
