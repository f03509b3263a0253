import { defineMessages } from '../define.ts';

/** The synthetic demo extract: what it is, what each table holds, and its input errors. */
export const demo = defineMessages({
  'demo.title': { ja: 'デモデータ（架空の病院データ）', en: 'Demo extract (a fictitious hospital)' },
  'demo.disclaimer': {
    ja: 'すべて乱数から作った架空のデータです。実在の人物・医療機関とは関係ありません。',
    en: 'All records are generated from random numbers; they describe no real person or hospital.',
  },
  'demo.table.patients': {
    ja: '患者: 氏名・カナ・生年月日・性別・郵便番号・住所・電話番号・被保険者番号などの個人情報と、血液型・身長・体重・主病名',
    en: 'Patients: name, kana, birth date, sex, postal code, address, phone and insurance numbers, plus blood type, height, weight and primary diagnosis',
  },
  'demo.table.encounters': {
    ja: '受診: 外来受診と入院（受診日・退院日・診療科・ICD-10 傷病名・転帰）',
    en: 'Encounters: outpatient visits and admissions (dates, department, ICD-10 diagnosis, outcome)',
  },
  'demo.table.labs': {
    ja: '検査: HbA1c・eGFR・LDL-C・AST・ALT・Cr・Hb・CRP の結果値（病名と相関し、外れ値を含む）',
    en: 'Labs: HbA1c, eGFR, LDL-C, AST, ALT, Cr, Hb and CRP results (correlated with diagnoses, outliers included)',
  },
  'demo.table.prescriptions': {
    ja: '処方: 一般名の薬剤・用量・用法・日数（病名に応じた処方）',
    en: 'Prescriptions: generic drug names, dose, directions and days (following the diagnoses)',
  },
  'demo.invalidPatients': {
    ja: '患者数には 0 以上の整数を指定してください（指定値: {value}）。',
    en: 'The number of patients must be a whole number of 0 or more (got {value}).',
  },
});
