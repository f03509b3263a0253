import { defineMessages } from '../define.ts';

/** Optimal generalization search and cell suppression. */
export const search = defineMessages({
  'search.noColumns': {
    ja: '準識別子が選ばれていません。一般化する列を 1 つ以上選んでください。',
    en: 'No quasi-identifiers are selected. Choose at least one column to generalize.',
  },
  'search.noHierarchy': {
    ja: '準識別子「{column}」の一般化階層がありません。',
    en: 'The quasi-identifier "{column}" has no generalization hierarchy.',
  },
  'search.noPrivacyModel': {
    ja: 'プライバシーモデルが指定されていません。k、l、t、最大リスクのいずれかを指定してください。',
    en: 'No privacy model is given. Specify k, l, t or a maximum risk.',
  },
  'search.invalidK': {
    ja: 'k は 1 以上の整数で指定してください（指定値: {k}）。',
    en: 'k must be a whole number of at least 1 (got {k}).',
  },
  'search.invalidL': {
    ja: 'l は 1 以上で指定してください。distinct と recursive では整数です（指定値: {l}）。',
    en: 'l must be at least 1, and a whole number for distinct and recursive l-diversity (got {l}).',
  },
  'search.invalidC': {
    ja: 'recursive (c,l)-多様性の c は正の数で指定してください（指定値: {c}）。',
    en: 'c of recursive (c,l)-diversity must be a positive number (got {c}).',
  },
  'search.invalidT': {
    ja: 't は 0 以上 1 以下で指定してください（指定値: {t}）。',
    en: 't must be between 0 and 1 (got {t}).',
  },
  'search.invalidRisk': {
    ja: '最大リスクは 0 より大きく 1 以下で指定してください（指定値: {risk}）。',
    en: 'The maximum risk must be greater than 0 and at most 1 (got {risk}).',
  },
  'search.invalidSuppression': {
    ja: 'レコード削除の上限は 0 以上 1 以下の割合で指定してください（指定値: {limit}）。',
    en: 'The record suppression limit must be a fraction between 0 and 1 (got {limit}).',
  },
  'search.invalidMetric': {
    ja: '情報損失の指標「{metric}」は使えません。loss、entropy、discernibility、aecs のいずれかです。',
    en: 'Unknown information-loss measure "{metric}". Use loss, entropy, discernibility or aecs.',
  },
  'search.sensitiveRequired': {
    ja: 'l-多様性と t-近接性には要配慮属性の列が必要です。',
    en: 'l-diversity and t-closeness need a sensitive attribute.',
  },
  'search.orderMissingValue': {
    ja: '列「{column}」の値「{value}」が t-近接性の順序に含まれていません。',
    en: 'The value "{value}" of "{column}" is missing from the order given for t-closeness.',
  },
  'search.latticeTooLarge': {
    ja: '一般化レベルの組み合わせが {size} 通りあり、上限の {max} 通りを超えています。準識別子か階層のレベルを減らしてください。',
    en: 'There are {size} combinations of generalization levels, more than the limit of {max}. Use fewer quasi-identifiers or fewer hierarchy levels.',
  },
  'search.cell.noKeys': {
    ja: 'セル抑制の対象となるキー変数（準識別子）が選ばれていません。',
    en: 'No key variables (quasi-identifiers) are selected for cell suppression.',
  },
  'search.cell.invalidK': {
    ja: 'セル抑制の k は 2 以上の整数で指定してください（指定値: {k}）。',
    en: 'k for cell suppression must be a whole number of at least 2 (got {k}).',
  },
  'search.cell.tooFewRecords': {
    ja: 'レコードが {records} 件しかないため、k = {k} は達成できません。',
    en: 'With only {records} records, k = {k} cannot be reached.',
  },
  'search.cell.invalidImportance': {
    ja: '列「{column}」の重要度は正の数で指定してください（指定値: {value}）。',
    en: 'The importance of "{column}" must be a positive number (got {value}).',
  },
  'search.cell.tooManyKeys': {
    ja: 'セル抑制のキー変数は {max} 個までです（指定: {count} 個）。',
    en: 'Cell suppression supports at most {max} key variables ({count} given).',
  },
});
