const EXTENSIONS = /(\.(csv|tsv|txt|dat|parquet|arrow|feather|ipc))?(\.gz)?$/i;
const MAX_LENGTH = 60;

/**
 * A readable table name from a file name, unique among `existing` (compared
 * case-insensitively, as DuckDB does). Letters of any script stay, so 患者一覧.csv becomes
 * 患者一覧; NFKC turns full-width ＡＢＣ and half-width ｶﾅ into their ordinary forms;
 * everything else becomes _. Names are always quoted in SQL, so a leading digit is fine.
 */
export function tableNameFromFile(fileName: string, existing: readonly string[]): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(EXTENSIONS, '')
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}\p{M}_]+/gu, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
  const stem = [...cleaned].slice(0, MAX_LENGTH).join('') || 'data';
  const taken = new Set(existing.map((t) => t.toLowerCase()));
  let name = stem;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${stem}_${k}`;
  return name;
}
