import type { ClassSizeHistogram } from '../../../core/risk/types.ts';
import { findColumn } from '../../../core/spec/edit.ts';
import type { ReleaseSpec } from '../../../core/spec/schema.ts';
import { columnKind } from '../../../core/profile/column-kind.ts';
import type { PartStatus } from '../../../lib/risk-schedule.ts';

/** One figure of a card. */
export interface Stat {
  label: string;
  value: string;
  /** Smaller text after the value, e.g. a share of all records. */
  note?: string;
  testid?: string;
  /** The number behind the text, for tests and tooltips. */
  raw?: number | null;
  /** The card's headline figure. */
  emphasis?: boolean;
  warn?: boolean;
}

/** One bar of a chart: a label and how many records it stands for. */
export interface Bar {
  label: string;
  records: number;
  /** Bars at or above the risk threshold / below k are drawn in the warning colour. */
  warn: boolean;
}

/** Class-size bands: single sizes up to 4, then widening bands, so unique records stand out. */
const SIZE_BANDS: [lo: number, hi: number][] = [
  [1, 1],
  [2, 2],
  [3, 3],
  [4, 4],
  [5, 9],
  [10, 19],
  [20, 49],
  [50, 99],
  [100, Infinity],
];

/** Records per class-size band (empty bands kept, so the axis never jumps); bands below k are marked. */
export function classSizeBars(h: ClassSizeHistogram, k: number | null): Bar[] {
  return SIZE_BANDS.map(([lo, hi]) => {
    let records = 0;
    for (const [size, classes] of h.entries) if (size >= lo && size <= hi) records += size * classes;
    const label = lo === hi ? String(lo) : hi === Infinity ? `${lo}+` : `${lo}–${hi}`;
    return { label, records, warn: k !== null && lo < k };
  });
}

/** Prosecutor-risk bands (1 / class size), highest risk first; bands strictly above the threshold are marked. */
const RISK_BANDS: [lo: number, hi: number][] = [
  [1, 1],
  [0.5, 1],
  [0.2, 0.5],
  [0.1, 0.2],
  [0.05, 0.1],
  [0.01, 0.05],
  [0, 0.01],
];

/**
 * Records per band of prosecutor risk. Band [lo, hi): risk 1 (unique) is its own band; a
 * band is marked when some of its risks exceed the threshold.
 */
export function riskBars(h: ClassSizeHistogram, threshold: number): Bar[] {
  return RISK_BANDS.map(([lo, hi], i) => {
    let records = 0;
    for (const [size, classes] of h.entries) {
      const r = 1 / size;
      const inBand = i === 0 ? r === 1 : r >= lo && r < hi;
      if (inBand) records += size * classes;
    }
    const label = i === 0 ? '1' : `${lo}–${hi}`;
    return { label, records, warn: i === 0 ? 1 > threshold : hi > threshold };
  });
}

/** The spec's quasi-identifiers among the table's columns, in table order: the panel's default choice. */
export function specQuasi(spec: ReleaseSpec | null, table: string, columns: readonly { name: string }[]): string[] {
  if (!spec) return [];
  return columns.filter((c) => findColumn(spec, table, c.name)?.role === 'quasi').map((c) => c.name);
}

/** The spec's sensitive attribute, when it names exactly one. */
export function specSensitive(spec: ReleaseSpec | null, table: string, columns: readonly { name: string }[]): string | null {
  if (!spec) return null;
  const s = columns.filter((c) => findColumn(spec, table, c.name)?.role === 'sensitive');
  return s.length === 1 ? s[0].name : null;
}

/** Columns that can hold sampling weights: numbers. */
export function weightColumns(columns: readonly { name: string; type: string }[]): string[] {
  return columns.filter((c) => {
    const k = columnKind(c.type);
    return k === 'integer' || k === 'float';
  }).map((c) => c.name);
}

/** Chosen columns that the release does not contain: the spec drops them, so they cannot be measured. */
export function droppedBySpec(spec: ReleaseSpec | null, table: string, chosen: readonly string[]): string[] {
  if (!spec) return [];
  return chosen.filter((c) => findColumn(spec, table, c)?.transforms.some((t) => t.kind === 'drop'));
}

/** A threshold typed by the user: a number in (0, 1], or null. */
export function parseThreshold(text: string): number | null {
  const x = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(x) && x > 0 && x <= 1 ? x : null;
}

/** A population size typed by the user (digits, with optional thousands separators), or null. */
export function parsePopulation(text: string): number | null {
  const t = text.replace(/[,，_\s]/g, '');
  if (!/^[0-9]+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** A k typed by the user: an integer ≥ 1, or null. */
export function parseK(text: string): number | null {
  const t = text.trim();
  if (!/^[0-9]+$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && Number.isSafeInteger(n) ? n : null;
}

const locales = { ja: 'ja-JP', en: 'en-US' } as const;

/** A risk or other real figure: up to 4 significant digits (1, 0.2, 0.03333), or – when absent. */
export function formatFigure(lang: 'ja' | 'en', x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return new Intl.NumberFormat(locales[lang], { maximumSignificantDigits: digits }).format(x);
}

/** A fraction as a percentage with one decimal (0.8531 → 85.3%); tiny non-zero fractions keep a digit. */
export function formatPercent(lang: 'ja' | 'en', x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const p = x * 100;
  const opts: Intl.NumberFormatOptions = p > 0 && p < 0.1 ? { style: 'percent', maximumSignificantDigits: 1 } : { style: 'percent', maximumFractionDigits: 1 };
  return new Intl.NumberFormat(locales[lang], opts).format(x);
}

const URGENCY: Record<PartStatus, number> = { running: 4, stale: 3, error: 2, done: 1, idle: 0 };

/** The status of a card fed by several parts: the most pressing one (running, then stale, then error). */
export function combinedStatus(...parts: PartStatus[]): PartStatus {
  return parts.reduce((a, b) => (URGENCY[b] > URGENCY[a] ? b : a), 'idle' as PartStatus);
}

/** Findings per column, most first (ties by column name), for the peculiar-value filter. */
export function findingsPerColumn(findings: readonly { column: string }[]): { column: string; count: number }[] {
  const m = new Map<string, number>();
  for (const f of findings) m.set(f.column, (m.get(f.column) ?? 0) + 1);
  return [...m].map(([column, count]) => ({ column, count })).sort((a, b) => b.count - a.count || (a.column < b.column ? -1 : a.column > b.column ? 1 : 0));
}
