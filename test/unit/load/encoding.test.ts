import { describe, expect, it } from 'vitest';
import { guessEncoding } from '../../../src/core/load/encoding.ts';
import { decodeToUtf8 } from '../../../src/core/load/decode.ts';
import { COVID_CP932, COVID_EUCJP, COVID_UTF8_BOM, fixture, POSTAL, tokumeiError, utf8 } from './fixtures.ts';

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const repeat = (b: Uint8Array, times: number) => {
  const out = new Uint8Array(b.length * times);
  for (let i = 0; i < times; i++) out.set(b, i * b.length);
  return out;
};
const decoded = (b: Uint8Array, encoding: string) => new TextDecoder(encoding, { fatal: true }).decode(b);

describe('guessEncoding', () => {
  it('is sure about the genuine Shift_JIS postal file', () => {
    expect(guessEncoding(fixture(POSTAL))).toEqual({ encoding: 'shift_jis', hadBom: false, confidence: 'sure', alternatives: [] });
  });

  it('tells CP932, EUC-JP and UTF-8 copies of the same data apart', () => {
    expect(guessEncoding(fixture(COVID_CP932))).toMatchObject({ encoding: 'shift_jis', confidence: 'sure' });
    expect(guessEncoding(fixture(COVID_EUCJP))).toMatchObject({ encoding: 'euc-jp', confidence: 'sure' });
    expect(guessEncoding(fixture(COVID_UTF8_BOM))).toEqual({ encoding: 'utf-8', hadBom: true, confidence: 'sure', alternatives: [] });
    expect(guessEncoding(fixture(COVID_UTF8_BOM).subarray(3))).toMatchObject({ encoding: 'utf-8', hadBom: false, confidence: 'sure' });
  });

  it('calls pure ASCII UTF-8', () => {
    expect(guessEncoding(utf8('id,age\n1,30\n'))).toEqual({ encoding: 'utf-8', hadBom: false, confidence: 'sure', alternatives: [] });
  });

  it('prefers EUC-JP when its kana would read as ､ｱ･ｲ in Shift_JIS', () => {
    // "ﾃｽﾄ,テスト\n" in EUC-JP; it also decodes as Shift_JIS, into 3 kanji and ･ﾆ･ｹ･ﾈ.
    const euc = new Uint8Array([0x8e, 0xc3, 0x8e, 0xbd, 0x8e, 0xc4, 0x2c, 0xa5, 0xc6, 0xa5, 0xb9, 0xa5, 0xc8, 0x0a]);
    expect(decoded(euc, 'shift_jis')).toMatch(/^[\u4e00-\u9fff]{3},･ﾆ･ｹ･ﾈ\n$/);
    expect(guessEncoding(euc)).toEqual({ encoding: 'euc-jp', hadBom: false, confidence: 'sure', alternatives: ['shift_jis'] });
  });

  it('is unsure when both legacy readings are plausible', () => {
    // Half-width "ｱｲｳｴ" in Shift_JIS is also two ordinary kanji in EUC-JP.
    const sjis = new Uint8Array([0xb1, 0xb2, 0xb3, 0xb4, 0x0a]);
    expect(decoded(sjis, 'euc-jp')).toMatch(/^[\u4e00-\u9fff]{2}\n$/);
    const guess = guessEncoding(sjis);
    expect(guess.confidence).toBe('unsure');
    expect([guess.encoding, ...guess.alternatives].sort()).toEqual(['euc-jp', 'shift_jis']);
  });

  it('finds Shift_JIS deep inside a large file that starts with ASCII', () => {
    const ascii = repeat(utf8('12345,67890,abcdefghij\r\n'), 300_000); // 7.2 MB
    const big = concat(ascii, fixture(POSTAL));
    expect(guessEncoding(big)).toMatchObject({ encoding: 'shift_jis', confidence: 'sure' });
  });

  it('does not reject UTF-8 when a sample window ends inside a character', () => {
    // Over the whole-file limit and without line feeds: windows end mid-character.
    const big = repeat(utf8('東京都千代田区,'), 300_000);
    expect(guessEncoding(big)).toMatchObject({ encoding: 'utf-8', confidence: 'sure' });
  });

  it('is unsure when nothing decodes cleanly', () => {
    const broken = concat(fixture(POSTAL).subarray(0, 1000), new Uint8Array([0xff, 0xff]), utf8('\r\n'));
    expect(guessEncoding(broken)).toMatchObject({ encoding: 'shift_jis', confidence: 'unsure' });
  });
});

describe('decodeToUtf8', () => {
  it('hands UTF-8 back without copying, minus the BOM', () => {
    const withBom = fixture(COVID_UTF8_BOM);
    const out = decodeToUtf8(withBom, 'utf-8');
    expect(out.buffer).toBe(withBom.buffer);
    expect(out.byteOffset).toBe(3);
    expect(out.length).toBe(withBom.length - 3);
    const plain = withBom.slice(3);
    expect(decodeToUtf8(plain, 'utf-8')).toBe(plain);
  });

  it('turns every copy of the same data into the same UTF-8', () => {
    const expected = new TextDecoder().decode(fixture(COVID_UTF8_BOM)); // drops the BOM
    expect(new TextDecoder().decode(decodeToUtf8(fixture(COVID_EUCJP), 'euc-jp'))).toBe(expected);
    expect(new TextDecoder().decode(decodeToUtf8(fixture(COVID_CP932), 'shift_jis'))).toBe(expected.replaceAll('\n', '\r\n'));
  });

  it('decodes half-width kana of the postal file', () => {
    const text = new TextDecoder().decode(decodeToUtf8(fixture(POSTAL), 'shift_jis'));
    expect(text.split('\r\n')[0]).toBe('13101,"100  ","1000000","ﾄｳｷｮｳﾄ","ﾁﾖﾀﾞｸ","ｲｶﾆｹｲｻｲｶﾞﾅｲﾊﾞｱｲ","東京都","千代田区","以下に掲載がない場合",0,0,0,0,0,0');
  });

  it('decodes inputs larger than one chunk exactly like a one-shot decoder', () => {
    const big = repeat(fixture(POSTAL), 20); // 9.8 MB, more than one 8 MB chunk
    expect(new TextDecoder().decode(decodeToUtf8(big, 'shift_jis'))).toBe(decoded(big, 'shift_jis'));
  });

  it('names the offset and line of the first invalid byte', async () => {
    const bytes = fixture(POSTAL).slice();
    const line3 = bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1;
    const offset = line3 + 30;
    bytes[offset] = 0xff; // never valid in Shift_JIS
    expect(await tokumeiError(() => decodeToUtf8(bytes, 'shift_jis'))).toEqual({
      key: 'load.decodeFailed',
      params: { encoding: 'shift_jis', offset, line: 3 },
    });
  });

  it('counts the offset in the original bytes, BOM included', async () => {
    const bytes = concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8('a,b\n1,'), new Uint8Array([0x93, 0x8c]), utf8('\n'));
    expect(await tokumeiError(() => decodeToUtf8(bytes, 'utf-8'))).toEqual({
      key: 'load.decodeFailed',
      params: { encoding: 'utf-8', offset: 9, line: 2 },
    });
  });

  it('reports Shift_JIS read as UTF-8 at the first byte UTF-8 cannot accept', async () => {
    const bytes = fixture(POSTAL);
    const first = bytes.findIndex((b) => b >= 0x80);
    // ﾄｳ is C4 B3, which happens to be valid UTF-8 (ĳ); ｷ (B7) is a stray continuation byte.
    expect([...bytes.subarray(first, first + 3)]).toEqual([0xc4, 0xb3, 0xb7]);
    expect((await tokumeiError(() => decodeToUtf8(bytes, 'utf-8'))).params).toEqual({ encoding: 'utf-8', offset: first + 2, line: 1 });
  });

  it('reports a character cut off at the end of the file', async () => {
    const bytes = concat(utf8('a\n'), new Uint8Array([0xe6, 0x9d])); // first 2 of 3 bytes of 東
    expect((await tokumeiError(() => decodeToUtf8(bytes, 'utf-8'))).params).toEqual({ encoding: 'utf-8', offset: 3, line: 2 });
  });
});
