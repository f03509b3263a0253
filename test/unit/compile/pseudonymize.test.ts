import { createHash, createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTokumeiError } from '../../../src/core/errors.ts';
import { dateShiftOffset, hmacSha256, PseudonymKey, pseudonymize, pseudonymizeAll, sha256 } from '../../../src/core/pseudonymize/index.ts';
import { expectedPseudonym, expectedShift, KEY_BYTES } from './support.ts';

describe('pseudonymization key', () => {
  it('is opaque: no key material in JSON, String or inspect', async () => {
    const key = await PseudonymKey.fromBytes(KEY_BYTES, { extractable: true });
    const hex = Buffer.from(KEY_BYTES).toString('hex');
    for (const text of [JSON.stringify({ key }), String(key), inspect(key, { showHidden: true, depth: 5 }), inspect({ key })]) {
      expect(text).toContain('[PseudonymKey]');
      expect(text).not.toContain(hex);
    }
    expect(Buffer.from(await key.exportBytes()).toString('hex')).toBe(hex);
  });

  it('refuses to export a non-extractable key, and short keys', async () => {
    const key = await PseudonymKey.fromBytes(KEY_BYTES);
    await expect(key.exportBytes()).rejects.toMatchObject({ key: 'spec.key.notExtractable' });
    await expect(PseudonymKey.fromBytes(new Uint8Array(16))).rejects.toMatchObject({ key: 'spec.key.tooShort' });
    const aes = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']);
    let caught: unknown;
    try {
      PseudonymKey.fromCryptoKey(aes);
    } catch (e) {
      caught = e;
    }
    expect(isTokumeiError(caught) && caught.key).toBe('spec.key.wrongAlgorithm');
  });

  it('round-trips a generated key through its bytes, and a stored CryptoKey', async () => {
    const key = await PseudonymKey.generate();
    const again = await PseudonymKey.fromBytes(await key.exportBytes());
    const stored = PseudonymKey.fromCryptoKey(key.cryptoKey);
    const p = await pseudonymize(key, '患者-001');
    expect(await pseudonymize(again, '患者-001')).toBe(p);
    expect(await pseudonymize(stored, '患者-001')).toBe(p);
    expect(await again.fingerprint()).toBe(await key.fingerprint());
    expect(await (await PseudonymKey.generate()).fingerprint()).not.toBe(await key.fingerprint());
  });
});

describe('pseudonyms and date shifts', () => {
  it('are HMAC-SHA256 over the documented canonical form (same bytes as node:crypto)', async () => {
    const key = await PseudonymKey.fromBytes(KEY_BYTES);
    for (const v of ['P001', '', '山田 太郎', 'a"b\\c', '\u001f', '1e+20']) {
      expect(await pseudonymize(key, v)).toBe(expectedPseudonym(KEY_BYTES, v));
      expect(await pseudonymize(key, v, { domain: 'x', length: 64 })).toBe(expectedPseudonym(KEY_BYTES, v, 'x', 64));
    }
    expect(await dateShiftOffset(key, 'P001', 180)).toBe(expectedShift(KEY_BYTES, 'P001', 180));
  });

  it('treat canonically equivalent Unicode text as the same value', async () => {
    const key = await PseudonymKey.fromBytes(KEY_BYTES);
    const composed = 'が';
    const decomposed = 'か\u3099';
    expect(await pseudonymize(key, decomposed)).toBe(await pseudonymize(key, composed));
    // Two spellings of one value are not a collision.
    expect(await pseudonymizeAll(key, [composed, decomposed])).toHaveLength(2);
  });

  it('refuse a truncation that would give two values the same pseudonym', async () => {
    const key = await PseudonymKey.fromBytes(KEY_BYTES);
    // 8 hex digits = 32 bits: by the birthday bound a collision is near certain among 200 000 values.
    const values = Array.from({ length: 200_000 }, (_, i) => `ID${i}`);
    await expect(pseudonymizeAll(key, values, { length: 8 })).rejects.toMatchObject({ key: 'spec.pseudonym.collision' });
  });

  it('spread date shifts over ±maxDays without 0', async () => {
    const key = await PseudonymKey.fromBytes(KEY_BYTES);
    const seen = new Map<number, number>();
    for (let i = 0; i < 2000; i++) {
      const d = await dateShiftOffset(key, `S${i}`, 5);
      seen.set(d, (seen.get(d) ?? 0) + 1);
    }
    expect([...seen.keys()].sort((a, b) => a - b)).toEqual([-5, -4, -3, -2, -1, 1, 2, 3, 4, 5]);
    for (const n of seen.values()) expect(n).toBeGreaterThan(140); // 200 expected each
  });
});

describe('SHA-256 and HMAC in JavaScript', () => {
  it('match node:crypto on random inputs of every length around the block boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 300 }), fc.uint8Array({ minLength: 0, maxLength: 150 }), (msg, key) => {
        expect(Buffer.from(sha256(msg)).toString('hex')).toBe(createHash('sha256').update(msg).digest('hex'));
        expect(Buffer.from(hmacSha256(key)(msg)).toString('hex')).toBe(createHmac('sha256', key).update(msg).digest('hex'));
      }),
      { numRuns: 400 },
    );
    for (let n = 50; n <= 130; n++) {
      const msg = new Uint8Array(n).map((_, i) => i * 7);
      expect(Buffer.from(sha256(msg)).toString('hex')).toBe(createHash('sha256').update(msg).digest('hex'));
    }
    // FIPS 180-2 test vector
    expect(Buffer.from(sha256(new TextEncoder().encode('abc'))).toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
