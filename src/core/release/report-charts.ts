import { esc } from './html.ts';
import { naturalCompare } from './natural-order.ts';
import { fmtCount, fmtFixed, fmtPercent } from './number-format.ts';

/**
 * The report's charts as inline SVG text: no DOM, no Plot, no script, no font or image by
 * URL, and no xmlns (inline SVG in HTML needs none, so the report holds no URL at all). Every
 * coordinate is written with fixed decimals, so the same input gives the same bytes in every
 * host. All text passes through esc().
 */

const px = (n: number) => fmtFixed(n, 1);

export interface ClassSizeChartText {
  title: string;
  /** Bucket label under each bar is the class size ("1", "6–9", "100+"). */
  xAxis: string;
  yAxis: string;
  belowK: string;
  none: string;
}

export interface SizeBucket {
  lo: number;
  /** null = open-ended. */
  hi: number | null;
  classes: number;
  records: number;
}

/** Class sizes grouped into buckets whose bounds include k, so no bucket straddles it. */
export function classSizeBuckets(classSizes: readonly [number, number][], k: number | null): SizeBucket[] {
  const maxSize = classSizes.reduce((m, [s]) => Math.max(m, s), 0);
  const bounds = [...new Set([1, 2, 3, 4, 5, 6, 10, 20, 50, 100, 1000, ...(k && k > 1 ? [k] : [])])].sort((a, b) => a - b);
  const buckets: SizeBucket[] = [];
  for (let i = 0; i < bounds.length; i++) {
    const lo = bounds[i];
    if (lo > maxSize) break;
    const hi = i + 1 < bounds.length ? bounds[i + 1] - 1 : null;
    let classes = 0;
    let records = 0;
    for (const [size, n] of classSizes) {
      if (size >= lo && (hi === null || size <= hi)) {
        classes += n;
        records += size * n;
      }
    }
    buckets.push({ lo, hi, classes, records });
  }
  return buckets;
}

const bucketLabel = (b: SizeBucket) => (b.hi === null ? `${b.lo}+` : b.hi === b.lo ? String(b.lo) : `${b.lo}–${b.hi}`);

/** Records per class-size bucket; buckets below k are drawn in the warning colour. */
export function classSizeChart(classSizes: readonly [number, number][], k: number | null, text: ClassSizeChartText): string {
  const buckets = classSizeBuckets(classSizes, k);
  if (!buckets.length) return `<p class="empty">${esc(text.none)}</p>`;
  const W = 640;
  const H = 260;
  const left = 56;
  const right = 12;
  const top = 28;
  const bottom = 44;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const max = Math.max(1, ...buckets.map((b) => b.records));
  const step = plotW / buckets.length;
  const barW = Math.max(4, step * 0.7);
  const parts: string[] = [];
  parts.push(`<line class="axis" x1="${px(left)}" y1="${px(top + plotH)}" x2="${px(left + plotW)}" y2="${px(top + plotH)}"/>`);
  parts.push(`<line class="axis" x1="${px(left)}" y1="${px(top)}" x2="${px(left)}" y2="${px(top + plotH)}"/>`);
  for (const f of [0, 0.5, 1]) {
    const y = top + plotH - f * plotH;
    parts.push(`<text class="tick" x="${px(left - 6)}" y="${px(y + 4)}" text-anchor="end">${esc(fmtCount(Math.round(max * f)))}</text>`);
  }
  buckets.forEach((b, i) => {
    const h = (b.records / max) * plotH;
    const x = left + i * step + (step - barW) / 2;
    const below = k !== null && b.hi !== null && b.hi < k;
    parts.push(
      `<rect class="${below ? 'bar warn' : 'bar'}" x="${px(x)}" y="${px(top + plotH - h)}" width="${px(barW)}" height="${px(h)}"><title>${esc(
        `${bucketLabel(b)}: ${fmtCount(b.records)} / ${fmtCount(b.classes)}`,
      )}</title></rect>`,
    );
    parts.push(`<text class="value" x="${px(x + barW / 2)}" y="${px(top + plotH - h - 4)}" text-anchor="middle">${esc(fmtCount(b.records))}</text>`);
    parts.push(`<text class="tick" x="${px(x + barW / 2)}" y="${px(top + plotH + 14)}" text-anchor="middle">${esc(bucketLabel(b))}</text>`);
  });
  parts.push(`<text class="axis-label" x="${px(left + plotW / 2)}" y="${px(H - 8)}" text-anchor="middle">${esc(text.xAxis)}</text>`);
  parts.push(`<text class="axis-label" x="${px(left)}" y="${px(14)}">${esc(text.yAxis)}</text>`);
  if (k !== null && k > 1) parts.push(`<text class="legend warn-text" x="${px(W - right)}" y="${px(14)}" text-anchor="end">${esc(text.belowK)}</text>`);
  return svg(W, H, text.title, parts);
}

export interface DistributionChartText {
  title: string;
  missing: string;
  /** "{n} other values" label; receives the number of values folded into it. */
  others: (n: number) => string;
  none: string;
}

/** Rows shown at most; the rest is folded into one "other values" bar. */
export const DISTRIBUTION_MAX_BARS = 24;

export interface DistributionRow {
  label: string;
  count: number;
  kind: 'value' | 'missing' | 'others';
}

/** The bars of a distribution: the most frequent values in natural order, then others, then missing. */
export function distributionRows(values: readonly { value: string | null; count: number }[], text: Pick<DistributionChartText, 'missing' | 'others'>): DistributionRow[] {
  const present = values.filter((v) => v.value !== null && v.count > 0) as { value: string; count: number }[];
  const missing = values.filter((v) => v.value === null).reduce((s, v) => s + v.count, 0);
  const room = missing > 0 ? DISTRIBUTION_MAX_BARS - 1 : DISTRIBUTION_MAX_BARS;
  let shown = present;
  let folded: { value: string; count: number }[] = [];
  if (present.length > room) {
    const ranked = [...present].sort((a, b) => b.count - a.count || naturalCompare(a.value, b.value));
    shown = ranked.slice(0, room - 1);
    folded = ranked.slice(room - 1);
  }
  const rows: DistributionRow[] = [...shown].sort((a, b) => naturalCompare(a.value, b.value)).map((v) => ({ label: v.value, count: v.count, kind: 'value' as const }));
  if (folded.length) rows.push({ label: text.others(folded.length), count: folded.reduce((s, v) => s + v.count, 0), kind: 'others' });
  if (missing > 0) rows.push({ label: text.missing, count: missing, kind: 'missing' });
  return rows;
}

const MAX_LABEL = 28;
const clip = (s: string) => ([...s].length > MAX_LABEL ? [...s].slice(0, MAX_LABEL - 1).join('') + '…' : s);

/** Horizontal bars of released value counts, with count and share. */
export function distributionChart(values: readonly { value: string | null; count: number }[], text: DistributionChartText): string {
  const rows = distributionRows(values, text);
  if (!rows.length) return `<p class="empty">${esc(text.none)}</p>`;
  const total = rows.reduce((s, r) => s + r.count, 0);
  const max = Math.max(1, ...rows.map((r) => r.count));
  const W = 640;
  const rowH = 18;
  const labelW = 200;
  const barMax = 300;
  const top = 6;
  const H = top * 2 + rows.length * rowH;
  const parts: string[] = [];
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    const w = (r.count / max) * barMax;
    parts.push(`<text class="tick" x="${px(labelW - 6)}" y="${px(y + 13)}" text-anchor="end">${esc(clip(r.label))}<title>${esc(r.label)}</title></text>`);
    parts.push(`<rect class="${r.kind === 'value' ? 'bar' : 'bar muted'}" x="${px(labelW)}" y="${px(y + 3)}" width="${px(w)}" height="${px(rowH - 6)}"/>`);
    parts.push(
      `<text class="value" x="${px(labelW + w + 6)}" y="${px(y + 13)}">${esc(`${fmtCount(r.count)} (${fmtPercent(total ? r.count / total : 0, 1)})`)}</text>`,
    );
  });
  return svg(W, H, text.title, parts);
}

function svg(w: number, h: number, title: string, parts: string[]): string {
  return `<svg class="chart" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>${parts.join('')}</svg>`;
}
