import type { Role } from '../spec/schema.ts';
import type { DetectCategory } from './types.ts';

/**
 * A column name in the forms the rules look at: `compact` (NFKC, lower case, separators and
 * brackets removed: 「氏名（カタカナ）」→ 氏名カタカナ, "Date_of-Birth" → dateofbirth) and
 * `tokens` (ASCII words, camelCase split: "patientId" → patient, id).
 */
export interface NameForms {
  compact: string;
  tokens: string[];
}

export function nameForms(name: string): NameForms {
  const nfkc = name.normalize('NFKC');
  const compact = nfkc.toLowerCase().replace(/[\s_\-.・･:：/\\()[\]{}（）「」【】<>#＃]+/g, '');
  const tokens = nfkc
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return { compact, tokens };
}

export interface NameRule {
  role: Role;
  category: DetectCategory;
  /** Substrings of the compact name (Japanese terms). */
  jp?: readonly string[];
  /** Whole compact names (English terms written together or alone). */
  exact?: readonly string[];
  /** Any ASCII token equal to one of these. */
  tokens?: readonly string[];
  /** Compact name ends with one of these. */
  suffix?: readonly string[];
  /** Extra test on the forms. */
  test?: (f: NameForms) => boolean;
}

/** Words before "name" that make it the name of a thing, not a person (drug name, city name…). */
const NOT_A_PERSON = new Set([
  'drug', 'medication', 'medicine', 'test', 'lab', 'item', 'product', 'facility', 'hospital', 'organization', 'org',
  'department', 'dept', 'city', 'state', 'county', 'country', 'prefecture', 'file', 'table', 'column', 'field', 'code',
  'brand', 'generic', 'company', 'insurer', 'payer', 'plan', 'ward', 'clinic', 'device', 'procedure', 'condition',
  'diagnosis', 'vaccine', 'unit', 'display', 'host', 'user', 'region', 'site', 'study',
]);

const personName = (f: NameForms) => {
  const i = f.tokens.lastIndexOf('name');
  return i >= 0 && !f.tokens.some((t) => NOT_A_PERSON.has(t));
};

/**
 * Rules in priority order; the first match wins. Specific terms come before general ones
 * (被保険者番号 before 保険者番号 before …番号; 生年月日 before …日), and direct identifiers
 * come first, so a name that could mean either is treated as the more dangerous one.
 */
export const NAME_RULES: readonly NameRule[] = [
  // Direct identifiers (個人識別符号 and 氏名等)
  { role: 'identifier', category: 'myNumber', jp: ['マイナンバー', '個人番号'], exact: ['mynumber', 'individualnumber'] },
  {
    role: 'identifier',
    category: 'insuranceNumber',
    jp: ['被保険者番号', '被保険者記号', '被保険者証', '記号番号', '保険証番号', '被保番', '枝番'],
    exact: ['insuranceid', 'insurancenumber', 'memberid', 'beneficiaryid', 'subscriberid', 'healthplanid', 'policynumber'],
  },
  { role: 'identifier', category: 'passport', jp: ['旅券', 'パスポート'], tokens: ['passport'] },
  {
    role: 'identifier',
    category: 'driversLicence',
    jp: ['運転免許', '免許証'],
    tokens: ['licence', 'license', 'drivers'],
    exact: ['driverslicence', 'driverslicense', 'driverlicense', 'driverlicence'],
  },
  { role: 'identifier', category: 'ssn', tokens: ['ssn'], exact: ['socialsecuritynumber', 'socialsecurity', 'socialsecurityno'] },
  { role: 'identifier', category: 'email', jp: ['メール', 'eメール'], tokens: ['email', 'mail'], exact: ['emailaddress'] },
  { role: 'identifier', category: 'phone', jp: ['電話', '携帯', 'ファックス', '連絡先'], tokens: ['phone', 'tel', 'telephone', 'mobile', 'fax', 'cellphone'] },
  { role: 'identifier', category: 'kana', jp: ['フリガナ', 'ふりがな', 'カナ', 'かな', 'カタカナ'] },
  {
    role: 'identifier',
    category: 'name',
    jp: ['氏名', '名前', '姓名', '患者名', '被保険者名', '医師名', '担当医', '担当者', '記入者', '旧姓'],
    exact: ['first', 'last', 'firstname', 'lastname', 'givenname', 'familyname', 'surname', 'middlename', 'maiden', 'maidenname', 'fullname', 'prefix', 'suffix', 'initials', '姓', '名'],
    test: personName,
  },
  { role: 'identifier', category: 'address', jp: ['住所', '番地', '丁目', 'アドレス'], tokens: ['address', 'street', 'addr'], exact: ['address1', 'address2'] },
  { role: 'identifier', category: 'geo', jp: ['緯度', '経度', '座標'], tokens: ['lat', 'latitude', 'lon', 'lng', 'longitude', 'geocode', 'coordinates', 'coords'] },
  {
    role: 'identifier',
    category: 'subjectId',
    jp: ['患者id', '患者番号', '患者コード', 'カルテ番号', 'カルテno', '診察券番号', '被験者id', '対象者id', '個人id'],
    exact: ['patient', 'patientid', 'patientno', 'patientnumber', 'subject', 'subjectid', 'person', 'personid', 'mrn', 'medicalrecordnumber', 'medicalrecordno', 'chartnumber', 'pid'],
  },

  // Quasi-identifiers whose names contain a word a later, general rule would also match
  { role: 'quasi', category: 'birthDate', jp: ['生年月日', '誕生日', '生年'], exact: ['birthdate', 'dateofbirth', 'dob', 'birthday', 'birthdt', 'bdate'] },
  { role: 'quasi', category: 'postalCode', jp: ['郵便番号', '〒', '郵便'], tokens: ['zip', 'zipcode', 'postal', 'postcode', 'postalcode'], exact: ['zipcode', 'postalcode', 'postcode'] },
  { role: 'quasi', category: 'insurer', jp: ['保険者番号', '保険者名', '保険者'] },
  { role: 'quasi', category: 'locality', jp: ['地方公共団体', '自治体', '市区町村', '市町村', '区市町村', '居住地', '町名', '地域'], tokens: ['city', 'county', 'municipality', 'town', 'fips', 'district', 'residence'] },

  // Other record keys
  {
    role: 'identifier',
    category: 'recordId',
    jp: ['連番', 'レコード番号'],
    exact: ['id', 'no', 'number', 'uuid', 'guid', 'rowid', 'recordid', 'serial'],
    suffix: ['番号'],
    // "…ID" / "…No" after a Japanese word (受診ID, カルテNo) or as the last English word (encounter_id, patientId);
    // never a bare suffix, which would catch paid, covid, acid or piano.
    test: (f) => /[^\x00-\x7f](id|no|uuid)$/.test(f.compact) || ['id', 'uuid', 'guid'].includes(f.tokens[f.tokens.length - 1] ?? ''),
  },

  // Remaining quasi-identifiers
  { role: 'quasi', category: 'sex', jp: ['性別'], exact: ['性'], tokens: ['sex', 'gender'] },
  { role: 'quasi', category: 'age', jp: ['年齢', '年代', '歳'], tokens: ['age', 'agegroup', 'ageband'] },
  { role: 'quasi', category: 'region', jp: ['都道府県', '県名', '出身地', '出生地', '国籍', '国名'], tokens: ['state', 'prefecture', 'country', 'nationality', 'region', 'birthplace'] },
  {
    role: 'quasi',
    category: 'demographic',
    jp: ['人種', '民族', '婚姻', '配偶', '職業', '学歴', '所得', '収入', '世帯', '渡航'],
    tokens: ['race', 'ethnicity', 'marital', 'occupation', 'job', 'education', 'income', 'religion'],
  },
  { role: 'quasi', category: 'physical', jp: ['身長', '体重'], tokens: ['height', 'weight', 'bmi'] },
  {
    role: 'quasi',
    category: 'date',
    jp: ['年月日', '日付', '日時', '曜日', '年月', '時刻'],
    suffix: ['日'],
    test: (f) => /(date|datetime|timestamp)$/.test(f.compact) && !/(candi|up|vali|man|accommo)date$/.test(f.compact),
    tokens: ['date', 'start', 'stop', 'end', 'time', 'datetime', 'timestamp', 'dt', 'weekday', 'dow', 'admitted', 'discharged'],
  },

  // Sensitive attributes (要配慮情報: diagnoses, results, treatment)
  {
    role: 'sensitive',
    category: 'freeText',
    jp: ['備考', 'メモ', 'コメント', '所見', '記事', '経過', 'レポート', '報告', '自由記載', '自由記述', '特記', 'サマリ', '記載', '主訴'],
    tokens: ['note', 'notes', 'comment', 'comments', 'remark', 'remarks', 'memo', 'narrative', 'report', 'text', 'freetext', 'summary'],
  },
  { role: 'sensitive', category: 'lab', jp: ['検査', '結果', '測定', '値', 'hba1c', 'egfr'], tokens: ['lab', 'result', 'value', 'observation', 'measurement'] },
  {
    role: 'sensitive',
    category: 'medication',
    jp: ['処方', '薬', '用量', '用法', '投与', '剤'],
    tokens: ['medication', 'drug', 'dose', 'dosage', 'prescription', 'rx', 'vaccine', 'immunization'],
  },
  { role: 'sensitive', category: 'cost', jp: ['費用', '金額', '点数', '請求', '負担'], tokens: ['cost', 'costs', 'expense', 'expenses', 'coverage', 'claim', 'amount', 'price', 'charge', 'payment', 'paid', 'copay'] },
  {
    role: 'sensitive',
    category: 'clinical',
    jp: ['病名', '傷病', '診断', '疾患', '疾病', '症状', '状態', '転帰', '既往', 'アレルギー', '処置', '手術', '診療科', '受診区分', '入外', 'icd', '血液型', '感染', '陽性', '退院', '入院'],
    tokens: ['diagnosis', 'condition', 'conditions', 'disease', 'icd', 'snomed', 'symptom', 'outcome', 'allergy', 'procedure', 'reason', 'reasoncode', 'reasondescription', 'description', 'code', 'encounterclass', 'blood', 'bloodtype'],
  },
];

export function matchName(name: string): NameRule | null {
  const f = nameForms(name);
  if (f.compact === '') return null;
  for (const r of NAME_RULES) {
    if (r.exact?.includes(f.compact)) return r;
    if (r.jp?.some((w) => f.compact.includes(w))) return r;
    if (r.tokens?.some((w) => f.tokens.includes(w))) return r;
    if (r.suffix?.some((s) => f.compact.endsWith(s) && f.compact !== s)) return r;
    if (r.test?.(f)) return r;
  }
  return null;
}
