import { TokumeiError } from '../errors.ts';
import type { ReleaseSpec } from '../spec/schema.ts';
import type { FactColumn, FactDistribution, PackageFacts, PeculiarOutcome } from './facts.ts';

/**
 * The rules that keep unreleased values out of every document. A document may print a data
 * value only if the released data file itself shows it to the recipient:
 * - distributions: released quasi-identifiers only (never identifiers, pseudonyms, sensitive or
 *   dropped columns), and a listed (suppressed) value in a column whose values are released
 *   unchanged means the facts are wrong, so the documents are refused;
 * - peculiar decisions: the value only for `keep`, on a released non-identifier column whose
 *   values are released unchanged, not listed for suppression anywhere in that column, and
 *   present in the column's released distribution (records holding it may all have gone).
 * Listed values (suppressCell/suppressRecord, peculiar decisions) are never printed; documents
 * say how many there are.
 */

/** Whether the column's released values are its source values (nothing but suppression in the chain). */
export function releasedUnchanged(c: Pick<FactColumn, 'transforms'>): boolean {
  return c.transforms.every((t) => t.kind === 'suppressCell' || t.kind === 'suppressRecord' || (t.kind === 'generalize' && t.level === 0));
}

const sameTable = (a: string | undefined, b: string | undefined) => a === undefined || b === undefined || a === b;

/** Every value listed for suppression in a column: its own suppress transforms and the peculiar decisions. */
export function listedValues(spec: ReleaseSpec, c: Pick<FactColumn, 'name' | 'table' | 'transforms'>): (string | number)[] {
  const own = c.transforms.flatMap((t) => (t.kind === 'suppressCell' || t.kind === 'suppressRecord' ? t.values : []));
  const peculiar = spec.peculiar.decisions
    .filter((d) => d.action !== 'keep' && d.column === c.name && sameTable(d.table, c.table))
    .map((d) => d.value);
  return [...own, ...peculiar];
}

/** A listed value against a released text value: text equality, or numeric equality when both are numbers. */
export function sameValue(listed: string | number, released: string): boolean {
  if (String(listed) === released) return true;
  const a = typeof listed === 'number' ? listed : Number(listed);
  const b = Number(released);
  return released.trim() !== '' && String(listed).trim() !== '' && Number.isFinite(a) && Number.isFinite(b) && a === b;
}

function releasedColumn(facts: PackageFacts, name: string, table: string | undefined): FactColumn | undefined {
  return facts.columns.find((c) => c.name === name && sameTable(c.table, table));
}

/** The distributions a document may show (released quasi-identifiers), checked against the listed values. */
export function showableDistributions(facts: PackageFacts): { column: FactColumn; values: FactDistribution['values'] }[] {
  const out: { column: FactColumn; values: FactDistribution['values'] }[] = [];
  for (const d of facts.distributions) {
    const column = facts.columns.find((c) => c.name === d.column);
    if (!column || column.role !== 'quasi') continue;
    if (releasedUnchanged(column)) {
      const listed = listedValues(facts.spec, column);
      if (d.values.some((v) => v.value !== null && v.count > 0 && listed.some((l) => sameValue(l, v.value!)))) {
        throw new TokumeiError('release.error.suppressedInDistribution', { column: column.name });
      }
    }
    out.push({ column, values: d.values });
  }
  return out;
}

/** The value of a peculiar decision as a document may print it, or null when it must stay hidden. */
export function showablePeculiarValue(facts: PackageFacts, o: PeculiarOutcome): string | null {
  if (o.action !== 'keep' || o.value === undefined) return null;
  const c = releasedColumn(facts, o.column, o.table);
  if (!c || c.role === 'identifier' || !releasedUnchanged(c)) return null;
  if (listedValues(facts.spec, c).some((l) => sameValue(l, String(o.value)))) return null;
  // Released unchanged is not enough: every record holding it may have gone (exclusion list,
  // record suppression). Only a value the released data shows may be printed.
  const released = facts.distributions.find((d) => d.column === c.name)?.values ?? [];
  if (!released.some((v) => v.value !== null && v.count > 0 && sameValue(o.value!, v.value))) return null;
  return String(o.value);
}
