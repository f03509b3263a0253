import { describeColumn, transformSummary } from './describe.ts';
import { columnHierarchy, type PackageFacts } from './facts.ts';
import { csvText } from './csv-text.ts';

/**
 * dictionary.csv: one row per column of the released data file, in file order, with both
 * languages side by side (the file is the same whatever the UI language, so packages stay
 * byte-identical).
 *
 * Dropped columns (identifiers among them) are not listed: the dictionary describes what the
 * data file contains, and a dropped column is not in it. Their names are not identifier values
 * and spec.json names them anyway, so hiding them would protect nothing; listing them here would
 * only suggest they can be found in the data. The report counts them (columns before/after).
 * Pseudonymized columns are listed, described as pseudonyms (keyed hash), never with source values.
 *
 * Returned without BOM; the assembler writes it with utf8WithBom (csv-text.ts).
 */
export const DICTIONARY_HEADER = ['column', 'type', 'role', 'transforms', 'hierarchy', 'level', 'max_level', 'meaning_ja', 'meaning_en'] as const;

export function dictionaryCsv(facts: PackageFacts): string {
  const rows = facts.columns.map((c) => {
    const h = columnHierarchy(facts.spec, c.transforms);
    return [
      c.name,
      c.type,
      c.role,
      transformSummary(c.transforms),
      h?.name ?? null,
      h ? h.level : null,
      h ? h.maxLevel : null,
      describeColumn(facts.spec, c, 'ja'),
      describeColumn(facts.spec, c, 'en'),
    ];
  });
  return csvText([[...DICTIONARY_HEADER], ...rows]);
}
