import { TokumeiError } from '../errors.ts';
import type { ReleaseMode } from '../spec/schema.ts';
import { canonicalJsonBytes } from './canonical-json.ts';
import { isIsoInstant, provisionItems, type PackageFacts, type Provision, type RecipientType } from './facts.ts';

export const PROVISION_RECORD_FORMAT = 'tokumei-provision-record';
export const PROVISION_RECORD_VERSION = 1;

/** 提供記録 (provision record): to whom, why, what, how and until when this package is provided. */
export interface ProvisionRecord {
  format: typeof PROVISION_RECORD_FORMAT;
  version: typeof PROVISION_RECORD_VERSION;
  mode: ReleaseMode;
  providedAt: string;
  recipient: string;
  recipientType: RecipientType;
  requestId: string;
  reviewId: string | null;
  purpose: string;
  items: string[];
  rows: number;
  deliveryMethod: string;
  retention: string;
  deletionDeadline: string;
  specSha256: string;
  sourceSha256s: string[];
  operator: string;
  approver: string | null;
}

/** `provision` must be validated (validateProvision); the gates refuse an invalid one first. */
export function provisionRecord(facts: PackageFacts, provision: Provision): ProvisionRecord {
  if (!isIsoInstant(facts.createdAt)) throw new TokumeiError('release.error.createdAt', { value: facts.createdAt });
  return {
    format: PROVISION_RECORD_FORMAT,
    version: PROVISION_RECORD_VERSION,
    mode: facts.spec.release.mode,
    providedAt: facts.createdAt,
    recipient: provision.recipient,
    recipientType: provision.recipientType,
    requestId: provision.requestId,
    reviewId: provision.reviewId ?? null,
    purpose: provision.purpose,
    items: provisionItems(provision, facts.columns),
    rows: facts.data.rowsAfter,
    deliveryMethod: provision.deliveryMethod,
    retention: provision.retention,
    deletionDeadline: provision.deletionDeadline,
    specSha256: facts.specSha256,
    sourceSha256s: facts.sources.map((s) => s.sha256),
    operator: facts.operator,
    approver: facts.approver,
  };
}

/** records/provision-record.json: canonical JSON, UTF-8, LF, final newline. */
export function provisionRecordBytes(facts: PackageFacts, provision: Provision): Uint8Array {
  return canonicalJsonBytes(provisionRecord(facts, provision));
}
