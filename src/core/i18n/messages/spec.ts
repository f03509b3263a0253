import { defineMessages } from '../define.ts';

/**
 * Release spec: validation (every issue starts with the JSON path it concerns), the
 * compiler's release blockers, the pseudonymization key, and the presets' explanations.
 */
export const spec = defineMessages({
  // Shape (schema) issues
  'spec.issue.required': { ja: '{path}: 必須の項目がありません。', en: '{path}: this field is required.' },
  'spec.issue.invalid': { ja: '{path}: 値が正しくありません（{detail}）。', en: '{path}: invalid value ({detail}).' },
  'spec.issue.expectedString': { ja: '{path}: 文字列が必要です。', en: '{path}: a string is required.' },
  'spec.issue.expectedNumber': { ja: '{path}: 数値が必要です。', en: '{path}: a number is required.' },
  'spec.issue.expectedInt': { ja: '{path}: 整数が必要です。', en: '{path}: a whole number is required.' },
  'spec.issue.expectedBoolean': { ja: '{path}: true か false が必要です。', en: '{path}: true or false is required.' },
  'spec.issue.expectedObject': { ja: '{path}: オブジェクト（{…}）が必要です。', en: '{path}: an object ({…}) is required.' },
  'spec.issue.expectedArray': { ja: '{path}: 配列（[…]）が必要です。', en: '{path}: an array ([…]) is required.' },
  'spec.issue.nonEmpty': { ja: '{path}: 空にはできません。', en: '{path}: must not be empty.' },
  'spec.issue.intAtLeast': { ja: '{path}: {min} 以上の整数が必要です。', en: '{path}: a whole number of at least {min} is required.' },
  'spec.issue.intBetween': { ja: '{path}: {min} 以上 {max} 以下の整数が必要です。', en: '{path}: a whole number from {min} to {max} is required.' },
  'spec.issue.between': { ja: '{path}: {min} 以上 {max} 以下の数値が必要です。', en: '{path}: a number from {min} to {max} is required.' },
  'spec.issue.atLeast': { ja: '{path}: {min} 以上である必要があります。', en: '{path}: must be at least {min}.' },
  'spec.issue.atMost': { ja: '{path}: {max} 以下である必要があります。', en: '{path}: must be at most {max}.' },
  'spec.issue.greaterThan': { ja: '{path}: {min} より大きい必要があります。', en: '{path}: must be greater than {min}.' },
  'spec.issue.lessThan': { ja: '{path}: {max} より小さい必要があります。', en: '{path}: must be less than {max}.' },
  'spec.issue.positive': { ja: '{path}: 0 より大きい数値が必要です。', en: '{path}: a number greater than 0 is required.' },
  'spec.issue.fractionOpen': { ja: '{path}: 0 より大きく 1 以下の数値が必要です。', en: '{path}: a number greater than 0 and at most 1 is required.' },
  'spec.issue.minItems': { ja: '{path}: {min} 件以上の要素が必要です。', en: '{path}: at least {min} item(s) are required.' },
  'spec.issue.maxItems': { ja: '{path}: 要素は {max} 件までです。', en: '{path}: at most {max} item(s) are allowed.' },
  'spec.issue.minLength': { ja: '{path}: {min} 文字以上必要です。', en: '{path}: at least {min} character(s) are required.' },
  'spec.issue.maxLength': { ja: '{path}: {max} 文字までです。', en: '{path}: at most {max} character(s) are allowed.' },
  'spec.issue.oneChar': { ja: '{path}: 1 文字で指定してください。', en: '{path}: must be exactly one character.' },
  'spec.issue.sha256': { ja: '{path}: SHA-256（16 進数 64 桁の小文字）が必要です。', en: '{path}: a SHA-256 digest (64 lowercase hex digits) is required.' },
  'spec.issue.fingerprint': { ja: '{path}: 鍵の指紋（16 進数 16 桁の小文字）が必要です。', en: '{path}: a key fingerprint (16 lowercase hex digits) is required.' },
  'spec.issue.isoDate': { ja: '{path}: 実在する日付を YYYY-MM-DD 形式で指定してください。', en: '{path}: a real date written as YYYY-MM-DD is required.' },
  'spec.issue.stringOrNumber': { ja: '{path}: 文字列か数値が必要です。', en: '{path}: a string or a number is required.' },
  'spec.issue.numberOrDate': { ja: '{path}: 数値か YYYY-MM-DD 形式の日付が必要です。', en: '{path}: a number or a YYYY-MM-DD date is required.' },
  'spec.issue.mustEqual': { ja: '{path}: {value} でなければなりません。', en: '{path}: must be {value}.' },
  'spec.issue.oneOf': { ja: '{path}: 次のいずれかを指定してください: {values}', en: '{path}: must be one of {values}.' },
  'spec.issue.suppressionMethod': {
    ja: '{path}: "records"（レコードを削除）か "cells"（セルを空欄にする）を指定してください。',
    en: '{path}: must be "records" (remove records) or "cells" (blank cells).',
  },
  'spec.issue.importance': {
    ja: '{path}: 重要度は 0 より大きい数値で指定してください（大きいほど値が残ります）。',
    en: '{path}: importance must be a number greater than 0 (higher keeps the values longer).',
  },
  'spec.issue.importanceMap': {
    ja: '{path}: 重要度は {"列名": 数値, …} の形で指定してください（列名は空にできません）。',
    en: '{path}: importance must map column names to numbers, as in {"column": 2, …} (no empty names).',
  },
  'spec.issue.unknownKeys': { ja: '{path}: 不明な項目があります: {keys}（綴りを確認してください）', en: '{path}: unknown field(s) {keys} (check the spelling).' },

  // Cross-field issues
  'spec.issue.duplicateColumn': { ja: '{path}: 列「{name}」が二度指定されています。', en: '{path}: column "{name}" is listed twice.' },
  'spec.issue.duplicateHierarchy': { ja: '{path}: 階層名「{name}」が重複しています。', en: '{path}: the hierarchy name "{name}" is used twice.' },
  'spec.issue.unknownHierarchy': { ja: '{path}: 階層「{name}」が定義されていません。', en: '{path}: there is no hierarchy named "{name}".' },
  'spec.issue.levelTooHigh': { ja: '{path}: 階層「{name}」のレベルは 0〜{max} です。', en: '{path}: the hierarchy "{name}" has levels 0–{max}.' },
  'spec.issue.mustBeAlone': {
    ja: '{path}: 「{kind}」は他の変換と組み合わせられません（この列の変換はそれだけにしてください）。',
    en: '{path}: "{kind}" cannot be combined with other transforms (make it the column\'s only transform).',
  },
  'spec.issue.dateShiftMismatch': {
    ja: '{path}: 日付シフトの最大日数は全列で同じにしてください（{first} では {maxDays} 日）。同じ人の日付は同じ日数だけずらすためです。',
    en: '{path}: every date shift must use the same maximum ({maxDays} days at {first}), so each subject\'s dates move together.',
  },
  'spec.issue.widthNotNested': {
    ja: '{path}: 幅 {width} は一つ下のレベルの幅 {previous} の整数倍にしてください（区間が上位レベルで入れ子になるように）。',
    en: '{path}: width {width} must be a whole multiple of the level below ({previous}), so bands nest.',
  },
  'spec.issue.topBelowBottom': { ja: '{path}: トップコーディング（{top}）はボトムコーディング（{bottom}）より大きくしてください。', en: '{path}: the top code ({top}) must be above the bottom code ({bottom}).' },
  'spec.issue.keepNotDecreasing': { ja: '{path}: 残す桁数 {keep} は一つ下のレベル（{previous}）より少なくしてください。', en: '{path}: keep {keep} must be less than the level below ({previous}).' },
  'spec.issue.unitsNotIncreasing': { ja: '{path}: 「{unit}」は一つ下のレベル「{previous}」より粗い単位にしてください。', en: '{path}: "{unit}" must be coarser than the level below ("{previous}").' },
  'spec.issue.recursiveNeedsC': { ja: '{path}: recursive (c,l)-多様性には c が必要です。', en: '{path}: recursive (c,l)-diversity needs c.' },
  'spec.issue.pseudonymizedRestriction': {
    ja: '{path}: 仮名加工医療情報の提供先は認定利用事業者に限られます。"certifiedUsers" を指定してください。',
    en: '{path}: a pseudonymized release may only go to certified users; set "certifiedUsers".',
  },

  // Versions and files
  'spec.version.missing': { ja: '{path}: 仕様のバージョン（version）がありません。現在のバージョンは {current} です。', en: '{path}: the spec has no version; the current version is {current}.' },
  'spec.version.tooNew': {
    ja: '{path}: この仕様はバージョン {version} で、この Tokumei が扱えるのは {current} までです。Tokumei を更新してください。',
    en: '{path}: this spec is version {version}; this Tokumei reads up to version {current}. Please update Tokumei.',
  },
  'spec.version.unsupported': { ja: '{path}: バージョン {version} の仕様は {current} に変換できません。', en: '{path}: a version {version} spec cannot be upgraded to version {current}.' },
  'spec.json.syntax': { ja: '仕様ファイルが JSON として読めません: {detail}', en: 'The spec file is not valid JSON: {detail}' },

  // Release blockers and compile errors
  'spec.compile.identifierKept': {
    ja: '列「{column}」は直接識別子です。削除するか仮名化しないと提供できません。',
    en: '"{column}" is a direct identifier: drop or pseudonymize it before release.',
  },
  'spec.compile.freeTextBlocked': {
    ja: '列「{column}」は自由記述です。削除するか、内容を確認して「確認済み」にしないと提供できません。',
    en: '"{column}" is free text: drop it, or review it and mark it cleared, before release.',
  },
  'spec.compile.unlisted': {
    ja: '表「{table}」の列「{column}」が仕様にありません。役割を決めてください（未確認の列は提供しません）。',
    en: 'Column "{column}" of "{table}" is not in the spec. Give it a role (unreviewed columns are not released).',
  },
  'spec.compile.columnMissing': { ja: '列「{column}」が表「{table}」にありません。', en: 'Column "{column}" is not in table "{table}".' },
  'spec.compile.tableNotInSpec': { ja: '表「{table}」は仕様の sources に含まれていません。', en: 'Table "{table}" is not among the spec\'s sources.' },
  'spec.compile.subjectMissing': { ja: '対象者 ID の列「{column}」が表「{table}」にありません。', en: 'The subject-ID column "{column}" is not in table "{table}".' },
  'spec.compile.noSubjectForExclusions': {
    ja: '提供停止・削除の求めのリストを照合するには、表「{table}」の対象者 ID 列（subjectColumn）を指定してください。',
    en: 'To apply the exclusion list, set the subject-ID column (subjectColumn) of "{table}".',
  },
  'spec.compile.noSubjectForDateShift': {
    ja: '日付シフトは対象者ごとに行うため、表「{table}」の対象者 ID 列（subjectColumn）を指定してください。',
    en: 'Date shifts are per subject: set the subject-ID column (subjectColumn) of "{table}".',
  },
  'spec.compile.needsNumber': { ja: '列「{column}」の {transform} には数値の列が必要です（この列は {type}）。', en: '{transform} on "{column}" needs a numeric column (it is {type}).' },
  'spec.compile.needsDate': {
    ja: '列「{column}」の {transform} には日付（DATE / TIMESTAMP）の列が必要です（この列は {type}）。読み込み時に型を日付にしてください。',
    en: '{transform} on "{column}" needs a DATE or TIMESTAMP column (it is {type}). Set the type to a date when loading.',
  },
  'spec.compile.timestamptz': {
    ja: '列「{column}」はタイムゾーン付きの日時です。日付シフトはタイムゾーンなしの DATE / TIMESTAMP にだけ行えます。',
    en: '"{column}" holds time-zone-aware timestamps; date shifts work only on DATE or plain TIMESTAMP columns.',
  },
  'spec.compile.noColumns': { ja: '表「{table}」に提供する列が一つも残りません。', en: 'No column of "{table}" is left to release.' },
  'spec.compile.hierarchyMissing': {
    ja: '列「{column}」の値の一部が階層「{hierarchy}」にありません（例: {examples}）。階層に行を追加してください。',
    en: 'Some values of "{column}" are missing from the hierarchy "{hierarchy}" (e.g. {examples}). Add rows for them.',
  },
  'spec.exclusions.required': {
    ja: 'この仕様は {count} 件の提供停止・削除の求めのリストを前提にしています。同じリストを指定してください。',
    en: 'This spec was made with an exclusion list of {count} IDs. Supply the same list.',
  },
  'spec.exclusions.mismatch': {
    ja: '指定された提供停止・削除の求めのリスト（{given} 件）は、仕様に記録されたリスト（{expected} 件）と一致しません。',
    en: 'The exclusion list supplied ({given} IDs) is not the one the spec records ({expected} IDs).',
  },

  // Key
  'spec.key.required': { ja: '仮名化または日付シフトには鍵が必要です。', en: 'Pseudonymization and date shifts need the key.' },
  'spec.key.mismatch': {
    ja: '鍵が仕様に記録された鍵と一致しません。同じ鍵を使わないと仮名が前回と変わります。',
    en: 'This key is not the one the spec records; with another key the pseudonyms would change.',
  },
  'spec.key.tooShort': { ja: '鍵が短すぎます（{bytes} バイト）。{min} バイト以上必要です。', en: 'The key is too short ({bytes} bytes); at least {min} bytes are needed.' },
  'spec.key.wrongAlgorithm': { ja: 'この鍵は HMAC-SHA256 の署名用の鍵ではありません。', en: 'This is not an HMAC-SHA256 signing key.' },
  'spec.key.notExtractable': { ja: 'この鍵は取り出せない設定で作られているため、ファイルに保存できません。', en: 'This key was created non-extractable and cannot be saved to a file.' },
  'spec.pseudonym.collision': {
    ja: '異なる値に同じ仮名（{length} 桁）が割り当てられました。仮名の桁数を増やしてください。',
    en: 'Two different values received the same {length}-digit pseudonym. Use longer pseudonyms.',
  },

  // Presets
  'spec.preset.anonymized.label': { ja: '次世代医療基盤法 匿名加工', en: 'Anonymized release (Next-Generation Medical Infrastructure Act)' },
  'spec.preset.anonymized.description': {
    ja: '直接識別子を削除または仮名化し、年齢は 90 歳以上をまとめ、生年月日は年齢階級か年に、郵便番号は上 3 桁に、日付は年月にします。特異値は一つずつ判断します。',
    en: 'Drops or pseudonymizes direct identifiers, codes ages of 90 and over together, turns birth dates into age bands or years, postal codes into their first 3 digits and dates into months; peculiar values are decided one by one.',
  },
  'spec.preset.pseudonymized.label': { ja: '次世代医療基盤法 仮名加工', en: 'Pseudonymized release (Next-Generation Medical Infrastructure Act)' },
  'spec.preset.pseudonymized.description': {
    ja: '氏名や個人識別符号を削除し、ID は鍵付きハッシュの仮名に置き換えます。希少な値も含めて詳細を残し、提供先は認定利用事業者に限ります。',
    en: 'Removes names and identification codes and replaces IDs with keyed-hash pseudonyms; details, rare values included, are kept, and the release is restricted to certified users.',
  },
  'spec.preset.hipaa.label': { ja: 'HIPAA Safe Harbor（研修用）', en: 'HIPAA Safe Harbor (training)' },
  'spec.preset.hipaa.description': {
    ja: '米国 HIPAA の Safe Harbor 方式（18 種類の識別子の削除）を研修用に再現したものです。日本の法令に基づく加工ではありません。',
    en: 'The US HIPAA Safe Harbor method (removing 18 kinds of identifiers), reproduced for training. It is not a method under Japanese law.',
  },
  'spec.preset.anonymized.linkKey': {
    ja: '同じ人のレコードを表をまたいでつなぐため、仮名に置き換えます。匿名加工では、この提供のためだけに作った鍵を使い作成後に破棄して、元の ID に戻せないようにしてください。',
    en: 'Replaced by a pseudonym so one person\'s records stay linked across tables. For an anonymized release use a key made for this release only and destroy it afterwards, so the pseudonyms cannot be traced back.',
  },
  'spec.preset.anonymized.dropIdentifier': { ja: '直接識別子（氏名・連絡先・個人識別符号など）は削除します。', en: 'Direct identifiers (names, contact details, identification codes) are removed.' },
  'spec.preset.anonymized.birthAge': {
    ja: '生年月日は {date} 時点の 5 歳階級の年齢にし、90 歳以上は「90以上」にまとめます。',
    en: 'Birth dates become 5-year age bands as of {date}; ages of 90 and over become "90以上".',
  },
  'spec.preset.anonymized.birthYear': {
    ja: '生年月日は年だけにします（基準日を指定すると年齢階級にできます）。',
    en: 'Birth dates are reduced to the year (with a reference date they can become age bands).',
  },
  'spec.preset.anonymized.ageTop': { ja: '年齢は 90 以上を 90 にまとめます（90 は「90 歳以上」を意味します）。', en: 'Ages of 90 and over are coded as 90 (meaning "90 or older").' },
  'spec.preset.anonymized.postal': { ja: '郵便番号は上 3 桁にします。', en: 'Postal codes are cut to their first 3 digits.' },
  'spec.preset.anonymized.dateMonth': { ja: '日付は年月にします。', en: 'Dates are reduced to year and month.' },
  'spec.preset.anonymized.kChoice': {
    ja: 'k = {k}、レコード削除の上限 {suppression} は本プリセットが選んだ値です。法令は k の値を定めていません。データと提供先に応じて決めてください。',
    en: 'k = {k} and a suppression limit of {suppression} are this preset\'s choice; no law fixes a value of k. Decide it for the data and the recipient.',
  },
  'spec.preset.anonymized.peculiar': {
    ja: '特異な記述・特異値（極端な値や希少な値）は一覧にし、提供前に一つずつ判断を記録します。',
    en: 'Peculiar values (extreme or rare values) are listed, and a decision is recorded for each before release.',
  },
  'spec.preset.anonymized.release': { ja: '匿名加工医療情報として提供します。', en: 'Released as anonymized medical information.' },
  'spec.preset.pseudonymized.linkKey': {
    ja: 'ID は鍵付きハッシュの仮名に置き換えます。鍵は作成事業者の手元で管理し、提供しません。',
    en: 'IDs are replaced by keyed-hash pseudonyms. The key stays with the producer and is never released.',
  },
  'spec.preset.pseudonymized.dropIdentifier': {
    ja: '氏名・連絡先・個人識別符号は仮名加工でも削除します。',
    en: 'Names, contact details and identification codes are removed in a pseudonymized release too.',
  },
  'spec.preset.pseudonymized.keepDetail': { ja: '仮名加工では詳細な値（希少な値を含む）をそのまま残せます。', en: 'A pseudonymized release may keep detailed values, rare ones included.' },
  'spec.preset.pseudonymized.noK': { ja: '仮名加工には k 匿名性の目標を設けません。', en: 'A pseudonymized release has no k-anonymity target.' },
  'spec.preset.pseudonymized.rareKept': { ja: '希少な値は削除せずに残します。', en: 'Rare values are kept.' },
  'spec.preset.pseudonymized.release': {
    ja: '仮名加工医療情報として、認定利用事業者だけに提供します。',
    en: 'Released as pseudonymized medical information, to certified users only.',
  },
  'spec.preset.hipaa.identifier': { ja: 'Safe Harbor の 18 種類の識別子に当たるため削除します。', en: 'One of Safe Harbor\'s 18 identifiers: removed.' },
  'spec.preset.hipaa.linkKey': {
    ja: 'Safe Harbor では個人の情報から作った符号（ID のハッシュを含む）を残せないため削除します。',
    en: 'Safe Harbor allows no code derived from the individual\'s information (hashes of IDs included): removed.',
  },
  'spec.preset.hipaa.locality': { ja: '州より細かい地域区分（市・郡など）は削除します。', en: 'Geographic units smaller than a state (city, county) are removed.' },
  'spec.preset.hipaa.zip': {
    ja: 'ZIP コードは上 3 桁にします。その 3 桁の地域の人口が 2 万人以下なら「000」にする必要がありますが、人口はここでは確認していません。',
    en: 'ZIP codes are cut to 3 digits. Where that 3-digit area has 20,000 people or fewer it must become 000; population is not checked here.',
  },
  'spec.preset.hipaa.dates': { ja: '年以外の日付の要素は削除し、年だけにします。', en: 'All date elements except the year are removed.' },
  'spec.preset.hipaa.age': { ja: '90 歳以上の年齢は 90 にまとめます。', en: 'Ages over 89 are aggregated into 90 ("90 or older").' },
  'spec.preset.hipaa.noK': { ja: 'Safe Harbor は k 匿名性の目標を使いません。', en: 'Safe Harbor does not use a k-anonymity target.' },
  'spec.preset.hipaa.training': {
    ja: '研修用のプリセットです。日本の法令に基づく匿名加工・仮名加工には使えません。',
    en: 'A training preset: not a basis for anonymized or pseudonymized releases under Japanese law.',
  },
  'spec.preset.freeTextDropped': {
    ja: '自由記述には氏名などが書かれていることがあるため削除します（内容を確認すれば残せます）。',
    en: 'Free text may contain names and other identifiers: removed (it can be kept after review).',
  },
  'spec.preset.dateNeedsType': {
    ja: '日付として扱うには列の型を DATE か TIMESTAMP にしてください（いまは {type}）。変換は設定していません。',
    en: 'Set the column type to DATE or TIMESTAMP to treat it as a date (it is {type}); no transform was set.',
  },
  'spec.preset.keepQuasi': { ja: '準識別子として残し、リスク評価と一般化の探索で扱います。', en: 'Kept as a quasi-identifier for risk assessment and the generalization search.' },
  'spec.preset.keepSensitive': { ja: '要配慮情報（分析の対象）として残します。', en: 'Kept as a sensitive attribute (what the analysis is about).' },
  'spec.preset.keepOther': { ja: 'そのまま残します。', en: 'Kept as it is.' },
  'spec.preset.hierarchy.calendar': { ja: '日付の階層: 年月 → 四半期 → 年。', en: 'Date hierarchy: month → quarter → year.' },
  'spec.preset.hierarchy.postal': { ja: '郵便番号の階層: 上 5 桁 → 上 3 桁 → 上 1 桁。', en: 'Postal-code hierarchy: first 5 → 3 → 1 digits.' },
  'spec.preset.hierarchy.birthAge': { ja: '生年月日から求めた年齢の階層: 1 歳 → 5 歳 → 10 歳階級（90 歳以上はまとめる）。', en: 'Age-from-birth-date hierarchy: 1-, 5-, 10-year bands (90 and over together).' },
});
