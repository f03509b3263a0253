import { TokumeiError } from '../errors.ts';
import type { PseudonymKey } from './key.ts';
import { hmacSha256 } from './sha256.ts';

export const DEFAULT_PSEUDONYM_LENGTH = 16;

/**
 * Definitions (stable: changing any of them changes every pseudonym):
 * - subkey(purpose) = HMAC-SHA256(key, purpose label), computed by WebCrypto from the CryptoKey;
 * - pseudonym(value) = hex(HMAC-SHA256(subkey("tokumei/pseudonym/v1"), JSON.stringify([domain, text])))
 *   truncated to `length` hex digits;
 * - date shift(subject) from HMAC-SHA256(subkey("tokumei/date-shift/v1"), JSON.stringify([text])).
 * `text` is the canonical text form: what DuckDB renders for CAST(value AS VARCHAR) (so 123
 * and '123' agree, a date is YYYY-MM-DD), in Unicode NFC. JSON quoting keeps the parts
 * unambiguous whatever characters they hold. Per-purpose subkeys keep pseudonyms, date
 * shifts and the key fingerprint independent of each other.
 */
const PURPOSE = { pseudonym: 'tokumei/pseudonym/v1', dateShift: 'tokumei/date-shift/v1' } as const;

export function canonicalText(value: string): string {
  return value.normalize('NFC');
}

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** The first `digits` hex digits of `bytes`. */
function hexPrefix(bytes: Uint8Array, digits: number): string {
  let s = '';
  for (let i = 0; i < digits >> 1; i++) s += HEX[bytes[i]];
  return digits & 1 ? s + HEX[bytes[digits >> 1]][0] : s;
}

/** HMAC under the purpose's subkey, over the UTF-8 of a string, reusing one encode buffer. */
async function keyedMac(key: PseudonymKey, purpose: keyof typeof PURPOSE): Promise<(message: string) => Uint8Array> {
  const subkey = await key.sign(encoder.encode(PURPOSE[purpose]));
  const mac = hmacSha256(subkey);
  subkey.fill(0);
  let buf = new Uint8Array(256);
  return (message) => {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    if (message.length * 3 > buf.length) buf = new Uint8Array(message.length * 3);
    const { written } = encoder.encodeInto(message, buf);
    return mac(buf, written);
  };
}

export interface PseudonymOptions {
  /** Same value + same domain + same key = same pseudonym. Default '' (shared by every column). */
  domain?: string;
  /** Hex digits of the HMAC kept (8–64, default 16). */
  length?: number;
}

/** A function giving the pseudonym of a value under this key and options (fast: no WebCrypto call per value). */
export async function pseudonymizer(key: PseudonymKey, opts: PseudonymOptions = {}): Promise<(value: string) => string> {
  const mac = await keyedMac(key, 'pseudonym');
  const domain = opts.domain ?? '';
  const length = opts.length ?? DEFAULT_PSEUDONYM_LENGTH;
  // Same text as JSON.stringify([domain, text]), without building an array per value.
  const prefix = `[${JSON.stringify(domain)},`;
  return (value) => hexPrefix(mac(`${prefix}${JSON.stringify(canonicalText(value))}]`), length);
}

export async function pseudonymize(key: PseudonymKey, value: string, opts: PseudonymOptions = {}): Promise<string> {
  return (await pseudonymizer(key, opts))(value);
}

/**
 * Pseudonyms for many values (index-aligned). Fails if two different canonical values
 * would share a truncated pseudonym: that would silently merge two people.
 */
export async function pseudonymizeAll(key: PseudonymKey, values: readonly string[], opts: PseudonymOptions = {}): Promise<string[]> {
  const p = await pseudonymizer(key, opts);
  const first = new Map<string, number>();
  return values.map((v, i) => {
    const out = p(v);
    const j = first.get(out);
    if (j === undefined) first.set(out, i);
    else if (canonicalText(values[j]) !== canonicalText(v)) {
      throw new TokumeiError('spec.pseudonym.collision', { length: opts.length ?? DEFAULT_PSEUDONYM_LENGTH });
    }
    return out;
  });
}

/**
 * A function giving the per-subject date shift in days: the same for every date of that
 * subject in every table and run, unpredictable without the key, and uniform over
 * ±1…±maxDays (never 0, which would leave a subject's dates unshifted).
 */
export async function dateShifter(key: PseudonymKey, maxDays: number): Promise<(subject: string) => number> {
  if (!Number.isInteger(maxDays) || maxDays < 1) throw new RangeError(`maxDays must be a positive integer: ${maxDays}`);
  const mac = await keyedMac(key, 'dateShift');
  return (subject) => {
    const m = mac(JSON.stringify([canonicalText(subject)]));
    // 48 bits leave a modulo bias below 2^-30 for any maxDays the spec accepts.
    const r = ((m[0] * 256 + m[1]) * 256 + m[2]) * 2 ** 24 + ((m[3] << 16) | (m[4] << 8) | m[5]);
    const i = r % (2 * maxDays);
    return i < maxDays ? i - maxDays : i - maxDays + 1;
  };
}

export async function dateShiftOffset(key: PseudonymKey, subject: string, maxDays: number): Promise<number> {
  return (await dateShifter(key, maxDays))(subject);
}

export async function dateShiftOffsets(key: PseudonymKey, subjects: readonly string[], maxDays: number): Promise<number[]> {
  return subjects.map(await dateShifter(key, maxDays));
}
