import type { SqlEngine } from '../../engine.ts';
import { ident, num, str } from '../../sql/quote.ts';
import type { ColumnTyping } from '../types.ts';
import { textSql } from './cast-sql.ts';
import { decide, MOSTLY, type Decision } from './decide.ts';
import { DATE_LIKE, TYPED_START } from './shapes.ts';
import { cell, cellsSql, exampleCondition, readStats, statsSql, type StatsColumn } from './stats.ts';
import { tableColumns } from './table-columns.ts';

export interface InferTypingOptions {
  /** Above this many rows, a systematic sample (every k-th row) is checked. Default 100 000. */
  sampleRows?: number;
}

const DEFAULT_SAMPLE_ROWS = 100_000;
const EXAMPLES = 3;
const EXAMPLE_LENGTH = 32;

/**
 * Suggest a type for every column of a raw (all-text) table, with the reason the user will
 * see. Codes stay text (leading zeros, fixed width, code-like names, more than 15 digits);
 * date-times with a time zone stay text (they would need TIMESTAMPTZ). Nothing is changed
 * in the table; counts come from the cast expressions applyTypingSql uses.
 *
 * Two passes keep it affordable in the browser: one cheap regex per cell routes each column
 * (text, number-like, date-like), then only routed columns get the exact checks.
 */
let samples = 0;

export async function inferTyping(engine: SqlEngine, table: string, options: InferTypingOptions = {}): Promise<ColumnTyping[]> {
  const columns = await tableColumns(engine, table);
  if (columns.length === 0) return [];
  const sampleRows = options.sampleRows ?? DEFAULT_SAMPLE_ROWS;
  const [{ n: total }] = await engine.rows(`SELECT count(*) AS n FROM ${ident(table)}`);
  const step = Math.ceil(Number(total) / sampleRows);
  if (step <= 1) return inferOn(engine, columns, ident(table));
  // Every k-th row: deterministic and identical on every host, unlike USING SAMPLE. Copied
  // once, because DuckDB would otherwise evaluate pushed-down conditions on every row.
  const sample = ident(`__tokumei_typing_sample_${++samples}`);
  await engine.exec(`CREATE TEMP TABLE ${sample} AS SELECT * FROM ${ident(table)} WHERE rowid % ${num(step)} = 0`);
  try {
    return await inferOn(engine, columns, sample);
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${sample}`);
  }
}

async function inferOn(engine: SqlEngine, columns: string[], source: string): Promise<ColumnTyping[]> {
  const shapes = columns.flatMap((c, i) => [
    `count(${ident(c)}) AS ${ident(`${i}:n`)}`,
    `count(*) FILTER (regexp_matches(${textSql(c)}, ${str(TYPED_START)})) AS ${ident(`${i}:typed`)}`,
    `count(*) FILTER (regexp_matches(${textSql(c)}, ${str(DATE_LIKE)})) AS ${ident(`${i}:dateLike`)}`,
  ]);
  const [shape] = await engine.rows(`SELECT count(*) AS ${ident('rows')}, ${shapes.join(', ')} FROM ${source}`);
  const checkedRows = Number(shape.rows);
  const count = (i: number, what: string) => Number(shape[`${i}:${what}`]);
  const routed: StatsColumn[] = columns
    .map((name, index) => ({ index, name, dates: count(index, 'dateLike') >= count(index, 'n') * MOSTLY }))
    .filter(({ index }) => count(index, 'n') > 0 && count(index, 'typed') >= count(index, 'n') * MOSTLY);
  const [stats] = routed.length ? await engine.rows(statsSql(routed, source)) : [{}];

  const out: ColumnTyping[] = [];
  for (const [i, column] of columns.entries()) {
    const route = routed.find((r) => r.index === i);
    const d: Decision = route
      ? decide(column, readStats(stats, i))
      : { target: 'VARCHAR', key: count(i, 'n') === 0 ? 'load.typing.empty' : 'load.typing.text' };
    const params = { ...d.params };
    if (d.examples && route) {
      const found = await engine.rows(
        `SELECT DISTINCT ${cell(i, 'v')} AS v FROM ${cellsSql([route], source)} WHERE ${exampleCondition(i, d.examples)} ORDER BY v LIMIT ${num(EXAMPLES)}`,
      );
      params.examples = found.map((r) => [...String(r.v)].slice(0, EXAMPLE_LENGTH).join('')).join(', ');
    }
    out.push({
      column,
      target: d.target,
      reason: Object.keys(params).length ? { key: d.key, params } : { key: d.key },
      failures: 0,
      ...(d.eraDates ? { eraDates: d.eraDates } : {}),
      checkedRows,
    });
  }
  return out;
}
