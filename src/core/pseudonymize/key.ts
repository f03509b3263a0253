import { TokumeiError } from '../errors.ts';
import { toHex } from '../spec/digest.ts';

const ALGORITHM = { name: 'HMAC', hash: 'SHA-256' } as const;
/** Shorter keys would weaken HMAC-SHA256 below its 256-bit design strength. */
export const MIN_KEY_BYTES = 32;
const REDACTED = '[PseudonymKey]';

/**
 * The local pseudonymization key as an opaque handle. The key material lives only in a
 * WebCrypto CryptoKey held in a private field: it is never a string, never in SQL, and
 * JSON.stringify / String() / Node's inspect print a placeholder. Only `sign` uses it.
 * Export (`exportBytes`) exists for the one place that must persist it (the key file or
 * key store on the producer's machine) and fails for keys created non-extractable.
 */
export class PseudonymKey {
  readonly #key: CryptoKey;

  private constructor(key: CryptoKey) {
    this.#key = key;
  }

  /** A fresh random 256-bit key. */
  static async generate(opts: { extractable?: boolean } = {}): Promise<PseudonymKey> {
    const key = await crypto.subtle.generateKey({ ...ALGORITHM, length: 256 }, opts.extractable ?? true, ['sign']);
    return new PseudonymKey(key);
  }

  /** A key read back from its bytes (e.g. the CLI's key file). */
  static async fromBytes(bytes: Uint8Array, opts: { extractable?: boolean } = {}): Promise<PseudonymKey> {
    if (bytes.byteLength < MIN_KEY_BYTES) throw new TokumeiError('spec.key.tooShort', { bytes: bytes.byteLength, min: MIN_KEY_BYTES });
    const copy = new Uint8Array(bytes);
    const key = await crypto.subtle.importKey('raw', copy, ALGORITHM, opts.extractable ?? false, ['sign']);
    copy.fill(0);
    return new PseudonymKey(key);
  }

  /** Wraps a CryptoKey kept elsewhere (the browser stores CryptoKeys in IndexedDB as they are). */
  static fromCryptoKey(key: CryptoKey): PseudonymKey {
    const alg = key.algorithm as HmacKeyAlgorithm;
    if (alg.name !== 'HMAC' || alg.hash?.name !== 'SHA-256' || !key.usages.includes('sign')) {
      throw new TokumeiError('spec.key.wrongAlgorithm');
    }
    return new PseudonymKey(key);
  }

  get extractable(): boolean {
    return this.#key.extractable;
  }

  /** The CryptoKey itself, for a key store (IndexedDB) that persists it without exporting. */
  get cryptoKey(): CryptoKey {
    return this.#key;
  }

  /** Raw key bytes, for saving the key file. Keep them out of logs and exports. */
  async exportBytes(): Promise<Uint8Array> {
    if (!this.#key.extractable) throw new TokumeiError('spec.key.notExtractable');
    return new Uint8Array(await crypto.subtle.exportKey('raw', this.#key));
  }

  async sign(message: Uint8Array): Promise<Uint8Array> {
    return new Uint8Array(await crypto.subtle.sign('HMAC', this.#key, message as Uint8Array<ArrayBuffer>));
  }

  /**
   * A one-way 64-bit fingerprint (HMAC of a fixed label) that tells keys apart without
   * revealing anything usable: the spec records it so a spec is never applied with the wrong key.
   */
  async fingerprint(): Promise<string> {
    return toHex(await this.sign(new TextEncoder().encode('tokumei/key-fingerprint/v1'))).slice(0, 16);
  }

  toJSON(): string {
    return REDACTED;
  }

  toString(): string {
    return REDACTED;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return REDACTED;
  }
}
