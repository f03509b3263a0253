import { isTokumeiError } from '../../../core/errors.ts';
import type { MessageKey } from '../../../core/i18n/catalog.ts';
import { parseSpecJson, SpecError, type ReleaseSpec } from '../../../core/spec/index.ts';

/** A problem with an opened spec file: where (JSON path, '' for the whole file) and what, as a message. */
export interface FileIssue {
  path: string;
  key: MessageKey;
  params: Record<string, string | number>;
}

export type OpenedSpec = { ok: true; spec: ReleaseSpec } | { ok: false; issues: FileIssue[] };

/** The name a saved spec gets. */
export const SPEC_FILE_NAME = 'spec.json';

/**
 * Reads a spec file's text: every problem is returned (each with its JSON path) instead of
 * thrown, so the view can list them and keep the spec being edited as it was.
 */
export function openSpecText(text: string): OpenedSpec {
  try {
    return { ok: true, spec: parseSpecJson(text) };
  } catch (e) {
    if (e instanceof SpecError) return { ok: false, issues: e.issues.map((i) => ({ path: i.path, key: i.key, params: i.params })) };
    if (isTokumeiError(e)) return { ok: false, issues: [{ path: '', key: e.key, params: e.params }] };
    throw e;
  }
}
