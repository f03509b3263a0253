import { createHash } from 'node:crypto';
import type { IncrementalHash } from '../core/release/zip.ts';

/** node:crypto's SHA-256 for the package code's hashing (same digests as core's, many times faster). */
export const nodeHash = (): IncrementalHash => {
  const h = createHash('sha256');
  return { update: (b: Uint8Array) => h.update(b), hex: () => h.digest('hex') };
};
