import type { MessageKey } from '../i18n/catalog.ts';
import { isTokumeiError } from '../errors.ts';
import { comparePaths, parseManifest } from './manifest.ts';
import { Sha256 } from './sha256.ts';
import { PACKAGE_PATHS, type ManifestLine } from './types.ts';
import { listZip, readEntry, readEntryChunks, zipSource, type ZipEntry, type ZipSource } from './unzip.ts';
import type { IncrementalHash } from './zip.ts';

/**
 * Checks a release package against its MANIFEST: every listed file present with the
 * listed size and SHA-256, nothing stored that is not listed. Used by `tokumei verify`
 * and the Verify page. A file that is not a zip at all throws (nothing to report per
 * file); a missing or unparsable MANIFEST is reported as a problem, with every stored
 * file shown as unlisted, so the user sees what the package holds.
 */

export type VerifyStatus = 'ok' | 'mismatch' | 'missing' | 'unlisted';

export interface FileFacts {
  sha256: string;
  bytes: number;
}

export interface VerifyFile {
  path: string;
  status: VerifyStatus;
  /** What MANIFEST says (absent for unlisted files). */
  expected?: FileFacts;
  /** What the package holds (absent for missing or unreadable files). */
  actual?: FileFacts;
}

export interface VerifyProblem {
  key: MessageKey;
  params: Record<string, string | number>;
}

export interface VerifyReport {
  ok: boolean;
  files: VerifyFile[];
  problems: VerifyProblem[];
}

function problemOf(e: unknown): VerifyProblem {
  if (isTokumeiError(e)) return { key: e.key, params: e.params };
  throw e;
}

/** `zip`: the package in memory, or a random-access source for packages larger than memory. */
export function verifyPackage(input: Uint8Array | ZipSource, opts: { newHash?: () => IncrementalHash } = {}): VerifyReport {
  const zip = zipSource(input);
  const newHash = opts.newHash ?? (() => new Sha256());
  const problems: VerifyProblem[] = [];
  const stored = new Map<string, ZipEntry>();
  for (const e of listZip(zip)) {
    if (stored.has(e.path)) problems.push({ key: 'releaseBytes.verify.duplicateEntry', params: { path: e.path } });
    else stored.set(e.path, e);
  }

  let listed: ManifestLine[] = [];
  const manifestEntry = stored.get(PACKAGE_PATHS.manifest);
  stored.delete(PACKAGE_PATHS.manifest);
  if (!manifestEntry) problems.push({ key: 'releaseBytes.verify.manifestMissing', params: {} });
  else {
    try {
      listed = parseManifest(new TextDecoder('utf-8', { fatal: true }).decode(readEntry(zip, manifestEntry)));
    } catch (e) {
      // Not UTF-8 at all is as unparsable as a malformed line.
      problems.push(e instanceof TypeError ? { key: 'releaseBytes.manifest.invalidLine', params: { line: 1 } } : problemOf(e));
    }
  }

  const actualOf = (e: ZipEntry): FileFacts | undefined => {
    const hash = newHash();
    try {
      readEntryChunks(zip, e, (c) => void hash.update(c));
    } catch (err) {
      problems.push(problemOf(err));
      return undefined;
    }
    return { sha256: hash.hex(), bytes: e.size };
  };

  const files: VerifyFile[] = [];
  for (const line of listed) {
    const expected = { sha256: line.sha256, bytes: line.bytes };
    const entry = stored.get(line.path);
    if (!entry) {
      files.push({ path: line.path, status: 'missing', expected });
      problems.push({ key: 'releaseBytes.verify.missing', params: { path: line.path } });
      continue;
    }
    stored.delete(line.path);
    const actual = actualOf(entry);
    const same = actual !== undefined && actual.sha256 === expected.sha256 && actual.bytes === expected.bytes;
    files.push({ path: line.path, status: same ? 'ok' : 'mismatch', expected, ...(actual ? { actual } : {}) });
    if (!same && actual) problems.push({ key: 'releaseBytes.verify.mismatch', params: { path: line.path } });
  }
  for (const [path, entry] of stored) {
    const actual = actualOf(entry);
    files.push({ path, status: 'unlisted', ...(actual ? { actual } : {}) });
    problems.push({ key: 'releaseBytes.verify.unlisted', params: { path } });
  }
  files.sort((a, b) => comparePaths(a.path, b.path));
  return { ok: problems.length === 0, files, problems };
}

/** The one-line summary for CLI output and the Verify page heading. */
export function verifySummary(report: VerifyReport): VerifyProblem {
  return report.ok
    ? { key: 'releaseBytes.verify.ok', params: { files: report.files.length } }
    : { key: 'releaseBytes.verify.failed', params: { problems: report.problems.length } };
}
