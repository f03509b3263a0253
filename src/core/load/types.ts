/** Shared vocabulary of the load pipeline (detect → decode → sniff → raw VARCHAR table → reviewed casts). */

export type SourceFormat = 'csv' | 'parquet' | 'arrow';
export type TextEncoding = 'utf-8' | 'shift_jis' | 'euc-jp';

export interface EncodingGuess {
  encoding: TextEncoding;
  hadBom: boolean;
  /** 'sure' when only one candidate decodes without error and looks like text; 'unsure' asks the user. */
  confidence: 'sure' | 'unsure';
  /** Other encodings that also decoded cleanly, for the manual override. */
  alternatives: TextEncoding[];
}

export interface CsvDialect {
  delimiter: string;
  quote: string;
  hasHeader: boolean;
  /**
   * Final column names, in file order: the header's names made unique (case-insensitively,
   * as DuckDB requires) with blanks filled, or column1..columnN when there is no header.
   */
  columns: string[];
}

/** The reviewable decision for one column's type: the user sees `reason` and may override `target`. */
export interface ColumnTyping {
  column: string;
  target: ColumnType;
  /** Why this type was chosen, as a message key + params, e.g. leading zeros keep a code as text. */
  reason: { key: string; params?: Record<string, string | number> };
  /** Non-null values in the sample that the cast could not convert (they would become NULL). */
  failures: number;
  /** Japanese era dates seen (converted to the Gregorian calendar). */
  eraDates?: number;
  /** How many rows the counts above were computed on (a sample when the table is large). */
  checkedRows: number;
}

export type ColumnType = 'VARCHAR' | 'BIGINT' | 'DOUBLE' | 'DATE' | 'TIMESTAMP' | 'BOOLEAN';

export interface LoadReport {
  table: string;
  format: SourceFormat;
  encoding?: EncodingGuess;
  dialect?: CsvDialect;
  gzip: boolean;
  /** Size of the input as given (compressed size for gzip). */
  bytes: number;
  rows: number;
  typing: ColumnTyping[];
}
