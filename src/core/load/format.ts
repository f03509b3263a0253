import { TokumeiError } from '../errors.ts';
import type { SourceFormat } from './types.ts';

export type DetectedFormat = SourceFormat | 'gzip';

/** How much of the file start is enough to recognise a format and spot binary data. */
export const HEAD_BYTES = 64 * 1024;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const GZIP = [0x1f, 0x8b];
const PARQUET = ascii('PAR1');
const ARROW_FILE = ascii('ARROW1');
/** IPC stream messages start with the 0xFFFFFFFF continuation marker. */
const ARROW_STREAM = [0xff, 0xff, 0xff, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const UTF16_LE = [0xff, 0xfe];
const UTF16_BE = [0xfe, 0xff];

/**
 * Recognise the container from the first bytes of a file (pass at least HEAD_BYTES when the
 * file is larger). Anything unrecognised must be text, and is refused if it plainly is not:
 * an operator who drops an .xlsx or an image gets told so instead of a garbled table.
 */
export function detectFormat(head: Uint8Array): DetectedFormat {
  if (head.length === 0) throw new TokumeiError('load.empty');
  if (startsWith(head, GZIP)) return 'gzip';
  if (startsWith(head, PARQUET)) return 'parquet';
  if (startsWith(head, ARROW_FILE)) return 'arrow';
  if (startsWith(head, ARROW_STREAM)) return 'arrow';
  if (startsWith(head, ZIP)) throw new TokumeiError('load.zip');
  if (startsWith(head, OLE2)) throw new TokumeiError('load.excel');
  if (startsWith(head, UTF16_LE) || startsWith(head, UTF16_BE)) {
    throw new TokumeiError('load.unsupportedEncoding', { encoding: 'UTF-16' });
  }
  assertText(head.subarray(0, HEAD_BYTES));
  return 'csv';
}

/** ESC $ B, ESC $ @, ESC ( J: the shift sequences of ISO-2022-JP (JIS code). */
function hasIso2022JpEscape(sample: Uint8Array): boolean {
  for (let i = sample.indexOf(0x1b); i >= 0 && i + 2 < sample.length; i = sample.indexOf(0x1b, i + 1)) {
    const a = sample[i + 1];
    const b = sample[i + 2];
    if ((a === 0x24 && (b === 0x42 || b === 0x40)) || (a === 0x28 && (b === 0x4a || b === 0x42))) return true;
  }
  return false;
}

/** UTF-16 without a BOM: NULs concentrated on one byte parity (the high byte of ASCII). */
function looksUtf16(sample: Uint8Array): boolean {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 === 0 ? even++ : odd++);
  const half = sample.length / 2;
  return Math.max(even, odd) > half * 0.3 && Math.min(even, odd) < half * 0.05;
}

function assertText(sample: Uint8Array): void {
  if (hasIso2022JpEscape(sample)) throw new TokumeiError('load.unsupportedEncoding', { encoding: 'ISO-2022-JP' });
  let nul = 0;
  let control = 0;
  const last = sample.length - 1;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0) nul++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) {
      // A final Ctrl-Z is the end-of-file mark of old DOS/Windows tools, not binary content.
      if (!(b === 0x1a && i === last)) control++;
    } else if (b === 0x7f) control++;
  }
  if (nul > 0) {
    if (looksUtf16(sample)) throw new TokumeiError('load.unsupportedEncoding', { encoding: 'UTF-16' });
    throw new TokumeiError('load.binary');
  }
  if (control > Math.max(2, sample.length * 0.01)) throw new TokumeiError('load.binary');
}
