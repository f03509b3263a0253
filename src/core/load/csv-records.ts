/**
 * A small RFC 4180 reader for sniffing only (DuckDB reads the real data): quoted fields
 * may hold delimiters, doubled quotes and line breaks; CRLF, LF and CR end records.
 * Blank lines are skipped, as DuckDB does for multi-column files. Fields are cut out with
 * slice() rather than built per character, since this runs once per candidate delimiter.
 */
export interface RecordSample {
  records: string[][];
  /** A quote was still open at the end of the text. */
  unterminatedQuote: boolean;
}

const LF = 10;
const CR = 13;

export function readRecords(text: string, delimiter: string, quote: string, maxRecords: number, complete: boolean): RecordSample {
  const d = delimiter.charCodeAt(0);
  const q = quote.charCodeAt(0);
  const n = text.length;
  const records: string[][] = [];
  let fields: string[] = [];
  let i = 0;
  while (i < n && records.length < maxRecords) {
    // One field starting at i.
    let value: string;
    if (text.charCodeAt(i) === q) {
      let out = '';
      let from = i + 1;
      let j = from;
      for (;;) {
        j = text.indexOf(quote, j);
        if (j < 0) return { records, unterminatedQuote: true };
        if (text.charCodeAt(j + 1) === q) {
          out += text.slice(from, j + 1);
          j += 2;
          from = j;
          continue;
        }
        break;
      }
      out += text.slice(from, j);
      i = j + 1;
      // Anything between the closing quote and the next delimiter is kept, as DuckDB's lenient reading would.
      let k = i;
      while (k < n && text.charCodeAt(k) !== d && text.charCodeAt(k) !== LF && text.charCodeAt(k) !== CR) k++;
      value = out + text.slice(i, k);
      i = k;
    } else {
      let k = i;
      while (k < n && text.charCodeAt(k) !== d && text.charCodeAt(k) !== LF && text.charCodeAt(k) !== CR) k++;
      value = text.slice(i, k);
      i = k;
    }
    fields.push(value);
    if (i >= n) {
      // A sample cut mid-record would report a wrong field count for its last record.
      if (complete) records.push(fields);
      break;
    }
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i >= n && complete) {
        fields.push('');
        records.push(fields);
      }
      continue;
    }
    // End of line: keep the record unless the line was blank.
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    if (fields.length > 1 || fields[0] !== '') records.push(fields);
    fields = [];
  }
  return { records, unterminatedQuote: false };
}
