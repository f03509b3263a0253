import { defineMessages } from '../define.ts';

/** Cell (local) suppression as a release's k step: command-line flags and report lines. */
export const cells = defineMessages({
  'cells.opt.method': {
    ja: 'k に届かせる方法: records（k 未満のクラスのレコードを削除、既定）か cells（準識別子のセルをできるだけ少なく空欄にする）',
    en: 'how k is reached: records (remove the records of classes below k, the default) or cells (blank as few quasi-identifier cells as possible)',
  },
  'cells.opt.importance': {
    ja: 'セル抑制での準識別子の重要度（例: 性別=3,郵便番号=1）。大きいほど値が残る。指定しない列は 1',
    en: 'importance of quasi-identifiers for cell suppression (e.g. sex=3,zip=1); higher keeps the values longer, unlisted = 1',
  },
  'cells.error.importanceNotQuasi': {
    ja: '--importance の列「{column}」は準識別子ではありません。重要度は準識別子にだけ指定できます（準識別子: {qis}）。',
    en: '--importance names "{column}", which is not a quasi-identifier; importance applies to quasi-identifiers only ({qis}).',
  },
  'cells.error.importanceWithoutCells': {
    ja: '--importance はセル抑制でだけ使われます。--suppression-method cells と一緒に指定してください。',
    en: '--importance is used by cell suppression only; give it together with --suppression-method cells.',
  },
  'cells.apply.blanked': {
    ja: 'k={k} にするため、準識別子のセル {cells} 個を空欄にしました（{records} 件のレコード。レコードは削除していません）: {columns}',
    en: 'Blanked {cells} quasi-identifier cells in {records} records to reach k={k} (no record removed): {columns}',
  },
  'cells.risk.row.cells': { ja: '空欄にしたセル（セル抑制）', en: 'cells blanked (cell suppression)' },
  'cells.risk.value.cells': { ja: '{cells} 個（{records} 件のレコード）: {columns}', en: '{cells} in {records} records: {columns}' },
  'cells.risk.semantics': {
    ja: 'セル抑制をしたため、クラスと k は sdcMicro と同じく「空欄はどの値とも一致する」として数えています。',
    en: 'With cell suppression, classes and k are counted as sdcMicro counts them: a blank matches any value.',
  },
  'cells.search.recordsOnly': {
    ja: '注: search はレコード削除（ARX）で最適な一般化を探します。仕様のセル抑制は apply と risk で一般化の後に行われます。',
    en: 'Note: search finds the optimal generalization with record suppression (ARX); the spec\'s cell suppression is applied after generalization by apply and risk.',
  },
});
