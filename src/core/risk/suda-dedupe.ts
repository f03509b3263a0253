/**
 * Collapse records to distinct key combinations ("combos") with their multiplicity. SUDA only
 * needs to know whether a value pattern occurs once or more than once, so the search runs on
 * combos (far fewer than records for categorical keys), and a combo seen twice or more can
 * never be a subject. Missing values are compared as a value here: two records that agree on
 * every key, including where keys are missing, are the same combo.
 */
export interface Combos {
  /** Number of combos D. */
  count: number;
  /** Row-major D × variables values. */
  values: Int32Array;
  /** Records per combo. */
  mult: Int32Array;
  /** Record → combo. */
  comboOf: Int32Array;
}

export function dedupeRecords(columns: readonly Int32Array[], records: number): Combos {
  const m = columns.length;
  let size = 1;
  while (size < records * 2) size <<= 1;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const values = new Int32Array(Math.max(1, records) * m);
  const mult = new Int32Array(Math.max(1, records));
  const comboOf = new Int32Array(records);
  let count = 0;
  for (let r = 0; r < records; r++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < m; j++) h = Math.imul(h ^ columns[j][r], 0x01000193);
    h = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const c = slots[h];
      if (c < 0) {
        slots[h] = count;
        for (let j = 0; j < m; j++) values[count * m + j] = columns[j][r];
        mult[count] = 1;
        comboOf[r] = count++;
        break;
      }
      let same = true;
      for (let j = 0; j < m && same; j++) same = values[c * m + j] === columns[j][r];
      if (same) {
        mult[c]++;
        comboOf[r] = c;
        break;
      }
      h = (h + 1) & mask;
    }
  }
  return { count, values: values.subarray(0, count * m), mult: mult.subarray(0, count), comboOf };
}
