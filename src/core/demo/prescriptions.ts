import type { Encounter } from './encounters.ts';
import { STREAM, type PatientCore } from './patient.ts';
import { Rng, Weighted } from './rng.ts';

/** A generic-name product with its usual daily amount and directions. */
export interface Drug {
  name: string;
  amount: number;
  unit: string;
  usage: string;
}
const D = (name: string, amount: number, unit: string, usage: string): Drug => ({ name, amount, unit, usage });
type Options = readonly (readonly [Drug, number])[];

/** Usual choices per chronic condition (by condition key), most prescribed first. */
const CHRONIC: Readonly<Record<string, Options>> = {
  E11: [
    [D('メトホルミン塩酸塩錠500mg', 2, '錠', '1日2回朝夕食後'), 40],
    [D('シタグリプチン錠50mg', 1, '錠', '1日1回朝食後'), 25],
    [D('ダパグリフロジン錠10mg', 1, '錠', '1日1回朝食後'), 15],
    [D('グリメピリド錠1mg', 1, '錠', '1日1回朝食後'), 10],
    [D('インスリン グラルギン BS注ミリオペン', 1, '本', '1日1回就寝前 皮下注'), 10],
  ],
  I10: [
    [D('アムロジピンOD錠5mg', 1, '錠', '1日1回朝食後'), 45],
    [D('オルメサルタン錠20mg', 1, '錠', '1日1回朝食後'), 20],
    [D('アジルサルタン錠20mg', 1, '錠', '1日1回朝食後'), 15],
    [D('カンデサルタン錠8mg', 1, '錠', '1日1回朝食後'), 20],
  ],
  E78: [
    [D('ロスバスタチン錠2.5mg', 1, '錠', '1日1回夕食後'), 45],
    [D('アトルバスタチン錠10mg', 1, '錠', '1日1回夕食後'), 35],
    [D('エゼチミブ錠10mg', 1, '錠', '1日1回朝食後'), 20],
  ],
  N18: [
    [D('球形吸着炭細粒', 6, 'g', '1日3回食間'), 30],
    [D('フェブキソスタット錠20mg', 1, '錠', '1日1回朝食後'), 40],
    [D('沈降炭酸カルシウム錠500mg', 3, '錠', '1日3回食直後'), 30],
  ],
  I48: [
    [D('アピキサバン錠5mg', 2, '錠', '1日2回朝夕食後'), 40],
    [D('エドキサバン錠30mg', 1, '錠', '1日1回朝食後'), 35],
    [D('ワルファリンカリウム錠1mg', 3, '錠', '1日1回朝食後'), 25],
  ],
  I50: [
    [D('フロセミド錠20mg', 1, '錠', '1日1回朝食後'), 45],
    [D('カルベジロール錠2.5mg', 2, '錠', '1日2回朝夕食後'), 30],
    [D('スピロノラクトン錠25mg', 1, '錠', '1日1回朝食後'), 25],
  ],
  I20: [
    [D('アスピリン腸溶錠100mg', 1, '錠', '1日1回朝食後'), 60],
    [D('一硝酸イソソルビド錠20mg', 2, '錠', '1日2回朝夕食後'), 40],
  ],
  I63: [
    [D('クロピドグレル錠75mg', 1, '錠', '1日1回朝食後'), 60],
    [D('シロスタゾール錠50mg', 2, '錠', '1日2回朝夕食後'), 40],
  ],
  J44: [[D('チオトロピウム臭化物水和物吸入用カプセル18μg', 1, 'カプセル', '1日1回吸入'), 100]],
  J45: [
    [D('ブデソニド・ホルモテロールフマル酸塩水和物吸入剤', 2, '吸入', '1日2回朝夕吸入'), 60],
    [D('モンテルカスト錠10mg', 1, '錠', '1日1回就寝前'), 40],
  ],
  M81: [
    [D('アレンドロン酸錠35mg', 1, '錠', '週1回起床時'), 55],
    [D('エルデカルシトールカプセル0.75μg', 1, 'カプセル', '1日1回朝食後'), 45],
  ],
  DEM: [
    [D('ドネペジル塩酸塩OD錠5mg', 1, '錠', '1日1回朝食後'), 60],
    [D('メマンチン塩酸塩OD錠20mg', 1, '錠', '1日1回朝食後'), 40],
  ],
  M17: [
    [D('ロキソプロフェンナトリウム錠60mg', 3, '錠', '1日3回毎食後'), 50],
    [D('セレコキシブ錠100mg', 2, '錠', '1日2回朝夕食後'), 50],
  ],
  K21: [
    [D('ランソプラゾールOD錠15mg', 1, '錠', '1日1回朝食後'), 50],
    [D('ボノプラザン錠10mg', 1, '錠', '1日1回朝食後'), 50],
  ],
  E03: [[D('レボチロキシンナトリウム錠50μg', 1, '錠', '1日1回朝食後'), 100]],
  F32: [
    [D('エスシタロプラム錠10mg', 1, '錠', '1日1回夕食後'), 55],
    [D('セルトラリン錠25mg', 2, '錠', '1日1回夕食後'), 45],
  ],
  B18: [[D('ソホスブビル・ベルパタスビル配合錠', 1, '錠', '1日1回朝食後'), 100]],
  K74: [
    [D('ウルソデオキシコール酸錠100mg', 3, '錠', '1日3回毎食後'), 50],
    [D('イソロイシン・ロイシン・バリン顆粒', 3, '包', '1日3回毎食後'), 50],
  ],
  N40: [
    [D('タムスロシン塩酸塩OD錠0.2mg', 1, '錠', '1日1回朝食後'), 55],
    [D('シロドシン錠4mg', 2, '錠', '1日2回朝夕食後'), 45],
  ],
  G20: [[D('レボドパ・カルビドパ水和物配合錠100mg', 3, '錠', '1日3回毎食後'), 100]],
  M06: [[D('メトトレキサートカプセル2mg', 3, 'カプセル', '週1回（12時間毎に3回）'), 100]],
  C34: [[D('オシメルチニブメシル酸塩錠80mg', 1, '錠', '1日1回朝食後'), 100]],
  C16: [[D('テガフール・ギメラシル・オテラシルカリウム配合OD錠T20', 4, '錠', '1日2回朝夕食後'), 100]],
  C18: [[D('カペシタビン錠300mg', 8, '錠', '1日2回朝夕食後'), 100]],
  C50: [
    [D('レトロゾール錠2.5mg', 1, '錠', '1日1回朝食後'), 60],
    [D('タモキシフェンクエン酸塩錠20mg', 1, '錠', '1日1回朝食後'), 40],
  ],
  C61: [
    [D('ビカルタミド錠80mg', 1, '錠', '1日1回朝食後'), 55],
    [D('アビラテロン酢酸エステル錠250mg', 4, '錠', '1日1回空腹時'), 45],
  ],
  C22: [[D('レンバチニブメシル酸塩カプセル4mg', 2, 'カプセル', '1日1回朝食後'), 100]],
  G12: [[D('リルゾール錠50mg', 2, '錠', '1日2回朝夕食前'), 100]],
  E84: [[D('パンクレリパーゼカプセル150mg', 12, 'カプセル', '1日3回食直後'), 100]],
  D66: [[D('エミシズマブ皮下注150mg', 1, '瓶', '週1回 皮下注'), 100]],
  E75: [[D('ミガーラスタット塩酸塩カプセル123mg', 1, 'カプセル', '隔日1回空腹時'), 100]],
  G35: [[D('フィンゴリモド塩酸塩カプセル0.5mg', 1, 'カプセル', '1日1回朝食後'), 100]],
  M32: [
    [D('ヒドロキシクロロキン硫酸塩錠200mg', 1, '錠', '1日1回朝食後'), 50],
    [D('プレドニゾロン錠5mg', 2, '錠', '1日1回朝食後'), 50],
  ],
};

/** Short courses for one-off problems and admissions (by ICD-10 code). */
const ACUTE: Readonly<Record<string, Options>> = {
  'J06.9': [[D('カルボシステイン錠500mg', 3, '錠', '1日3回毎食後'), 50], [D('アセトアミノフェン錠200mg', 3, '錠', '発熱時'), 50]],
  A09: [[D('ビフィズス菌錠', 3, '錠', '1日3回毎食後'), 100]],
  'J20.9': [[D('クラリスロマイシン錠200mg', 2, '錠', '1日2回朝夕食後'), 100]],
  'U07.1': [[D('アセトアミノフェン錠200mg', 3, '錠', '発熱時'), 70], [D('エンシトレルビル フマル酸錠125mg', 1, '錠', '1日1回'), 30]],
  'M54.5': [[D('ロキソプロフェンナトリウム錠60mg', 3, '錠', '1日3回毎食後'), 60], [D('ロキソプロフェンナトリウムテープ100mg', 1, '枚', '1日1回貼付'), 40]],
  'K29.7': [[D('レバミピド錠100mg', 3, '錠', '1日3回毎食後'), 100]],
  'S93.4': [[D('ロキソプロフェンナトリウムテープ100mg', 1, '枚', '1日1回貼付'), 100]],
  'S52.5': [[D('アセトアミノフェン錠500mg', 3, '錠', '1日3回毎食後'), 100]],
  'N39.0': [[D('レボフロキサシン錠500mg', 1, '錠', '1日1回朝食後'), 60], [D('セフカペンピボキシル塩酸塩錠100mg', 3, '錠', '1日3回毎食後'), 40]],
  'L20.9': [[D('ヘパリン類似物質油性クリーム0.3%', 50, 'g', '1日2回塗布'), 100]],
  'J30.4': [[D('フェキソフェナジン塩酸塩錠60mg', 2, '錠', '1日2回朝夕食後'), 100]],
  'H10.9': [[D('レボフロキサシン点眼液1.5%', 1, '本', '1日3回点眼'), 100]],
  'J18.9': [[D('セフトリアキソンナトリウム静注用1g', 2, '瓶', '1日1回点滴静注'), 70], [D('アンピシリン・スルバクタム静注用1.5g', 4, '瓶', '1日4回点滴静注'), 30]],
  'J69.0': [[D('アンピシリン・スルバクタム静注用1.5g', 4, '瓶', '1日4回点滴静注'), 100]],
  'N10': [[D('セフトリアキソンナトリウム静注用1g', 2, '瓶', '1日1回点滴静注'), 100]],
  'I21.9': [[D('アスピリン腸溶錠100mg', 1, '錠', '1日1回朝食後'), 50], [D('プラスグレル錠3.75mg', 1, '錠', '1日1回朝食後'), 50]],
  'S72.0': [[D('アセトアミノフェン錠500mg', 3, '錠', '1日3回毎食後'), 100]],
  'K35.8': [[D('セフメタゾールナトリウム静注用1g', 2, '瓶', '1日2回点滴静注'), 100]],
  'K80.2': [[D('セフメタゾールナトリウム静注用1g', 2, '瓶', '1日2回点滴静注'), 100]],
  'E86': [[D('維持液（3号液）500mL', 3, '袋', '1日3回点滴静注'), 100]],
  'K56.7': [[D('維持液（3号液）500mL', 3, '袋', '1日3回点滴静注'), 100]],
};

const tables = new Map<Options, Weighted<Drug>>();
function choose(rng: Rng, options: Options): Drug {
  let t = tables.get(options);
  if (!t) tables.set(options, (t = new Weighted(options)));
  return t.draw(rng);
}

export interface Prescription {
  day: number;
  drug: Drug;
  days: number;
}

/**
 * Repeat prescriptions at follow-up visits (the drugs for the condition the visit is
 * about, as the department that sees it prescribes), short courses for acute problems
 * and admissions.
 */
export function drawPrescriptions(base: number, core: PatientCore, encounters: readonly Encounter[]): Prescription[] {
  const rng = new Rng(base, core.index, STREAM.prescriptions);
  // A patient stays on the same drugs; some need a second one for the same disease.
  const regimen = new Map<string, Drug[]>();
  for (const c of core.conditions) {
    const options = CHRONIC[c.key];
    if (!options) continue;
    const first = choose(rng, options);
    const drugs = [first];
    if (options.length > 1 && rng.chance(0.25)) {
      const second = choose(rng, options);
      if (second !== first) drugs.push(second);
    }
    regimen.set(c.code, drugs);
  }
  const out: Prescription[] = [];
  for (const e of encounters) {
    if (e.followUp) {
      const days = Math.min(90, e.interval);
      for (const drug of regimen.get(e.dx.code) ?? []) out.push({ day: e.day, drug, days });
      continue;
    }
    const options = ACUTE[e.dx.code];
    if (!options || (e.kind === '外来' && rng.chance(0.2))) continue;
    const days = e.kind === '入院' ? Math.max(1, Math.min(7, e.interval)) : rng.pick([3, 5, 7, 14]);
    out.push({ day: e.day, drug: choose(rng, options), days });
  }
  return out;
}
