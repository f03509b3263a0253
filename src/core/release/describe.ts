import { DEFAULT_PSEUDONYM_LENGTH } from '../pseudonymize/hmac.ts';
import { t, type Lang, type MessageKey } from '../i18n/catalog.ts';
import type { HierarchySpec, ReleaseSpec, Transform } from '../spec/schema.ts';
import type { FactColumn } from './facts.ts';

/**
 * Human descriptions of a released column, generated from its transform chain, in Japanese and
 * English: 「年齢（基準日 2024-04-01 時点の満年齢、10 歳刻み、90 歳以上は「>=90」にまとめる）」.
 * Listed values (suppressCell/suppressRecord) are described by their number, never by value.
 */
export function describeColumn(spec: ReleaseSpec, c: FactColumn, lang: Lang): string {
  const first = c.transforms[0];
  let text: string;
  if (first?.kind === 'pseudonymize') {
    text = t(lang, 'release.describe.pseudonym', { column: c.name, length: first.length ?? DEFAULT_PSEUDONYM_LENGTH });
  } else {
    const steps = c.transforms.flatMap((tr) => describeTransform(spec, tr, lang));
    const peculiar = spec.peculiar.decisions.filter(
      (d) => d.column === c.name && (d.table === undefined || c.table === undefined || d.table === c.table),
    );
    const cells = peculiar.filter((d) => d.action === 'suppressCell').length;
    const records = peculiar.filter((d) => d.action === 'suppressRecord').length;
    if (cells) steps.push(t(lang, 'release.describe.peculiarCells', { count: cells }));
    if (records) steps.push(t(lang, 'release.describe.peculiarRecords', { count: records }));
    text = steps.length
      ? t(lang, 'release.describe.withSteps', { column: c.name, steps: steps.join(t(lang, 'release.describe.separator')) })
      : t(lang, 'release.describe.asIs', { column: c.name });
  }
  return c.note ? t(lang, 'release.describe.withNote', { text, note: c.note }) : text;
}

/** One transform as zero or more description steps. */
export function describeTransform(spec: ReleaseSpec, tr: Transform, lang: Lang): string[] {
  switch (tr.kind) {
    case 'drop':
      return [t(lang, 'release.describe.drop')];
    case 'pseudonymize':
      return [t(lang, 'release.describe.pseudonymStep', { length: tr.length ?? DEFAULT_PSEUDONYM_LENGTH })];
    case 'generalize': {
      const h = spec.hierarchies.find((x) => x.name === tr.hierarchy);
      if (tr.level === 0) return [t(lang, 'release.describe.level0')];
      if (!h) return [t(lang, 'release.describe.generalize', { name: tr.hierarchy, level: tr.level })];
      return describeHierarchyLevel(h, tr.level, lang);
    }
    case 'topCode':
      return [t(lang, 'release.describe.topCode', { at: tr.at, shown: quote(tr.label ?? String(tr.at), lang) })];
    case 'bottomCode':
      return [t(lang, 'release.describe.bottomCode', { at: tr.at, shown: quote(tr.label ?? String(tr.at), lang) })];
    case 'round':
      return [t(lang, 'release.describe.round', { to: tr.to })];
    case 'dateShift':
      return [t(lang, 'release.describe.dateShift', { maxDays: tr.maxDays })];
    case 'suppressCell':
      return [t(lang, 'release.describe.suppressCell', { count: tr.values.length })];
    case 'suppressRecord':
      return [t(lang, 'release.describe.suppressRecord', { count: tr.values.length })];
  }
}

const quote = (s: string, lang: Lang) => (lang === 'ja' ? `「${s}」` : `"${s}"`);

function describeHierarchyLevel(h: HierarchySpec, level: number, lang: Lang): string[] {
  switch (h.kind) {
    case 'interval': {
      const { width } = h.levels[level - 1];
      const steps = [
        h.origin ? t(lang, 'release.describe.bandsFrom', { width, origin: h.origin }) : t(lang, 'release.describe.bands', { width }),
      ];
      if (h.top) steps.push(t(lang, 'release.describe.topGroup', { at: h.top.at, label: quote(h.top.label ?? `>=${h.top.at}`, lang) }));
      if (h.bottom) steps.push(t(lang, 'release.describe.bottomGroup', { at: h.bottom.at, label: quote(h.bottom.label ?? `<${h.bottom.at}`, lang) }));
      return steps;
    }
    case 'age': {
      const { width } = h.levels[level - 1];
      const steps = [t(lang, 'release.describe.age', { date: h.referenceDate }), t(lang, 'release.describe.ageBands', { width })];
      if (h.top) steps.push(t(lang, 'release.describe.ageTop', { at: h.top.at, label: quote(h.top.label ?? `>=${h.top.at}`, lang) }));
      if (h.bottom) steps.push(t(lang, 'release.describe.ageBottom', { at: h.bottom.at, label: quote(h.bottom.label ?? `<${h.bottom.at}`, lang) }));
      return steps;
    }
    case 'date':
      return [t(lang, `release.describe.date.${h.levels[level - 1]}` as MessageKey)];
    case 'prefix': {
      const steps: string[] = [];
      if (h.alnumOnly) steps.push(t(lang, 'release.describe.alnumOnly'));
      steps.push(t(lang, 'release.describe.prefix', { keep: h.levels[level - 1].keep }));
      if (h.mask !== undefined) steps.push(t(lang, 'release.describe.mask', { mask: quote(h.mask, lang) }));
      return steps;
    }
    case 'table':
      return [t(lang, 'release.describe.table', { name: h.name, level, max: (h.rows[0]?.length ?? 1) - 1 })];
  }
}

/** The chain in a compact, language-neutral form for the dictionary's `transforms` column. */
export function transformSummary(transforms: readonly Transform[]): string {
  return transforms
    .map((tr) => {
      switch (tr.kind) {
        case 'drop':
          return 'drop';
        case 'pseudonymize':
          return `pseudonymize(${tr.length ?? DEFAULT_PSEUDONYM_LENGTH})`;
        case 'generalize':
          return `generalize(${tr.hierarchy}@${tr.level})`;
        case 'topCode':
        case 'bottomCode':
          return `${tr.kind}(${tr.at}${tr.label !== undefined ? `→${tr.label}` : ''})`;
        case 'round':
          return `round(${tr.to})`;
        case 'dateShift':
          return `dateShift(±${tr.maxDays}d)`;
        case 'suppressCell':
        case 'suppressRecord':
          // The number of listed values only: the values themselves never leave the spec.
          return `${tr.kind}(${tr.values.length})`;
      }
    })
    .join(' > ');
}
