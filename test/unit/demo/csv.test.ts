import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvField, csvRow } from '../../../src/core/demo/csv.ts';
import { NativeEngine } from '../../../src/cli/native-engine.ts';

describe('csv writing', () => {
  it('quotes only fields that need it', () => {
    expect(csvField('東京都')).toBe('東京都');
    expect(csvField('栄町1-2, ハイツ栄 201')).toBe('"栄町1-2, ハイツ栄 201"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(null)).toBe('');
    expect(csvRow(['a', 'b,c', null, 3])).toBe('a,"b,c",,3\n');
  });

  const enginePromise = NativeEngine.create({ threads: 1 });
  afterAll(async () => (await enginePromise).close());

  it('round-trips arbitrary text through a real CSV reader', async () => {
    const e = await enginePromise;
    // Non-empty values: an empty field and NULL are the same thing in CSV.
    const cell = fc.string({ unit: fc.constantFrom('a', 'あ', '漢', ',', '"', '\n', ' ', '1', '\r\n'), minLength: 1, maxLength: 8 });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 5 }), async (rows) => {
        const name = `rt${run++}.csv`;
        const text = csvRow(['x', 'y']) + rows.map((r) => csvRow(r)).join('');
        await e.registerFile(name, new TextEncoder().encode(text));
        const back = await e.rows(
          `SELECT x, y FROM read_csv('${name}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"', strict_mode = false, auto_detect = false, columns = {'x': 'VARCHAR', 'y': 'VARCHAR'})`,
        );
        await e.dropFile(name);
        expect(back.map((r) => [r.x, r.y])).toEqual(rows);
      }),
      { numRuns: 60, seed: 42 },
    );
  });
});
