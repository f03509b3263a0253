import { z } from 'zod';
import { TokumeiError } from '../errors.ts';
import type { Lang } from '../i18n/catalog.ts';
import { t, type MessageKey } from '../i18n/catalog.ts';
import { fromZodIssues } from '../spec/issues.ts';
import { isoDate } from '../spec/schema.ts';
import { canonicalJson } from './canonical-json.ts';
import { csvText } from './csv-text.ts';
import { isIsoInstant, RECIPIENT_TYPES, type PackageFacts, type Provision } from './facts.ts';

/**
 * The provision ledger (提供台帳): one entry per package provided, kept on the producer's
 * machine, so a deletion deadline or a later opt-out (an ID added to the exclusion list) can
 * be traced to the packages it touches: search by source extract hash, by date, by recipient.
 * Only pure functions here; the hosts store it (IndexedDB in the browser, a JSON file in the
 * CLI) in the versioned JSON of serializeLedger. No data values and no IDs are in an entry.
 */
export interface LedgerEntry {
  /** SHA-256 of the package (zip) bytes. */
  packageSha256: string;
  /** ISO UTC instant the package was created. */
  createdAt: string;
  recipient: string;
  recipientType: (typeof RECIPIENT_TYPES)[number];
  requestId: string;
  reviewId?: string;
  purpose: string;
  mode: 'anonymized' | 'pseudonymized';
  /** YYYY-MM-DD. */
  deletionDeadline: string;
  /** SHA-256 of each source extract. */
  sourceSha256s: string[];
  /** Digest of the exclusion list in force, or null without one. */
  exclusionSha256: string | null;
  /** Records released. */
  rows: number;
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const nonBlank = z.string().regex(/\S/);

const LedgerEntrySchema = z.strictObject({
  packageSha256: hex64,
  createdAt: z.string().refine(isIsoInstant),
  recipient: nonBlank,
  recipientType: z.enum(RECIPIENT_TYPES),
  requestId: nonBlank,
  reviewId: nonBlank.optional(),
  purpose: nonBlank,
  mode: z.enum(['anonymized', 'pseudonymized']),
  deletionDeadline: isoDate(),
  sourceSha256s: z.array(hex64),
  exclusionSha256: hex64.nullable(),
  rows: z.int().min(0),
});

export const LEDGER_FORMAT = 'tokumei-provision-ledger';
export const LEDGER_VERSION = 1;

const LedgerFileSchema = z.strictObject({
  format: z.literal(LEDGER_FORMAT),
  version: z.literal(LEDGER_VERSION),
  entries: z.array(LedgerEntrySchema),
});

/** The ledger entry of a package just written. */
export function ledgerEntry(facts: PackageFacts, provision: Provision, packageSha256: string): LedgerEntry {
  const e: LedgerEntry = {
    packageSha256,
    createdAt: facts.createdAt,
    recipient: provision.recipient,
    recipientType: provision.recipientType,
    requestId: provision.requestId,
    purpose: provision.purpose,
    mode: facts.spec.release.mode,
    deletionDeadline: provision.deletionDeadline,
    sourceSha256s: facts.sources.map((s) => s.sha256),
    exclusionSha256: facts.exclusion?.sha256 ?? null,
    rows: facts.data.rowsAfter,
  };
  if (provision.reviewId !== undefined) e.reviewId = provision.reviewId;
  return e;
}

const byCreated = (a: LedgerEntry, b: LedgerEntry) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.packageSha256 < b.packageSha256 ? -1 : a.packageSha256 > b.packageSha256 ? 1 : 0;

/**
 * Adds an entry (entries stay ordered by creation time). Recording the same package twice is
 * harmless; a different entry for a package already listed is refused, since a package hash
 * names exactly one provision.
 */
export function addToLedger(entries: readonly LedgerEntry[], entry: LedgerEntry): LedgerEntry[] {
  const parsed = LedgerEntrySchema.safeParse(entry);
  if (!parsed.success) throw ledgerInvalid(parsed.error.issues, ['entry']);
  const same = entries.find((e) => e.packageSha256 === entry.packageSha256);
  if (same) {
    if (canonicalJson(same) === canonicalJson(entry)) return [...entries];
    throw new TokumeiError('release.ledger.duplicate', { sha256: entry.packageSha256.slice(0, 12) });
  }
  return [...entries, parsed.data as LedgerEntry].sort(byCreated);
}

/** The ledger file: versioned canonical JSON. */
export function serializeLedger(entries: readonly LedgerEntry[]): string {
  return canonicalJson({ format: LEDGER_FORMAT, version: LEDGER_VERSION, entries: [...entries].sort(byCreated) });
}

export function parseLedger(text: string): LedgerEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (cause) {
    throw new TokumeiError('release.ledger.syntax', { detail: cause instanceof Error ? cause.message : String(cause) }, { cause });
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > LEDGER_VERSION) {
    throw new TokumeiError('release.ledger.newerVersion', { version, current: LEDGER_VERSION });
  }
  const r = LedgerFileSchema.safeParse(json, { reportInput: true });
  if (!r.success) throw ledgerInvalid(r.error.issues, []);
  return (r.data.entries as LedgerEntry[]).sort(byCreated);
}

function ledgerInvalid(issues: z.ZodError['issues'], prefix: PropertyKey[]): TokumeiError {
  const first = fromZodIssues(issues.map((i) => ({ ...i, path: [...prefix, ...i.path] })))[0];
  return new TokumeiError('release.ledger.invalid', { path: first?.path ?? '(ledger)' });
}

export interface LedgerQuery {
  /** Words that must all occur (case- and width-insensitive) in recipient, request/review ID or purpose. */
  text?: string;
  recipientType?: LedgerEntry['recipientType'];
  mode?: LedgerEntry['mode'];
  /** Created on or after this day / on or before this day (YYYY-MM-DD, local day: see utcOffsetMinutes). */
  createdFrom?: string;
  createdTo?: string;
  /** Deletion deadline on or before this day (YYYY-MM-DD). */
  deadlineBy?: string;
  /** Packages made from this source extract (its SHA-256, or a prefix of at least 8 hex digits). */
  sourceSha256?: string;
  /** A package hash or a prefix of at least 8 hex digits. */
  packageSha256?: string;
  /** The user's offset from UTC, minutes east (Japan: 540), so "created on" means the local day. Default 0. */
  utcOffsetMinutes?: number;
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase();

function hashMatches(query: string, hash: string): boolean {
  const q = query.trim().toLowerCase();
  return q.length >= 8 && hash.startsWith(q);
}

/** The local calendar day (YYYY-MM-DD) of an ISO instant. */
export function localDay(createdAt: string, utcOffsetMinutes = 0): string {
  return new Date(Date.parse(createdAt) + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

export function searchLedger(entries: readonly LedgerEntry[], q: LedgerQuery): LedgerEntry[] {
  const words = q.text ? norm(q.text).split(/\s+/).filter(Boolean) : [];
  return entries.filter((e) => {
    if (words.length) {
      const hay = norm([e.recipient, e.requestId, e.reviewId ?? '', e.purpose].join('\n'));
      if (!words.every((w) => hay.includes(w))) return false;
    }
    if (q.recipientType && e.recipientType !== q.recipientType) return false;
    if (q.mode && e.mode !== q.mode) return false;
    const day = localDay(e.createdAt, q.utcOffsetMinutes);
    if (q.createdFrom && day < q.createdFrom) return false;
    if (q.createdTo && day > q.createdTo) return false;
    if (q.deadlineBy && e.deletionDeadline > q.deadlineBy) return false;
    if (q.sourceSha256 !== undefined && !e.sourceSha256s.some((h) => hashMatches(q.sourceSha256!, h))) return false;
    if (q.packageSha256 !== undefined && !hashMatches(q.packageSha256, e.packageSha256)) return false;
    return true;
  });
}

/** Packages whose deletion deadline is `today` or earlier (YYYY-MM-DD), or within `withinDays` after it; soonest first. */
export function dueForDeletion(entries: readonly LedgerEntry[], today: string, opts: { withinDays?: number } = {}): LedgerEntry[] {
  const limit = opts.withinDays ? new Date(Date.parse(`${today}T00:00:00Z`) + opts.withinDays * 86_400_000).toISOString().slice(0, 10) : today;
  return entries
    .filter((e) => e.deletionDeadline <= limit)
    .sort((a, b) => (a.deletionDeadline < b.deletionDeadline ? -1 : a.deletionDeadline > b.deletionDeadline ? 1 : byCreated(a, b)));
}

const COLUMNS = [
  'packageSha256',
  'createdAt',
  'recipient',
  'recipientType',
  'requestId',
  'reviewId',
  'purpose',
  'mode',
  'deletionDeadline',
  'sourceSha256s',
  'exclusionSha256',
  'rows',
] as const;

/**
 * The ledger as CSV (CRLF, formula injection neutralised like the data CSV). Returned without a
 * BOM: the caller writes it with utf8WithBom for Excel. Headers are the field names (stable for
 * scripts) unless a language is asked for. Several source hashes are separated by spaces.
 */
export function ledgerCsv(entries: readonly LedgerEntry[], opts: { header?: 'keys' | Lang } = {}): string {
  const lang = opts.header && opts.header !== 'keys' ? opts.header : null;
  const header = COLUMNS.map((c) => (lang ? t(lang, `release.ledger.column.${c}` as MessageKey) : c));
  const rows = entries.map((e) =>
    COLUMNS.map((c) => {
      const v = e[c];
      if (Array.isArray(v)) return v.join(' ');
      return v === undefined ? null : (v as string | number | null);
    }),
  );
  return csvText([header, ...rows]);
}
