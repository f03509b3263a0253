/**
 * The demo extract's tables: Japanese table and column names as a hospital export
 * has them, plus stable ASCII file names for disk and URLs.
 *
 * Row counts: `patients` (the CLI's `--rows N`) is the number of rows of 患者;
 * the other tables grow in proportion: about 5.3 encounters, 18 lab results and
 * 5.5 prescriptions per patient (≈ 1.9 GB of CSV for a million patients).
 */
export const PATIENTS = '患者';
export const ENCOUNTERS = '受診';
export const LABS = '検査';
export const PRESCRIPTIONS = '処方';

export type DemoTableKey = 'patients' | 'encounters' | 'labs' | 'prescriptions';

export interface DemoTableInfo {
  key: DemoTableKey;
  /** Japanese table name (患者, 受診, 検査, 処方). */
  name: string;
  fileName: string;
  columns: readonly string[];
}

export const DEMO_TABLES: readonly DemoTableInfo[] = [
  {
    key: 'patients',
    name: PATIENTS,
    fileName: 'patients.csv',
    columns: ['患者ID', '氏名', '氏名カナ', '生年月日', '性別', '郵便番号', '都道府県', '市区町村', '住所', '電話番号', '被保険者記号', '被保険者番号', '血液型', '身長', '体重', '主病名'],
  },
  {
    key: 'encounters',
    name: ENCOUNTERS,
    fileName: 'encounters.csv',
    // 受診日 is the visit day for 外来 and the admission day for 入院; 退院日 is empty for 外来 and for stays ongoing on the extract day.
    columns: ['受診ID', '患者ID', '受診区分', '受診日', '退院日', '診療科', '傷病名コード', '傷病名', '転帰'],
  },
  {
    key: 'labs',
    name: LABS,
    fileName: 'labs.csv',
    columns: ['検査ID', '患者ID', '検査日', '検査項目', '結果値', '単位'],
  },
  {
    key: 'prescriptions',
    name: PRESCRIPTIONS,
    fileName: 'prescriptions.csv',
    columns: ['処方ID', '患者ID', '処方日', '薬剤名', '用量', '単位', '用法', '日数'],
  },
];
