import { t, type Lang } from '../i18n/catalog.ts';
import type { DetectionResult } from './types.ts';

/** The shape `tokumei detect --json` prints: `{"columns":[{"name","role","reason"}]}` with the reason as text. */
export function renderDetection(result: DetectionResult, lang: Lang): { columns: { name: string; role: string; reason: string }[] } {
  return {
    columns: result.columns.map((c) => ({ name: c.name, role: c.role, reason: t(lang, c.reason.key, c.reason.params) })),
  };
}
