import type { HistogramBin } from '../../core/profile/types.ts';
import { isNumericType } from './grid-columns.ts';

/**
 * Turns a profile's text-valued bins into what a chart axis needs. Bins arrive as text in
 * the column's own type (so every host sends the same thing); here they become numbers or
 * instants, or stay labels when they cannot be read as either.
 */
export type HistogramSeries =
  | { scale: 'linear'; bins: { x1: number; x2: number; count: number; lo: string; hi: string }[] }
  | { scale: 'utc'; bins: { x1: Date; x2: Date; count: number; lo: string; hi: string }[] }
  | { scale: 'band'; bins: { label: string; count: number; lo: string; hi: string }[] };

/** Reads DuckDB's text of a DATE or TIMESTAMP as UTC, so the axis shows the stored wall-clock values. */
export function parseInstant(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?$/.exec(text.trim());
  if (!m) return null;
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), ms));
  return Number.isNaN(d.getTime()) ? null : d;
}

function isTemporalType(type: string): boolean {
  const t = type.trim().toUpperCase();
  return t === 'DATE' || t.startsWith('TIMESTAMP');
}

export function histogramSeries(type: string, bins: readonly HistogramBin[]): HistogramSeries {
  if (isNumericType(type)) {
    const out = bins.map((b) => ({ x1: Number(b.lo), x2: Number(b.hi), count: b.count, lo: b.lo, hi: b.hi }));
    if (out.every((b) => Number.isFinite(b.x1) && Number.isFinite(b.x2))) return { scale: 'linear', bins: out };
  } else if (isTemporalType(type)) {
    const out = bins.map((b) => ({ x1: parseInstant(b.lo), x2: parseInstant(b.hi), count: b.count, lo: b.lo, hi: b.hi }));
    if (out.every((b) => b.x1 !== null && b.x2 !== null))
      return { scale: 'utc', bins: out as { x1: Date; x2: Date; count: number; lo: string; hi: string }[] };
  }
  return { scale: 'band', bins: bins.map((b) => ({ label: b.lo, count: b.count, lo: b.lo, hi: b.hi })) };
}

export interface TopBar {
  value: string;
  count: number;
  /** Bar length relative to the most frequent value, 0..1. */
  length: number;
}

/** Bars of the top-values list, scaled to the largest so small tables and huge ones read alike. */
export function topBars(top: readonly { value: string; count: number }[], limit: number): TopBar[] {
  const shown = top.slice(0, limit);
  const max = shown.reduce((m, t) => Math.max(m, t.count), 0);
  return shown.map((t) => ({ value: t.value, count: t.count, length: max > 0 ? t.count / max : 0 }));
}
