import { defineMessages } from '../define.ts';

/** Texts of the reusable UI components (grid, profile cards, SQL console, file loading, notices). */
export const ui = defineMessages({
  // Data grid
  'ui.grid.label': { ja: 'データ表', en: 'Data table' },
  'ui.grid.rowNumber': { ja: '行番号', en: 'Row number' },
  'ui.grid.null': { ja: 'NULL', en: 'NULL' },
  'ui.grid.loading': { ja: '読み込み中', en: 'Loading' },
  'ui.grid.fetchError': { ja: '行を取得できませんでした: {detail}', en: 'Could not fetch rows: {detail}' },
  'ui.grid.retry': { ja: '再試行', en: 'Retry' },
  'ui.grid.empty': { ja: '行がありません', en: 'No rows' },

  // Column profiles
  'ui.profile.title': { ja: '列のプロファイル', en: 'Column profiles' },
  'ui.profile.summary': { ja: '{rows} 行・{columns} 列', en: '{rows} rows · {columns} columns' },
  'ui.profile.empty': { ja: 'この表には列がありません', en: 'This table has no columns' },
  'ui.profile.nulls': { ja: '欠損', en: 'Missing' },
  'ui.profile.distinct': { ja: '異なる値', en: 'Distinct' },
  'ui.profile.min': { ja: '最小', en: 'Min' },
  'ui.profile.max': { ja: '最大', en: 'Max' },
  'ui.profile.top': { ja: '頻出値', en: 'Most frequent values' },
  'ui.profile.noValues': { ja: 'すべて欠損（NULL）です', en: 'All values are missing (NULL)' },
  'ui.profile.countShare': { ja: '{count} 件（{share}）', en: '{count} ({share})' },
  'ui.profile.histogramLabel': {
    ja: '{column} の分布: {bins} 区間、{lo} 〜 {hi}',
    en: 'Distribution of {column}: {bins} bins from {lo} to {hi}',
  },
  'ui.profile.binTitle': { ja: '{lo} 〜 {hi}: {count} 件', en: '{lo} – {hi}: {count}' },
  'ui.profile.emptyString': { ja: '（空文字）', en: '(empty string)' },
  'ui.profile.topLabel': { ja: '{column} の頻出値', en: 'Most frequent values of {column}' },

  // SQL console
  'ui.sql.title': { ja: 'SQL コンソール', en: 'SQL console' },
  'ui.sql.label': { ja: 'SQL クエリ', en: 'SQL query' },
  'ui.sql.placeholder': { ja: 'SELECT * FROM 表名 LIMIT 100', en: 'SELECT * FROM table_name LIMIT 100' },
  'ui.sql.run': { ja: '実行', en: 'Run' },
  'ui.sql.shortcut': { ja: 'Ctrl+Enter（Mac は ⌘+Enter）でも実行できます', en: 'Or press Ctrl+Enter (⌘+Enter on Mac)' },
  'ui.sql.cancel': { ja: '中止', en: 'Cancel' },
  'ui.sql.running': { ja: '実行中… {seconds} 秒', en: 'Running… {seconds} s' },
  'ui.sql.done': { ja: '{rows} 行・{seconds} 秒', en: '{rows} rows · {seconds} s' },
  'ui.sql.truncated': {
    ja: '先頭の {shown} 行だけを表示しています（全 {total} 行）',
    en: 'Showing the first {shown} of {total} rows',
  },
  'ui.sql.readOnly': {
    ja: 'このコンソールは読み取り専用です。データを変更する文（INSERT・UPDATE・DELETE・CREATE など）は実行されません。',
    en: 'This console is read-only: statements that change data (INSERT, UPDATE, DELETE, CREATE, …) are not run.',
  },
  'ui.sql.cancelled': { ja: 'クエリを中止しました', en: 'The query was cancelled' },
  'ui.sql.result': { ja: 'クエリの結果', en: 'Query result' },
  'ui.sql.noColumns': { ja: 'クエリは完了しました（結果の列はありません）', en: 'The query finished (no result columns)' },

  // Opening files
  'ui.file.open': { ja: 'ファイルを開く', en: 'Open files' },
  'ui.file.dropHere': { ja: 'ここにファイルをドロップ', en: 'Drop files here' },
  'ui.file.or': { ja: 'または', en: 'or' },
  'ui.file.dropAnywhere': { ja: 'ドロップすると読み込みます', en: 'Drop to load' },
  'ui.file.formats': {
    ja: 'CSV・TSV（UTF-8／Shift_JIS／EUC-JP、gzip 圧縮も可）、Parquet、Arrow に対応',
    en: 'CSV and TSV (UTF-8, Shift_JIS or EUC-JP, gzip allowed), Parquet, Arrow',
  },
  'ui.file.local': {
    ja: 'ファイルはこのコンピューターの中だけで処理され、外部には送信されません。',
    en: 'Files are processed on this computer only and are never uploaded.',
  },

  // Load progress
  'ui.load.label': { ja: '{file} を読み込み中', en: 'Loading {file}' },
  'ui.load.phase.reading': { ja: 'ファイルを読み込んでいます', en: 'Reading the file' },
  'ui.load.phase.decoding': { ja: '文字コードを変換しています', en: 'Decoding the text' },
  'ui.load.phase.loading': { ja: 'データベースに取り込んでいます', en: 'Loading into the database' },
  'ui.load.phase.typing': { ja: '列の型を判定しています', en: 'Detecting column types' },
  'ui.load.bytes': { ja: '{done} / {total}', en: '{done} of {total}' },
  'ui.load.cancel': { ja: '中止', en: 'Cancel' },

  // Tables and schema
  'ui.tables.title': { ja: '表', en: 'Tables' },
  'ui.tables.empty': { ja: 'まだ表がありません。ファイルを開いてください。', en: 'No tables yet. Open a file to begin.' },
  'ui.tables.rows': { ja: '{rows} 行', en: '{rows} rows' },
  'ui.tables.columns': { ja: '{columns} 列', en: '{columns} columns' },
  'ui.tables.source': { ja: '形式: {source}', en: 'Format: {source}' },
  'ui.format.csv': { ja: 'CSV', en: 'CSV' },
  'ui.format.parquet': { ja: 'Parquet', en: 'Parquet' },
  'ui.format.arrow': { ja: 'Arrow', en: 'Arrow' },
  'ui.format.gzip': { ja: 'gzip', en: 'gzip' },
  'ui.encoding.utf-8': { ja: 'UTF-8', en: 'UTF-8' },
  'ui.encoding.shift_jis': { ja: 'Shift_JIS', en: 'Shift_JIS' },
  'ui.encoding.euc-jp': { ja: 'EUC-JP', en: 'EUC-JP' },
  'ui.schema.title': { ja: '列と型', en: 'Columns and types' },
  'ui.schema.column': { ja: '列名', en: 'Column' },
  'ui.schema.type': { ja: '型', en: 'Type' },
  'ui.schema.reason': { ja: '判定の理由', en: 'Why this type' },
  'ui.schema.failures': {
    ja: '変換できない値が {count} 件あります（NULL になります）',
    en: '{count} values cannot be converted (they become NULL)',
  },
  'ui.schema.eraDates': { ja: '和暦の日付 {count} 件を西暦に変換します', en: '{count} Japanese-era dates are converted to the Gregorian calendar' },
  'ui.schema.changeType': { ja: '{column} の型', en: 'Type of {column}' },
  'ui.type.VARCHAR': { ja: '文字列', en: 'Text' },
  'ui.type.BIGINT': { ja: '整数', en: 'Integer' },
  'ui.type.DOUBLE': { ja: '数値', en: 'Number' },
  'ui.type.DATE': { ja: '日付', en: 'Date' },
  'ui.type.TIMESTAMP': { ja: '日時', en: 'Date and time' },
  'ui.type.BOOLEAN': { ja: '真偽値', en: 'Boolean' },

  // Errors and notices
  'ui.error.title': { ja: 'エラー', en: 'Error' },
  'ui.error.dismiss': { ja: 'エラーを閉じる', en: 'Dismiss error' },
  'ui.error.details': { ja: '詳細', en: 'Details' },
  'ui.notice.region': { ja: '通知', en: 'Notifications' },
  'ui.notice.dismiss': { ja: '通知を閉じる', en: 'Dismiss notification' },
  'ui.notice.engineRestarted': { ja: 'エンジンを再起動しました', en: 'The engine was restarted' },

  // Language
  'ui.lang.label': { ja: '表示言語', en: 'Language' },
  'ui.lang.ja': { ja: '日本語', en: '日本語' },
  'ui.lang.en': { ja: 'English', en: 'English' },
  'ui.encodingChoice.reread': { ja: '別の文字コードで読み直す:', en: 'Read again as:' },
  'ui.encodingChoice.unsure': {
    ja: '文字コードの判定に自信がありません（{encoding} と判定しました）。文字化けしていれば選び直してください。',
    en: 'The text encoding is uncertain (read as {encoding}). If the text looks garbled, choose another.',
  },
  'ui.encodingChoice.failed': { ja: '「{file}」を読み込めませんでした。', en: 'Could not read “{file}”.' },
});
