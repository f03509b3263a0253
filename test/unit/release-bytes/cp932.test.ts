import { describe, expect, it } from 'vitest';
import { encodeCp932, findUnmappable } from '../../../src/core/release/cp932.ts';
import { isTokumeiError } from '../../../src/core/errors.ts';

const sjis = new TextDecoder('shift_jis');
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
// The four characters WHATWG encodes to a byte that decodes as another character.
const ONE_WAY: Record<number, number> = { 0xa5: 0x5c, 0x203e: 0x7e, 0x2212: 0xff0d };

const pointer = (lead: number, trail: number) => (lead - (lead < 0xa0 ? 0x81 : 0xc1)) * 188 + trail - (trail < 0x7f ? 0x40 : 0x41);

describe('encodeCp932', () => {
  it('round-trips every encodable BMP character through the platform Shift_JIS decoder', () => {
    // Collected, then compared once: 65 536 separate expects take seconds.
    const wrong: string[] = [];
    let encodable = 0;
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCharCode(c);
      const name = `U+${c.toString(16)}`;
      let bytes: Uint8Array;
      try {
        bytes = encodeCp932(s);
      } catch (e) {
        if (!isTokumeiError(e) || findUnmappable(s)?.index !== 0) wrong.push(`${name} refused inconsistently`);
        continue;
      }
      encodable++;
      if (findUnmappable(s) !== null) wrong.push(`${name} encoded but reported unmappable`);
      // ASCII and U+0080 are single bytes by rule; Node's ICU decoder swaps 0x1A/0x1C/0x7F and rejects 0x80, so check the byte.
      if (c <= 0x80) {
        if (bytes.length !== 1 || bytes[0] !== c) wrong.push(`${name} → ${hex(bytes)}`);
        continue;
      }
      const back = sjis.decode(bytes);
      if (back !== String.fromCharCode(ONE_WAY[c] ?? c)) wrong.push(`${name} → ${hex(bytes)} → ${back}`);
    }
    expect(wrong).toEqual([]);
    // Nothing the decoder can produce from a double-byte code (outside the user-defined area) is left out.
    const decodable = new Set<string>();
    for (let lead = 0x81; lead <= 0xfc; lead++) {
      for (let trail = 0x40; trail <= 0xfc; trail++) {
        const s = sjis.decode(new Uint8Array([lead, trail]));
        if (s.length === 1 && s !== '\ufffd' && !(s >= '\ue000' && s <= '\uf8ff') && s.charCodeAt(0) > 0x80) decodable.add(s);
      }
    }
    // ASCII + U+0080 (129), ¥ ‾ − (3), and the 63 halfwidth katakana are single bytes by rule.
    expect(encodable).toBe(129 + 3 + 63 + [...decodable].filter((s) => !(s >= '\uff61' && s <= '\uff9f')).length);
  });

  it('encodes to the first jis0208 pointer: every double-byte code decodes to a character whose encoding decodes to it again', () => {
    const wrong: string[] = [];
    for (let lead = 0x81; lead <= 0xfc; lead++) {
      if (lead >= 0xa0 && lead < 0xe0) continue;
      for (let trail = 0x40; trail <= 0xfc; trail++) {
        if (trail === 0x7f) continue;
        const s = sjis.decode(new Uint8Array([lead, trail]));
        if (s.length !== 1 || s === '\ufffd' || (s >= '\ue000' && s <= '\uf8ff')) continue;
        const bytes = encodeCp932(s);
        if (sjis.decode(bytes) !== s) wrong.push(`${lead.toString(16)}${trail.toString(16)} ${s}`);
        // First pointer wins, except that NEC-selected IBM extensions (pointers 8272–8835) are never written.
        const p = pointer(lead, trail);
        const q = bytes.length === 2 ? pointer(bytes[0], bytes[1]) : -1;
        if (q > p && !(p >= 8272 && p <= 8835)) wrong.push(`${s}: ${hex(bytes)} is not the first code`);
        if (q >= 8272 && q <= 8835) wrong.push(`${s}: ${hex(bytes)} is a NEC-selected IBM extension`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('writes Japanese medical text as CP932 users expect', () => {
    expect(hex(encodeCp932('氏名'))).toBe('8e8196bc');
    expect(hex(encodeCp932('①'))).toBe('8740'); // NEC row 13
    expect(hex(encodeCp932('㈱'))).toBe('878a');
    expect(hex(encodeCp932('髙'))).toBe('fbfc'); // IBM extension, not the NEC-selected duplicate at ED..
    expect(hex(encodeCp932('﨑'))).toBe('fab1');
    expect(hex(encodeCp932('ⅰ'))).toBe('fa40'); // small roman numeral: IBM code, as Windows writes it
    expect(hex(encodeCp932('～'))).toBe('8160'); // FULLWIDTH TILDE is CP932's wave dash
    expect(hex(encodeCp932('ｶﾙﾃ'))).toBe('b6d9c3');
    expect(hex(encodeCp932('¥\\~'))).toBe('5c5c7e');
    expect(hex(encodeCp932('−'))).toBe('817c');
    expect(hex(encodeCp932('∵￢'))).toBe('81e681ca'); // JIS row 2, not the NEC row 13 / IBM duplicates
    expect(sjis.decode(encodeCp932('糖尿病（２型）、ＨｂＡ１ｃ 7.2％'))).toBe('糖尿病（２型）、ＨｂＡ１ｃ 7.2％');
  });

  it('refuses what CP932 cannot hold, naming the character and its code point', () => {
    for (const [s, cp] of [['〜', 'U+301C'], ['😷', 'U+1F637'], ['é', 'U+00E9'], ['\ue000', 'U+E000'], ['\u00a0', 'U+00A0']] as const) {
      try {
        encodeCp932(`患者${s}様`);
        expect.unreachable(s);
      } catch (e) {
        expect(isTokumeiError(e) && e.key).toBe('releaseBytes.cp932.unmappable');
        expect(isTokumeiError(e) && e.params).toEqual({ char: s, codePoint: cp });
      }
      expect(findUnmappable(`患者${s}様`)).toEqual({ index: 2, char: s, codePoint: cp });
    }
  });
});
