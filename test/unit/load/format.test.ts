import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/core/load/format.ts';
import { gunzip } from '../../../src/core/load/gunzip.ts';
import { COVID_GZIP, COVID_UTF8_BOM, fixture, POSTAL, tokumeiError, utf8 } from './fixtures.ts';

const bytes = (...b: number[]) => new Uint8Array(b);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0);

describe('detectFormat', () => {
  it('recognises containers by their magic bytes', () => {
    expect(detectFormat(fixture(COVID_GZIP))).toBe('gzip');
    expect(detectFormat(utf8('PAR1\u0015\u0004'))).toBe('parquet');
    expect(detectFormat(utf8('ARROW1\0\0'))).toBe('arrow');
    expect(detectFormat(bytes(0xff, 0xff, 0xff, 0xff, 0x78, 0, 0, 0))).toBe('arrow');
  });

  it('treats Japanese text in any supported encoding as CSV', () => {
    expect(detectFormat(fixture(POSTAL))).toBe('csv');
    expect(detectFormat(fixture(COVID_UTF8_BOM))).toBe('csv');
    expect(detectFormat(utf8('a\tb\r\n1\t2\r\n'))).toBe('csv');
  });

  it('accepts a trailing Ctrl-Z (DOS end-of-file mark)', () => {
    expect(detectFormat(utf8('a,b\r\n1,2\r\n\u001a'))).toBe('csv');
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'load.empty'],
    ['a PNG image', PNG, 'load.binary'],
    ['NUL bytes in text', utf8('a,b\n1,\u00002\n'), 'load.binary'],
    ['many control characters', utf8('a\u0001b\u0002c\u0003d\u0004e\u0005'), 'load.binary'],
    ['an .xlsx (ZIP) file', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0), 'load.zip'],
    ['an .xls (OLE2) file', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0), 'load.excel'],
  ])('refuses %s with %s', async (_, input, key) => {
    expect((await tokumeiError(() => detectFormat(input))).key).toBe(key);
  });

  it.each([
    ['UTF-16LE with BOM', bytes(0xff, 0xfe, 0x61, 0, 0x2c, 0, 0x62, 0), 'UTF-16'],
    ['UTF-16BE with BOM', bytes(0xfe, 0xff, 0, 0x61, 0, 0x2c, 0, 0x62), 'UTF-16'],
    ['UTF-16LE without BOM', new Uint8Array(Buffer.from('name,age\nyamada,30\n', 'utf16le')), 'UTF-16'],
    ['ISO-2022-JP', bytes(0x1b, 0x24, 0x42, 0x46, 0x7c, 0x4b, 0x5c, 0x1b, 0x28, 0x42, 0x2c, 0x31, 0x0a), 'ISO-2022-JP'],
  ])('names the unsupported encoding of %s', async (_, input, encoding) => {
    expect(await tokumeiError(() => detectFormat(input))).toEqual({ key: 'load.unsupportedEncoding', params: { encoding } });
  });
});

describe('gunzip', () => {
  it('restores the exact bytes gzip compressed', async () => {
    expect(await gunzip(fixture(COVID_GZIP))).toEqual(fixture(COVID_UTF8_BOM));
  });

  it('reports a truncated file as truncated', async () => {
    const gz = fixture(COVID_GZIP);
    for (const cut of [gz.length - 4, Math.floor(gz.length / 2), 12]) {
      expect((await tokumeiError(() => gunzip(gz.subarray(0, cut)))).key).toBe('load.gzipTruncated');
    }
  });

  it('reports corrupt compressed data', async () => {
    const gz = fixture(COVID_GZIP).slice();
    for (let i = 20; i < 60; i++) gz[i] ^= 0xff;
    const err = await tokumeiError(() => gunzip(gz));
    expect(err.key).toBe('load.gzipCorrupt');
    expect(String(err.params.detail)).not.toBe('');
  });
});
