import { TokumeiError } from '../errors.ts';

/** Node's zlib says "unexpected end of file", Chromium "Compressed input was truncated." */
const TRUNCATED = /truncat|unexpected end/i;

/**
 * Decompress a whole gzip file with the web-standard DecompressionStream (browser and Node 20).
 * Multi-member gzip (cat a.gz b.gz) is accepted by Node but refused by Chromium as junk after
 * the first member; it then surfaces as load.gzipCorrupt.
 */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const ds = new DecompressionStream('gzip');
  const writer = ds.writable.getWriter();
  // Errors surface on the readable side; these promises only need to be observed.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  const reader = ds.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.length;
    }
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    if (TRUNCATED.test(detail)) throw new TokumeiError('load.gzipTruncated', {}, { cause: e });
    throw new TokumeiError('load.gzipCorrupt', { detail }, { cause: e });
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
