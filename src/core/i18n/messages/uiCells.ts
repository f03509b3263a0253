import { defineMessages } from '../define.ts';

/** The cell-suppression panel: importance per quasi-identifier, the run, and the comparison with record suppression. */
export const uiCells = defineMessages({
  'uiCells.title': { ja: 'セル抑制（ローカル抑制）', en: 'Cell suppression (local suppression)' },
  'uiCells.intro': {
    ja: 'レコードを削除する代わりに、準識別子のセルをできるだけ少なく空欄にして k に届かせます。空欄はどの値とも一致するものとして数えます（sdcMicro の localSuppression と同じ考え方）。重要度が高い列ほど値が残ります。',
    en: 'Instead of removing records, blank as few quasi-identifier cells as possible to reach k. A blank counts as matching any value (as in sdcMicro\'s localSuppression). Columns with higher importance keep their values longer.',
  },
  'uiCells.noQis': {
    ja: '仕様に準識別子がありません。「分類」で準識別子を決めてください。',
    en: 'The spec has no quasi-identifiers. Choose them in Classify.',
  },
  'uiCells.k': { ja: 'k（法令で決まった値はありません）', en: 'k (no value is fixed by law)' },
  'uiCells.kInvalid': { ja: 'k は 2 以上の整数で指定してください。', en: 'k must be a whole number of at least 2.' },
  'uiCells.importance': { ja: '列ごとの重要度（大きいほど値が残る）', en: 'Importance per column (higher keeps values longer)' },
  'uiCells.importanceOf': { ja: '{column} の重要度', en: 'Importance of {column}' },
  'uiCells.run': { ja: 'セル抑制を試す', en: 'Run cell suppression' },
  'uiCells.rerun': { ja: 'もう一度試す', en: 'Run again' },
  'uiCells.running': { ja: '計算中…', en: 'Working…' },
  'uiCells.stale': {
    ja: '条件（k・重要度・仕様）が変わりました。もう一度試すと結果が更新されます。',
    en: 'k, importance or the spec changed since this result. Run again to update it.',
  },
  'uiCells.notRun': { ja: 'まだ試していません。', en: 'Not run yet.' },
  'uiCells.error': { ja: 'セル抑制を計算できませんでした: {detail}', en: 'Cell suppression failed: {detail}' },

  'uiCells.result.title': { ja: '結果', en: 'Result' },
  'uiCells.result.cells': { ja: '空欄にしたセル', en: 'Cells blanked' },
  'uiCells.result.records': { ja: '空欄を含むレコード', en: 'Records with a blank' },
  'uiCells.result.kReached': { ja: '達成した k（最小の一致件数）', en: 'k reached (fewest matches)' },
  'uiCells.result.atRiskBefore': { ja: '元は k 未満だったレコード', en: 'Records below k before' },
  'uiCells.result.ms': { ja: '計算時間', en: 'Time' },
  'uiCells.result.msValue': { ja: '{ms} ミリ秒（アルゴリズム {algorithm} ミリ秒）', en: '{ms} ms (algorithm {algorithm} ms)' },
  'uiCells.col.column': { ja: '列', en: 'Column' },
  'uiCells.col.importance': { ja: '重要度', en: 'Importance' },
  'uiCells.col.cells': { ja: '空欄にしたセル', en: 'Cells blanked' },
  'uiCells.col.lost': { ja: '消えたカテゴリ', en: 'Categories lost' },

  'uiCells.compare.title': { ja: 'レコード削除との比較（同じ k）', en: 'Compared with record suppression (same k)' },
  'uiCells.compare.explain': {
    ja: 'レコード削除は k 未満のクラスのレコードを丸ごと除きます（ARX と同じ）。セル抑制はレコードを残し、値の一部だけを空欄にします。「消えるカテゴリ」は、提供データにひとつも残らなくなる値の数です。',
    en: 'Record suppression removes the records of classes below k entirely (as ARX does). Cell suppression keeps every record and blanks only some values. "Categories lost" counts values no released record keeps.',
  },
  'uiCells.compare.measure': { ja: '項目', en: 'Measure' },
  'uiCells.compare.cells': { ja: 'セル抑制', en: 'Cell suppression' },
  'uiCells.compare.records': { ja: 'レコード削除', en: 'Record suppression' },
  'uiCells.compare.recordsRemoved': { ja: '削除するレコード', en: 'Records removed' },
  'uiCells.compare.cellsLost': { ja: '失われる準識別子の値', en: 'Quasi-identifier values lost' },
  'uiCells.compare.categoriesLost': { ja: '消えるカテゴリ', en: 'Categories lost' },
  'uiCells.compare.reachesK': { ja: 'k に届くか', en: 'Reaches k' },
  'uiCells.compare.yes': { ja: '届く', en: 'Yes' },
  'uiCells.compare.overLimit': {
    ja: '上限 {limit}（{budget} 件）を超えるため届かない',
    en: 'No: over the limit of {limit} ({budget} records)',
  },
  'uiCells.compare.withinLimit': { ja: '届く（上限 {limit} 以内）', en: 'Yes (within the {limit} limit)' },

  'uiCells.use': { ja: 'この提供でセル抑制を使う', en: 'Use cell suppression for this release' },
  'uiCells.useHint': {
    ja: '仕様の model に suppression: "cells"、k、重要度を書き込みます（元に戻せます）。',
    en: 'Writes suppression: "cells", k and the importance into the spec\'s model (can be undone).',
  },
  'uiCells.inSpec': { ja: 'この提供はセル抑制（この k と重要度）を使います', en: 'This release uses cell suppression (this k and importance)' },
  'uiCells.useRecords': { ja: 'レコード削除に戻す', en: 'Go back to record suppression' },
});
