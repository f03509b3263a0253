/**
 * Zip record layout (PKWARE APPNOTE 6.3.x) shared by the writer and the reader.
 * Sizes and offsets are JS numbers: exact up to 2^53, far beyond any package.
 */

export const SIG = {
  local: 0x04034b50,
  dataDescriptor: 0x08074b50,
  central: 0x02014b50,
  end: 0x06054b50,
  zip64End: 0x06064b50,
  zip64Locator: 0x07064b50,
} as const;

export const METHOD_STORE = 0;
export const METHOD_DEFLATE = 8;
/** General-purpose flags: bit 3 = sizes and CRC follow the data; bit 11 = names are UTF-8. */
export const FLAG_DATA_DESCRIPTOR = 0x0008;
export const FLAG_UTF8 = 0x0800;
/** A 32-bit size or offset field holding this value means "see the zip64 record". */
export const U32_MARK = 0xffffffff;
export const U16_MARK = 0xffff;
export const ZIP64_EXTRA_ID = 0x0001;

/** Little-endian record builder. */
export class LeWriter {
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private at = 0;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }
  u16(v: number): this {
    this.view.setUint16(this.at, v, true);
    this.at += 2;
    return this;
  }
  u32(v: number): this {
    this.view.setUint32(this.at, v, true);
    this.at += 4;
    return this;
  }
  u64(v: number): this {
    this.view.setUint32(this.at, v % 2 ** 32, true);
    this.view.setUint32(this.at + 4, Math.floor(v / 2 ** 32), true);
    this.at += 8;
    return this;
  }
  raw(b: Uint8Array): this {
    this.bytes.set(b, this.at);
    this.at += b.length;
    return this;
  }
  done(): Uint8Array {
    if (this.at !== this.bytes.length) throw new Error(`zip record: wrote ${this.at} of ${this.bytes.length} bytes`);
    return this.bytes;
  }
}

export function readU64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
}
