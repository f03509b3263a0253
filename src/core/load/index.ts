/** The load pipeline's public surface (used by the engine worker and the CLI). */
export type * from './types.ts';
export { detectFormat, HEAD_BYTES, type DetectedFormat } from './format.ts';
export { gunzip } from './gunzip.ts';
export { guessEncoding } from './encoding.ts';
export { decodeToUtf8 } from './decode.ts';
export { sniffCsv, DELIMITERS, type SniffOptions } from './sniff.ts';
export { createRawTableSql, type RawTableOptions } from './raw-sql.ts';
export { csvError } from './csv-error.ts';
export { tableNameFromFile } from './table-name.ts';
export { loadCsv, type LoadCsvOptions } from './load-csv.ts';
export { inferTyping, type InferTypingOptions } from './typing/infer-typing.ts';
export { applyTypingSql, checkTyping } from './typing/apply-typing.ts';
export { castSql } from './typing/cast-sql.ts';
export { typeTable } from './type-table.ts';
