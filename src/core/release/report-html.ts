/**
 * report.html: the package's self-contained report (risk, utility, suppression, peculiar-value
 * decisions, overrides, versions and hashes), one HTML document with inline CSS and inline SVG.
 * No script, no external resource (no URL of any kind: fonts are system fonts by name), and a
 * CSP meta that forbids loading anything should a browser be asked to. Prints to A4 PDF with
 * tables and charts kept whole.
 *
 * SAFETY RULE (tested with random facts in test/unit/release-docs): the report, like every
 * package document, never contains an identifier value, the pseudonymization key, an excluded
 * subject's ID, or a value that was suppressed. It follows from what it prints:
 * - no rows of data, ever (no samples, no examples);
 * - distributions of RELEASED quasi-identifier values only, after every transform and suppression
 *   (safety.ts refuses facts whose distribution shows a listed value of an unchanged column);
 * - peculiar decisions by column, action, reason and count; the value only for `keep` on a
 *   released, non-identifier column whose values are released unchanged (it is in the data then);
 * - transforms described by kind and parameters; listed values by their number only;
 * - exclusions by digest and counts; the key never enters PackageFacts (its fingerprint neither
 *   is printed here).
 * Free text the operator wrote (reasons, purpose, notes) is printed as written: it is the
 * operator's statement, and the review of the package covers it.
 */
import { t, type Lang, type MessageKey } from '../i18n/catalog.ts';
import { describeColumn } from './describe.ts';
import { type PackageFacts, type Provision, provisionItems } from './facts.ts';
import { esc } from './html.ts';
import { fmtCount, fmtFixed, fmtPercent } from './number-format.ts';
import { REPORT_CSS } from './report-css.ts';
import { classSizeChart, distributionChart } from './report-charts.ts';
import { showableDistributions, showablePeculiarValue } from './safety.ts';

export interface ReportOptions {
  lang: Lang;
}

type Params = Record<string, string | number>;

export function reportHtml(facts: PackageFacts, provision: Provision, opts: ReportOptions): string {
  const lang = opts.lang;
  const m = (key: MessageKey, params?: Params) => t(lang, key, params);
  const distributions = showableDistributions(facts);
  const title = facts.spec.title ?? m('release.report.title');
  const sections = [
    summary(facts, provision, m),
    dataSection(facts, lang, m),
    riskSection(facts, m),
    utilitySection(facts, m),
    suppressionSection(facts, m),
    classSection(facts, m),
    distributionSection(facts, distributions, lang, m),
    peculiarSection(facts, m),
    overrideSection(facts, lang, m),
    versionSection(facts, m),
  ];
  return [
    '<!DOCTYPE html>',
    `<html lang="${esc(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    `<header><p class="kicker">${esc(m('release.report.kicker'))}</p><h1>${esc(title)}</h1>`,
    `<p class="lead">${esc(m(facts.spec.release.mode === 'pseudonymized' ? 'release.mode.pseudonymized' : 'release.mode.anonymized'))} · ${esc(facts.createdAt)}</p></header>`,
    ...sections,
    `<footer><p>${esc(m('release.report.safety'))}</p></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function reportHtmlBytes(facts: PackageFacts, provision: Provision, opts: ReportOptions): Uint8Array {
  return new TextEncoder().encode(reportHtml(facts, provision, opts));
}

type M = (key: MessageKey, params?: Params) => string;

const section = (id: string, heading: string, body: string) => `<section id="${esc(id)}"><h2>${esc(heading)}</h2>\n${body}\n</section>`;

/** A two-column table of label → value (both escaped here). */
function kv(rows: [string, string][]): string {
  return `<table class="kv"><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</tbody></table>`;
}

/** A table with a header row; every cell is escaped here. `num` marks right-aligned columns. */
function table(head: string[], rows: string[][], num: readonly number[] = []): string {
  const cls = (i: number) => (num.includes(i) ? ' class="num"' : '');
  return `<table><thead><tr>${head.map((h, i) => `<th${cls(i)}>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

const para = (s: string, cls?: string) => `<p${cls ? ` class="${esc(cls)}"` : ''}>${esc(s)}</p>`;

function summary(facts: PackageFacts, p: Provision, m: M): string {
  const rows: [string, string][] = [
    [m('release.report.mode'), m(facts.spec.release.mode === 'pseudonymized' ? 'release.mode.pseudonymized' : 'release.mode.anonymized')],
    [m('release.report.recipient'), p.recipient],
    [m('release.report.recipientType'), m(p.recipientType === 'certifiedUser' ? 'release.recipientType.certifiedUser' : 'release.recipientType.other')],
    [m('release.report.purpose'), p.purpose],
    [m('release.report.requestId'), p.requestId],
  ];
  if (p.reviewId) rows.push([m('release.report.reviewId'), p.reviewId]);
  rows.push(
    [m('release.report.items'), provisionItems(p, facts.columns).join(m('release.report.listSeparator'))],
    [m('release.report.deliveryMethod'), p.deliveryMethod],
    [m('release.report.retention'), p.retention],
    [m('release.report.deletionDeadline'), p.deletionDeadline],
    [m('release.report.createdAt'), facts.createdAt],
    [m('release.report.operator'), facts.operator],
    [m('release.report.approver'), facts.approver ?? m('release.report.none')],
  );
  return section('summary', m('release.report.section.summary'), kv(rows));
}

function dataSection(facts: PackageFacts, lang: Lang, m: M): string {
  const d = facts.data;
  const rows: [string, string][] = [
    [m('release.report.rowsBefore'), fmtCount(d.rowsBefore)],
    [m('release.report.rowsAfter'), fmtCount(d.rowsAfter)],
    [m('release.report.columnsBefore'), fmtCount(d.columnsBefore)],
    [m('release.report.columnsAfter'), fmtCount(d.columnsAfter)],
    [m('release.report.columnsDropped'), fmtCount(Math.max(0, d.columnsBefore - d.columnsAfter))],
  ];
  const e = facts.exclusion;
  rows.push(
    e
      ? [m('release.report.exclusions'), m('release.report.exclusionsLine', { listed: fmtCount(e.count), records: fmtCount(e.recordsRemoved), subjects: fmtCount(e.subjects) })]
      : [m('release.report.exclusions'), m('release.report.exclusionsNone')],
  );
  const sources = table(
    [m('release.report.source'), m('release.report.rows'), m('release.report.columns')],
    facts.sources.map((s) => [s.name, fmtCount(s.rows), fmtCount(s.columns)]),
    [1, 2],
  );
  const columns = table(
    [m('release.report.column'), m('release.report.role'), m('release.report.meaning')],
    facts.columns.map((c) => [c.name, m(`release.role.${c.role}` as MessageKey), describeColumn(facts.spec, c, lang)]),
  );
  return section('data', m('release.report.section.data'), `${kv(rows)}\n${sources}\n<h3>${esc(m('release.report.releasedColumns'))}</h3>\n${columns}`);
}

const ratio = (x: number) => fmtFixed(x, 4);

function riskSection(facts: PackageFacts, m: M): string {
  const r = facts.risk;
  const rows: string[][] = [];
  const add = (label: MessageKey, value: string, meaning: MessageKey, params: Params = {}) => rows.push([m(label), value, m(meaning, params)]);
  const model = facts.spec.model;
  if (model.k !== undefined) add('release.risk.kTarget', fmtCount(model.k), 'release.risk.kTargetMeaning', { k: fmtCount(model.k) });
  add('release.risk.minClassSize', fmtCount(r.minClassSize), r.releasedRecords ? 'release.risk.minClassSizeMeaning' : 'release.risk.noRecords', { n: fmtCount(r.minClassSize) });
  add('release.risk.classes', fmtCount(r.classes), 'release.risk.classesMeaning', { classes: fmtCount(r.classes), average: fmtFixed(r.averageClassSize, 2) });
  add('release.risk.sampleUniques', fmtCount(r.sampleUniques), 'release.risk.sampleUniquesMeaning', { n: fmtCount(r.sampleUniques) });
  if (r.recordsBelowK !== null && r.k !== null) add('release.risk.recordsBelowK', fmtCount(r.recordsBelowK), 'release.risk.recordsBelowKMeaning', { n: fmtCount(r.recordsBelowK), k: r.k });
  add('release.risk.prosecutorHighest', fmtPercent(r.prosecutor.highestRisk), 'release.risk.prosecutorHighestMeaning', { p: fmtPercent(r.prosecutor.highestRisk) });
  add('release.risk.prosecutorAverage', fmtPercent(r.prosecutor.averageRisk), 'release.risk.prosecutorAverageMeaning', { p: fmtPercent(r.prosecutor.averageRisk) });
  add('release.risk.recordsAtRisk', fmtPercent(r.prosecutor.recordsAtRisk), 'release.risk.recordsAtRiskMeaning', {
    p: fmtPercent(r.prosecutor.recordsAtRisk),
    threshold: fmtPercent(r.threshold),
  });
  add('release.risk.journalistHighest', fmtPercent(r.journalist.highestRisk), 'release.risk.journalistHighestMeaning', { p: fmtPercent(r.journalist.highestRisk) });
  add('release.risk.marketer', fmtPercent(r.marketer.averageRisk), 'release.risk.marketerMeaning', { p: fmtPercent(r.marketer.averageRisk) });
  const pu = r.populationUniques;
  if (pu) {
    add('release.risk.populationUniques', fmtPercent(pu.fraction, 4), 'release.risk.populationUniquesMeaning', {
      p: fmtPercent(pu.fraction, 4),
      population: fmtCount(pu.population),
      model: pu.model,
    });
  }
  const l = r.lDiversity;
  if (l) {
    const v = [l.distinct, l.entropy, l.recursive].map((x) => (x === null ? '—' : fmtFixed(x, 2))).join(' / ');
    add('release.risk.lDiversity', v, 'release.risk.lDiversityMeaning', { attribute: l.attribute, l: l.distinct === null ? '—' : fmtFixed(l.distinct, 0) });
  }
  const tc = r.tCloseness;
  if (tc) {
    const v = [tc.equalDistance, tc.orderedDistance].map((x) => (x === null ? '—' : ratio(x))).join(' / ');
    const worst = tc.equalDistance ?? tc.orderedDistance;
    add('release.risk.tCloseness', v, 'release.risk.tClosenessMeaning', { attribute: tc.attribute, t: worst === null ? '—' : ratio(worst) });
  }
  const ir = r.individualRisk;
  if (ir) {
    add('release.risk.individual', `${ratio(ir.max)} / ${ratio(ir.mean)}`, 'release.risk.individualMeaning', {
      max: fmtPercent(ir.max),
      expected: fmtFixed(ir.expectedReidentifications, 2),
    });
  }
  if (r.suda) add('release.risk.suda', fmtCount(r.suda.recordsWithMsu), 'release.risk.sudaMeaning', { n: fmtCount(r.suda.recordsWithMsu), score: fmtFixed(r.suda.maxScore, 4) });
  let body = table([m('release.report.metric'), m('release.report.value'), m('release.report.meaning')], rows, [1]);
  if (r.ephemeralKey) body += '\n' + para(m('release.risk.ephemeralKey'), 'note');
  return section('risk', m('release.report.section.risk'), body);
}

function utilitySection(facts: PackageFacts, m: M): string {
  const u = facts.risk.utility;
  const rows = [
    [m('release.utility.loss'), ratio(u.loss), m('release.utility.lossMeaning')],
    [m('release.utility.entropy'), fmtFixed(u.nonUniformEntropy, 2), m('release.utility.entropyMeaning')],
    [m('release.utility.discernibility'), fmtCount(u.discernibility), m('release.utility.discernibilityMeaning')],
    [m('release.utility.aecs'), ratio(u.aecs), m('release.utility.aecsMeaning')],
  ];
  let body = table([m('release.report.metric'), m('release.report.value'), m('release.report.meaning')], rows, [1]);
  const byColumn = Object.keys(u.lossByColumn).sort();
  if (byColumn.length) {
    body += `\n<h3>${esc(m('release.utility.lossByColumn'))}</h3>\n`;
    body += table([m('release.report.column'), m('release.utility.loss')], byColumn.map((c) => [c, ratio(u.lossByColumn[c])]), [1]);
  }
  return section('utility', m('release.report.section.utility'), body);
}

function suppressionSection(facts: PackageFacts, m: M): string {
  const r = facts.risk;
  const s = r.suppression;
  const cells = r.cellSuppression;
  const rows: [string, string][] = [[m('release.suppression.method'), m(cells ? 'release.suppression.method.cells' : 'release.suppression.method.records')]];
  if (cells) {
    rows.push(
      [m('release.suppression.kCells'), fmtCount(r.suppressedCells)],
      [m('release.suppression.recordsTouched'), fmtCount(cells.recordsTouched)],
      [m('release.suppression.decision'), m(cells.minFrequency >= cells.k ? 'release.suppression.cellsReached' : 'release.suppression.cellsNotReached', { k: cells.k, min: cells.minFrequency })],
    );
  } else {
    rows.push([m('release.suppression.records'), fmtCount(r.suppressedRecords)]);
    if (s) {
      rows.push(
        [m('release.suppression.limit'), `${fmtPercent(s.limit)} (${fmtCount(s.budget)})`],
        [m('release.suppression.needed'), fmtCount(s.needed)],
        [m('release.suppression.decision'), m(s.applied ? 'release.suppression.applied' : s.needed === 0 ? 'release.suppression.notNeeded' : 'release.suppression.overLimit', { k: s.k })],
      );
    }
  }
  let body = kv(rows);
  const byColumn = Object.keys(r.suppressedCellsByColumn).sort().filter((c) => r.suppressedCellsByColumn[c] > 0);
  if (byColumn.length) {
    body += `\n<h3>${esc(m('release.suppression.kCellsByColumn'))}</h3>\n`;
    body += table([m('release.report.column'), m('release.suppression.cellCount')], byColumn.map((c) => [c, fmtCount(r.suppressedCellsByColumn[c])]), [1]);
  }
  const listed = facts.listedCells.filter((c) => c.cells > 0);
  if (listed.length) {
    body += `\n<h3>${esc(m('release.suppression.cells'))}</h3>\n`;
    body += table([m('release.report.column'), m('release.suppression.cellCount')], listed.map((c) => [c.column, fmtCount(c.cells)]), [1]);
  } else {
    body += '\n' + para(m('release.suppression.noCells'));
  }
  return section('suppression', m('release.report.section.suppression'), body);
}

function classSection(facts: PackageFacts, m: M): string {
  const k = facts.spec.model.k ?? null;
  const chart = classSizeChart(facts.classSizes, k, {
    title: m('release.chart.classSizes'),
    xAxis: m('release.chart.classSize'),
    yAxis: m('release.chart.records'),
    belowK: m('release.chart.belowK', { k: k ?? 0 }),
    none: m('release.chart.noRecords'),
  });
  return section('classes', m('release.report.section.classes'), `<figure>${chart}<figcaption>${esc(m('release.chart.classSizesCaption'))}</figcaption></figure>`);
}

function distributionSection(facts: PackageFacts, shown: ReturnType<typeof showableDistributions>, lang: Lang, m: M): string {
  if (!shown.length) return section('distributions', m('release.report.section.distributions'), para(m('release.chart.noDistributions')));
  const figures = shown.map(({ column, values }) => {
    const chart = distributionChart(values, {
      title: column.name,
      missing: m('release.chart.missing'),
      others: (n) => m('release.chart.others', { n: fmtCount(n) }),
      none: m('release.chart.noRecords'),
    });
    return `<figure><figcaption><strong>${esc(column.name)}</strong> — ${esc(describeColumn(facts.spec, column, lang))}</figcaption>${chart}</figure>`;
  });
  return section('distributions', m('release.report.section.distributions'), para(m('release.chart.distributionsNote'), 'note') + '\n' + figures.join('\n'));
}

function peculiarSection(facts: PackageFacts, m: M): string {
  if (!facts.peculiar.length) {
    return section('peculiar', m('release.report.section.peculiar'), para(m(facts.spec.peculiar.review ? 'release.peculiar.noneDecided' : 'release.peculiar.notReviewed')));
  }
  const rows = facts.peculiar.map((p) => [
    p.table ? `${p.table}.${p.column}` : p.column,
    m(`release.peculiar.action.${p.action}` as MessageKey),
    showablePeculiarValue(facts, p) ?? m('release.peculiar.valueHidden'),
    p.records === null ? '—' : fmtCount(p.records),
    p.reason,
  ]);
  const head = [m('release.report.column'), m('release.peculiar.action'), m('release.peculiar.value'), m('release.peculiar.records'), m('release.peculiar.reason')];
  return section('peculiar', m('release.report.section.peculiar'), table(head, rows, [3]) + '\n' + para(m('release.peculiar.note'), 'note'));
}

function overrideSection(facts: PackageFacts, lang: Lang, m: M): string {
  if (!facts.overrides.length) return section('overrides', m('release.report.section.overrides'), para(m('release.override.none')));
  const rows = facts.overrides.map((o) => [o.id, t(lang, o.key as MessageKey, o.params), o.reason]);
  return section('overrides', m('release.report.section.overrides'), table([m('release.override.gate'), m('release.override.what'), m('release.override.reason')], rows));
}

function versionSection(facts: PackageFacts, m: M): string {
  const rows: [string, string][] = [
    [m('release.version.tokumei'), facts.versions.tokumei],
    [m('release.version.duckdb'), facts.versions.duckdb],
    [m('release.version.spec'), facts.specSha256],
  ];
  if (facts.exclusion) rows.push([m('release.version.exclusion'), `${facts.exclusion.sha256} (${fmtCount(facts.exclusion.count)})`]);
  const sources = table([m('release.report.source'), 'SHA-256'], facts.sources.map((s) => [s.name, s.sha256]));
  return section('versions', m('release.report.section.versions'), `${kv(rows)}\n${sources}\n${para(m('release.version.manifestNote'), 'note')}`);
}
