import { defineMessages } from '../define.ts';

/** `tokumei release`, `tokumei verify` and `tokumei ledger`. */
export const cliRelease = defineMessages({
  'cliRelease.release.summary': { ja: '提供パッケージ（データ・仕様・報告書・作成記録・提供記録・MANIFEST）を作る', en: 'make a release package (data, spec, report, creation and provision records, MANIFEST)' },
  'cliRelease.release.usage': {
    ja: 'tokumei release <ファイル> --spec s.json|--preset … --provision p.json --out pkg.zip',
    en: 'tokumei release <file> --spec s.json|--preset … --provision p.json --out pkg.zip',
  },
  'cliRelease.opt.out': { ja: '書き出す提供パッケージ（.zip）', en: 'the release package to write (.zip)' },
  'cliRelease.opt.provision': {
    ja: '提供記録の内容（JSON: recipient, recipientType certifiedUser|other, requestId, reviewId, purpose, items, deliveryMethod, retention, deletionDeadline）',
    en: 'the provision (JSON: recipient, recipientType certifiedUser|other, requestId, reviewId, purpose, items, deliveryMethod, retention, deletionDeadline)',
  },
  'cliRelease.opt.operator': { ja: '作成者（既定: ログイン名）', en: 'operator (default: login name)' },
  'cliRelease.opt.approver': { ja: '承認者', en: 'approver' },
  'cliRelease.opt.createdAt': {
    ja: '作成日時（ISO 8601）。同じ日時・入力・仕様なら同じバイト列になる。既定は SOURCE_DATE_EPOCH、なければ現在時刻',
    en: 'creation time (ISO 8601). Same time, input and spec give the same bytes. Default: SOURCE_DATE_EPOCH, else now',
  },
  'cliRelease.opt.seed': { ja: '行の並べ替えの種（既定: 仕様と元データのハッシュから導く）', en: 'seed of the row shuffle (default: derived from the spec and source hashes)' },
  'cliRelease.opt.formats': { ja: 'データの形式（csv = UTF-8 BOM 付き, csv-cp932, parquet をカンマ区切りで。既定は仕様の formats）', en: 'data formats (csv = UTF-8 with BOM, csv-cp932, parquet, comma-separated; default: the spec\'s formats)' },
  'cliRelease.opt.reportLang': { ja: '報告書の言語（ja または en、既定 ja）', en: 'language of the report (ja or en, default ja)' },
  'cliRelease.opt.override': { ja: 'ゲートを理由付きで通す（ゲートID=理由、繰り返し可）。理由は作成記録に残る', en: 'pass a gate with a reason (GATE-ID=reason, repeatable); the creation record keeps the reason' },
  'cliRelease.opt.ledger': { ja: '提供台帳のファイル（既定: TOKUMEI_LEDGER、なければ ~/.local/share/tokumei/ledger.json）', en: 'the provision ledger file (default: TOKUMEI_LEDGER, else ~/.local/share/tokumei/ledger.json)' },
  'cliRelease.opt.memoryLimit': { ja: 'DuckDB のメモリ上限（例 2GB）。超える分は一時ディレクトリに書き出す', en: 'DuckDB memory limit (e.g. 2GB); more spills to the temp directory' },
  'cliRelease.opt.tempDir': { ja: 'DuckDB の一時ディレクトリ', en: 'DuckDB temp directory' },
  'cliRelease.opt.threshold': { ja: '「リスクの高いレコード」のしきい値（既定 0.2）', en: 'threshold of "records at risk" (default 0.2)' },
  'cliRelease.opt.population': { ja: '母集団の大きさ（母集団一意性の推定に使う）', en: 'population size (for population uniqueness)' },

  'cliRelease.error.provisionJson': { ja: '提供記録のファイル {path} が JSON として読めません: {detail}', en: 'The provision file {path} is not valid JSON: {detail}' },
  'cliRelease.error.createdAt': { ja: '作成日時「{value}」を日時として読めません（例 2026-04-01T09:00:00+09:00）。', en: 'Cannot read the creation time "{value}" (e.g. 2026-04-01T09:00:00+09:00).' },
  'cliRelease.error.override': { ja: '--override は「ゲートID=理由」の形で指定してください: {value}', en: '--override takes GATE-ID=reason: {value}' },
  'cliRelease.error.format': { ja: '形式「{value}」はありません（csv, csv-cp932, parquet）。', en: 'There is no format "{value}" (csv, csv-cp932, parquet).' },
  'cliRelease.error.reportLang': { ja: '報告書の言語は ja か en です: {value}', en: 'The report language is ja or en: {value}' },
  'cliRelease.blocked': { ja: '提供パッケージを作れません。次のゲートが通っていません:', en: 'The package cannot be made; these gates are not passed:' },
  'cliRelease.blockedGate': { ja: '  [{id}] {message}', en: '  [{id}] {message}' },
  'cliRelease.blockedHint': {
    ja: '理由を付けて通せるゲートは --override "ゲートID=理由" で通せます（理由は作成記録に残ります）。',
    en: 'Overridable gates can be passed with --override "GATE-ID=reason" (the creation record keeps the reason).',
  },
  'cliRelease.createdAtNow': {
    ja: '注意: 作成日時を指定していないため現在時刻 {createdAt} を使います。同じバイト列を再現するには --created-at {createdAt} を付けてください。',
    en: 'Note: no creation time was given, so now ({createdAt}) is used. To reproduce the same bytes, pass --created-at {createdAt}.',
  },
  'cliRelease.done': {
    ja: '{out} を書き出しました（{rows} 行、{files} ファイル、{size}、{seconds} 秒）\nSHA-256: {sha256}',
    en: 'Wrote {out} ({rows} rows, {files} files, {size}, {seconds} s)\nSHA-256: {sha256}',
  },
  'cliRelease.overridden': { ja: '理由付きで通したゲート: {ids}', en: 'Gates passed with a reason: {ids}' },
  'cliRelease.ledgerAdded': { ja: '提供台帳 {path} に記録しました。', en: 'Recorded in the provision ledger {path}.' },
  'cliRelease.keyGenerated': { ja: '新しい鍵を {path} に保存しました。再現や追加提供に必要です。安全に保管してください。', en: 'A new key was saved to {path}; it is needed to reproduce or extend this release. Keep it safe.' },

  'cliRelease.verify.summary': { ja: '提供パッケージを MANIFEST と照合する', en: 'check a release package against its MANIFEST' },
  'cliRelease.verify.usage': { ja: 'tokumei verify <pkg.zip>', en: 'tokumei verify <pkg.zip>' },
  'cliRelease.verify.ok': { ja: '{path}: 全 {files} ファイルが MANIFEST と一致しました。', en: '{path}: all {files} files match the MANIFEST.' },
  'cliRelease.verify.failed': { ja: '{path}: MANIFEST と一致しません。', en: '{path}: does not match its MANIFEST.' },
  'cliRelease.verify.file': { ja: '  {status}  {file}', en: '  {status}  {file}' },

  'cliRelease.ledger.summary': { ja: '提供台帳を一覧・検索し、CSV に書き出す', en: 'list, search and export the provision ledger as CSV' },
  'cliRelease.ledger.usage': { ja: 'tokumei ledger [--search 語] [--deadline-by 日付] [--source SHA] [--csv out.csv]', en: 'tokumei ledger [--search words] [--deadline-by date] [--source SHA] [--csv out.csv]' },
  'cliRelease.ledger.opt.search': { ja: '提供先・依頼ID・目的に含まれる語', en: 'words in recipient, request ID or purpose' },
  'cliRelease.ledger.opt.deadlineBy': { ja: 'この日までに削除期限が来るもの（YYYY-MM-DD）', en: 'deletion deadline on or before this day (YYYY-MM-DD)' },
  'cliRelease.ledger.opt.source': { ja: 'この元データ（SHA-256 か先頭 8 桁以上）から作ったもの', en: 'made from this source (SHA-256 or a prefix of 8+ hex digits)' },
  'cliRelease.ledger.opt.package': { ja: 'このパッケージ（SHA-256 か先頭 8 桁以上）', en: 'this package (SHA-256 or a prefix of 8+ hex digits)' },
  'cliRelease.ledger.opt.csv': { ja: '該当する記録を CSV（UTF-8 BOM 付き）に書き出す', en: 'write the matching entries as CSV (UTF-8 with BOM)' },
  'cliRelease.ledger.empty': { ja: '該当する提供記録はありません。', en: 'No matching provision entries.' },
  'cliRelease.ledger.line': { ja: '{createdAt}  {recipient}（{requestId}）  削除期限 {deadline}  {rows} 行  {sha}', en: '{createdAt}  {recipient} ({requestId})  delete by {deadline}  {rows} rows  {sha}' },
  'cliRelease.ledger.csvWritten': { ja: '{count} 件を {path} に書き出しました。', en: 'Wrote {count} entries to {path}.' },
  'cliRelease.error.ledgerRead': { ja: '提供台帳 {path} を読めません: {detail}', en: 'Cannot read the provision ledger {path}: {detail}' },
});
