import type { Encounter } from './encounters.ts';
import { ageOn } from './dates.ts';
import { STREAM, type PatientCore } from './patient.ts';
import { Rng } from './rng.ts';

export interface LabResult {
  day: number;
  item: string;
  value: number;
  unit: string;
}

export const LAB_UNITS: Readonly<Record<string, string>> = {
  HbA1c: '%',
  eGFR: 'mL/min/1.73m2',
  'LDL-C': 'mg/dL',
  AST: 'U/L',
  ALT: 'U/L',
  Cr: 'mg/dL',
  Hb: 'g/dL',
  CRP: 'mg/dL',
};

const INFECTIONS = new Set(['J18.9', 'J69.0', 'N10', 'K35.8', 'J20.9', 'J06.9', 'N39.0', 'A09', 'U07.1', 'E86']);
const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** 日本腎臓学会 eGFR equation (adults): eGFR = 194 × Cr^-1.094 × age^-0.287 (× 0.739 for women). */
export function egfrJapanese(cr: number, age: number, female: boolean): number {
  return 194 * cr ** -1.094 * age ** -0.287 * (female ? 0.739 : 1);
}
function crForEgfr(egfr: number, age: number, female: boolean): number {
  return (egfr / (194 * age ** -0.287 * (female ? 0.739 : 1))) ** (-1 / 1.094);
}

/** Per-patient levels: one person's HbA1c stays near its own level from visit to visit. */
interface Baseline {
  hba1c: number;
  egfr: number;
  ldl: number;
  ast: number;
  alt: number;
  hb: number;
  crp: number;
}

function baseline(rng: Rng, core: PatientCore, has: (key: string) => boolean, ckdStage: number): Baseline {
  const male = core.sex === '男';
  let hba1c: number;
  if (has('E11')) {
    const r = rng.float();
    // Mostly controlled; some poorly; a very few extreme (the HbA1c 19.8 of the scenario).
    hba1c = r < 0.006 ? 13.5 + rng.float() * 6.3 : r < 0.04 ? 9 + rng.float() * 4 : rng.logNormal(7, 0.13);
  } else hba1c = clamp(rng.gauss(5.6, 0.3), 4.3, 6.4);
  const normalEgfr = clamp(rng.gauss(108 - 0.55 * core.age, 13), 45, 140);
  const egfr = ckdStage === 5 ? 4 + rng.float() * 10 : ckdStage === 4 ? 15 + rng.float() * 14 : ckdStage === 3 ? 30 + rng.float() * 29 : normalEgfr;
  let ldl = has('E78') ? rng.gauss(140, 35) : rng.gauss(118, 28);
  if (rng.chance(0.003)) ldl = 250 + rng.float() * 130; // familial hypercholesterolaemia
  const liver = has('B18') || has('K74') || has('C22');
  const ast = rng.logNormal(liver ? 45 : 21, liver ? 0.35 : 0.25);
  const alt = rng.logNormal((liver ? 40 : 18) * (male ? 1.2 : 1), 0.4);
  let hb = male ? rng.gauss(14.5, 1.1) : rng.gauss(12.9, 1.0);
  if (core.age >= 75) hb -= 0.8;
  if (ckdStage >= 4) hb -= 2;
  if (core.conditions.some((c) => c.code.startsWith('C'))) hb -= 1;
  return { hba1c, egfr, ldl: Math.max(30, ldl), ast, alt, hb, crp: rng.logNormal(0.08, 1) };
}

/** Draws one patient's results; a class rather than closures so nothing is rebuilt per patient. */
class LabDraw {
  readonly out: LabResult[] = [];
  private readonly female: boolean;

  constructor(
    private readonly rng: Rng,
    private readonly b: Baseline,
    private readonly diabetic: boolean,
    female: boolean,
  ) {
    this.female = female;
  }

  private push(day: number, item: string, value: number): void {
    this.out.push({ day, item, value, unit: LAB_UNITS[item] });
  }

  kidney(day: number, age: number): void {
    const rng = this.rng;
    if (age < 18) {
      this.push(day, 'Cr', round(clamp(rng.gauss(0.3 + 0.03 * age, 0.05), 0.1, 1.2), 2));
      return;
    }
    const target = this.b.egfr * Math.exp(rng.gauss(0, 0.06));
    const cr = Math.max(0.2, round(crForEgfr(target, age, this.female), 2));
    this.push(day, 'Cr', cr);
    // eGFR is computed from the reported Cr, as laboratories do.
    this.push(day, 'eGFR', round(egfrJapanese(cr, age, this.female), 1));
  }

  liver(day: number): void {
    const rng = this.rng;
    const spike = rng.chance(0.0005) ? 15 + rng.float() * 25 : 1; // acute hepatitis: ALT in the hundreds
    this.push(day, 'AST', Math.round(this.b.ast * Math.exp(rng.gauss(0, 0.15)) * spike));
    this.push(day, 'ALT', Math.round(this.b.alt * Math.exp(rng.gauss(0, 0.18)) * spike));
  }

  hb(day: number): void {
    this.push(day, 'Hb', round(clamp(this.b.hb + this.rng.gauss(0, 0.4), 4, 20), 1));
  }

  /** `acute` is the median CRP of an infection; 0 means the patient's own low level. */
  crp(day: number, acute: number): void {
    const rng = this.rng;
    const v = acute > 0 ? rng.logNormal(acute, 0.6) : this.b.crp * Math.exp(rng.gauss(0, 0.5));
    this.push(day, 'CRP', round(clamp(v, 0.01, 40), 2));
  }

  hba1c(day: number): void {
    this.push(day, 'HbA1c', round(clamp(this.b.hba1c + this.rng.gauss(0, this.diabetic ? 0.4 : 0.2), 3.5, 19.8), 1));
  }

  ldl(day: number): void {
    this.push(day, 'LDL-C', Math.round(Math.max(20, this.b.ldl + this.rng.gauss(0, 10))));
  }
}

/** Lab results on the days of a patient's encounters, correlated with what the patient has. */
export function drawLabs(base: number, core: PatientCore, encounters: readonly Encounter[]): LabResult[] {
  const rng = new Rng(base, core.index, STREAM.labs);
  const keys = new Set(core.conditions.map((c) => c.key));
  const has = (k: string) => keys.has(k);
  const ckd = core.conditions.find((c) => c.key === 'N18');
  const ckdStage = ckd ? Number(ckd.code.slice(-1)) : 0;
  const diabetic = has('E11');
  const lipids = has('E78') || diabetic || has('I20') || has('I63');
  const d = new LabDraw(rng, baseline(rng, core, has, ckdStage), diabetic, core.sex === '女');

  for (const e of encounters) {
    const day = e.day;
    if (e.kind === '入院') {
      d.liver(day);
      d.kidney(day, Math.max(0, ageOn(core.birth, day)));
      d.hb(day);
      d.crp(day, INFECTIONS.has(e.dx.code) ? 8 : 0);
      if (diabetic) d.hba1c(day);
    } else if (e.followUp) {
      if (!rng.chance(0.7)) continue;
      d.liver(day);
      d.kidney(day, Math.max(0, ageOn(core.birth, day)));
      if (diabetic || rng.chance(0.1)) d.hba1c(day);
      if (lipids || rng.chance(0.15)) d.ldl(day);
      if (rng.chance(0.4) || ckdStage >= 4) d.hb(day);
    } else if (rng.chance(0.25)) {
      d.hb(day);
      d.crp(day, INFECTIONS.has(e.dx.code) ? 1.5 : 0);
      if (rng.chance(0.5)) d.liver(day);
    }
  }
  return d.out;
}
