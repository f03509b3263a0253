import { defineMessages } from '../define.ts';

/** Reasons shown next to each suggested role (`tokumei detect`, the roles panel). */
export const detect = defineMessages({
  // From the column name
  'detect.name.name': { ja: '列名が氏名を示しています（直接識別子）。', en: 'The name says it holds people\'s names (direct identifier).' },
  'detect.name.kana': { ja: '列名が氏名の読み（カナ）を示しています（直接識別子）。', en: 'The name says it holds name readings in kana (direct identifier).' },
  'detect.name.address': { ja: '列名が住所を示しています（直接識別子）。', en: 'The name says it holds addresses (direct identifier).' },
  'detect.name.phone': { ja: '列名が電話番号などの連絡先を示しています（直接識別子）。', en: 'The name says it holds phone numbers (direct identifier).' },
  'detect.name.email': { ja: '列名がメールアドレスを示しています（直接識別子）。', en: 'The name says it holds e-mail addresses (direct identifier).' },
  'detect.name.myNumber': { ja: '列名が個人番号（マイナンバー）を示しています（個人識別符号）。', en: 'The name says it holds My Numbers (an identification code under Japanese law).' },
  'detect.name.insuranceNumber': {
    ja: '列名が被保険者記号・番号を示しています（個人識別符号）。',
    en: 'The name says it holds health-insurance card numbers (an identification code under Japanese law).',
  },
  'detect.name.passport': { ja: '列名が旅券番号を示しています（個人識別符号）。', en: 'The name says it holds passport numbers (identification code).' },
  'detect.name.driversLicence': { ja: '列名が運転免許証番号を示しています（個人識別符号）。', en: 'The name says it holds driving licence numbers (identification code).' },
  'detect.name.ssn': { ja: '列名が米国の社会保障番号（SSN）を示しています（直接識別子）。', en: 'The name says it holds Social Security numbers (direct identifier).' },
  'detect.name.geo': { ja: '列名が緯度・経度を示しています。正確な位置は住所と同じく直接識別子です。', en: 'The name says it holds latitude/longitude; an exact location identifies like an address.' },
  'detect.name.subjectId': {
    ja: '列名が患者（対象者）の ID を示しています。他の表から患者を指す ID も同じく識別子です。',
    en: 'The name says it holds the patient\'s (subject\'s) ID; an ID that refers to the patient from another table is an identifier too.',
  },
  'detect.name.recordId': { ja: '列名がレコードの ID・番号を示しています。元のデータと照合できる符号なので識別子として扱います。', en: 'The name says it is a record ID or number; it links back to the source data, so it is treated as an identifier.' },
  'detect.name.birthDate': {
    ja: '列名が生年月日を示しています。準識別子として扱い、正確な日付のままでは提供せず、年齢階級や年に一般化します。',
    en: 'The name says it holds birth dates: a quasi-identifier, never released exact but generalized to age bands or years.',
  },
  'detect.name.date': { ja: '列名が日付・日時を示しています（準識別子: 受診日などは本人を特定する手がかりになります）。', en: 'The name says it holds dates (quasi-identifier: event dates help single people out).' },
  'detect.name.age': { ja: '列名が年齢を示しています（準識別子）。', en: 'The name says it holds ages (quasi-identifier).' },
  'detect.name.sex': { ja: '列名が性別を示しています（準識別子）。', en: 'The name says it holds sex/gender (quasi-identifier).' },
  'detect.name.postalCode': { ja: '列名が郵便番号を示しています（準識別子）。', en: 'The name says it holds postal codes (quasi-identifier).' },
  'detect.name.region': { ja: '列名が都道府県・国などの地域を示しています（準識別子）。', en: 'The name says it holds a region such as a prefecture, state or country (quasi-identifier).' },
  'detect.name.locality': { ja: '列名が市区町村などの地域を示しています（準識別子）。', en: 'The name says it holds a locality such as a city or county (quasi-identifier).' },
  'detect.name.demographic': { ja: '列名が人種・婚姻・職業・収入などの属性を示しています（準識別子）。', en: 'The name says it holds a demographic attribute such as race, marital status, occupation or income (quasi-identifier).' },
  'detect.name.physical': { ja: '列名が身長・体重を示しています（外見から推測できるため準識別子）。', en: 'The name says it holds height or weight (observable, so a quasi-identifier).' },
  'detect.name.insurer': { ja: '列名が保険者を示しています（勤務先などを絞り込めるため準識別子）。', en: 'The name says it holds the insurer (it narrows down the employer, so a quasi-identifier).' },
  'detect.name.clinical': { ja: '列名が病名・症状・診療内容を示しています（要配慮情報）。', en: 'The name says it holds diagnoses, symptoms or care details (sensitive).' },
  'detect.name.lab': { ja: '列名が検査項目・検査値を示しています（要配慮情報）。', en: 'The name says it holds lab tests or results (sensitive).' },
  'detect.name.medication': { ja: '列名が処方・薬剤を示しています（要配慮情報）。', en: 'The name says it holds prescriptions or drugs (sensitive).' },
  'detect.name.cost': { ja: '列名が費用・請求額を示しています（要配慮情報として扱います）。', en: 'The name says it holds costs or claims (treated as sensitive).' },
  'detect.name.freeText': {
    ja: '列名が備考・所見などの自由記述を示しています。氏名などが書かれている可能性があるため、削除するか内容を確認するまで提供できません。',
    en: 'The name says it holds free text (notes, findings). It may mention names, so it is blocked until dropped or reviewed.',
  },
  'detect.name.other': { ja: '列名から判断しました。', en: 'Decided from the column name.' },

  // From the values
  'detect.value.email': { ja: '値の {share} がメールアドレスの形式です（直接識別子）。', en: '{share} of the values are e-mail addresses (direct identifier).' },
  'detect.value.phone': { ja: '値の {share} が日本の電話番号の形式です（直接識別子）。', en: '{share} of the values are Japanese phone numbers (direct identifier).' },
  'detect.value.myNumber': {
    ja: '値の {share} が 12 桁の数字で、検査用数字（チェックディジット）が個人番号の規則に合っています（個人識別符号）。',
    en: '{share} of the values are 12-digit numbers whose check digit follows the My Number rule (identification code).',
  },
  'detect.value.ssn': { ja: '値の {share} が米国の社会保障番号（SSN）の形式です（直接識別子）。', en: '{share} of the values have the Social Security number format (direct identifier).' },
  'detect.value.uuid': { ja: '値の {share} が UUID です。レコードを結び付けるキーなので識別子として扱います。', en: '{share} of the values are UUIDs: record keys that link records, treated as identifiers.' },
  'detect.value.postalCode': { ja: '値の {share} が郵便番号（123-4567）の形式です（準識別子）。', en: '{share} of the values are postal codes (123-4567) (quasi-identifier).' },
  'detect.value.date': { ja: '値の {share} が日付の形式です（準識別子）。', en: '{share} of the values are dates (quasi-identifier).' },
  'detect.value.dateType': { ja: '列の型が日付（{type}）です（準識別子）。', en: 'The column type is a date ({type}) (quasi-identifier).' },
  'detect.value.nearUnique': {
    ja: '{values} 件の値のうち {distinct} 種類（{share}）がほぼすべて異なります。レコードを指す番号とみなし識別子として扱います。',
    en: '{distinct} distinct among {values} values ({share}): nearly every value is unique, so it is treated as a record number (identifier).',
  },
  'detect.value.freeText': {
    ja: '平均 {length} 文字の文章のような値で、種類も多いため自由記述とみなします。削除するか内容を確認するまで提供できません。',
    en: 'Prose-like values averaging {length} characters with high variety: treated as free text, blocked until dropped or reviewed.',
  },
  'detect.none': { ja: '列名にも値にも手がかりがありません。役割を確認してください。', en: 'Neither the name nor the values give a clue; please check the role.' },
  'detect.none.empty': { ja: 'サンプル中の値がすべて空で、列名にも手がかりがありません。役割を確認してください。', en: 'All sampled values are empty and the name gives no clue; please check the role.' },
});
