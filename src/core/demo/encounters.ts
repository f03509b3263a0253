import { clinicDay, WINDOW_END, WINDOW_START } from './calendar.ts';
import { ACUTE_INPATIENT, ACUTE_OUTPATIENT, ageBand, chronicStay, departmentFor, drawAcute, type Diagnosis, type HeldCondition } from './conditions.ts';
import { ageOn } from './dates.ts';
import { STREAM, type PatientCore } from './patient.ts';
import { Rng, Weighted } from './rng.ts';

export interface Encounter {
  kind: '外来' | '入院';
  /** Visit day, or admission day for 入院. */
  day: number;
  /** 入院 only; null while the patient is still in hospital on the extract day. */
  discharge: number | null;
  dx: Diagnosis;
  department: string;
  /** 転帰 of an admission (治癒, 軽快, 転院, 死亡); null for 外来 and ongoing stays. */
  outcome: string | null;
  /** A scheduled chronic follow-up (dx is then a HeldCondition): labs and repeat prescriptions hang off these. */
  followUp: boolean;
  /** Days until the next scheduled follow-up (prescription length). */
  interval: number;
}

const INTERVALS = new Weighted<number>([[14, 3], [28, 27], [56, 35], [84, 35]]);
/** Chance of at least one admission in the window by age band, before chronic disease adds to it. */
const ADMIT_BASE = [0.05, 0.04, 0.05, 0.09, 0.14, 0.2] as const;
const ACUTE_VISITS = [0.9, 0.45, 0.4, 0.35, 0.35, 0.3] as const;
const CURED_BY_SURGERY = new Set(['K35.8', 'K80.2', 'O80', 'H25.9']);

function deathRisk(code: string, age: number): number {
  const old = age >= 85 ? 2 : age >= 75 ? 1.3 : age >= 65 ? 1 : 0.3;
  if (code.startsWith('C')) return 0.12 * old;
  if (code === 'J18.9' || code === 'J69.0') return 0.07 * old;
  if (code === 'I50.0' || code === 'I21.9' || code === 'G12.2') return 0.08 * old;
  if (code === 'I63.9' || code === 'K74.6') return 0.05 * old;
  return 0.004 * old;
}

function admissionCause(rng: Rng, core: PatientCore, age: number): { dx: Diagnosis; stay: number } {
  const chronic = core.conditions.filter((c) => c.admit > 0);
  const chronicWeight = chronic.reduce((s, c) => s + c.admit, 0);
  if (chronicWeight > 0 && rng.float() < chronicWeight / (chronicWeight + ADMIT_BASE[ageBand(age)])) {
    let r = rng.float() * chronicWeight;
    let pick: HeldCondition = chronic[0];
    for (const c of chronic) {
      if (r < c.admit) {
        pick = c;
        break;
      }
      r -= c.admit;
    }
    return { dx: pick, stay: chronicStay(pick.code) };
  }
  const a = drawAcute(rng, ACUTE_INPATIENT, age, core.sex);
  return { dx: a, stay: a.stay ?? 9 };
}

/** A patient's visits and stays within the window, in date order. */
export function drawEncounters(base: number, core: PatientCore): Encounter[] {
  const rng = new Rng(base, core.index, STREAM.encounters);
  const start = Math.min(Math.max(WINDOW_START, core.birth), WINDOW_END);
  const span = WINDOW_END - start + 1;
  const out: Encounter[] = [];
  const chronic = core.conditions;

  if (chronic.length > 0) {
    const interval = INTERVALS.draw(rng);
    // Some are followed throughout the window; most come for a while and are then
    // referred back to their GP, or arrive as new patients part way through.
    let d = start + rng.int(rng.chance(0.35) ? interval : span);
    const until = rng.chance(0.35) ? WINDOW_END : d + Math.round(rng.logNormal(120, 0.9));
    while (d <= until && d <= WINDOW_END) {
      const day = clinicDay(d);
      if (day > WINDOW_END) break;
      // One diagnosis per visit: the first is about the main problem, later ones often too.
      const dx = out.length === 0 || chronic.length === 1 || rng.chance(0.5) ? chronic[0] : chronic[1 + rng.int(chronic.length - 1)];
      out.push({ kind: '外来', day, discharge: null, dx, department: dx.department, outcome: null, followUp: true, interval });
      d += interval + rng.range(-3, 7);
    }
  }

  const band = ageBand(core.age);
  let acuteVisits = rng.poisson(ACUTE_VISITS[band]);
  const admitP = Math.min(0.9, ADMIT_BASE[band] + chronic.reduce((m, c) => Math.max(m, c.admit), 0));
  const admissions = rng.chance(admitP) ? (rng.chance(0.2) ? 2 : 1) : 0;
  if (chronic.length === 0 && acuteVisits === 0 && admissions === 0) acuteVisits = 1;

  for (let k = 0; k < acuteVisits; k++) {
    const day = clinicDay(start + rng.int(span));
    if (day > WINDOW_END) continue;
    const age = Math.max(0, ageOn(core.birth, day));
    // The first problem of a patient without chronic disease is the one recorded as 主病名.
    const dx: Diagnosis = k === 0 && chronic.length === 0 ? core.primary : drawAcute(rng, ACUTE_OUTPATIENT, age, core.sex);
    const department = departmentFor(dx, age);
    out.push({ kind: '外来', day, discharge: null, dx, department, outcome: null, followUp: false, interval: 0 });
    if (rng.chance(0.3)) {
      const again = clinicDay(day + rng.range(5, 14));
      if (again <= WINDOW_END) out.push({ kind: '外来', day: again, discharge: null, dx, department, outcome: null, followUp: false, interval: 0 });
    }
  }

  let busyUntil = -Infinity;
  const stays: Encounter[] = [];
  for (let k = 0; k < admissions; k++) {
    let day = start + rng.int(span);
    if (day <= busyUntil) day = busyUntil + 7 + rng.int(60);
    if (day > WINDOW_END) break;
    const age = Math.max(0, ageOn(core.birth, day));
    const { dx, stay } = admissionCause(rng, core, age);
    let los = Math.max(1, Math.round(rng.logNormal(stay * (age >= 75 ? 1.3 : 1), 0.45)));
    if (rng.chance(0.01)) los *= 8; // the long stay every ward has
    const end = day + los;
    const discharged = end <= WINDOW_END;
    let outcome: string | null = null;
    if (discharged) {
      const r = rng.float();
      const death = deathRisk(dx.code, age);
      if (r < death) outcome = '死亡';
      else if (r < death + 0.04) outcome = '転院';
      else outcome = CURED_BY_SURGERY.has(dx.code) || rng.chance(0.15) ? '治癒' : '軽快';
    }
    stays.push({ kind: '入院', day, discharge: discharged ? end : null, dx, department: departmentFor(dx, age), outcome, followUp: false, interval: Math.min(los, 14) });
    busyUntil = discharged ? end : Infinity;
    if (outcome === '死亡') break;
  }

  // No clinic visits while in hospital or after death.
  let death = Infinity;
  for (const st of stays) if (st.outcome === '死亡') death = st.discharge!;
  const all: Encounter[] = [];
  for (const e of out) if (e.day <= death && !duringStay(stays, e.day)) all.push(e);
  for (const st of stays) all.push(st);
  all.sort(byDayOutpatientFirst);
  return all;
}

function duringStay(stays: readonly Encounter[], day: number): boolean {
  for (const s of stays) if (day >= s.day && (s.discharge === null || day <= s.discharge)) return true;
  return false;
}

function byDayOutpatientFirst(a: Encounter, b: Encounter): number {
  return a.day - b.day || (a.kind === b.kind ? 0 : a.kind === '外来' ? -1 : 1);
}
