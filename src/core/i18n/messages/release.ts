import { defineMessages } from '../define.ts';

/** The release package's documents (dictionary, records, report), its gates and the provision ledger. */
export const release = defineMessages({
  // Modes, roles, recipient types
  'release.mode.anonymized': { ja: '匿名加工医療情報', en: 'Anonymized release (匿名加工医療情報)' },
  'release.mode.pseudonymized': { ja: '仮名加工医療情報', en: 'Pseudonymized release (仮名加工医療情報)' },
  'release.role.identifier': { ja: '直接識別子', en: 'Direct identifier' },
  'release.role.quasi': { ja: '準識別子', en: 'Quasi-identifier' },
  'release.role.sensitive': { ja: '要配慮情報', en: 'Sensitive attribute' },
  'release.role.other': { ja: 'その他', en: 'Other' },
  'release.recipientType.certifiedUser': { ja: '認定利用事業者', en: 'Certified user (認定利用事業者)' },
  'release.recipientType.other': { ja: '認定利用事業者以外', en: 'Not a certified user' },

  // Column descriptions (dictionary and report), generated from the transform chain
  'release.describe.asIs': { ja: '{column}（加工なし）', en: '{column} (as in the source)' },
  'release.describe.withSteps': { ja: '{column}（{steps}）', en: '{column}: {steps}' },
  'release.describe.separator': { ja: '、', en: '; ' },
  'release.describe.withNote': { ja: '{text}。備考: {note}', en: '{text}. Note: {note}' },
  'release.describe.pseudonym': {
    ja: '{column} の仮名（鍵付きハッシュ、16 進数 {length} 桁。元の値は含まれません）',
    en: 'pseudonym of {column} (keyed hash, {length} hex digits; the source value is not included)',
  },
  'release.describe.pseudonymStep': { ja: '鍵付きハッシュによる仮名（16 進数 {length} 桁）', en: 'keyed-hash pseudonym ({length} hex digits)' },
  'release.describe.drop': { ja: '削除', en: 'dropped' },
  'release.describe.level0': { ja: '一般化なし', en: 'not generalized' },
  'release.describe.generalize': { ja: '階層「{name}」のレベル {level} に一般化', en: 'generalized to level {level} of the hierarchy "{name}"' },
  'release.describe.bands': { ja: '{width} 刻み', en: 'in bands of {width}' },
  'release.describe.bandsFrom': { ja: '{origin} を起点に {width} 刻み', en: 'in bands of {width} starting at {origin}' },
  'release.describe.topGroup': { ja: '{at} 以上は{label}にまとめる', en: '{at} and above grouped as {label}' },
  'release.describe.bottomGroup': { ja: '{at} 未満は{label}にまとめる', en: 'below {at} grouped as {label}' },
  'release.describe.age': { ja: '基準日 {date} 時点の満年齢', en: 'age in completed years on {date}' },
  'release.describe.ageBands': { ja: '{width} 歳刻み', en: 'in {width}-year bands' },
  'release.describe.ageTop': { ja: '{at} 歳以上は{label}にまとめる', en: '{at}+ top-coded as {label}' },
  'release.describe.ageBottom': { ja: '{at} 歳未満は{label}にまとめる', en: 'under {at} bottom-coded as {label}' },
  'release.describe.date.day': { ja: 'YYYY-MM-DD 形式の日単位', en: 'to the day (YYYY-MM-DD)' },
  'release.describe.date.month': { ja: 'YYYY-MM 形式の月単位', en: 'to the month (YYYY-MM)' },
  'release.describe.date.quarter': { ja: 'YYYY-Q1〜Q4 形式の四半期単位', en: 'to the quarter (YYYY-Q1 to Q4)' },
  'release.describe.date.half': { ja: 'YYYY-H1/H2 形式の半期単位', en: 'to the half-year (YYYY-H1/H2)' },
  'release.describe.date.year': { ja: 'YYYY 形式の年単位', en: 'to the year (YYYY)' },
  'release.describe.date.decade': { ja: '1980s 形式の 10 年単位', en: 'to the decade (e.g. 1980s)' },
  'release.describe.alnumOnly': { ja: '英数字以外の文字を除く', en: 'characters other than letters and digits removed' },
  'release.describe.prefix': { ja: '先頭 {keep} 文字を残す', en: 'first {keep} characters kept' },
  'release.describe.mask': { ja: '残りは{mask}で伏せる', en: 'the rest masked with {mask}' },
  'release.describe.table': { ja: '対応表「{name}」のレベル {level}（全 {max} レベル）', en: 'level {level} of {max} of the table "{name}"' },
  'release.describe.topCode': { ja: '{at} 以上は{shown}に置き換え', en: 'values at or above {at} replaced by {shown}' },
  'release.describe.bottomCode': { ja: '{at} 未満は{shown}に置き換え', en: 'values below {at} replaced by {shown}' },
  'release.describe.round': { ja: '{to} 単位に丸め', en: 'rounded to the nearest {to}' },
  'release.describe.dateShift': { ja: '対象者ごとに最大 ±{maxDays} 日ずらした日付', en: 'shifted by up to ±{maxDays} days per subject' },
  'release.describe.suppressCell': { ja: '指定した {count} 個の値は空欄', en: '{count} listed value(s) blanked' },
  'release.describe.suppressRecord': { ja: '指定した {count} 個の値を持つレコードは削除', en: 'records with any of {count} listed value(s) removed' },
  'release.describe.peculiarCells': { ja: '特異値 {count} 個は空欄', en: '{count} peculiar value(s) blanked' },
  'release.describe.peculiarRecords': { ja: '特異値 {count} 個を持つレコードは削除', en: 'records with any of {count} peculiar value(s) removed' },

  // Gates
  'release.gate.identifierKept': {
    ja: '列「{column}」（{path}）は直接識別子ですが、削除も仮名化もされていません。',
    en: '"{column}" ({path}) is a direct identifier that is neither dropped nor pseudonymized.',
  },
  'release.gate.freeTextBlocked': {
    ja: '列「{column}」（{path}）は自由記述で、内容の確認が済んでいません。',
    en: '"{column}" ({path}) is free text that nobody has cleared.',
  },
  'release.gate.kUnmet': {
    ja: 'k-匿名性の目標 k = {k} を満たしていません（最小の同値クラスは {measured} 件）。',
    en: 'The k-anonymity target k = {k} is not met (the smallest class has {measured} records).',
  },
  'release.gate.lUnmet': {
    ja: 'l-多様性（{variant}）の目標 l = {l} を満たしていません（測定値 {measured}）。',
    en: 'The l-diversity target ({variant}) l = {l} is not met (measured {measured}).',
  },
  'release.gate.tUnmet': {
    ja: 't-近接性（{variant}）の目標 t = {t} を満たしていません（測定値 {measured}）。',
    en: 'The t-closeness target ({variant}) t = {t} is not met (measured {measured}).',
  },
  'release.gate.maxRiskUnmet': {
    ja: '最大再識別リスク {measured} が上限 {maxRisk} を超えています。',
    en: 'The highest re-identification risk, {measured}, is above the limit of {maxRisk}.',
  },
  'release.gate.notMeasured': {
    ja: 'プライバシー目標が設定されていますが、リスクを測定していません。',
    en: 'Privacy targets are set, but the risk has not been measured.',
  },
  'release.gate.peculiarUndecided': {
    ja: '特異値 {count} 件の扱いが決まっていません（列: {columns}）。',
    en: '{count} peculiar value(s) have no decision yet (columns: {columns}).',
  },
  'release.gate.peculiarNotListed': {
    ja: '特異値の確認が必要な設定ですが、特異値を洗い出していません。',
    en: 'Peculiar values must be reviewed, but they have not been listed.',
  },
  'release.gate.mismatch.recipient': {
    ja: '提供先「{given}」が仕様に書かれた提供先「{spec}」と一致しません。',
    en: 'The recipient "{given}" differs from the spec\'s recipient "{spec}".',
  },
  'release.gate.mismatch.requestId': {
    ja: '申出番号「{given}」が仕様に書かれた申出番号「{spec}」と一致しません。',
    en: 'The request ID "{given}" differs from the spec\'s request ID "{spec}".',
  },
  'release.gate.certifiedUserRequired': {
    ja: '仮名加工医療情報は認定利用事業者にしか提供できません。提供先を認定利用事業者として登録してください（この制限は解除できません）。',
    en: 'A pseudonymized release may only go to a certified user. Mark the recipient as a certified user (this cannot be overridden).',
  },
  'release.gate.certifiedRestriction': {
    ja: 'この仕様は提供先を認定利用事業者に限っています（この制限は解除できません）。',
    en: 'This spec restricts the release to certified users (this cannot be overridden).',
  },
  'release.gate.nothingReleased': {
    ja: 'この設定では提供されるレコードが 1 件もありません（除外・削除・抑制ですべて取り除かれます）。設定を見直してください。',
    en: 'This setting releases no record at all (exclusions, deletions and suppression remove every one). Please revise it.',
  },
  'release.gate.provisionInvalid': {
    ja: '提供記録の入力に {count} 件の問題があります。修正してください。',
    en: 'The provision details have {count} problem(s). Please correct them.',
  },

  // Errors
  'release.error.createdAt': {
    ja: '作成日時「{value}」は ISO 8601 の UTC 形式（例: 2025-04-01T09:30:00.000Z）で指定してください。',
    en: 'The creation time "{value}" must be an ISO 8601 UTC instant (e.g. 2025-04-01T09:30:00.000Z).',
  },
  'release.error.suppressedInDistribution': {
    ja: '列「{column}」の分布に、削除対象として指定した値が含まれています。提供データの集計をやり直してください（パッケージは作成しません）。',
    en: 'The distribution of "{column}" contains a value listed for suppression. Recount the released data (no package is written).',
  },

  // Ledger
  'release.ledger.syntax': { ja: '提供台帳ファイルが JSON として読めません: {detail}', en: 'The provision ledger is not valid JSON: {detail}' },
  'release.ledger.invalid': { ja: '提供台帳の {path} が正しくありません。', en: 'The provision ledger is invalid at {path}.' },
  'release.ledger.newerVersion': {
    ja: '提供台帳はバージョン {version} で、この Tokumei が読めるのは {current} までです。Tokumei を更新してください。',
    en: 'The provision ledger is version {version}; this Tokumei reads up to version {current}. Please update Tokumei.',
  },
  'release.ledger.duplicate': {
    ja: 'パッケージ {sha256}… は別の内容で台帳に記録済みです。',
    en: 'Package {sha256}… is already in the ledger with different details.',
  },
  'release.ledger.column.packageSha256': { ja: 'パッケージ SHA-256', en: 'Package SHA-256' },
  'release.ledger.column.createdAt': { ja: '作成日時', en: 'Created at' },
  'release.ledger.column.recipient': { ja: '提供先', en: 'Recipient' },
  'release.ledger.column.recipientType': { ja: '提供先の種別', en: 'Recipient type' },
  'release.ledger.column.requestId': { ja: '申出番号', en: 'Request ID' },
  'release.ledger.column.reviewId': { ja: '審査番号', en: 'Review ID' },
  'release.ledger.column.purpose': { ja: '利用目的', en: 'Purpose' },
  'release.ledger.column.mode': { ja: '加工の種類', en: 'Mode' },
  'release.ledger.column.deletionDeadline': { ja: '削除期限', en: 'Deletion deadline' },
  'release.ledger.column.sourceSha256s': { ja: '元データ SHA-256', en: 'Source SHA-256' },
  'release.ledger.column.exclusionSha256': { ja: '提供停止リスト SHA-256', en: 'Exclusion list SHA-256' },
  'release.ledger.column.rows': { ja: '提供件数', en: 'Rows' },

  // Report: frame and sections
  'release.report.title': { ja: '提供パッケージ報告書', en: 'Release package report' },
  'release.report.kicker': { ja: 'Tokumei 提供パッケージ報告書', en: 'Tokumei release package report' },
  'release.report.safety': {
    ja: 'この報告書には、識別子の値、仮名化の鍵、提供停止・削除の求めがあった対象者の ID、削除した値は含まれていません。分布は提供データの加工後の値だけを示しています。',
    en: 'This report contains no identifier value, no pseudonymization key, no ID of an excluded subject and no suppressed value. Distributions show released values only, after every transform.',
  },
  'release.report.section.summary': { ja: '概要', en: 'Summary' },
  'release.report.section.data': { ja: 'データ', en: 'Data' },
  'release.report.section.risk': { ja: '再識別リスク', en: 'Re-identification risk' },
  'release.report.section.utility': { ja: '有用性', en: 'Utility' },
  'release.report.section.suppression': { ja: '削除（レコード・セル）', en: 'Suppression (records and cells)' },
  'release.report.section.classes': { ja: '同値クラスの大きさ', en: 'Equivalence class sizes' },
  'release.report.section.distributions': { ja: '準識別子の分布（提供後）', en: 'Quasi-identifier distributions (as released)' },
  'release.report.section.peculiar': { ja: '特異値の扱い', en: 'Peculiar-value decisions' },
  'release.report.section.overrides': { ja: '確認を省略した項目', en: 'Overridden gates' },
  'release.report.section.versions': { ja: 'バージョンとハッシュ', en: 'Versions and hashes' },
  'release.report.mode': { ja: '加工の種類', en: 'Mode' },
  'release.report.recipient': { ja: '提供先', en: 'Recipient' },
  'release.report.recipientType': { ja: '提供先の種別', en: 'Recipient type' },
  'release.report.purpose': { ja: '利用目的', en: 'Purpose' },
  'release.report.requestId': { ja: '申出番号', en: 'Request ID' },
  'release.report.reviewId': { ja: '審査番号', en: 'Review ID' },
  'release.report.items': { ja: '提供項目', en: 'Items provided' },
  'release.report.listSeparator': { ja: '、', en: ', ' },
  'release.report.deliveryMethod': { ja: '提供方法', en: 'Delivery method' },
  'release.report.retention': { ja: '保存期間', en: 'Retention' },
  'release.report.deletionDeadline': { ja: '削除期限', en: 'Deletion deadline' },
  'release.report.createdAt': { ja: '作成日時（UTC）', en: 'Created at (UTC)' },
  'release.report.operator': { ja: '作成者', en: 'Operator' },
  'release.report.approver': { ja: '承認者', en: 'Approver' },
  'release.report.none': { ja: 'なし', en: 'None' },
  'release.report.rowsBefore': { ja: '元データのレコード数', en: 'Source records' },
  'release.report.rowsAfter': { ja: '提供するレコード数', en: 'Released records' },
  'release.report.columnsBefore': { ja: '元データの列数', en: 'Source columns' },
  'release.report.columnsAfter': { ja: '提供する列数', en: 'Released columns' },
  'release.report.columnsDropped': { ja: '削除した列の数', en: 'Columns dropped' },
  'release.report.exclusions': { ja: '提供停止・削除の求め', en: 'Exclusion list' },
  'release.report.exclusionsLine': {
    ja: 'リスト {listed} 件、該当した対象者 {subjects} 人、除いたレコード {records} 件',
    en: '{listed} listed, {subjects} subject(s) found, {records} record(s) removed',
  },
  'release.report.exclusionsNone': { ja: '適用なし', en: 'None applied' },
  'release.report.source': { ja: '元データ', en: 'Source' },
  'release.report.rows': { ja: 'レコード数', en: 'Records' },
  'release.report.columns': { ja: '列数', en: 'Columns' },
  'release.report.releasedColumns': { ja: '提供する列', en: 'Released columns' },
  'release.report.column': { ja: '列', en: 'Column' },
  'release.report.role': { ja: '役割', en: 'Role' },
  'release.report.meaning': { ja: '意味', en: 'Meaning' },
  'release.report.metric': { ja: '指標', en: 'Measure' },
  'release.report.value': { ja: '値', en: 'Value' },

  // Report: risk, one plain-language line per number
  'release.risk.kTarget': { ja: 'k-匿名性の目標', en: 'k-anonymity target' },
  'release.risk.kTargetMeaning': {
    ja: '準識別子の値の組み合わせが同じレコードが、どれも {k} 件以上あることを目標にしています。',
    en: 'The aim: every combination of quasi-identifier values is shared by at least {k} records.',
  },
  'release.risk.minClassSize': { ja: '最小の同値クラス', en: 'Smallest class' },
  'release.risk.minClassSizeMeaning': {
    ja: 'どの準識別子の値の組み合わせも、少なくとも {n} 件のレコードが共有しています。',
    en: 'Every combination of quasi-identifier values is shared by at least {n} records.',
  },
  'release.risk.noRecords': { ja: '提供するレコードがありません。', en: 'No records are released.' },
  'release.risk.classes': { ja: '同値クラスの数', en: 'Equivalence classes' },
  'release.risk.classesMeaning': {
    ja: '準識別子の値の組み合わせは {classes} 通りで、1 通りあたり平均 {average} 件です。',
    en: 'There are {classes} combinations of quasi-identifier values, with {average} records each on average.',
  },
  'release.risk.sampleUniques': { ja: '一意なレコード', en: 'Sample uniques' },
  'release.risk.sampleUniquesMeaning': {
    ja: '準識別子の組み合わせがほかのどのレコードとも違うレコードは {n} 件です。',
    en: '{n} records have a combination of quasi-identifier values that no other record shares.',
  },
  'release.risk.recordsBelowK': { ja: 'k 未満のクラスのレコード', en: 'Records in classes below k' },
  'release.risk.recordsBelowKMeaning': {
    ja: '同じ組み合わせが {k} 件未満しかないレコードは {n} 件です。',
    en: '{n} records share their combination with fewer than {k} records in all.',
  },
  'release.risk.prosecutorHighest': { ja: '最大リスク（検察官モデル）', en: 'Highest risk (prosecutor)' },
  'release.risk.prosecutorHighestMeaning': {
    ja: 'ある人がこのデータに含まれると知っている攻撃者でも、その人のレコードを言い当てられる確率は最大 {p} です。',
    en: 'An attacker who knows a person is in this data picks out that person\'s record with a probability of at most {p}.',
  },
  'release.risk.prosecutorAverage': { ja: '平均リスク（検察官モデル）', en: 'Average risk (prosecutor)' },
  'release.risk.prosecutorAverageMeaning': {
    ja: '同じ攻撃者がレコードを言い当てられる確率は、平均すると {p} です。',
    en: 'On average, the same attacker succeeds with a probability of {p}.',
  },
  'release.risk.recordsAtRisk': { ja: 'しきい値を超えるレコード', en: 'Records above the threshold' },
  'release.risk.recordsAtRiskMeaning': {
    ja: '再識別リスクがしきい値 {threshold} を超えるレコードは全体の {p} です。',
    en: '{p} of the records have a re-identification risk above the threshold of {threshold}.',
  },
  'release.risk.journalistHighest': { ja: '最大リスク（ジャーナリストモデル）', en: 'Highest risk (journalist)' },
  'release.risk.journalistHighestMeaning': {
    ja: 'ある人がこのデータに含まれるか知らずに外部の名簿と照合する攻撃者の成功確率は、最大 {p} です。',
    en: 'An attacker who matches an outside register without knowing who is in this data succeeds with a probability of at most {p}.',
  },
  'release.risk.marketer': { ja: '平均リスク（マーケターモデル）', en: 'Average risk (marketer)' },
  'release.risk.marketerMeaning': {
    ja: 'データ全体を名簿と照合した場合、平均して {p} のレコードが再識別されうると見積もられます。',
    en: 'Matching the whole data against a register would re-identify {p} of the records on average.',
  },
  'release.risk.populationUniques': { ja: '母集団一意の割合', en: 'Population uniques' },
  'release.risk.populationUniquesMeaning': {
    ja: '母集団（{population} 人）で準識別子の組み合わせが一意と推定される人の割合は {p} です（推定モデル: {model}）。',
    en: 'An estimated {p} of the population ({population} people) is unique on the quasi-identifiers (model: {model}).',
  },
  'release.risk.lDiversity': { ja: 'l-多様性（distinct / entropy / recursive）', en: 'l-diversity (distinct / entropy / recursive)' },
  'release.risk.lDiversityMeaning': {
    ja: 'どの同値クラスでも「{attribute}」の値は少なくとも {l} 種類あります。',
    en: 'Every class has at least {l} different values of "{attribute}".',
  },
  'release.risk.tCloseness': { ja: 't-近接性（equal / ordered）', en: 't-closeness (equal / ordered)' },
  'release.risk.tClosenessMeaning': {
    ja: '各同値クラスの「{attribute}」の分布は、全体の分布から最大 {t}（EMD）しか離れていません。',
    en: 'In every class, the distribution of "{attribute}" is at most {t} (EMD) away from the overall distribution.',
  },
  'release.risk.individual': { ja: '個人リスク（最大 / 平均）', en: 'Individual risk (max / mean)' },
  'release.risk.individualMeaning': {
    ja: '抽出率を考慮した個人ごとのリスクは最大 {max}、再識別される件数の期待値は {expected} 件です（sdcMicro 方式）。',
    en: 'Allowing for the sampling fraction, the highest individual risk is {max}, and {expected} re-identifications are expected (as sdcMicro).',
  },
  'release.risk.suda': { ja: 'SUDA2: 特異な組み合わせを持つレコード', en: 'SUDA2: records with special uniques' },
  'release.risk.sudaMeaning': {
    ja: '少数の準識別子だけで一意になる組み合わせ（MSU）を持つレコードは {n} 件です（最大スコア {score}）。',
    en: '{n} records are unique on a small set of quasi-identifiers (minimal sample uniques; highest score {score}).',
  },
  'release.risk.ephemeralKey': {
    ja: '注: 日付シフトした列は仮の鍵で測定しました。実際の鍵では同値クラスが少し異なる場合があります。',
    en: 'Note: date-shifted columns were measured with a throwaway key; with the real key the classes may differ slightly.',
  },

  // Report: utility
  'release.utility.loss': { ja: '情報損失', en: 'Information loss' },
  'release.utility.lossMeaning': {
    ja: '一般化と削除で失われた情報の割合です（0 = 損失なし、1 = すべて失われた）。',
    en: 'The share of information lost to generalization and suppression (0 = none, 1 = all).',
  },
  'release.utility.entropy': { ja: '非一様エントロピー', en: 'Non-uniform entropy' },
  'release.utility.entropyMeaning': {
    ja: '加工後の値から元の値を推し量るのに必要な情報量です。小さいほど元データに近い形です。',
    en: 'The information needed to recover the source values from the released ones; smaller is closer to the source.',
  },
  'release.utility.discernibility': { ja: '識別可能性指標', en: 'Discernibility' },
  'release.utility.discernibilityMeaning': {
    ja: '各レコードと区別できないレコード数の合計です。小さいほど細かい分析ができます。',
    en: 'The total number of records each record cannot be told apart from; smaller allows finer analysis.',
  },
  'release.utility.aecs': { ja: '平均同値クラスサイズ（正規化）', en: 'Average class size (normalized)' },
  'release.utility.aecsMeaning': {
    ja: '同値クラスの平均の大きさを 0〜1 に正規化した値です。小さいほど元データに近い粒度です。',
    en: 'The average class size scaled to 0–1; smaller keeps the data closer to its original detail.',
  },
  'release.utility.lossByColumn': { ja: '列ごとの情報損失', en: 'Information loss by column' },

  // Report: suppression
  'release.suppression.records': { ja: '削除したレコード（k 未満のクラス）', en: 'Records suppressed (classes below k)' },
  'release.suppression.limit': { ja: '削除の上限', en: 'Suppression limit' },
  'release.suppression.needed': { ja: 'k 未満のクラスのレコード（削除前）', en: 'Records in classes below k (before suppression)' },
  'release.suppression.decision': { ja: '判定', en: 'Decision' },
  'release.suppression.applied': { ja: 'k = {k} 未満のクラスはすべて削除しました（上限以内）。', en: 'Every class below k = {k} was suppressed (within the limit).' },
  'release.suppression.notNeeded': { ja: 'k = {k} 未満のクラスはなく、削除は不要でした。', en: 'No class was below k = {k}; nothing had to be suppressed.' },
  'release.suppression.overLimit': {
    ja: 'k = {k} 未満のクラスのレコードが上限を超えるため、削除していません（k は未達成）。',
    en: 'The records in classes below k = {k} exceed the limit, so none was suppressed (k is not met).',
  },
  'release.suppression.method': { ja: 'k を満たす方法', en: 'How k is reached' },
  'release.suppression.method.records': { ja: 'レコード削除（k 未満のクラスを削除）', en: 'Record suppression (classes below k removed)' },
  'release.suppression.method.cells': { ja: 'セル抑制（準識別子の値を最小限だけ空欄にする）', en: 'Cell suppression (as few quasi-identifier values blanked as possible)' },
  'release.suppression.kCells': { ja: 'k のために空欄にしたセル', en: 'Cells blanked to reach k' },
  'release.suppression.recordsTouched': { ja: '空欄を含むレコード', en: 'Records with a blanked cell' },
  'release.suppression.cellsReached': {
    ja: 'どのレコードも少なくとも {min} 件のレコードと一致し、k = {k} を満たしています（空欄はどの値とも一致するとみなします）。',
    en: 'Every record matches at least {min} records, so k = {k} is met (a blank matches any value).',
  },
  'release.suppression.cellsNotReached': {
    ja: '一致するレコードが {min} 件しかないレコードがあり、k = {k} を満たしていません。',
    en: 'Some record matches only {min} records, so k = {k} is not met.',
  },
  'release.suppression.kCellsByColumn': { ja: 'k のために空欄にしたセル（列ごと）', en: 'Cells blanked to reach k, by column' },
  'release.suppression.cells': { ja: '指定した値・特異値として空欄にしたセル', en: 'Cells blanked for listed or peculiar values' },
  'release.suppression.cellCount': { ja: '空欄にしたセル', en: 'Cells blanked' },
  'release.suppression.noCells': { ja: 'セル抑制はありません。', en: 'No cells were suppressed.' },

  // Report: charts
  'release.chart.classSizes': { ja: '同値クラスの大きさ別のレコード数', en: 'Records by equivalence class size' },
  'release.chart.classSizesCaption': {
    ja: '横軸は同値クラスの大きさ（同じ組み合わせを共有するレコード数）、縦軸はそのクラスに属するレコード数です。',
    en: 'Horizontal: class size (records sharing a combination). Vertical: records in classes of that size.',
  },
  'release.chart.classSize': { ja: '同値クラスの大きさ', en: 'Class size' },
  'release.chart.records': { ja: 'レコード数', en: 'Records' },
  'release.chart.belowK': { ja: '赤: k = {k} 未満', en: 'Red: below k = {k}' },
  'release.chart.noRecords': { ja: '提供するレコードがありません。', en: 'No records are released.' },
  'release.chart.missing': { ja: '（欠損）', en: '(missing)' },
  'release.chart.others': { ja: 'その他 {n} 値', en: '{n} other values' },
  'release.chart.noDistributions': { ja: '準識別子はありません。', en: 'There are no quasi-identifiers.' },
  'release.chart.distributionsNote': {
    ja: '提供データ（加工・削除の後）での値ごとのレコード数です。',
    en: 'Records per value in the released data (after every transform and suppression).',
  },

  // Report: peculiar values
  'release.peculiar.action': { ja: '扱い', en: 'Action' },
  'release.peculiar.action.keep': { ja: 'そのまま残す', en: 'Keep' },
  'release.peculiar.action.suppressCell': { ja: '値を空欄にする', en: 'Blank the value' },
  'release.peculiar.action.suppressRecord': { ja: 'レコードを削除する', en: 'Remove the record' },
  'release.peculiar.value': { ja: '値', en: 'Value' },
  'release.peculiar.valueHidden': { ja: '（非表示）', en: '(not shown)' },
  'release.peculiar.records': { ja: '対象レコード', en: 'Records' },
  'release.peculiar.reason': { ja: '理由', en: 'Reason' },
  'release.peculiar.note': {
    ja: '削除した値と、加工後に提供データに現れない値は表示していません。',
    en: 'Suppressed values, and values that do not appear as such in the released data, are not shown.',
  },
  'release.peculiar.noneDecided': { ja: '特異値として扱いを決めた値はありません。', en: 'No peculiar value needed a decision.' },
  'release.peculiar.notReviewed': { ja: 'この提供では特異値の確認を行っていません。', en: 'Peculiar values were not reviewed for this release.' },

  // Report: overrides
  'release.override.none': { ja: '省略した確認はありません。', en: 'No gate was overridden.' },
  'release.override.gate': { ja: '項目', en: 'Gate' },
  'release.override.what': { ja: '内容', en: 'What' },
  'release.override.reason': { ja: '省略の理由', en: 'Reason for the override' },

  // Report: versions
  'release.version.tokumei': { ja: 'Tokumei のバージョン', en: 'Tokumei version' },
  'release.version.duckdb': { ja: 'DuckDB のバージョン', en: 'DuckDB version' },
  'release.version.spec': { ja: '仕様（spec.json）の SHA-256', en: 'SHA-256 of the spec (spec.json)' },
  'release.version.exclusion': { ja: '提供停止リストの SHA-256（件数）', en: 'SHA-256 of the exclusion list (IDs)' },
  'release.version.manifestNote': {
    ja: 'パッケージ内の各ファイルの SHA-256 は MANIFEST に記載しています。',
    en: 'The SHA-256 of every file in the package is listed in MANIFEST.',
  },
});
