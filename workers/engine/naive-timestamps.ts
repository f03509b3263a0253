import { Field, Schema, Table, Timestamp, Type, makeData, RecordBatch, tableFromIPC, tableToIPC, Struct, type Data } from 'apache-arrow';

/**
 * Parquet/Arrow inputs may carry zoned timestamps. In DuckDB they would become
 * TIMESTAMPTZ, whose functions pull the ICU extension (a network fetch in the
 * browser, a hang in Node). We keep the instant and drop the zone: values are UTC.
 */
export function naiveTimestamps(ipc: Uint8Array): { ipc: Uint8Array; changed: string[] } {
  const table = tableFromIPC(ipc);
  const changed = table.schema.fields.filter((f) => f.type.typeId === Type.Timestamp && (f.type as Timestamp).timezone).map((f) => f.name);
  if (changed.length === 0) return { ipc, changed };
  const fields = table.schema.fields.map((f) =>
    changed.includes(f.name) ? new Field(f.name, new Timestamp((f.type as Timestamp).unit, null), f.nullable, f.metadata) : f,
  );
  const schema = new Schema(fields, table.schema.metadata);
  const batches = table.batches.map((b) => {
    const children = b.data.children.map((d: Data, i: number) => (changed.includes(table.schema.fields[i].name) ? makeData({ ...d, type: fields[i].type } as never) : d));
    return new RecordBatch(schema, makeData({ type: new Struct(fields), length: b.numRows, nullCount: 0, children }));
  });
  return { ipc: tableToIPC(new Table(schema, batches), 'stream'), changed };
}
