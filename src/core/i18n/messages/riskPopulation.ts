import { defineMessages } from '../define.ts';

/** Journalist risk against a population table: the core's errors and the command line's option. */
export const riskPopulation = defineMessages({
  'riskPopulation.error.missingColumns': {
    ja: '母集団テーブル「{table}」に準識別子の列がありません: {columns}。データと同じ名前の列が必要です。',
    en: 'The population table "{table}" lacks quasi-identifier columns: {columns}. It needs columns named as in the data.',
  },
  'riskPopulation.cli.option': {
    ja: '母集団テーブルのファイル（データと同じ準識別子の列をもつ）。同じ仕様で一般化し、ジャーナリスト・マーケターリスクを母集団の同値クラスから求める',
    en: 'population table file (with the same quasi-identifier columns): generalized by the same spec, journalist and marketer risk come from its classes',
  },
  'riskPopulation.cli.heading': {
    ja: '母集団テーブル: {file}（{records} 件）',
    en: 'Population table: {file} ({records} records)',
  },
});
