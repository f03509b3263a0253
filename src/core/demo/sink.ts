import { daysFromCivil, isoDate } from './dates.ts';

const encoder = new TextEncoder();
const vocabulary = new Map<string, Uint8Array>();

/** UTF-8 of a string from a small, fixed vocabulary (departments, drug names…), encoded once. */
export function vocab(s: string): Uint8Array {
  let b = vocabulary.get(s);
  if (!b) vocabulary.set(s, (b = encoder.encode(s)));
  return b;
}

const POW10 = [1, 10, 100, 1000, 10000, 100000];
/** Every date from 1900 to 2030 is printed once into one flat buffer (10 bytes a day) and then copied. */
const DATE_CACHE_FROM = daysFromCivil(1900, 1, 1);
const DATE_CACHE_DAYS = daysFromCivil(2031, 1, 1) - DATE_CACHE_FROM;
const DATE_CACHE = new Uint8Array(DATE_CACHE_DAYS * 10);
const DOT = 0x2e;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const ZERO = 0x30;
/** Room reserved per row; the longest demo row is well under 1 KiB. */
const ROW_ROOM = 4096;

/**
 * Writes CSV rows straight into fixed-size UTF-8 chunks. Most fields are ASCII (IDs,
 * dates, numbers) or come from a small vocabulary, so rows are assembled as bytes
 * without building strings: the garbage of millions of short-lived strings, not the
 * random draws, was what made generation slow.
 */
export class ByteSink {
  private buf: Uint8Array;
  private pos = 0;
  private rows = 0;
  readonly ready: { bytes: Uint8Array; rows: number }[] = [];

  constructor(private readonly size: number) {
    this.buf = new Uint8Array(Math.max(size, ROW_ROOM) + ROW_ROOM);
  }

  /** Text that may hold anything (names, addresses); the caller has CSV-quoted it. */
  text(s: string): this {
    this.pos += encoder.encodeInto(s, this.buf.subarray(this.pos)).written;
    return this;
  }

  /** A string known to be ASCII. */
  ascii(s: string): this {
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
    this.pos = p;
    return this;
  }

  bytes(b: Uint8Array): this {
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < b.length; i++) buf[p++] = b[i];
    this.pos = p;
    return this;
  }

  comma(): this {
    this.buf[this.pos++] = COMMA;
    return this;
  }

  /** A non-negative integer, left-padded with zeros to `width` digits. */
  int(n: number, width = 1): this {
    if (n >= 2 ** 31) return this.ascii(String(n).padStart(width, '0'));
    let digits = 1;
    for (let x = n; x >= 10; x = (x / 10) | 0) digits++;
    const len = digits > width ? digits : width;
    const buf = this.buf;
    let p = this.pos + len;
    this.pos = p;
    for (let i = 0; i < len; i++) {
      const q = (n / 10) | 0;
      buf[--p] = ZERO + n - q * 10;
      n = q;
    }
    return this;
  }

  /**
   * A value already rounded to `decimals` places, printed as toFixed would print it
   * (rounding the scaled value only removes binary noise such as 7.1 * 10 = 70.99…).
   */
  fixed(x: number, decimals: number): this {
    const scale = POW10[decimals];
    const scaled = Math.round(x * scale);
    if (x < 0 || !(scaled < 2 ** 31)) return this.ascii(x.toFixed(decimals));
    const whole = (scaled / scale) | 0;
    this.int(whole);
    if (decimals === 0) return this;
    this.buf[this.pos++] = DOT;
    return this.int(scaled - whole * scale, decimals);
  }

  /** YYYY-MM-DD of a day number (days since 1970-01-01). */
  date(days: number): this {
    const i = days - DATE_CACHE_FROM;
    if (!(i >= 0 && i < DATE_CACHE_DAYS)) return this.ascii(isoDate(days));
    const at = i * 10;
    if (DATE_CACHE[at] === 0) encoder.encodeInto(isoDate(days), DATE_CACHE.subarray(at, at + 10));
    const buf = this.buf;
    let p = this.pos;
    for (let k = at; k < at + 10; k++) buf[p++] = DATE_CACHE[k];
    this.pos = p;
    return this;
  }

  /** Make room for a row before writing it; rows never straddle chunks. */
  beginRow(): this {
    if (this.pos + ROW_ROOM > this.buf.length) this.flush();
    return this;
  }

  endRow(): void {
    this.buf[this.pos++] = NEWLINE;
    this.rows++;
    if (this.pos >= this.size) this.flush();
  }

  /** A header or other complete lines, counted as `rows` data rows. */
  lines(text: string, rows: number): void {
    const need = text.length * 3;
    if (this.pos + need > this.buf.length) {
      this.flush();
      if (need > this.buf.length) this.buf = new Uint8Array(need + ROW_ROOM);
    }
    this.text(text);
    this.rows += rows;
  }

  /** Move what has been written into `ready` and start a new buffer. */
  flush(): void {
    if (this.pos === 0) return;
    this.ready.push({ bytes: this.buf.slice(0, this.pos), rows: this.rows });
    this.pos = 0;
    this.rows = 0;
  }
}
