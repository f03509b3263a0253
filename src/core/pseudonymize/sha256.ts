/**
 * SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104) in plain JavaScript, synchronous.
 *
 * Why not crypto.subtle for every value: each WebCrypto call is an async job costing
 * ~20 µs in Node 20, so a million distinct IDs took ~20 s. Here the HMAC pads are
 * hashed once per key (`hmacSha256`), and each value costs two compressions (~1 µs).
 * The key material this works from is a subkey that crypto.subtle derives from the
 * CryptoKey (see hmac.ts), so the user's key itself stays inside WebCrypto. Tests compare
 * every output with node:crypto on random inputs, including all block-boundary lengths.
 */
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const INITIAL = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

const W = new Int32Array(64);

/** One compression of the 64-byte block at `bytes[offset…]` into `state`. */
function compress(state: Int32Array, bytes: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++) {
    const j = offset + i * 4;
    W[i] = (bytes[j] << 24) | (bytes[j + 1] << 16) | (bytes[j + 2] << 8) | bytes[j + 3];
  }
  for (let i = 16; i < 64; i++) {
    const a = W[i - 15];
    const b = W[i - 2];
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
  }
  let a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (h + S1 + ch + K[i] + W[i]) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0] + a) | 0;
  state[1] = (state[1] + b) | 0;
  state[2] = (state[2] + c) | 0;
  state[3] = (state[3] + d) | 0;
  state[4] = (state[4] + e) | 0;
  state[5] = (state[5] + f) | 0;
  state[6] = (state[6] + g) | 0;
  state[7] = (state[7] + h) | 0;
}

/**
 * Hashes the first `length` bytes of `message` continuing from `start`, which has already
 * absorbed `prefixBytes` bytes (a multiple of 64), into `out`. `state` and `tail` are
 * scratch buffers the caller reuses, so hashing many short values allocates nothing here.
 */
function run(
  start: Int32Array,
  prefixBytes: number,
  message: Uint8Array,
  length: number,
  state: Int32Array,
  tail: Uint8Array,
  out: Uint8Array,
): void {
  state.set(start);
  const full = length - (length % 64);
  for (let off = 0; off < full; off += 64) compress(state, message, off);
  const restLen = length - full;
  const end = restLen < 56 ? 64 : 128;
  tail.fill(0, 0, end);
  for (let i = 0; i < restLen; i++) tail[i] = message[full + i];
  tail[restLen] = 0x80;
  const bits = (prefixBytes + length) * 8;
  // Bit length as a 64-bit big-endian integer (exact for inputs below 2^53 bits).
  const hi = Math.floor(bits / 2 ** 32);
  tail[end - 8] = hi >>> 24;
  tail[end - 7] = hi >>> 16;
  tail[end - 6] = hi >>> 8;
  tail[end - 5] = hi;
  tail[end - 4] = bits >>> 24;
  tail[end - 3] = bits >>> 16;
  tail[end - 2] = bits >>> 8;
  tail[end - 1] = bits;
  for (let off = 0; off < end; off += 64) compress(state, tail, off);
  for (let i = 0; i < 8; i++) {
    out[i * 4] = state[i] >>> 24;
    out[i * 4 + 1] = state[i] >>> 16;
    out[i * 4 + 2] = state[i] >>> 8;
    out[i * 4 + 3] = state[i];
  }
}

export function sha256(message: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  run(INITIAL, 0, message, message.length, new Int32Array(8), new Uint8Array(128), out);
  return out;
}

/**
 * HMAC-SHA256 with `key` fixed: the padded key blocks are hashed once, here. The returned
 * function hashes the first `length` bytes of a message (default all) and returns a new
 * 32-byte array.
 */
export function hmacSha256(key: Uint8Array): (message: Uint8Array, length?: number) => Uint8Array {
  const k = new Uint8Array(64);
  k.set(key.length > 64 ? sha256(key) : key);
  const pad = new Uint8Array(64);
  const inner = new Int32Array(INITIAL);
  const outer = new Int32Array(INITIAL);
  for (let i = 0; i < 64; i++) pad[i] = k[i] ^ 0x36;
  compress(inner, pad, 0);
  for (let i = 0; i < 64; i++) pad[i] = k[i] ^ 0x5c;
  compress(outer, pad, 0);
  k.fill(0);
  pad.fill(0);
  const state = new Int32Array(8);
  const tail = new Uint8Array(128);
  const innerDigest = new Uint8Array(32);
  return (message, length = message.length) => {
    run(inner, 64, message, length, state, tail, innerDigest);
    const out = new Uint8Array(32);
    run(outer, 64, innerDigest, 32, state, tail, out);
    return out;
  };
}
