import { defineMessages } from '../define.ts';

/** The Risk panel, second part: decisions on peculiar values and the population table. */
export const uiRisk2 = defineMessages({
  // Peculiar-value decisions
  'uiRisk2.peculiar.decision': { ja: '判断', en: 'Decision' },
  'uiRisk2.peculiar.action.suppressRecord': { ja: 'レコード削除', en: 'Delete records' },
  'uiRisk2.peculiar.action.suppressCell': { ja: '空欄にする', en: 'Blank cells' },
  'uiRisk2.peculiar.action.recode': { ja: '再分類…', en: 'Recode…' },
  'uiRisk2.peculiar.action.keep': { ja: '理由を付けて残す…', en: 'Keep with a reason…' },
  'uiRisk2.peculiar.decided.suppressRecord': { ja: 'レコードを削除', en: 'Records deleted' },
  'uiRisk2.peculiar.decided.suppressCell': { ja: '空欄にする', en: 'Cells blanked' },
  'uiRisk2.peculiar.decided.keep': { ja: '残す', en: 'Kept' },
  'uiRisk2.peculiar.partial': { ja: '一部のみ判断済み（{decided}/{total} 値）', en: 'Partly decided ({decided} of {total} values)' },
  'uiRisk2.peculiar.change': { ja: '変更', en: 'Change' },
  'uiRisk2.peculiar.undo': { ja: '取り消す', en: 'Undo' },
  'uiRisk2.peculiar.form.title': { ja: '「{value}」（{column}）の判断', en: 'Decision on “{value}” ({column})' },
  'uiRisk2.peculiar.form.action': { ja: '対応', en: 'Action' },
  'uiRisk2.peculiar.form.reason': { ja: '理由', en: 'Reason' },
  'uiRisk2.peculiar.form.reasonRequired': {
    ja: '理由を書いてください（加工仕様に記録され、提供記録に残ります）。',
    en: 'Write a reason (it is recorded in the spec and kept with the release records).',
  },
  'uiRisk2.peculiar.form.save': { ja: '記録する', en: 'Record' },
  'uiRisk2.peculiar.form.cancel': { ja: 'キャンセル', en: 'Cancel' },
  'uiRisk2.peculiar.form.sources': {
    ja: '加工前の値 {count} 個に記録します: {values}',
    en: 'Recorded for {count} source values: {values}',
  },
  'uiRisk2.peculiar.form.help.suppressRecord': {
    ja: 'この値をもつレコードを提供データから除きます。',
    en: 'Records with this value are left out of the release.',
  },
  'uiRisk2.peculiar.form.help.suppressCell': {
    ja: 'この値を空欄（欠損）にして、レコードは残します。',
    en: 'The value is blanked (made missing); the record stays.',
  },
  'uiRisk2.peculiar.form.help.keep': {
    ja: '値をそのまま提供します。なぜ問題がないのかを書いてください。',
    en: 'The value is released as it is: write why that is acceptable.',
  },
  'uiRisk2.peculiar.defaultReason': { ja: '特異値: {why}', en: 'Peculiar value: {why}' },
  'uiRisk2.peculiar.tooManySources': {
    ja: '加工前の値が多すぎるため、削除・空欄化を値ごとに記録できません。再分類（一般化など）してください。',
    en: 'Too many source values to record a deletion value by value: recode (generalize) instead.',
  },
  'uiRisk2.peculiar.noSpec': {
    ja: '判断は加工仕様に記録されます。いまは別の表の加工仕様を編集中のため、ここでは判断できません。',
    en: 'Decisions are recorded in the spec. The spec being edited is for another table, so no decision can be made here.',
  },
  'uiRisk2.peculiar.recodeHelp': {
    ja: '加工タブでこの列を開き、一般化などで値をまとめます。加工を変えるまで何も記録されません。',
    en: 'Opens the column in the Transform tab to group values (e.g. generalize). Nothing is recorded until the transform changes.',
  },
  'uiRisk2.peculiar.anywhere': {
    ja: '地域に限らず、この値すべてに適用されます。',
    en: 'Applies to this value everywhere, not only in this area.',
  },
  'uiRisk2.peculiar.review': {
    ja: '提供前にすべての特異値の判断を必須にする',
    en: 'Require a decision on every peculiar value before release',
  },
  'uiRisk2.peculiar.blocker': {
    ja: '未判断の特異値が {count} 件あります。提供の前に、削除・空欄化・再分類・理由を付けて残す のいずれかを決めてください。',
    en: '{count} peculiar values have no decision. Before release, delete, blank, recode, or keep each with a reason.',
  },
  'uiRisk2.peculiar.allDecided': { ja: 'すべての特異値に判断があります。', en: 'Every peculiar value has a decision.' },
  'uiRisk2.peculiar.recorded.title': { ja: '記録済みの判断（{count} 件）', en: 'Recorded decisions ({count})' },
  'uiRisk2.peculiar.recorded.note': {
    ja: '削除・空欄化した値は提供データから消えるため、上の一覧には出ません。ここで取り消せます。',
    en: 'Deleted and blanked values are gone from the release, so the list above no longer shows them. Undo them here.',
  },
  'uiRisk2.peculiar.recorded.more': { ja: 'ほかに {count} 件', en: '{count} more' },
  'uiRisk2.peculiar.geography': { ja: '地域の列（地域内でまれな値を探す）', en: 'Geography column (values rare within an area)' },

  // Population table (journalist and marketer)
  'uiRisk2.population.table': { ja: '母集団テーブル', en: 'Population table' },
  'uiRisk2.population.none': { ja: 'なし（データ自身を母集団とみなす）', en: 'None (the data is its own population)' },
  'uiRisk2.population.using': {
    ja: '母集団テーブル「{table}」（{records} 件）の同値クラスと照合した値です。準識別子は同じ加工仕様で一般化しています。',
    en: 'Matched against the classes of the population table “{table}” ({records} records), generalized by the same spec.',
  },
  'uiRisk2.population.help': {
    ja: '同じ準識別子の列をもつ読み込み済みの表を選ぶと、その表を母集団としてジャーナリスト・マーケターリスクを求めます。',
    en: 'Pick a loaded table with the same quasi-identifier columns to compute journalist and marketer risk with it as the population.',
  },
  'uiRisk2.population.error': { ja: '母集団テーブルを使えませんでした: {message}', en: 'The population table could not be used: {message}' },
});
