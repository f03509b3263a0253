import { expect } from 'vitest';
import { codedLDiversity, codedSdcRisk, codedTCloseness } from '../../../src/core/risk/coded-details.ts';
import { measureLDiversity, type LDiversityResult } from '../../../src/core/risk/ldiversity.ts';
import { measureTCloseness, type TClosenessResult } from '../../../src/core/risk/tcloseness.ts';
import { measureSdcRisk, type SdcRiskSummary } from '../../../src/core/risk/sdc-indiv-risk.ts';
import type { SqlEngine } from '../../../src/core/engine.ts';
import { isTokumeiError } from '../../../src/core/errors.ts';
import { close, load, qiNames, S, W, type Case } from './support.ts';

/** The error key a call throws, or null when it returns. */
export async function errorKey(f: () => unknown): Promise<string | null> {
  try {
    await f();
    return null;
  } catch (e) {
    if (isTokumeiError(e)) return e.key;
    throw e;
  }
}

export function expectSameRisk(got: SdcRiskSummary, want: SdcRiskSummary): void {
  expect({ ...got, individualRisk: null }).toEqual({ ...want, individualRisk: null });
  if (want.individualRisk === null) return expect(got.individualRisk).toBeNull();
  const g = got.individualRisk!;
  const w = want.individualRisk;
  expect({ above: g.recordsAbove, hi: g.higherThanMainPart, t: g.threshold }).toEqual({ above: w.recordsAbove, hi: w.higherThanMainPart, t: w.threshold });
  for (const f of ['max', 'mean', 'expectedReidentifications'] as const) {
    if (!close(g[f], w[f])) expect.fail(`${f}: coded ${g[f]}, SQL ${w[f]}`);
  }
}

export interface Figures {
  l: LDiversityResult;
  t: TClosenessResult;
  /** Unweighted, then weighted; none without quasi-identifiers. */
  sdc: SdcRiskSummary[];
}

/** Every figure of one case, coded and in SQL; returns the coded ones. */
export async function compare(e: SqlEngine, c: Case): Promise<Figures> {
  const rank = await load(e, c);
  const qis = qiNames(c);

  const lWant = await measureLDiversity(e, { relation: 'kept', qis, sensitive: S, recursiveC: c.recursiveC });
  const lGot = codedLDiversity(c.rel, c.ids, c.released, S, c.recursiveC);
  expect({ ...lGot, entropy: null }).toEqual({ ...lWant, entropy: null });
  if (!close(lGot.entropy, lWant.entropy)) expect.fail(`entropy: coded ${lGot.entropy}, SQL ${lWant.entropy}`);

  const tWant = await measureTCloseness(e, { relation: 'kept', qis, sensitive: S, globalRelation: 't' });
  let t: TClosenessResult | null = null;
  // Exact doubles (default), whole classes in BigInt, and low sum limits: runs and running sums
  // go to BigInt always (0) or now and then (around n·N), as only huge data would make them.
  const kept = c.ids.sizes.reduce((a, b) => a + b, 0);
  for (const tuning of [{}, { exactLimit: 0 }, { sumLimit: 0 }, { sumLimit: kept * 4 }, { sumLimit: kept * kept }, { sumLimit: (kept * kept) / 8 }]) {
    const tGot = codedTCloseness(c.rel, c.ids, c.released, S, rank, tuning);
    expect(tGot.classes).toBe(tWant.classes);
    expect(tGot.attribute).toBe(S);
    for (const f of ['equalDistance', 'orderedDistance'] as const) {
      if (!close(tGot[f], tWant[f])) expect.fail(`${f} (${JSON.stringify(tuning)}): coded ${tGot[f]}, SQL ${tWant[f]}`);
    }
    t ??= tGot;
  }

  const sdc: SdcRiskSummary[] = [];
  for (const weighted of [false, true]) {
    const opts = { threshold: c.threshold, ks: c.ks };
    const sql = () => measureSdcRisk(e, { relation: 'kept', keys: qis, ...opts, ...(weighted ? { weight: W } : {}) });
    const coded = () => codedSdcRisk(c.rel, c.ids, c.released, { ...opts, ...(weighted ? { weights: c.weights, weightName: W } : {}) });
    if (qis.length === 0) {
      expect(await errorKey(coded)).toBe('riskSdc.error.noKeys');
      expect(await errorKey(sql)).toBe('riskSdc.error.noKeys');
      continue;
    }
    const got = coded();
    expectSameRisk(got, await sql());
    sdc.push(got);
  }
  return { l: lGot, t: t!, sdc };
}
