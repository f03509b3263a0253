import { defineMessages } from '../define.ts';

export const app = defineMessages({
  'app.title': { ja: '匿名 Tokumei', en: 'Tokumei 匿名' },
  'app.tagline': { ja: '医療データ匿名加工ワークベンチ（ローカル完結）', en: 'Local-first anonymization workbench for medical data' },
  'error.unknown': { ja: '予期しないエラーが発生しました: {detail}', en: 'An unexpected error occurred: {detail}' },
});
