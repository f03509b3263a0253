import { describe, expect, it } from 'vitest';
import { csvError } from '../../../src/core/load/csv-error.ts';
import { createRawTableSql } from '../../../src/core/load/raw-sql.ts';

describe('csvError', () => {
  it('keeps the problem sentence of errors it has no specific message for', () => {
    // As DuckDB 1.4.3 words it (original line shortened).
    const duckdb = new Error(
      'Invalid Input Error: CSV Error on Line: 2\nOriginal Line: 1,xxx\nMaximum line size of 2000000 bytes exceeded. Actual Size:2200002 bytes.\n\nPossible Solution: Change the maximum length size, e.g., max_line_size=2200004\n\n  file = /tmp/tokumei-t4pn8s/tokumei-load-2-x.csv\n  delimiter = , (Set By User)\n',
    );
    const e = csvError(duckdb);
    expect(e?.key).toBe('load.csvMalformed');
    expect(e?.params).toEqual({ line: 2, detail: 'Maximum line size of 2000000 bytes exceeded. Actual Size:2200002 bytes.' });
  });

  it('ignores errors that are not CSV reader errors', () => {
    expect(csvError(new Error('Catalog Error: Table with name x does not exist!'))).toBeNull();
  });
});

describe('createRawTableSql', () => {
  it('reads every column as text with explicit settings and no sniffing', () => {
    const sql = createRawTableSql('患者', 'f.csv', { delimiter: '\t', quote: '"', hasHeader: true, columns: ['id', "O'Brien"] });
    expect(sql).toBe(
      `CREATE TABLE "患者" AS SELECT * FROM read_csv('f.csv', auto_detect = false, header = true, delim = '\t', quote = '"', escape = '"', strict_mode = true, columns = {'id': 'VARCHAR', 'O''Brien': 'VARCHAR'})`,
    );
  });
});
