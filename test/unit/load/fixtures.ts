import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Bytes of a file under test/fixtures/. */
export function fixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url))));
}

export const POSTAL = 'jp-postal-13tokyo/13TOKYO.CSV';
export const COVID_UTF8_BOM = 'tokyo-covid19/patients-500.utf8bom.csv';
export const COVID_CP932 = 'tokyo-covid19/patients-500.cp932.csv';
export const COVID_EUCJP = 'tokyo-covid19/patients-500.eucjp.csv';
export const COVID_GZIP = 'tokyo-covid19/patients-500.utf8bom.csv.gz';

export const utf8 = (s: string) => new TextEncoder().encode(s);

/** Run `fn` and return the TokumeiError it throws (fails the test if it does not throw one). */
export async function tokumeiError(fn: () => unknown): Promise<{ key: string; params: Record<string, string | number> }> {
  try {
    await fn();
  } catch (e) {
    const err = e as { name?: string; key?: string; params?: Record<string, string | number> };
    if (err.name === 'TokumeiError' && err.key) return { key: err.key, params: err.params ?? {} };
    throw e;
  }
  throw new Error('expected a TokumeiError, nothing was thrown');
}
