import { defineMessages } from '../define.ts';

/** The app shell: header, engine status, workspace tabs. */
export const shell = defineMessages({
  'shell.status.booting': { ja: 'エンジン起動中…', en: 'Starting the engine…' },
  'shell.status.ready': { ja: 'エンジン準備完了', en: 'Engine ready' },
  'shell.status.restarting': { ja: 'エンジン再起動中…', en: 'Restarting the engine…' },
  'shell.status.failed': { ja: 'エンジン停止', en: 'Engine stopped' },
  'shell.offline': { ja: '外部通信なし・この端末内で処理', en: 'No network: everything stays on this machine' },
  'shell.tab.data': { ja: 'データ', en: 'Data' },
  'shell.tab.profile': { ja: 'プロファイル', en: 'Profile' },
  'shell.tab.schema': { ja: '列と型', en: 'Columns & types' },
  'shell.tab.classify': { ja: '分類', en: 'Classify' },
  'shell.tab.transform': { ja: '加工', en: 'Transform' },
  'shell.tab.sql': { ja: 'SQL', en: 'SQL' },
  'shell.tabs': { ja: '表の表示', en: 'Table views' },
  'shell.noTable': { ja: '左の一覧から表を選んでください。', en: 'Choose a table from the list.' },
  'shell.demoNote': {
    ja: '合成デモデータ（架空の患者 {patients} 人）を表示しています。実在の人物とは関係ありません。',
    en: 'Showing the synthetic demo extract ({patients} fictitious patients). No real person is represented.',
  },
  'shell.dropTable': { ja: 'この表を閉じる', en: 'Close this table' },
  'shell.profileLoading': { ja: 'プロファイルを計算中…', en: 'Computing the profile…' },
  'shell.sourceSummary': { ja: '{format}・{encoding}・区切り「{delimiter}」・{bytes}', en: '{format} · {encoding} · delimiter “{delimiter}” · {bytes}' },
});
