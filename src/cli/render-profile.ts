import type { Lang } from '../core/i18n/catalog.ts';
import { t } from '../core/i18n/catalog.ts';
import type { TableProfile } from '../core/profile/types.ts';
import { formatCount, renderTable, truncate } from './format.ts';

const VALUE_WIDTH = 24;
const TOP_SHOWN = 3;

/** The profile as an aligned text table, one line per column. */
export function renderProfile(lang: Lang, p: TableProfile): string {
  const header = (['name', 'type', 'nulls', 'distinct', 'min', 'max', 'top'] as const).map((k) => t(lang, `cli.profile.col.${k}`));
  const rows = p.columns.map((c) => [
    truncate(c.name, VALUE_WIDTH),
    c.type,
    formatCount(c.nulls),
    formatCount(c.distinct),
    truncate(c.min ?? '', VALUE_WIDTH),
    truncate(c.max ?? '', VALUE_WIDTH),
    c.top
      .slice(0, TOP_SHOWN)
      .map((v) => `${truncate(v.value, 16)} (${formatCount(v.count)})`)
      .join(', '),
  ]);
  return renderTable(header, rows, [false, false, true, true, false, false, false]);
}
