import { TokumeiError } from '../errors.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import { guessEncoding } from '../load/encoding.ts';
import { asNumber, compareCodes } from './argus-recode.ts';
import type { Hierarchy } from './types.ts';

export { grcToHierarchy, orderGrcLevels, recodeValue } from './argus-recode.ts';

/**
 * μ-ARGUS global recode files (.grc), as μ-ARGUS 4.x/5.x read them: the grammar of the recode
 * parser in sdcTools/libmuargus (CMuArgCtrl::ParseRecodeString and ReadWord), the settings the
 * μ-ARGUS GUI's .grc reader accepts, and the demo files shipped with sdcTools/muargus:
 *
 *   new code : old code, old code - old code, - old code, old code -
 *
 * One line per new code: `a` one code, `a-b` a range, `-b` every code up to b, `a-` every code
 * from a. Spaces around codes are insignificant; a code holding spaces, ',', ':' or '-' is
 * written in double quotes (no escapes). Blank lines are skipped. A line starting with `<` is a
 * setting: `<MISSING> c1 [c2]` (the new variable's missing-value codes) or `<CODELIST> file`
 * (labels of the new codes). μ-ARGUS has no comment syntax, so neither do we. When codes of two
 * lines overlap, the later line wins (μ-ARGUS warns and does the same). Codes no line mentions
 * keep their value. A .grc file always recodes the original codes, never another recode.
 */

export type GrcItem =
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'range'; readonly from: string; readonly to: string }
  | { readonly kind: 'upTo'; readonly to: string }
  | { readonly kind: 'from'; readonly from: string };

export interface GrcRule {
  /** The new code (level label). */
  readonly code: string;
  readonly items: readonly GrcItem[];
  /** 1-based line in the file. */
  readonly line: number;
}

/** One .grc file: one recoding of the original codes, i.e. one hierarchy level. */
export interface GrcRecode {
  /** File name, for messages. */
  readonly name: string;
  readonly rules: readonly GrcRule[];
  /** `<MISSING>` codes. Kept for reference only: Tokumei's missing values are NULLs, which stay NULL at every level. */
  readonly missing: readonly string[];
  /** `<CODELIST>` file that labels the new codes; not read (the codes themselves become the labels). */
  readonly codelist?: string;
}

/** Reads a .grc file. Bytes are decoded as UTF-8, or as Shift_JIS (CP932) or EUC-JP when they are not UTF-8 (as CSV files are). */
export function parseGrc(input: string | Uint8Array, name = 'recode.grc'): GrcRecode {
  const text = typeof input === 'string' ? input : decode(input, name);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rules: GrcRule[] = [];
  let missing: string[] = [];
  let codelist: string | undefined;
  body.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const r = new LineReader(raw, i + 1, name);
    r.skipSpace();
    if (r.done()) return;
    if (r.peek() === '<') {
      const setting = r.setting();
      if (setting.key === 'MISSING') missing = setting.values;
      else codelist = setting.values[0];
      return;
    }
    rules.push(r.rule());
  });
  if (rules.length === 0) throw new TokumeiError('argus.grc.noRules', { name });
  return { name, rules, missing, ...(codelist !== undefined ? { codelist } : {}) };
}

function decode(bytes: Uint8Array, name: string): string {
  const { encoding } = guessEncoding(bytes);
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new TokumeiError('argus.grc.encoding', { name }, { cause });
  }
}

const SPACE = /\s/;

/** A cursor over one line; errors carry the file, the line and the 1-based column. */
class LineReader {
  private i = 0;
  constructor(
    private readonly text: string,
    private readonly line: number,
    private readonly name: string,
  ) {}

  done(): boolean {
    return this.i >= this.text.length;
  }
  peek(): string {
    return this.text[this.i] ?? '';
  }
  skipSpace(): void {
    while (!this.done() && SPACE.test(this.peek())) this.i++;
  }
  /** What stands at the cursor, for messages: one word, or the single punctuation mark. */
  found(): string {
    const m = /^[^\s,:\-"]+/.exec(this.text.slice(this.i));
    return m ? m[0] : this.peek();
  }
  fail(key: MessageKey, params: Record<string, string | number> = {}): never {
    throw new TokumeiError(key, { name: this.name, line: this.line, column: this.i + 1, ...params });
  }

  /** `"quoted"` or a run of characters up to a space, '-', ',' or `stop`; null when there is none. */
  code(stop: string): string | null {
    if (this.peek() === '"') {
      const end = this.text.indexOf('"', this.i + 1);
      if (end < 0) this.fail('argus.grc.unclosedQuote');
      const c = this.text.slice(this.i + 1, end);
      if (c.trim() === '') this.fail('argus.grc.emptyCode');
      this.i = end + 1;
      return c.trim();
    }
    const start = this.i;
    while (!this.done() && !SPACE.test(this.peek()) && this.peek() !== '-' && this.peek() !== ',' && this.peek() !== stop) this.i++;
    return this.i > start ? this.text.slice(start, this.i) : null;
  }

  rule(): GrcRule {
    const line = this.line;
    if (this.peek() === '-') this.fail('argus.grc.newCodeRange');
    const code = this.code(':');
    if (code === null) this.fail(this.peek() === ':' ? 'argus.grc.noNewCode' : 'argus.grc.unexpected', { found: this.found() });
    this.skipSpace();
    if (this.peek() === '-') this.fail('argus.grc.newCodeRange');
    if (this.done()) this.fail('argus.grc.noColon');
    if (this.peek() !== ':') this.fail('argus.grc.unexpected', { found: this.found() });
    this.i++;
    const items: GrcItem[] = [];
    for (;;) {
      items.push(this.item());
      this.skipSpace();
      if (this.done()) return { code, items, line };
      if (this.peek() !== ',') this.fail('argus.grc.unexpected', { found: this.found() });
      this.i++;
    }
  }

  private item(): GrcItem {
    this.skipSpace();
    const upTo = this.peek() === '-';
    if (upTo) {
      this.i++;
      this.skipSpace();
    }
    const a = this.code(',');
    if (a === null) this.fail(this.done() || this.peek() === ',' ? 'argus.grc.emptyCode' : 'argus.grc.unexpected', { found: this.found() });
    this.skipSpace();
    if (this.peek() !== '-') return upTo ? { kind: 'upTo', to: a } : { kind: 'code', code: a };
    if (upTo) this.fail('argus.grc.unexpected', { found: '-' });
    this.i++;
    this.skipSpace();
    const b = this.done() || this.peek() === ',' ? null : this.code(',');
    if (b === null) {
      if (!this.done() && this.peek() !== ',') this.fail('argus.grc.unexpected', { found: this.found() });
      return { kind: 'from', from: a };
    }
    if (compareCodes(a, b) > 0) this.fail('argus.grc.rangeReversed', { from: a, to: b });
    return { kind: 'range', from: a, to: b };
  }

  /** `<MISSING> a b` or `<CODELIST> file` (keywords in any case, as μ-ARGUS's own files differ). */
  setting(): { key: 'MISSING' | 'CODELIST'; values: string[] } {
    const rest = this.text.slice(this.i);
    const m = /^<([^>\s]*)>/.exec(rest);
    const key = m?.[1].toUpperCase();
    const values = [...(m ? rest.slice(m[0].length) : '').matchAll(/"([^"]*)"|[^\s,"]+/g)].map((v) => (v[1] ?? v[0]).trim()).filter((v) => v !== '');
    if (key === 'MISSING') {
      if (values.length < 1 || values.length > 2) this.fail('argus.grc.missingCodes');
      return { key, values };
    }
    if (key === 'CODELIST') {
      if (values.length !== 1) this.fail('argus.grc.codelistFile');
      return { key, values };
    }
    return this.fail('argus.grc.unknownSetting', { setting: m ? m[0] : rest.split(/\s/)[0] });
  }
}

/**
 * One level of a hierarchy as a .grc file: per label (in order of first value) the original
 * values it covers. When every value is a distinct number, runs of consecutive values with one
 * label are written as ranges `a-b`; text codes are listed one by one, so a range never takes
 * in codes it was not meant for. Reading the file back gives the same labels for these values.
 */
export function formatGrc(h: Hierarchy, level: number): string {
  if (!Number.isInteger(level) || level < 1 || level >= h.levels) throw new TokumeiError('argus.grc.level', { level, max: h.levels - 1 });
  const byTrimmed = new Map<string, string>();
  for (const r of h.rows) {
    const key = r[0].trim();
    const seen = byTrimmed.get(key);
    if (seen !== undefined && seen !== r[level]) throw new TokumeiError('argus.grc.cannotWrite', { value: r[0] });
    byTrimmed.set(key, r[level]);
  }
  const numbers = h.rows.map((r) => asNumber(r[0].trim()));
  const numeric = numbers.every((n) => n !== null) && new Set(numbers).size === numbers.length;
  const rows = numeric ? [...h.rows].sort((a, b) => asNumber(a[0].trim())! - asNumber(b[0].trim())!) : h.rows;
  const lines = new Map<string, string[]>();
  for (let i = 0; i < rows.length; i++) {
    const label = rows[i][level];
    let j = i;
    if (numeric) while (j + 1 < rows.length && rows[j + 1][level] === label) j++;
    const item = j > i ? `${quote(rows[i][0])}-${quote(rows[j][0])}` : quote(rows[i][0]);
    const items = lines.get(label) ?? [];
    items.push(item);
    lines.set(label, items);
    i = j;
  }
  return [...lines].map(([label, items]) => `${quote(label, true)} : ${items.join(', ')}`).join('\n') + '\n';
}

/** A code as the grammar reads it back; codes are read trimmed, so a label (`exact`) must not need trimming. */
function quote(code: string, exact = false): string {
  const c = code.trim();
  if (c === '' || /["\r\n]/.test(c) || (exact && c !== code)) throw new TokumeiError('argus.grc.cannotWrite', { value: code });
  return /[\s,:\-<]/.test(c) ? `"${c}"` : c;
}
