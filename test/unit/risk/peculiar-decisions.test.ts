import { describe, expect, it } from 'vitest';
import {
  decideEdits,
  decisionFor,
  findingState,
  findingValues,
  removeDecisionEdit,
  undecideEdits,
  undecidedPeculiar,
} from '../../../src/core/risk/peculiar-decisions.ts';
import type { PeculiarFinding } from '../../../src/core/risk/types.ts';
import { applyEdit, applyEdits, emptySpec } from '../../../src/core/spec/edit.ts';
import { commit, createHistory, undo } from '../../../src/core/spec/history.ts';
import { parseSpec } from '../../../src/core/spec/parse.ts';
import type { ReleaseSpec } from '../../../src/core/spec/schema.ts';

const band: PeculiarFinding = { column: '年齢', value: '90-99', count: 2, reason: 'rareCategory', sources: [91, 97] };
const q87: PeculiarFinding = { column: '病名', value: 'Q87', count: 1, reason: 'rareCategory', sources: ['Q87'] };
const weight: PeculiarFinding = { column: '体重', value: 182, count: 1, reason: 'abovePercentile', bound: 120 };
const reviewed = (): ReleaseSpec => applyEdit(emptySpec(), { op: 'setPeculiarReview', review: true });

describe('peculiar-value decisions against findings', () => {
  it('a finding stands for its source values, or for itself when they are not known', () => {
    expect(findingValues(band)).toEqual([91, 97]);
    expect(findingValues(weight)).toEqual([182]);
  });

  it('records one decision per source value, with the reason trimmed, in one undoable step', () => {
    const s0 = emptySpec();
    const edits = decideEdits(s0, '受診', band, 'suppressRecord', '  90歳以上は少数  ');
    expect(edits).toEqual([
      { op: 'decidePeculiar', decision: { column: '年齢', value: 91, action: 'suppressRecord', reason: '90歳以上は少数' } },
      { op: 'decidePeculiar', decision: { column: '年齢', value: 97, action: 'suppressRecord', reason: '90歳以上は少数' } },
    ]);
    let h = createHistory(s0);
    h = commit(h, (s) => applyEdits(s, edits));
    expect(findingState(h.present, '受診', band).status).toBe('decided');
    h = undo(h);
    expect(findingState(h.present, '受診', band).status).toBe('undecided');
  });

  it('refuses a decision without a reason', () => {
    expect(() => decideEdits(emptySpec(), '受診', q87, 'keep', '   ')).toThrow(RangeError);
  });

  it('names the table only when the spec has several source tables', () => {
    const two = parseSpec({ version: 1, sources: { tables: [{ name: '受診' }, { name: '処方' }] }, release: { mode: 'anonymized' } });
    expect(decideEdits(two, '受診', q87, 'keep', '必要')[0]).toMatchObject({ decision: { table: '受診', column: '病名' } });
    expect(decideEdits(emptySpec(), '受診', q87, 'keep', '必要')[0]).not.toHaveProperty('decision.table');
  });

  it('a changed decision replaces the old one; undeciding removes every value of the finding', () => {
    let s = applyEdits(emptySpec(), decideEdits(emptySpec(), '受診', band, 'suppressRecord', '少数'));
    s = applyEdits(s, decideEdits(s, '受診', band, 'keep', '研究に必要'));
    expect(s.peculiar.decisions).toHaveLength(2);
    expect(findingState(s, '受診', band)).toMatchObject({ status: 'decided', action: 'keep', reason: '研究に必要' });
    s = applyEdits(s, undecideEdits(s, '受診', band));
    expect(s.peculiar.decisions).toEqual([]);
  });

  it('reports a finding decided for some source values only as partial', () => {
    const s = applyEdits(emptySpec(), [{ op: 'decidePeculiar', decision: { column: '年齢', value: 97, action: 'suppressCell', reason: '97歳' } }]);
    expect(findingState(s, '受診', band)).toMatchObject({ status: 'partial', action: null, reason: '97歳' });
  });

  it('matches a number written as text in a hand-made spec, and prefers a decision naming the table', () => {
    const s = applyEdits(emptySpec(), [
      { op: 'decidePeculiar', decision: { column: '体重', value: '182', action: 'keep', reason: '測定値を確認済み' } },
      { op: 'decidePeculiar', decision: { table: '受診', column: '体重', value: 182, action: 'suppressCell', reason: 'この表では削除' } },
      { op: 'decidePeculiar', decision: { table: '処方', column: '病名', value: 'Q87', action: 'keep', reason: '別の表' } },
    ]);
    expect(decisionFor(s, '受診', '体重', 182)?.action).toBe('suppressCell');
    expect(decisionFor(s, '処方', '体重', 182)?.action).toBe('keep');
    expect(findingState(s, '受診', q87).status).toBe('undecided');
  });

  it('removes exactly the decision it names', () => {
    const s = applyEdits(emptySpec(), decideEdits(emptySpec(), '受診', band, 'suppressRecord', '少数'));
    const out = applyEdit(s, removeDecisionEdit(s.peculiar.decisions[0]));
    expect(out.peculiar.decisions.map((d) => d.value)).toEqual([97]);
    // A number and its text are different entries in the spec (as decidePeculiar keys them).
    expect(applyEdit(s, { op: 'removePeculiarDecision', column: '年齢', value: '91' }).peculiar.decisions).toHaveLength(2);
  });
});

describe('undecidedPeculiar: what blocks a release', () => {
  const report = { table: '受診', findings: [band, q87, weight], omitted: [{ column: '体重', reason: 'abovePercentile' as const, count: 3 }] };

  it('blocks nothing while review is off', () => {
    expect(undecidedPeculiar(report, emptySpec())).toEqual({ findings: [], omitted: 0 });
  });

  it('with review on, lists the findings without a full decision and counts the omitted ones', () => {
    let s = reviewed();
    expect(undecidedPeculiar(report, s)).toEqual({ findings: [band, q87, weight], omitted: 3 });
    s = applyEdits(s, [
      ...decideEdits(s, '受診', q87, 'keep', '必要'),
      { op: 'decidePeculiar', decision: { column: '年齢', value: 91, action: 'suppressRecord', reason: '少数' } },
    ]);
    expect(undecidedPeculiar(report, s).findings).toEqual([band, weight]);
    s = applyEdits(s, [...decideEdits(s, '受診', band, 'suppressRecord', '少数'), ...decideEdits(s, '受診', weight, 'suppressCell', '外れ値')]);
    expect(undecidedPeculiar(report, s).findings).toEqual([]);
  });

  it('reads decisions of the table the report is for', () => {
    const s = applyEdits(reviewed(), [{ op: 'decidePeculiar', decision: { table: '処方', column: '病名', value: 'Q87', action: 'keep', reason: '別の表' } }]);
    expect(undecidedPeculiar(report, s).findings).toContain(q87);
    expect(undecidedPeculiar(report, s, '処方').findings).not.toContain(q87);
  });
});
