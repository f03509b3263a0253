import { EXTRACT_DAY } from './calendar.ts';
import { ageOn, civilFromDays } from './dates.ts';
import { ACUTE_OUTPATIENT, drawAcute, drawConditions, type HeldCondition, type Sex } from './conditions.ts';
import { drawName, type PersonName } from './names.ts';
import { drawTown, type Town } from './places.ts';
import { Rng, Weighted } from './rng.ts';

/** Sub-stream tags: each table draws from its own stream so tables can be generated apart. */
export const STREAM = { core: 1, identity: 2, encounters: 3, labs: 4, prescriptions: 5 } as const;

/**
 * Ages of hospital patients (outpatients and inpatients together) are skewed old:
 * about half are 65 or over and a few are over 100. Weights per year of age.
 */
const AGE_BAND_SHARES: readonly [number, number, number][] = [
  [0, 4, 3.5], [5, 14, 4], [15, 24, 3], [25, 34, 4.5], [35, 44, 6], [45, 54, 9], [55, 64, 12],
  [65, 74, 21], [75, 84, 23], [85, 89, 8], [90, 94, 4.5], [95, 99, 1.3], [100, 104, 0.12], [105, 109, 0.01],
];
const ages = new Weighted(
  AGE_BAND_SHARES.flatMap(([lo, hi, share]) => {
    const out: [number, number][] = [];
    for (let a = lo; a <= hi; a++) out.push([a, share / (hi - lo + 1)]);
    return out;
  }),
);

/** Women outlive men, so the oldest patients are mostly women. */
function femaleShare(age: number): number {
  if (age < 15) return 0.48;
  if (age < 45) return 0.58;
  if (age < 65) return 0.5;
  if (age < 80) return 0.52;
  if (age < 90) return 0.6;
  if (age < 100) return 0.72;
  return 0.88;
}

export interface PatientCore {
  index: number;
  id: string;
  sex: Sex;
  birth: number;
  /** Age on the extract day. */
  age: number;
  conditions: HeldCondition[];
  /** 主病名: the most important condition, or the problem that brought a healthy person in. */
  primary: { code: string; name: string; department: string; surgical?: boolean };
}

export function patientId(index: number): string {
  return 'P' + String(index + 1).padStart(7, '0');
}

export function drawCore(base: number, index: number): PatientCore {
  const rng = new Rng(base, index, STREAM.core);
  const targetAge = ages.draw(rng);
  // A birthday anywhere in the year that gives this age on the extract day.
  const birth = EXTRACT_DAY - Math.floor(targetAge * 365.2425) - 1 - rng.int(365);
  const age = ageOn(birth, EXTRACT_DAY);
  const sex: Sex = rng.float() < femaleShare(age) ? '女' : '男';
  const conditions = drawConditions(rng, age, sex);
  const acute = drawAcute(rng, ACUTE_OUTPATIENT, age, sex);
  const primary = conditions[0] ?? acute;
  return { index, id: patientId(index), sex, birth, age, conditions, primary };
}

export interface PatientIdentity {
  name: PersonName;
  town: Town;
  address: Address;
  phone: Phone | null;
  /** 記号 (digits, width kept); null for 後期高齢者医療. */
  insurerSymbol: Digits | null;
  /** 番号: 8 digits. */
  insuredNumber: Digits;
  bloodType: string;
  height: number | null;
  weight: number | null;
}

/** A run of decimal digits as a number and its width (leading zeros count). */
export interface Digits {
  value: number;
  width: number;
}
export const formatDigits = (d: Digits) => String(d.value).padStart(d.width, '0');

/** 03-1234-5678, 011-234-5678, 0138-12-3456 or 090-1234-5678. */
export interface Phone {
  prefix: string;
  middle: Digits;
  line: Digits;
}
export const formatPhone = (p: Phone) => `${p.prefix}-${formatDigits(p.middle)}-${formatDigits(p.line)}`;

/** 町名 + 丁目-番-号 (or 番地-号) and perhaps a building; kept in parts so rows can be written as bytes. */
export interface Address {
  town: string;
  /** 0 when the town has no 丁目 and the number is a 番地. */
  chome: number;
  ban: number;
  go: number;
  building: string | null;
  room: number;
  /** Building separated by a comma, as some systems write it (the field then needs CSV quotes). */
  comma: boolean;
}

export function formatAddress(a: Address): string {
  const street = a.chome > 0 ? `${a.town}${a.chome}丁目${a.ban}-${a.go}` : `${a.town}${a.ban}-${a.go}`;
  if (a.building === null) return street;
  return `${street}${a.comma ? ', ' : ' '}${a.building} ${a.room}`;
}

const BLOOD = new Weighted<string>([['A', 38], ['O', 31], ['B', 22], ['AB', 9]]);
const BUILDINGS = ['コーポ', 'ハイツ', 'メゾン', 'パークハイツ', 'グランドール', 'レジデンス', 'ハイム', 'サンシャイン'];
const buildingNames = new Map<string, string[]>();
/** The possible building names of a town (prefix + the town's name without 町), made once. */
function buildingsOf(town: string): string[] {
  let list = buildingNames.get(town);
  if (!list) buildingNames.set(town, (list = BUILDINGS.map((b) => b + town.replace(/町$/, ''))));
  return list;
}

function drawAddress(rng: Rng, town: Town): Address {
  const chome = rng.chance(0.7) ? rng.range(1, 5) : 0;
  const ban = chome > 0 ? rng.range(1, 30) : rng.range(1, 2400);
  const go = chome > 0 ? rng.range(1, 25) : rng.range(1, 30);
  if (!rng.chance(0.25)) return { town: town.town, chome, ban, go, building: null, room: 0, comma: false };
  const building = rng.pick(buildingsOf(town.town));
  const room = rng.range(1, 12) * 100 + rng.range(1, 9);
  return { town: town.town, chome, ban, go, building, room, comma: rng.chance(0.12) };
}

/** n random decimal digits (n ≤ 9), leading zeros kept; numbers, not strings, to spare the garbage collector. */
function digits(rng: Rng, n: number): Digits {
  return { value: rng.int(POW10[n]), width: n };
}
const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

/** Landline (area code + exchange + line = 10 digits) for the old, mobile for most others. */
function drawPhone(rng: Rng, town: Town, age: number): Phone | null {
  if (rng.chance(0.03)) return null;
  const landline = age >= 80 ? 0.7 : age >= 60 ? 0.5 : age < 20 ? 0.25 : 0.15;
  if (rng.chance(landline)) {
    // The exchange never starts with 0 or 1.
    const width = 6 - town.areaCode.length;
    const middle = { value: rng.range(2, 9) * POW10[width - 1] + rng.int(POW10[width - 1]), width };
    return { prefix: town.areaCode, middle, line: digits(rng, 4) };
  }
  const prefix = rng.float() < 0.45 ? '090' : rng.float() < 0.8 ? '080' : '070';
  return { prefix, middle: { value: rng.range(1000, 9999), width: 4 }, line: digits(rng, 4) };
}

/** Height by age in years (boys, girls) for children; adult height depends on birth cohort. */
const CHILD_HEIGHT: readonly [number, number][] = [
  [50, 49], [75, 74], [87, 86], [95, 94], [102, 101], [109, 108], [115, 115], [122, 121], [128, 127],
  [133, 133], [139, 140], [145, 147], [152, 152], [160, 155], [165, 156], [168, 157], [169, 157.5], [170, 158],
];

function drawBody(rng: Rng, core: PatientCore): [number | null, number | null] {
  const male = core.sex === '男';
  let height: number;
  let bmi: number;
  if (core.age < 18) {
    const [bh, gh] = CHILD_HEIGHT[core.age];
    height = rng.gauss(male ? bh : gh, 1.5 + core.age * 0.35);
    bmi = rng.logNormal(core.age < 2 ? 16.5 : 16 + Math.max(0, core.age - 6) * 0.35, 0.1);
  } else {
    const year = civilFromDays(core.birth)[0];
    const mean = year < 1940 ? 160 : year < 1960 ? 164 : year < 1980 ? 169 : 171;
    height = rng.gauss(male ? mean : mean - 12.5, male ? 5.8 : 5.4) - (core.age >= 80 ? 2 : 0);
    bmi = rng.logNormal(male ? 23.5 : 21.5, 0.14);
    if (core.conditions.some((c) => c.key === 'E11')) bmi *= 1.1;
    if (core.age >= 85) bmi *= 0.93;
    // Severe obesity: the 130 kg patient every extract has.
    if (rng.chance(0.004)) bmi = 38 + rng.float() * 14;
  }
  const weight = bmi * (height / 100) ** 2;
  if (rng.chance(0.04)) return [null, null];
  return [Math.round(height * 10) / 10, Math.round(weight * 10) / 10];
}

export function drawIdentity(base: number, core: PatientCore): PatientIdentity {
  const rng = new Rng(base, core.index, STREAM.identity);
  const town = drawTown(rng);
  const name = drawName(rng, core.sex, civilFromDays(core.birth)[0], town.prefectureCode === 47);
  const address = drawAddress(rng, town);
  const phone = drawPhone(rng, town, core.age);
  // 後期高齢者医療 (75+) has no 記号; other schemes carry a numeric 記号.
  const insurerSymbol = core.age >= 75 ? null : digits(rng, rng.pick([4, 6, 8]));
  const insuredNumber = digits(rng, 8);
  const bloodType = BLOOD.draw(rng);
  const [height, weight] = drawBody(rng, core);
  return { name, town, address, phone, insurerSymbol, insuredNumber, bloodType, height, weight };
}
