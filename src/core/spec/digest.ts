/** SHA-256 as lowercase hex, with WebCrypto (same bytes in the browser and in Node 20). */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return toHex(new Uint8Array(digest));
}

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/**
 * The canonical form of an exclusion list: IDs trimmed, blanks dropped, duplicates
 * removed, sorted by UTF-16 code unit. The order or spacing of the file the list came in
 * does not change its digest.
 */
export function normalizeExclusionIds(ids: Iterable<string>): string[] {
  const set = new Set<string>();
  for (const raw of ids) {
    const id = raw.trim();
    if (id !== '') set.add(id);
  }
  return [...set].sort();
}

/** An exclusion file: one ID per line (UTF-8, BOM and CRLF accepted). */
export function parseExclusionList(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return normalizeExclusionIds(body.split(/\r\n|\r|\n/));
}

/** What the spec records about an exclusion list: its digest and size, never the IDs. */
export async function exclusionDigest(ids: Iterable<string>): Promise<{ sha256: string; count: number }> {
  const list = normalizeExclusionIds(ids);
  return { sha256: await sha256Hex(list.join('\n')), count: list.length };
}
