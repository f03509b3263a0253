/** Extensions offered by the file picker; the loader still detects the format from the bytes. */
export const ACCEPTED_EXTENSIONS = ['.csv', '.tsv', '.txt', '.gz', '.parquet', '.arrow', '.feather', '.ipc'] as const;

export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.join(',');

/** True when a drag carries files (not text or a link dragged from another page). */
export function dragHasFiles(types: readonly string[] | DOMStringList | null | undefined): boolean {
  if (!types) return false;
  for (let i = 0; i < types.length; i++) {
    const t = 'item' in types ? types.item(i) : types[i];
    if (t === 'Files') return true;
  }
  return false;
}
