import { defineMessages } from '../define.ts';

export const engine = defineMessages({
  'engine.cancelled': { ja: '処理を中止しました。', en: 'The operation was cancelled.' },
  'engine.timeout': { ja: '処理が {seconds} 秒以内に終わりませんでした。中止しました。', en: 'The operation did not finish within {seconds} s and was stopped.' },
  'engine.restarted': {
    ja: '計算エンジンが応答しなくなったため再起動しました。読み込み済みのテーブル {count} 件を復元しました。',
    en: 'The engine stopped responding and was restarted. {count} loaded tables were restored.',
  },
  'engine.restoreFailed': { ja: 'テーブル「{table}」を復元できませんでした: {detail}', en: 'Could not restore table “{table}”: {detail}' },
  'engine.notReadOnly': {
    ja: 'SQL コンソールは読み取り専用です。SELECT・WITH・VALUES などの問い合わせだけを実行できます。',
    en: 'The SQL console is read-only: only queries such as SELECT, WITH or VALUES can run.',
  },
  'engine.sqlError': { ja: 'SQL エラー: {detail}', en: 'SQL error: {detail}' },
  'engine.noSuchTable': { ja: 'テーブル「{table}」は存在しません。', en: 'There is no table “{table}”.' },
  'engine.bootFailed': { ja: 'DuckDB を起動できませんでした: {detail}', en: 'DuckDB could not start: {detail}' },
});
