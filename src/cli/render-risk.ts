import { t, type Lang, type MessageKey } from '../core/i18n/catalog.ts';
import type { RiskAssessment } from '../core/risk/assess.ts';
import { formatCount, renderTable } from './format.ts';
import { cellColumns } from './cell-columns.ts';

/** A figure for reading, not for scripts (those use --json): four significant digits. */
export function formatFigure(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  if (Number.isInteger(x)) return formatCount(x);
  return Number(x.toPrecision(4)).toString();
}

export const formatShare = (x: number) => `${Number((x * 100).toPrecision(4))}%`;

/** The risk report as a two-column table (figure, value), grouped as ARX and sdcMicro show them. */
export function renderRisk(lang: Lang, file: string, r: RiskAssessment, populationFile?: string): string {
  const tr = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  const rows: string[][] = [];
  const row = (key: MessageKey, value: string, params?: Record<string, string | number>) => rows.push([tr(key, params), value]);
  const section = (key: MessageKey) => rows.push([tr(key), '']);

  row('cli.risk.row.records', formatCount(r.records));
  row('cli.risk.row.suppressed', formatCount(r.suppressedRecords));
  const cells = r.cellSuppression;
  if (cells) row('cells.risk.row.cells', tr('cells.risk.value.cells', { cells: formatCount(cells.suppressedCells), records: formatCount(cells.recordsTouched), columns: cellColumns(cells.byColumn) }));
  row('cli.risk.row.classes', formatCount(r.classes));
  row('cli.risk.row.minClassSize', formatCount(r.minClassSize));
  row('cli.risk.row.averageClassSize', formatFigure(r.averageClassSize));
  row('cli.risk.row.sampleUniques', formatCount(r.sampleUniques));
  for (const [k, n] of Object.entries(r.kAnonymityViolations)) row('cli.risk.row.recordsBelowK', formatCount(n), { k });

  section('cli.risk.section.attacker');
  const attacker = (key: MessageKey, a: RiskAssessment['prosecutor']) =>
    row(key, tr('cli.risk.value.attacker', { highest: formatFigure(a.highestRisk), average: formatFigure(a.averageRisk), atRisk: formatShare(a.recordsAtRisk) }));
  attacker('cli.risk.row.prosecutor', r.prosecutor);
  attacker('cli.risk.row.journalist', r.journalist);
  row('cli.risk.row.marketer', formatFigure(r.marketer.averageRisk));
  if (r.populationUniques) {
    row(
      'cli.risk.row.populationUniques',
      tr('cli.risk.value.population', { fraction: formatShare(r.populationUniques.fraction), model: r.populationUniques.model, population: formatCount(r.populationUniques.population) }),
    );
  }
  if (r.individualRisk) {
    const i = r.individualRisk;
    row(
      i.weight ? 'cli.risk.row.individualWeighted' : 'cli.risk.row.individual',
      tr('cli.risk.value.individual', { max: formatFigure(i.max), mean: formatFigure(i.mean), expected: formatFigure(i.expectedReidentifications), above: formatCount(i.recordsAbove) }),
      { weight: i.weight ?? '' },
    );
  }
  if (r.suda) row('cli.risk.row.suda', tr('cli.risk.value.suda', { max: formatFigure(r.suda.maxScore), uniques: formatCount(r.suda.uniques), msu: formatCount(r.suda.recordsWithMsu) }));
  if (r.lDiversity) {
    const l = r.lDiversity;
    row('cli.risk.row.lDiversity', tr('cli.risk.value.lDiversity', { distinct: formatFigure(l.distinct), entropy: formatFigure(l.entropy), recursive: l.c === null ? '—' : `${formatFigure(l.recursive)} (c=${l.c})` }), { attribute: l.attribute });
  }
  if (r.tCloseness) {
    const c = r.tCloseness;
    row('cli.risk.row.tCloseness', tr('cli.risk.value.tCloseness', { equal: formatFigure(c.equalDistance), ordered: formatFigure(c.orderedDistance) }), { attribute: c.attribute });
  }

  section('cli.risk.section.utility');
  row('cli.risk.row.loss', formatFigure(r.utility.loss));
  row('cli.risk.row.entropy', formatFigure(r.utility.nonUniformEntropy));
  row('cli.risk.row.discernibility', formatFigure(r.utility.discernibility));
  row('cli.risk.row.aecs', formatFigure(r.utility.aecs));

  const lines = [
    tr('cli.risk.heading', { file, qis: r.quasiIdentifiers.map((q) => (q.hierarchy ? `${q.column}@${q.level}` : q.column)).join(', ') }),
    tr('cli.risk.threshold', { threshold: r.threshold }),
  ];
  if (r.suppression) {
    const s = r.suppression;
    const key: MessageKey = s.needed === 0 ? 'cli.risk.suppression.none' : s.applied ? 'cli.risk.suppression.applied' : 'cli.risk.suppression.over';
    lines.push(tr(key, { k: s.k, needed: formatCount(s.needed), limit: formatShare(s.limit), budget: formatCount(s.budget) }));
  }
  if (r.cellSuppression) lines.push(tr('cells.apply.blanked', { cells: formatCount(r.cellSuppression.suppressedCells), records: formatCount(r.cellSuppression.recordsTouched), k: r.cellSuppression.k, columns: cellColumns(r.cellSuppression.byColumn) }), tr('cells.risk.semantics'));
  if (r.populationTable) lines.push(tr('riskPopulation.cli.heading', { file: populationFile ?? r.populationTable.table, records: formatCount(r.populationTable.records) }));
  if (r.exclusions) lines.push(tr('cli.risk.exclusions', { records: formatCount(r.exclusions.records), subjects: formatCount(r.exclusions.subjects) }));
  if (r.ephemeralKey) lines.push(tr('cli.risk.ephemeralKey'));
  return lines.join('\n') + '\n\n' + renderTable([tr('cli.risk.col.figure'), tr('cli.risk.col.value')], rows);
}
