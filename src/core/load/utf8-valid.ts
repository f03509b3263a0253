/**
 * Whether bytes are well-formed UTF-8 (the same set the WHATWG fatal decoder accepts:
 * no overlongs, no surrogates, nothing above U+10FFFF). Several times faster than a fatal
 * TextDecoder, which has to build the strings; large UTF-8 files are only checked, never
 * converted, so this is the whole cost of accepting them. Branches are spelled out per
 * sequence length because this loop runs once per byte of the file.
 */
export function isUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
    } else if (b < 0xe0) {
      if (b < 0xc2 || i + 1 >= n || (bytes[i + 1] & 0xc0) !== 0x80) return false;
      i += 2;
    } else if (b < 0xf0) {
      if (i + 2 >= n) return false;
      const b1 = bytes[i + 1];
      if ((bytes[i + 2] & 0xc0) !== 0x80) return false;
      if (b === 0xe0 ? b1 < 0xa0 || b1 > 0xbf : b === 0xed ? b1 < 0x80 || b1 > 0x9f : (b1 & 0xc0) !== 0x80) return false;
      i += 3;
    } else {
      if (b > 0xf4 || i + 3 >= n) return false;
      const b1 = bytes[i + 1];
      if ((bytes[i + 2] & 0xc0) !== 0x80 || (bytes[i + 3] & 0xc0) !== 0x80) return false;
      if (b === 0xf0 ? b1 < 0x90 || b1 > 0xbf : b === 0xf4 ? b1 < 0x80 || b1 > 0x8f : (b1 & 0xc0) !== 0x80) return false;
      i += 4;
    }
  }
  return true;
}
