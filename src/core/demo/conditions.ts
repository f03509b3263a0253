import { Weighted, type Rng } from './rng.ts';

/**
 * What patients of a general hospital have. Prevalences are per age band among
 * hospital patients (not the general population), loosely after 患者調査 and the
 * usual epidemiology, so common chronic disease dominates and rare diseases appear
 * at a handful per 10 000 patients — exactly the records that anonymization must
 * notice.
 */
export const AGE_BANDS = [15, 40, 65, 75, 90] as const; // band i = ages below AGE_BANDS[i]; last band 90+
export function ageBand(age: number): number {
  let b = 0;
  while (b < AGE_BANDS.length && age >= AGE_BANDS[b]) b++;
  return b;
}

export type Sex = '男' | '女';
type Bands = readonly [number, number, number, number, number, number];

export interface Diagnosis {
  code: string;
  name: string;
  /** Department that usually sees it; children go to 小児科 unless `surgical`. */
  department: string;
  surgical?: boolean;
}

export interface Condition extends Diagnosis {
  key: string;
  /** Fraction of patients in each age band who have it. */
  prevalence: Bands;
  male: number;
  female: number;
  /** Higher wins the patient's 主病名. */
  priority: number;
  /** Chance per patient of an admission for it within the extract window. */
  admit: number;
  /** Multiply prevalence when the patient already has the keyed condition. */
  boost?: Readonly<Record<string, number>>;
  /** A rare disease: few patients, so each one is conspicuous. */
  rare?: boolean;
}

const per10k = (b: Bands): Bands => b.map((x) => x / 10000) as unknown as Bands;

const C = (
  key: string, code: string, name: string, department: string, prevalence: Bands,
  opts: Partial<Pick<Condition, 'male' | 'female' | 'priority' | 'admit' | 'boost' | 'rare' | 'surgical'>> = {},
): Condition => ({
  key, code, name, department, prevalence,
  male: opts.male ?? 1, female: opts.female ?? 1, priority: opts.priority ?? 1, admit: opts.admit ?? 0,
  boost: opts.boost, rare: opts.rare, surgical: opts.surgical,
});

/** Order matters: boosts refer to conditions drawn earlier. */
export const CONDITIONS: readonly Condition[] = [
  C('E11', 'E11.9', '2型糖尿病', '糖尿病・内分泌内科', [0.001, 0.012, 0.12, 0.2, 0.19, 0.12], { male: 1.3, female: 0.7, priority: 5, admit: 0.03 }),
  C('I10', 'I10', '本態性高血圧症', '循環器内科', [0, 0.03, 0.22, 0.42, 0.52, 0.5], { male: 1.1, female: 0.9, priority: 1, boost: { E11: 1.4 } }),
  C('E78', 'E78.5', '脂質異常症', '循環器内科', [0.001, 0.02, 0.2, 0.3, 0.26, 0.14], { priority: 2, boost: { E11: 1.6 } }),
  C('N18', 'N18.3', '慢性腎臓病（ステージ3）', '腎臓内科', [0.0005, 0.002, 0.03, 0.08, 0.14, 0.2], { priority: 6, admit: 0.05, boost: { E11: 2, I10: 1.5 } }),
  C('I48', 'I48.9', '心房細動', '循環器内科', [0, 0.001, 0.01, 0.05, 0.09, 0.12], { male: 1.4, female: 0.7, priority: 6, admit: 0.08 }),
  C('I50', 'I50.0', 'うっ血性心不全', '循環器内科', [0.0002, 0.001, 0.008, 0.03, 0.08, 0.15], { priority: 7, admit: 0.35, boost: { I48: 2.5 } }),
  C('I20', 'I20.9', '狭心症', '循環器内科', [0, 0.0005, 0.02, 0.05, 0.07, 0.06], { male: 1.5, female: 0.6, priority: 6, admit: 0.15, boost: { E11: 1.5, E78: 1.5 } }),
  C('I63', 'I63.9', '脳梗塞', '脳神経内科', [0, 0.0005, 0.01, 0.04, 0.07, 0.08], { male: 1.3, female: 0.8, priority: 7, admit: 0.25, boost: { E11: 1.5, I48: 2.5 } }),
  C('J44', 'J44.9', '慢性閉塞性肺疾患', '呼吸器内科', [0, 0, 0.01, 0.04, 0.06, 0.05], { male: 2, female: 0.4, priority: 5, admit: 0.12 }),
  C('J45', 'J45.9', '気管支喘息', '呼吸器内科', [0.06, 0.04, 0.04, 0.04, 0.04, 0.03], { priority: 3, admit: 0.02 }),
  C('M81', 'M81.0', '閉経後骨粗鬆症', '整形外科', [0, 0, 0.03, 0.15, 0.25, 0.35], { male: 0, female: 2, priority: 2, surgical: true }),
  C('DEM', 'G30.9', 'アルツハイマー型認知症', '脳神経内科', [0, 0, 0.002, 0.03, 0.12, 0.3], { female: 1.2, male: 0.8, priority: 5, admit: 0.04 }),
  C('M17', 'M17.9', '変形性膝関節症', '整形外科', [0, 0.002, 0.04, 0.1, 0.14, 0.12], { male: 0.6, female: 1.5, priority: 2, admit: 0.05, surgical: true }),
  C('K21', 'K21.0', '逆流性食道炎', '消化器内科', [0.001, 0.02, 0.05, 0.06, 0.06, 0.05], { priority: 1 }),
  C('E03', 'E03.9', '甲状腺機能低下症', '糖尿病・内分泌内科', [0.002, 0.01, 0.02, 0.03, 0.03, 0.02], { male: 0.4, female: 1.8, priority: 2 }),
  C('F32', 'F32.9', 'うつ病', '精神科', [0.002, 0.05, 0.04, 0.03, 0.02, 0.01], { male: 0.7, female: 1.3, priority: 3, admit: 0.03 }),
  C('B18', 'B18.2', '慢性C型肝炎', '消化器内科', [0, 0.002, 0.006, 0.012, 0.015, 0.01], { priority: 4 }),
  C('K74', 'K74.6', '肝硬変', '消化器内科', [0, 0.0005, 0.004, 0.008, 0.008, 0.005], { male: 1.5, female: 0.6, priority: 7, admit: 0.25, boost: { B18: 8 } }),
  C('N40', 'N40', '前立腺肥大症', '泌尿器科', [0, 0, 0.04, 0.14, 0.2, 0.2], { male: 2, female: 0, priority: 2, surgical: true }),
  C('G20', 'G20', 'パーキンソン病', '脳神経内科', [0, 0, 0.002, 0.01, 0.015, 0.012], { priority: 6, admit: 0.1 }),
  C('M06', 'M06.9', '関節リウマチ', 'リウマチ・膠原病内科', [0.0002, 0.003, 0.01, 0.012, 0.012, 0.008], { male: 0.5, female: 1.6, priority: 4 }),
  C('H25', 'H25.9', '老人性白内障', '眼科', [0, 0, 0.02, 0.1, 0.15, 0.15], { priority: 1, admit: 0.1, surgical: true }),
  C('C34', 'C34.9', '肺の悪性新生物', '呼吸器内科', [0, 0.0002, 0.005, 0.015, 0.02, 0.01], { male: 1.6, female: 0.5, priority: 9, admit: 0.6 }),
  C('C16', 'C16.9', '胃の悪性新生物', '消化器外科', [0, 0.0003, 0.004, 0.012, 0.016, 0.01], { male: 1.5, female: 0.6, priority: 9, admit: 0.6, surgical: true }),
  C('C18', 'C18.9', '結腸の悪性新生物', '消化器外科', [0, 0.0002, 0.005, 0.012, 0.015, 0.01], { priority: 9, admit: 0.6, surgical: true }),
  C('C50', 'C50.9', '乳房の悪性新生物', '乳腺外科', [0, 0.002, 0.02, 0.02, 0.015, 0.008], { male: 0.01, female: 2, priority: 9, admit: 0.5, surgical: true }),
  C('C61', 'C61', '前立腺の悪性新生物', '泌尿器科', [0, 0, 0.005, 0.03, 0.04, 0.03], { male: 2, female: 0, priority: 9, admit: 0.3, surgical: true }),
  C('C22', 'C22.0', '肝細胞癌', '消化器内科', [0, 0, 0.002, 0.005, 0.006, 0.004], { male: 1.6, female: 0.5, priority: 9, admit: 0.6, boost: { K74: 10, B18: 5 } }),
  // Rare diseases: a tertiary hospital concentrates them, hence a few per 10 000 patients.
  C('G12', 'G12.2', '筋萎縮性側索硬化症', '脳神経内科', per10k([0, 1, 8, 14, 10, 2]), { male: 1.3, female: 0.75, priority: 10, admit: 0.4, rare: true }),
  C('E84', 'E84.9', '嚢胞性線維症', '呼吸器内科', per10k([30, 20, 0, 0, 0, 0]), { priority: 10, admit: 0.3, rare: true }),
  C('D66', 'D66', '血友病A', '血液内科', per10k([8, 8, 6, 5, 2, 0]), { male: 2, female: 0, priority: 10, admit: 0.1, rare: true }),
  C('Q90', 'Q90.9', 'ダウン症候群', '小児科', per10k([20, 14, 6, 2, 0, 0]), { priority: 10, admit: 0.05, rare: true }),
  C('E75', 'E75.2', 'ファブリー病', '腎臓内科', per10k([5, 10, 10, 5, 1, 0]), { male: 1.2, female: 0.8, priority: 10, admit: 0.05, rare: true }),
  C('G35', 'G35', '多発性硬化症', '脳神経内科', per10k([1, 10, 6, 1, 0, 0]), { male: 0.5, female: 1.5, priority: 10, admit: 0.1, rare: true }),
  C('M32', 'M32.9', '全身性エリテマトーデス', 'リウマチ・膠原病内科', per10k([2, 15, 10, 4, 1, 0]), { male: 0.2, female: 1.8, priority: 10, admit: 0.1, rare: true }),
];

/** Stages of CKD and kinds of dementia share one prevalence; the subtype is drawn apart. */
const CKD_STAGES: readonly [Diagnosis, number][] = [
  [{ code: 'N18.3', name: '慢性腎臓病（ステージ3）', department: '腎臓内科' }, 0.7],
  [{ code: 'N18.4', name: '慢性腎臓病（ステージ4）', department: '腎臓内科' }, 0.2],
  [{ code: 'N18.5', name: '慢性腎臓病（ステージ5）', department: '腎臓内科' }, 0.1],
];
const DEMENTIA: readonly [Diagnosis, number][] = [
  [{ code: 'G30.9', name: 'アルツハイマー型認知症', department: '脳神経内科' }, 0.6],
  [{ code: 'F01.9', name: '血管性認知症', department: '脳神経内科' }, 0.2],
  [{ code: 'F03', name: '認知症', department: '脳神経内科' }, 0.2],
];

export interface HeldCondition extends Diagnosis {
  key: string;
  priority: number;
  admit: number;
  rare: boolean;
}

function subtype(rng: Rng, options: readonly [Diagnosis, number][]): Diagnosis {
  let x = rng.float();
  for (const [d, w] of options) {
    if (x < w) return d;
    x -= w;
  }
  return options[options.length - 1][0];
}

/** Boosts resolved to condition positions once, so drawing a patient allocates nothing extra. */
const BOOSTS: readonly (readonly [number, number][])[] = CONDITIONS.map((c) =>
  Object.entries(c.boost ?? {}).map(([k, f]) => [CONDITIONS.findIndex((x) => x.key === k), f] as [number, number]),
);

/**
 * Per (age band, sex): the positions of the conditions possible at all and their base
 * probabilities, flat, so the per-patient loop is plain index arithmetic.
 */
const CANDIDATES: readonly { index: Int32Array; p: Float64Array }[] = Array.from({ length: (AGE_BANDS.length + 1) * 2 }, (_, slot) => {
  const band = slot >> 1;
  const male = (slot & 1) === 0;
  const index: number[] = [];
  const p: number[] = [];
  CONDITIONS.forEach((c, i) => {
    const x = c.prevalence[band] * (male ? c.male : c.female);
    if (x > 0) {
      index.push(i);
      p.push(x);
    }
  });
  return { index: Int32Array.from(index), p: Float64Array.from(p) };
});

const has = new Uint8Array(CONDITIONS.length);

/** The chronic and rare conditions one patient has, most important first. */
export function drawConditions(rng: Rng, age: number, sex: Sex): HeldCondition[] {
  const held: HeldCondition[] = [];
  has.fill(0);
  const cand = CANDIDATES[ageBand(age) * 2 + (sex === '男' ? 0 : 1)];
  for (let k = 0; k < cand.index.length; k++) {
    const i = cand.index[k];
    let p = cand.p[k];
    const boosts = BOOSTS[i];
    for (let b = 0; b < boosts.length; b++) if (has[boosts[b][0]] === 1) p *= boosts[b][1];
    if (!(rng.float() < p)) continue;
    has[i] = 1;
    held.push(hold(CONDITIONS[i], rng, age));
  }
  if (held.length > 1) held.sort((a, b) => b.priority - a.priority);
  return held;
}

function hold(c: Condition, rng: Rng, age: number): HeldCondition {
  let dx: Diagnosis = c;
  if (c.key === 'N18') dx = subtype(rng, CKD_STAGES);
  else if (c.key === 'DEM') dx = subtype(rng, DEMENTIA);
  // A child with a chronic disease is followed in 小児科, a child with Down syndrome too.
  const department = age < 15 && !c.surgical ? '小児科' : dx.department;
  const priority = c.priority + (dx.code === 'N18.5' ? 2 : 0);
  return { key: c.key, code: dx.code, name: dx.name, department, priority, admit: c.admit, rare: !!c.rare, surgical: c.surgical };
}

/** One-off problems: outpatient visits and admissions of people without (or besides) chronic disease. */
interface Acute extends Diagnosis {
  weights: Bands;
  male: number;
  female: number;
  /** Median length of stay in days (inpatient list only). */
  stay?: number;
  /** Only women of childbearing age (16–46) have it. */
  childbearing?: boolean;
}
const A = (code: string, name: string, department: string, weights: Bands, o: Partial<Pick<Acute, 'male' | 'female' | 'stay' | 'childbearing' | 'surgical'>> = {}): Acute => ({
  code, name, department, weights, male: o.male ?? 1, female: o.female ?? 1, stay: o.stay, childbearing: o.childbearing, surgical: o.surgical,
});

export const ACUTE_OUTPATIENT: readonly Acute[] = [
  A('J06.9', '急性上気道炎', '内科', [40, 20, 10, 6, 5, 4]),
  A('A09', '感染性胃腸炎', '内科', [15, 8, 4, 3, 3, 3]),
  A('J20.9', '急性気管支炎', '呼吸器内科', [8, 5, 4, 4, 4, 4]),
  A('U07.1', 'COVID-19', '内科', [6, 6, 5, 5, 5, 5]),
  A('M54.5', '腰痛症', '整形外科', [0, 8, 10, 8, 7, 4], { surgical: true }),
  A('K29.7', '胃炎', '消化器内科', [1, 6, 8, 6, 5, 3]),
  A('S93.4', '足関節捻挫', '整形外科', [6, 6, 2, 1, 0.5, 0.2], { surgical: true }),
  A('S52.5', '橈骨遠位端骨折', '整形外科', [2, 1, 2, 3, 3, 2], { male: 0.6, female: 1.4, surgical: true }),
  A('N39.0', '尿路感染症', '泌尿器科', [2, 3, 3, 4, 5, 6], { male: 0.4, female: 1.6, surgical: true }),
  A('L20.9', 'アトピー性皮膚炎', '皮膚科', [10, 6, 1, 0.5, 0.3, 0], { surgical: true }),
  A('J30.4', 'アレルギー性鼻炎', '耳鼻咽喉科', [6, 6, 3, 1, 0.5, 0], { surgical: true }),
  A('H10.9', '結膜炎', '眼科', [4, 3, 2, 2, 2, 1], { surgical: true }),
  A('Z34.9', '正常妊娠の管理', '産婦人科', [0, 10, 0.4, 0, 0, 0], { male: 0, female: 2, childbearing: true, surgical: true }),
];

export const ACUTE_INPATIENT: readonly Acute[] = [
  A('J18.9', '肺炎', '呼吸器内科', [6, 2, 3, 6, 10, 14], { stay: 12 }),
  A('J69.0', '誤嚥性肺炎', '呼吸器内科', [0, 0, 0.3, 2, 6, 12], { stay: 18 }),
  A('S72.0', '大腿骨頸部骨折', '整形外科', [0, 0.1, 0.5, 2, 6, 10], { male: 0.5, female: 1.5, stay: 28, surgical: true }),
  A('K80.2', '胆石症', '消化器外科', [0, 2, 4, 4, 3, 2], { stay: 7, surgical: true }),
  A('K35.8', '急性虫垂炎', '消化器外科', [4, 4, 2, 1, 0.5, 0.2], { stay: 5, surgical: true }),
  A('I21.9', '急性心筋梗塞', '循環器内科', [0, 0.2, 2, 3, 3, 2], { male: 1.6, female: 0.5, stay: 14 }),
  A('O80', '単胎自然分娩', '産婦人科', [0, 12, 0.5, 0, 0, 0], { male: 0, female: 2, stay: 6, childbearing: true, surgical: true }),
  A('N10', '急性腎盂腎炎', '内科', [1, 1, 1, 2, 4, 6], { male: 0.5, female: 1.5, stay: 9 }),
  A('K56.7', 'イレウス', '消化器外科', [0.5, 0.5, 1, 2, 3, 3], { stay: 10, surgical: true }),
  A('E86', '脱水症', '内科', [2, 0.5, 0.5, 1, 3, 6], { stay: 8 }),
];

/** Median stays for admissions caused by a chronic condition (by code prefix). */
export function chronicStay(code: string): number {
  if (code.startsWith('C')) return 12;
  if (code.startsWith('I63')) return 25;
  if (code.startsWith('I50')) return 16;
  if (code.startsWith('G12')) return 30;
  if (code.startsWith('H25')) return 3;
  if (code.startsWith('I20')) return 4;
  return 10;
}

/** Weighted tables per (list, age band, sex, childbearing age), built on first use. */
const acuteTables = new Map<readonly Acute[], Weighted<Acute>[]>();

export function drawAcute(rng: Rng, list: readonly Acute[], age: number, sex: Sex): Acute {
  const band = ageBand(age);
  const fertile = age >= 16 && age <= 46;
  const slot = band * 4 + (sex === '男' ? 0 : 2) + (fertile ? 1 : 0);
  let tables = acuteTables.get(list);
  if (!tables) acuteTables.set(list, (tables = []));
  let table = tables[slot];
  if (!table) {
    table = tables[slot] = new Weighted(
      list.map((a) => {
        const ok = !a.childbearing || fertile;
        return [a, ok ? a.weights[band] * (sex === '男' ? a.male : a.female) : 0] as const;
      }),
    );
  }
  return table.draw(rng);
}

/** Department for a diagnosis given the patient's age. */
export function departmentFor(dx: Diagnosis, age: number): string {
  return age < 15 && !dx.surgical ? '小児科' : dx.department;
}
