/**
 * Column names DuckDB will accept: the header's names trimmed, blanks named by position,
 * and repeats suffixed _2, _3 … compared case-insensitively (DuckDB identifiers are).
 * Files without a header get column1 … columnN: 1-based like spreadsheet columns, and
 * ASCII so they read the same in both UI languages.
 */
export function columnNames(header: readonly string[] | null, count: number): string[] {
  const taken = new Set<string>();
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const raw = header?.[i]?.trim() ?? '';
    const base = raw === '' ? `column${i + 1}` : raw;
    let name = base;
    for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base}_${k}`;
    taken.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}
