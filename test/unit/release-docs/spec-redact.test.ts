import { describe, expect, it } from 'vitest';
import { redactSpec } from '../../../src/core/release/spec-redact.ts';
import { parseSpec, serializeSpec } from '../../../src/core/spec/parse.ts';
import { fixtureSpecInput, SECRET_CELL, SECRET_GENERALIZED_KEEP, SECRET_RECORD } from './fixture.ts';

describe('redactSpec', () => {
  const spec = parseSpec(fixtureSpecInput());
  const redacted = redactSpec(spec);
  const text = serializeSpec(redacted);

  it('replaces every listed and peculiar value by a numbered placeholder, and keeps the rest', () => {
    for (const secret of [SECRET_CELL, SECRET_RECORD, SECRET_GENERALIZED_KEEP, '不明']) expect(text).not.toContain(secret);
    expect(redacted.columns[5].transforms).toEqual([{ kind: 'suppressCell', values: ['[redacted 1]'] }]);
    expect(redacted.peculiar.decisions.map((d) => [d.column, d.value, d.action, d.reason])).toEqual([
      ['性別', '[redacted 2]', 'suppressRecord', '極めてまれな値'],
      ['性別', '[redacted 3]', 'keep', '分析上必要'],
      ['生年月日', '[redacted 4]', 'keep', '一般化で吸収される'],
    ]);
    expect({ ...redacted, columns: [], peculiar: null, hierarchies: [] }).toEqual({ ...spec, columns: [], peculiar: null, hierarchies: [] });
    expect(redacted.columns.map((c) => c.transforms.map((t) => t.kind))).toEqual(spec.columns.map((c) => c.transforms.map((t) => t.kind)));
  });

  it('is still a valid spec, the same text every time, and leaves its input alone', () => {
    expect(parseSpec(JSON.parse(text))).toEqual(redacted);
    expect(serializeSpec(redactSpec(parseSpec(fixtureSpecInput())))).toBe(text);
    expect(serializeSpec(spec)).toContain(SECRET_CELL);
  });

  it('keeps of an explicit hierarchy table only the levels the release uses, and leaves out unused tables', () => {
    const input = parseSpec({
      version: 1,
      columns: [
        { name: '病名', role: 'quasi', transforms: [{ kind: 'suppressCell', values: ['E84.0'] }, { kind: 'generalize', hierarchy: 'icd', level: 1 }] },
        { name: '性別', role: 'quasi', transforms: [{ kind: 'generalize', hierarchy: 'sex', level: 0 }] },
      ],
      hierarchies: [
        { name: 'icd', kind: 'table', rows: [['E11.9', 'E11', 'E'], ['E11.2', 'E11', 'E'], ['G12.2', 'G12', 'G'], ['E84.0', 'E84', 'E']] },
        { name: 'sex', kind: 'table', rows: [['男', '*'], ['女', '*'], ['E84.0', '*']] },
        { name: 'unused', kind: 'table', rows: [['田中太郎', '*']] },
        { name: 'age', kind: 'interval', levels: [{ width: 10 }] },
      ],
      release: { mode: 'anonymized' },
    });
    const out = redactSpec(input);
    const text = serializeSpec(out);
    for (const original of ['E11.9', 'E11.2', 'G12.2', 'E84.0', '田中太郎']) expect(text).not.toContain(original);
    expect(out.hierarchies.map((h) => h.name)).toEqual(['icd', 'sex', 'age']);
    expect(out.hierarchies[0]).toEqual({ name: 'icd', kind: 'table', rows: [['[redacted 2]', 'E11', 'E'], ['[redacted 3]', 'G12', 'G'], ['[redacted 4]', 'E84', 'E']] });
    // Used at level 0, the values themselves are released; only the listed one goes.
    expect(out.hierarchies[1]).toEqual({ name: 'sex', kind: 'table', rows: [['男', '*'], ['女', '*'], ['[redacted 5]', '*']] });
    expect(parseSpec(JSON.parse(text))).toEqual(out);
  });
});
