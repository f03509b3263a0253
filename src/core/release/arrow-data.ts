import {
  Bool, Field, Float64, Int32, Int64, makeData, RecordBatch, RecordBatchStreamWriter, Schema, Struct, Utf8,
  type Data, type DataType,
} from 'apache-arrow';
import type { SqlRow, SqlValue } from '../engine.ts';
import { TokumeiError } from '../errors.ts';
import type { ReleasedColumn } from './types.ts';
import { valueKind, type ValueKind } from './value-kind.ts';

/**
 * Released rows → Arrow IPC stream with an explicit schema, the input of the Parquet
 * writer. The schema comes from the column types (value-kind.ts), never from the values,
 * so an all-NULL page or an empty result still gets the same schema:
 * int32 → Int32, int64 → Int64, float64 → Float64, boolean → Bool, and text and
 * numeric-text (DATE, TIMESTAMP, DECIMAL, … read as DuckDB's text in SQL) → Utf8.
 * Buffers are filled directly rather than through Arrow's builders, which matters at
 * tens of millions of values.
 */

function arrowType(kind: ValueKind): DataType {
  switch (kind) {
    case 'int32':
      return new Int32();
    case 'int64':
      return new Int64();
    case 'float64':
      return new Float64();
    case 'boolean':
      return new Bool();
    default:
      return new Utf8();
  }
}

export function arrowSchema(columns: readonly ReleasedColumn[]): Schema {
  return new Schema(columns.map((c) => new Field(c.name, arrowType(valueKind(c.type)), true)));
}

const utf8 = new TextEncoder();
const INTEGER = /^-?[0-9]+$/;

function bad(row: number, col: ReleasedColumn, value: SqlValue): TokumeiError {
  return new TokumeiError('releaseBytes.data.badValue', { row, column: col.name, type: col.type, value: String(value) });
}

/** One column of a batch. `firstRow` (1-based) only numbers rows in error messages. */
function columnData(col: ReleasedColumn, kind: ValueKind, rows: readonly SqlRow[], firstRow: number): Data {
  const n = rows.length;
  const valid = new Uint8Array((n + 7) >> 3);
  let nulls = 0;
  const type = arrowType(kind);
  const each = (set: (v: Exclude<SqlValue, null>, i: number) => void) => {
    for (let i = 0; i < n; i++) {
      const v = rows[i][col.name] ?? null;
      if (v === null) nulls++;
      else {
        valid[i >> 3] |= 1 << (i & 7);
        set(v, i);
      }
    }
  };
  const nullBitmap = () => (nulls ? valid : undefined);
  switch (kind) {
    case 'int32': {
      const data = new Int32Array(n);
      each((v, i) => {
        if (typeof v !== 'number' || !Number.isInteger(v) || (v | 0) !== v) throw bad(firstRow + i, col, v);
        data[i] = v;
      });
      return makeData({ type: type as Int32, length: n, nullCount: nulls, nullBitmap: nullBitmap(), data });
    }
    case 'int64': {
      const data = new BigInt64Array(n);
      each((v, i) => {
        const s = typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : v;
        if (typeof s !== 'string' || !INTEGER.test(s)) throw bad(firstRow + i, col, v);
        const b = BigInt(s);
        if (BigInt.asIntN(64, b) !== b) throw bad(firstRow + i, col, v);
        data[i] = b;
      });
      return makeData({ type: type as Int64, length: n, nullCount: nulls, nullBitmap: nullBitmap(), data });
    }
    case 'float64': {
      const data = new Float64Array(n);
      each((v, i) => {
        if (typeof v !== 'number') throw bad(firstRow + i, col, v);
        data[i] = v;
      });
      return makeData({ type: type as Float64, length: n, nullCount: nulls, nullBitmap: nullBitmap(), data });
    }
    case 'boolean': {
      const data = new Uint8Array((n + 7) >> 3);
      each((v, i) => {
        if (typeof v !== 'boolean') throw bad(firstRow + i, col, v);
        if (v) data[i >> 3] |= 1 << (i & 7);
      });
      return makeData({ type: type as Bool, length: n, nullCount: nulls, nullBitmap: nullBitmap(), data });
    }
    default: {
      const valueOffsets = new Int32Array(n + 1);
      let bytes = new Uint8Array(Math.max(1024, n * 16));
      let at = 0;
      for (let i = 0; i < n; i++) {
        const v = rows[i][col.name] ?? null;
        if (v === null) nulls++;
        else {
          valid[i >> 3] |= 1 << (i & 7);
          const s = String(v);
          if (at + s.length * 3 > bytes.length) {
            const grown = new Uint8Array(Math.max(bytes.length * 2, at + s.length * 3));
            grown.set(bytes.subarray(0, at));
            bytes = grown;
          }
          at += utf8.encodeInto(s, bytes.subarray(at)).written;
        }
        valueOffsets[i + 1] = at;
      }
      return makeData({ type: type as Utf8, length: n, nullCount: nulls, nullBitmap: nullBitmap(), valueOffsets, data: bytes.subarray(0, at) });
    }
  }
}

/** A batch of rows as a complete Arrow IPC stream (schema, one record batch, end marker). */
export function arrowIpcBatch(columns: readonly ReleasedColumn[], rows: readonly SqlRow[], firstRow = 1): Uint8Array {
  const schema = arrowSchema(columns);
  const children = columns.map((c) => columnData(c, valueKind(c.type), rows, firstRow));
  const struct = makeData({ type: new Struct(schema.fields), length: rows.length, nullCount: 0, children });
  const batch = new RecordBatch(schema, struct);
  const writer = new RecordBatchStreamWriter();
  writer.reset(undefined, schema);
  writer.write(batch);
  writer.finish();
  return writer.toUint8Array(true);
}
