import * as Plot from '@observablehq/plot';
import type { HistogramSeries } from './profile-view.ts';

export interface HistogramStyle {
  width: number;
  height: number;
  /** A concrete colour: Plot reads strings it cannot parse as colours as field names, so no var(). */
  fill: string;
  title: (bin: { lo: string; hi: string; count: number }) => string;
  /** Label of a count on the y axis. */
  countLabel: (n: number) => string;
}

/** The histogram of a column profile as an SVG figure (the caller mounts and removes it). */
export function drawHistogram(series: HistogramSeries, s: HistogramStyle): SVGSVGElement | HTMLElement {
  const common = {
    width: s.width,
    height: s.height,
    marginTop: 6,
    marginRight: 10,
    marginBottom: 22,
    marginLeft: 38,
    style: { fontFamily: 'inherit', fontSize: '10px', background: 'transparent', overflow: 'visible' },
    y: { ticks: 3, grid: true, label: null, tickFormat: s.countLabel },
  } as const;
  if (series.scale === 'band') {
    const step = Math.max(1, Math.ceil(series.bins.length / Math.max(2, Math.floor(s.width / 60))));
    return Plot.plot({
      ...common,
      x: { label: null, tickFormat: (d: string, i: number) => (i % step === 0 ? d : '') },
      marks: [
        Plot.barY(series.bins, { x: 'label', y: 'count', fill: s.fill, title: s.title, inset: 0.5 }),
        Plot.ruleY([0]),
      ],
    });
  }
  return Plot.plot({
    ...common,
    x: { type: series.scale, label: null, ticks: Math.max(2, Math.floor(s.width / 80)) },
    marks: [
      Plot.rectY(series.bins as object[], { x1: 'x1', x2: 'x2', y: 'count', fill: s.fill, title: s.title, inset: 0.5 }),
      Plot.ruleY([0]),
    ],
  });
}
