import { defineMessages } from '../define.ts';

/** sdcMicro-compatible risk (fk/Fk, individual risk, SUDA2), l-diversity, t-closeness, peculiar values. */
export const riskSdc = defineMessages({
  'riskSdc.error.noKeys': {
    ja: 'キー変数（準識別子）を 1 つ以上選んでください。',
    en: 'Choose at least one key variable (quasi-identifier).',
  },
  'riskSdc.error.tooManyKeys': {
    ja: 'キー変数が {count} 個あります。この計算で扱えるのは {max} 個までです。',
    en: 'There are {count} key variables; this calculation handles at most {max}.',
  },
  'riskSdc.error.alpha': {
    ja: '欠損値の重み alpha（{alpha}）は 0 以上 1 以下でなければなりません。',
    en: 'The missing-value weight alpha ({alpha}) must be between 0 and 1.',
  },
  'riskSdc.error.weightMissing': {
    ja: '抽出ウェイトの列「{column}」に空欄が {count} 件あります。すべての行にウェイトが必要です。',
    en: 'The sampling weight column "{column}" is empty in {count} rows. Every row needs a weight.',
  },
  'riskSdc.error.weightNotPositive': {
    ja: '抽出ウェイトの列「{column}」に 0 以下の値が {count} 件あります。ウェイトは正の数（抽出確率の逆数）でなければなりません。',
    en: 'The sampling weight column "{column}" holds {count} values of 0 or less. A weight must be positive (the inverse of the inclusion probability).',
  },
  'riskSdc.error.threshold': {
    ja: '個別リスクのしきい値 {threshold} は 0 以上 1 以下でなければなりません。',
    en: 'The individual-risk threshold {threshold} must be between 0 and 1.',
  },
  'riskSdc.error.recursiveC': {
    ja: '再帰的 (c,l)-多様性の c（{c}）は正の数でなければなりません。',
    en: 'The c of recursive (c,l)-diversity ({c}) must be a positive number.',
  },
  'riskSdc.error.orderMissingValue': {
    ja: '列「{column}」の値「{value}」が、指定された値の順序に含まれていません。',
    en: 'The value "{value}" of "{column}" is missing from the given order of values.',
  },
  'riskSdc.error.maxSize': {
    ja: 'MSU の最大の大きさ（{maxSize}）は 1 以上の整数でなければなりません。',
    en: 'The largest MSU size ({maxSize}) must be a whole number of at least 1.',
  },
  'riskSdc.error.disFraction': {
    ja: 'DIS の抽出率（{disFraction}）は 0 以上 1 未満でなければなりません。',
    en: 'The DIS sampling fraction ({disFraction}) must be at least 0 and below 1.',
  },
  'riskSdc.error.minCount': {
    ja: 'まれなカテゴリとみなす件数（{minCount}）は 1 以上でなければなりません。',
    en: 'The count below which a category is rare ({minCount}) must be at least 1.',
  },
  'riskSdc.error.percentiles': {
    ja: 'パーセンタイルは 0 ≦ 下側（{low}）< 上側（{high}）≦ 1 でなければなりません。',
    en: 'Percentiles must satisfy 0 ≤ low ({low}) < high ({high}) ≤ 1.',
  },
  'riskSdc.peculiar.rareCategory': {
    ja: 'まれなカテゴリ（{count} 件）',
    en: 'Rare category ({count} records)',
  },
  'riskSdc.peculiar.belowPercentile': {
    ja: '下側パーセンタイル（{bound}）より小さい値（{count} 件）',
    en: 'Below the lower percentile ({bound}); {count} records',
  },
  'riskSdc.peculiar.abovePercentile': {
    ja: '上側パーセンタイル（{bound}）より大きい値（{count} 件）',
    en: 'Above the upper percentile ({bound}); {count} records',
  },
  'riskSdc.peculiar.belowLimit': {
    ja: '下限（{bound}）より小さい値（{count} 件）',
    en: 'Below the lower limit ({bound}); {count} records',
  },
  'riskSdc.peculiar.aboveLimit': {
    ja: '上限（{bound}）より大きい値（{count} 件）',
    en: 'Above the upper limit ({bound}); {count} records',
  },
  'riskSdc.peculiar.rareInGeography': {
    ja: '{geography} では {count} 件しかないコード（全体では {overall} 件）',
    en: 'Only {count} records in {geography} ({overall} overall)',
  },
  'riskSdc.peculiar.action.delete': { ja: '削除', en: 'Delete' },
  'riskSdc.peculiar.action.recode': { ja: '置き換え', en: 'Recode' },
  'riskSdc.peculiar.action.keep': { ja: 'そのまま残す', en: 'Keep' },
});
