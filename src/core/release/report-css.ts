/**
 * The report's stylesheet, inline. System fonts by name only (no @font-face, no url()), so the
 * report loads nothing. Print: A4 with margins, headings kept with what follows, tables, rows
 * and charts never split across pages.
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 960px; padding: 24px; color: #1b1f24; background: #fff;
  font-family: "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", "Yu Gothic", Meiryo, "Noto Sans CJK JP", "Noto Sans JP", system-ui, sans-serif;
  font-size: 14px; line-height: 1.6; }
header { border-bottom: 2px solid #1b1f24; margin-bottom: 16px; }
.kicker { margin: 0; color: #57606a; font-size: 12px; letter-spacing: 0.05em; }
h1 { margin: 4px 0; font-size: 24px; }
.lead { margin: 0 0 8px; color: #57606a; }
h2 { margin: 28px 0 8px; font-size: 18px; border-left: 4px solid #0969da; padding-left: 8px; }
h3 { margin: 16px 0 6px; font-size: 15px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: #f6f8fa; }
table.kv th { width: 32%; background: #f6f8fa; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 12px 0; }
figcaption { font-size: 13px; color: #424a53; margin: 4px 0; }
.chart { display: block; max-width: 100%; height: auto; }
.chart .axis { stroke: #57606a; stroke-width: 1; }
.chart .bar { fill: #0969da; }
.chart .bar.warn { fill: #cf222e; }
.chart .bar.muted { fill: #8c959f; }
.chart text { font-size: 11px; fill: #1b1f24; font-family: inherit; }
.chart .axis-label { font-size: 12px; fill: #424a53; }
.chart .warn-text { fill: #cf222e; }
.note { color: #57606a; font-size: 13px; }
.empty { color: #57606a; font-style: italic; }
footer { margin-top: 32px; border-top: 1px solid #d0d7de; color: #57606a; font-size: 12px; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  table, figure, .chart, tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  section { break-inside: auto; }
  a { color: inherit; text-decoration: none; }
}
`;
