import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidMyNumber, myNumberCheckDigit } from '../../../src/core/detect/index.ts';

describe('My Number check digit', () => {
  it('follows the official formula on worked examples', () => {
    // 1·2 + 0·3 + 9·4 + 8·5 + 7·6 + 6·7 + 5·2 + 4·3 + 3·4 + 2·5 + 1·6 = 212; 212 mod 11 = 3; 11 − 3 = 8
    expect(myNumberCheckDigit('12345678901')).toBe(8);
    expect(isValidMyNumber('123456789018')).toBe(true);
    expect(isValidMyNumber('1234-5678-9018')).toBe(true);
    expect(isValidMyNumber('1234 5678 9018')).toBe(true);
    expect(myNumberCheckDigit('00000000001')).toBe(9); // P1 = 1, Q1 = 2: 2 mod 11 = 2 → 11 − 2
    expect(myNumberCheckDigit('00000100000')).toBe(4); // P6 = 1, Q6 = 7: 7 → 11 − 7
    expect(myNumberCheckDigit('10000000000')).toBe(5); // P11 = 1, Q11 = 6: 6 → 11 − 6
    // A remainder of 0 or 1 gives 0.
    expect(myNumberCheckDigit('00000000000')).toBe(0);
    expect(myNumberCheckDigit('00000000006')).toBe(0); // 6 · 2 = 12, remainder 1
  });

  it('accepts exactly one check digit for any 11 digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{11}$/), (first11) => {
        const valid = [...'0123456789'].filter((d) => isValidMyNumber(first11 + d));
        expect(valid).toEqual([String(myNumberCheckDigit(first11))]);
      }),
    );
  });

  it('rejects other lengths and non-digits', () => {
    for (const v of ['12345678901', '1234567890180', '12345678901a', '', '１２３４５６７８９０１８']) expect(isValidMyNumber(v)).toBe(false);
  });
});
