import type { Lang, MessageKey } from '../core/i18n/catalog.ts';
import { RECIPIENT_TYPES, type RecipientType } from '../core/release/facts.ts';
import type { Gate, GateOverride } from '../core/release/gates.ts';
import type { DataFormat } from '../core/release/types.ts';
import type { ReleaseInput } from '../../workers/engine/release-run.ts';

/**
 * The export form as the user types it, and what it turns into: exactly the inputs
 * `tokumei release` takes as --provision JSON and flags, so the same entries give the same
 * package in both hosts. Kept in localStorage (never the key, which stays in the worker), so a
 * reload does not lose typing.
 */
export interface ReleaseForm {
  recipient: string;
  recipientType: RecipientType;
  requestId: string;
  reviewId: string;
  purpose: string;
  /** One item per line; empty = the released column names. */
  items: string;
  deliveryMethod: string;
  retention: string;
  /** YYYY-MM-DD. */
  deletionDeadline: string;
  operator: string;
  approver: string;
  /** As typed; recorded as the ISO UTC instant recordedCreatedAt() gives. */
  createdAt: string;
  formats: Record<DataFormat, boolean>;
  reportLang: Lang;
  /** Override reasons by gate id. */
  reasons: Record<string, string>;
}

export const FORM_STORAGE_KEY = 'tokumei.releaseForm.v1';
/** Written in this order, the order `--formats` is given in the CLI's documentation. */
export const FORMAT_ORDER: readonly DataFormat[] = ['csv', 'csv-cp932', 'parquet'];

export function emptyForm(now: Date): ReleaseForm {
  return {
    recipient: '',
    recipientType: 'other',
    requestId: '',
    reviewId: '',
    purpose: '',
    items: '',
    deliveryMethod: '',
    retention: '',
    deletionDeadline: '',
    operator: '',
    approver: '',
    createdAt: now.toISOString(),
    formats: { csv: true, 'csv-cp932': false, parquet: false },
    reportLang: 'ja',
    reasons: {},
  };
}

/** The item list as entered: trimmed lines, blank lines left out. */
export function itemsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The provision JSON (what `--provision` reads): values trimmed, empty optional fields left out. */
export function provisionOf(form: ReleaseForm): Record<string, unknown> {
  const p: Record<string, unknown> = {
    recipient: form.recipient.trim(),
    recipientType: form.recipientType,
    requestId: form.requestId.trim(),
  };
  if (form.reviewId.trim()) p.reviewId = form.reviewId.trim();
  p.purpose = form.purpose.trim();
  const items = itemsOf(form.items);
  if (items.length) p.items = items;
  p.deliveryMethod = form.deliveryMethod.trim();
  p.retention = form.retention.trim();
  p.deletionDeadline = form.deletionDeadline.trim();
  return p;
}

/** The creation time as recorded, normalised as `--created-at` is (any parsable time → ISO UTC); null when unparsable. */
export function recordedCreatedAt(text: string): string | null {
  const s = text.trim();
  if (!s) return null;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function formatsOf(form: ReleaseForm): DataFormat[] {
  return FORMAT_ORDER.filter((f) => form.formats[f]);
}

/** Overrides for the overridable gates now standing that have a reason (as `--override id=reason`). */
export function overridesOf(form: ReleaseForm, gates: readonly Gate[]): GateOverride[] {
  return gates.filter((g) => g.severity === 'overridable' && (form.reasons[g.id] ?? '').trim() !== '').map((g) => ({ id: g.id, reason: form.reasons[g.id].trim() }));
}

/** What the form itself lacks before the gates are asked (the provision is the gates' to judge). */
export function formProblems(form: ReleaseForm): MessageKey[] {
  const out: MessageKey[] = [];
  if (!form.operator.trim()) out.push('uiRelease.problem.operator');
  if (recordedCreatedAt(form.createdAt) === null) out.push('uiRelease.problem.createdAt');
  if (!formatsOf(form).length) out.push('uiRelease.problem.formats');
  return out;
}

/** The worker's input; a creation time that does not parse is sent as typed (the build refuses it). */
export function releaseInputOf(form: ReleaseForm, gates: readonly Gate[]): ReleaseInput {
  return {
    provision: provisionOf(form),
    operator: form.operator.trim(),
    approver: form.approver.trim() || null,
    createdAt: recordedCreatedAt(form.createdAt) ?? form.createdAt,
    formats: formatsOf(form),
    lang: form.reportLang,
    overrides: overridesOf(form, gates),
  };
}

const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);

/** A stored form, field by field: anything missing or of the wrong type falls back to the empty form. */
export function parseStoredForm(text: string | null, now: Date): ReleaseForm {
  const base = emptyForm(now);
  if (!text) return base;
  let o: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return base;
    o = parsed as Record<string, unknown>;
  } catch {
    return base;
  }
  const formats = (typeof o.formats === 'object' && o.formats !== null ? o.formats : {}) as Record<string, unknown>;
  const reasons = (typeof o.reasons === 'object' && o.reasons !== null ? o.reasons : {}) as Record<string, unknown>;
  return {
    recipient: str(o.recipient, base.recipient),
    recipientType: RECIPIENT_TYPES.includes(o.recipientType as RecipientType) ? (o.recipientType as RecipientType) : base.recipientType,
    requestId: str(o.requestId, base.requestId),
    reviewId: str(o.reviewId, base.reviewId),
    purpose: str(o.purpose, base.purpose),
    items: str(o.items, base.items),
    deliveryMethod: str(o.deliveryMethod, base.deliveryMethod),
    retention: str(o.retention, base.retention),
    deletionDeadline: str(o.deletionDeadline, base.deletionDeadline),
    operator: str(o.operator, base.operator),
    approver: str(o.approver, base.approver),
    createdAt: str(o.createdAt, base.createdAt),
    formats: Object.fromEntries(FORMAT_ORDER.map((f) => [f, typeof formats[f] === 'boolean' ? formats[f] : base.formats[f]])) as Record<DataFormat, boolean>,
    reportLang: o.reportLang === 'en' || o.reportLang === 'ja' ? o.reportLang : base.reportLang,
    reasons: Object.fromEntries(Object.entries(reasons).filter((e): e is [string, string] => typeof e[1] === 'string')),
  };
}

/** A file name for the package: the table and request ID, with characters no file system accepts replaced. */
export function packageFileName(table: string, requestId: string): string {
  const clean = (s: string) =>
    s
      .normalize('NFKC')
      .trim()
      // eslint-disable-next-line no-control-regex
      .replace(/[\\/:*?"<>|\u0000-\u001f\s]+/g, '_')
      .replace(/^[._]+|[._]+$/g, '');
  const parts = [clean(table), clean(requestId)].filter(Boolean);
  return `${parts.join('-') || 'tokumei-release'}.zip`;
}

export type GateState = 'blocked' | 'needsReason' | 'overridden';

/** How a gate stands with the reasons typed so far: the build waits while any is not overridden. */
export function gateState(form: ReleaseForm, gate: Gate): GateState {
  if (gate.severity === 'block') return 'blocked';
  return (form.reasons[gate.id] ?? '').trim() !== '' ? 'overridden' : 'needsReason';
}

/** The gates that still stand; an export is allowed only when there are none. */
export function standingGates(form: ReleaseForm, gates: readonly Gate[]): Gate[] {
  return gates.filter((g) => gateState(form, g) !== 'overridden');
}

/** A field may fail one rule twice (empty is also blank): each problem is listed once. */
export function uniqueIssues<T extends { path: string; key: string; params: Record<string, string | number> }>(issues: readonly T[]): T[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const id = `${i.path}\u0000${i.key}\u0000${JSON.stringify(i.params)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
