import { defineMessages } from '../define.ts';

/** Hierarchies, risk and utility (ARX-compatible figures). */
export const risk = defineMessages({
  'risk.hierarchy.encoding': {
    ja: '階層ファイル「{name}」を {encoding} の文字として読み取れません。文字コードを確認してください。',
    en: 'The hierarchy file "{name}" is not valid {encoding} text. Check its encoding.',
  },
  'risk.hierarchy.empty': {
    ja: '階層「{column}」に行がありません。',
    en: 'The hierarchy for "{column}" has no rows.',
  },
  'risk.hierarchy.unclosedQuote': {
    ja: '階層ファイル「{name}」の {row} 行目で引用符（"）が閉じられていません。',
    en: 'The hierarchy file "{name}" has an unclosed quote (") starting on line {row}.',
  },
  'risk.hierarchy.ragged': {
    ja: '階層「{column}」の {row} 行目の列数が {found} です。1 行目と同じ {expected} 列にそろえてください。',
    en: 'Row {row} of the hierarchy for "{column}" has {found} columns; every row must have {expected}, like row 1.',
  },
  'risk.hierarchy.duplicateValue': {
    ja: '階層「{column}」で元の値「{value}」が {firstRow} 行目と {row} 行目に重複しています。',
    en: 'The hierarchy for "{column}" lists the value "{value}" twice (rows {firstRow} and {row}).',
  },
  'risk.hierarchy.notMonotonic': {
    ja: '階層「{column}」のレベル {level} の「{value}」が、レベル {nextLevel} で「{first}」と「{second}」の両方に分かれています。一般化は木構造（一つ上のレベルの値が一つに決まる）でなければなりません。',
    en: 'In the hierarchy for "{column}", "{value}" at level {level} maps to both "{first}" and "{second}" at level {nextLevel}. Each value must generalize to exactly one value at the next level.',
  },
  'risk.hierarchy.missingValues': {
    ja: '列「{column}」の {count} 種類の値が階層にありません（例: {examples}）。階層に行を追加してください。',
    en: '{count} distinct values of "{column}" are missing from its hierarchy (e.g. {examples}). Add rows for them.',
  },
  'risk.hierarchy.levelOutOfRange': {
    ja: '列「{column}」の一般化レベル {level} は範囲外です（0〜{max}）。',
    en: 'Generalization level {level} for "{column}" is out of range (0–{max}).',
  },
  'risk.hierarchy.noHierarchy': {
    ja: '列「{column}」には階層がないため、レベル {level} に一般化できません。',
    en: '"{column}" has no hierarchy, so it cannot be generalized to level {level}.',
  },
  'risk.population.tooSmall': {
    ja: '母集団の大きさ（{population}）がデータの件数（{records}）より小さくなっています。',
    en: 'The population size ({population}) is smaller than the number of records ({records}).',
  },
  'risk.threshold.invalid': {
    ja: 'リスクのしきい値 {threshold} は 0 より大きく 1 以下でなければなりません。',
    en: 'The risk threshold {threshold} must be greater than 0 and at most 1.',
  },
  'risk.gsFactor.invalid': {
    ja: '一般化と削除の重み {gsFactor} は 0 以上 1 以下でなければなりません。',
    en: 'The generalization/suppression factor {gsFactor} must be between 0 and 1.',
  },
});
