import { daysFromCivil } from './dates.ts';

/**
 * The demo is an extract taken on a fixed day, so the same seed always yields the
 * same ages: encounters fall within two fiscal years (令和4–5年度) before it.
 */
export const EXTRACT_DAY = daysFromCivil(2024, 4, 1);
export const WINDOW_START = daysFromCivil(2022, 4, 1);
export const WINDOW_END = daysFromCivil(2024, 3, 31);

/** 0 = Sunday. Day 0 (1970-01-01) was a Thursday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Outpatient clinics are closed on Sundays: move a visit to the Monday. */
export function clinicDay(day: number): number {
  return weekday(day) === 0 ? day + 1 : day;
}
