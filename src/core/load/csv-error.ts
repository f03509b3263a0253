import { TokumeiError } from '../errors.ts';

/**
 * Turn DuckDB's CSV reader error into a message the user can act on. DuckDB reports
 * "CSV Error on Line: N", the original line (possibly several lines long), one sentence
 * naming the problem, then "Possible fixes"/"Possible Solution" for SQL users and the reader
 * settings (on native DuckDB with a temp file path). Only the line number and the problem
 * sentence are kept. Returns null for other errors.
 */
export function csvError(e: unknown): TokumeiError | null {
  const message = e instanceof Error ? e.message : String(e);
  const at = /CSV Error on Line:\s*(\d+)/.exec(message);
  if (!at) return null;
  const line = Number(at[1]);
  const columns = /Expected Number of Columns:\s*(\d+)\s*Found:\s*(\d+)/.exec(message);
  if (columns) return new TokumeiError('load.csvColumnCount', { line, expected: Number(columns[1]), found: Number(columns[2]) }, { cause: e });
  if (/unterminated quote/i.test(message)) return new TokumeiError('load.csvUnterminatedQuote', { line }, { cause: e });
  const lines = message.split('\n').filter((l) => l.trim() !== '');
  const fixes = lines.findIndex((l) => l.startsWith('Possible '));
  const detail = (fixes > 1 ? lines[fixes - 1] : lines[0]).trim().slice(0, 300);
  return new TokumeiError('load.csvMalformed', { line, detail }, { cause: e });
}
