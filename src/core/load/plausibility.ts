/**
 * How much decoded text looks like real Japanese, from 0 to 1 (share of non-ASCII
 * characters that are not suspicious). Used only to choose between Shift_JIS and EUC-JP
 * when both decode without error.
 *
 * Misreading one as the other yields private-use characters, C1 controls, and half-width
 * katakana glued directly to kanji or hiragana (a single lead byte read as ｶﾅ shifts the
 * pairing of every following byte), and EUC-JP kana read as Shift_JIS turn into ､ｱ･ｲ･ｳ: every
 * other character a half-width comma or middle dot. Genuine text rarely shows any of these.
 */
type CharClass = 'ascii' | 'kana' | 'kanji' | 'halfwidthKana' | 'symbol' | 'odd';

function classify(cp: number): CharClass {
  if (cp < 0x80) return 'ascii';
  if (cp >= 0x3040 && cp <= 0x30ff) return 'kana';
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff)) return 'kanji';
  if (cp >= 0xff61 && cp <= 0xff9f) return 'halfwidthKana';
  if (
    (cp >= 0x3000 && cp <= 0x303f) || // CJK punctuation
    (cp >= 0xff01 && cp <= 0xff60) || // full-width ASCII
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x2000 && cp <= 0x2bff) || // punctuation, arrows, maths, box drawing, ①
    (cp >= 0x3200 && cp <= 0x33ff) || // ㈱ ㍻ ㎡
    (cp >= 0x00a0 && cp <= 0x00ff) ||
    (cp >= 0x0370 && cp <= 0x04ff) // Greek and Cyrillic are in JIS X 0208
  ) {
    return 'symbol';
  }
  return 'odd';
}

const fullWidthLetter = (c: CharClass) => c === 'kana' || c === 'kanji';

/** ､ and ･: the bytes A4/A5 that start every EUC-JP hiragana/katakana, read as Shift_JIS. */
const isHalfwidthCommaOrDot = (cp: number) => cp === 0xff64 || cp === 0xff65;

export function plausibility(text: string): number {
  let nonAscii = 0;
  let suspicious = 0;
  let halfwidth = 0;
  let commaOrDot = 0;
  let prev: CharClass = 'ascii';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const cls = classify(cp);
    if (cls === 'halfwidthKana') {
      halfwidth++;
      if (isHalfwidthCommaOrDot(cp)) commaOrDot++;
    }
    if (cls === 'ascii') {
      prev = cls;
      continue;
    }
    nonAscii++;
    if (cls === 'odd') suspicious++;
    else if ((cls === 'halfwidthKana' && fullWidthLetter(prev)) || (fullWidthLetter(cls) && prev === 'halfwidthKana')) suspicious++;
    prev = cls;
  }
  if (commaOrDot > halfwidth * 0.25) suspicious += commaOrDot;
  return nonAscii === 0 ? 1 : Math.max(0, 1 - suspicious / nonAscii);
}
