import { defineMessages } from '../define.ts';

/** The release package view (provision form, gates, build), the Verify page and the provision ledger page. */
export const uiRelease = defineMessages({
  'uiRelease.tab': { ja: '提供パッケージ', en: 'Release package' },
  'uiRelease.title': { ja: '提供パッケージの作成', en: 'Make a release package' },
  'uiRelease.intro': {
    ja: '加工済みデータ（CSV・Parquet）、加工仕様、データ項目の説明、報告書、作成記録、提供記録、MANIFEST を 1 つの zip にまとめます。同じ元データ・加工仕様・鍵・提供記録・作成日時からは、「npx tokumei release」と同じバイト列のパッケージができます。作成はすべてこのブラウザの中で行われ、データは外部に送信されません。',
    en: 'Puts the released data (CSV, Parquet), the spec, the data dictionary, the report, the creation record, the provision record and a MANIFEST into one zip. The same source, spec, key, provision and creation time give byte for byte the package “npx tokumei release” writes. Everything happens in this browser; no data leaves it.',
  },
  'uiRelease.prompt.noSpec': {
    ja: '加工仕様がまだありません。「分類」と「加工」タブで仕様を作るか、仕様ファイルを開いてください。',
    en: 'There is no spec yet. Build one in the Classify and Transform tabs, or open a spec file.',
  },
  'uiRelease.prompt.otherTable': {
    ja: '編集中の加工仕様はテーブル「{table}」用です。そのテーブルを選んでください。',
    en: 'The spec being edited is for the table "{table}". Select that table.',
  },
  'uiRelease.optional': { ja: '（任意）', en: '(optional)' },

  // Source
  'uiRelease.source.title': { ja: '元データと鍵', en: 'Source and key' },
  'uiRelease.source.table': { ja: '記録されるテーブル名', en: 'Table name recorded' },
  'uiRelease.source.sha256': { ja: '元データの SHA-256', en: 'Source SHA-256' },
  'uiRelease.source.mode': { ja: '加工の種類', en: 'Mode' },
  'uiRelease.source.exclusions': { ja: '提供停止・削除の求め', en: 'Opt-out list' },
  'uiRelease.source.exclusionsCount': { ja: '{count} 件の ID を除外（ID はパッケージに含まれません）', en: '{count} ID(s) excluded (the IDs are not in the package)' },
  'uiRelease.source.demo': {
    ja: '元データは組み込みのデモデータ（架空の患者）です。記録される SHA-256 は「npx tokumei demo --rows {patients} --seed {seed}」が書き出す同じテーブルのファイルのものです。',
    en: 'The source is the built-in demo (fictitious patients). The SHA-256 recorded is that of the same table’s file written by “npx tokumei demo --rows {patients} --seed {seed}”.',
  },
  'uiRelease.source.none': {
    ja: 'このテーブルの元ファイルが分からないため、パッケージを作成できません。ファイルを読み込み直してください。',
    en: 'The source file of this table is not known, so no package can be made. Load the file again.',
  },
  'uiRelease.key.file': {
    ja: '仮名化・日付シフトには読み込んだ鍵ファイルの鍵（指紋 {fingerprint}）を使います。同じ鍵ファイルを「--key」に渡せば、コマンドラインでも同じパッケージになります。',
    en: 'Pseudonyms and date shifts use the key file’s key (fingerprint {fingerprint}). With the same file as “--key”, the command line gives the same package.',
  },
  'uiRelease.key.session': {
    ja: '仮名化・日付シフトには、このセッション限りの鍵（指紋 {fingerprint}）を使います。この鍵は取り出せないため、後で同じ仮名を再現することはできません。再現が必要なら「加工」タブで鍵ファイルを読み込んでください。',
    en: 'Pseudonyms and date shifts use this session’s own key (fingerprint {fingerprint}). It cannot be exported, so the same pseudonyms cannot be made again later. If they must be reproducible, load a key file in the Transform tab.',
  },

  // Provision
  'uiRelease.provision.title': { ja: '提供記録', en: 'Provision' },
  'uiRelease.provision.note': {
    ja: '提供先・目的・削除期限などは提供記録と報告書に記載され、提供台帳に残ります。',
    en: 'Recipient, purpose, deletion deadline and the rest go into the provision record and the report, and stay in the provision ledger.',
  },
  'uiRelease.provision.recipient': { ja: '提供先', en: 'Recipient' },
  'uiRelease.provision.recipientType': { ja: '提供先の種別', en: 'Recipient type' },
  'uiRelease.provision.requestId': { ja: '申出番号', en: 'Request ID' },
  'uiRelease.provision.reviewId': { ja: '審査番号', en: 'Review ID' },
  'uiRelease.provision.purpose': { ja: '利用目的', en: 'Purpose' },
  'uiRelease.provision.items': { ja: '提供項目（1 行に 1 項目）', en: 'Items provided (one per line)' },
  'uiRelease.provision.itemsNote': { ja: '空欄なら提供する列名を記載します', en: 'left empty, the released column names are recorded' },
  'uiRelease.provision.deliveryMethod': { ja: '提供方法', en: 'Delivery method' },
  'uiRelease.provision.retention': { ja: '保存期間', en: 'Retention' },
  'uiRelease.provision.deletionDeadline': { ja: '削除期限', en: 'Deletion deadline' },
  'uiRelease.provision.save': { ja: '提供記録の入力を JSON で保存', en: 'Save the provision as JSON' },
  'uiRelease.provision.saveNote': {
    ja: '「npx tokumei release --provision」にそのまま渡せます。',
    en: 'Pass it as is to “npx tokumei release --provision”.',
  },

  // Record and output
  'uiRelease.record.title': { ja: '作成記録と出力', en: 'Creation record and output' },
  'uiRelease.record.operator': { ja: '作成者', en: 'Operator' },
  'uiRelease.record.approver': { ja: '承認者', en: 'Approver' },
  'uiRelease.record.createdAt': { ja: '作成日時', en: 'Creation time' },
  'uiRelease.record.now': { ja: '現在時刻', en: 'Now' },
  'uiRelease.record.recordedAs': { ja: '記録される値: {value}（{local}）', en: 'Recorded as: {value} ({local})' },
  'uiRelease.record.formats': { ja: 'データの形式', en: 'Data formats' },
  'uiRelease.record.reportLang': { ja: '報告書の言語', en: 'Report language' },
  'uiRelease.format.csv': { ja: 'CSV（UTF-8 BOM 付き）', en: 'CSV (UTF-8 with BOM)' },
  'uiRelease.format.csv-cp932': { ja: 'CSV（CP932 / Shift_JIS）', en: 'CSV (CP932 / Shift_JIS)' },
  'uiRelease.format.parquet': { ja: 'Parquet', en: 'Parquet' },
  'uiRelease.problem.operator': { ja: '作成者を入力してください。', en: 'Enter the operator.' },
  'uiRelease.problem.createdAt': {
    ja: '作成日時を日時として読めません（例: 2026-04-01T09:30:00+09:00）。',
    en: 'The creation time cannot be read as a time (e.g. 2026-04-01T09:30:00+09:00).',
  },
  'uiRelease.problem.formats': { ja: 'データの形式を 1 つ以上選んでください。', en: 'Choose at least one data format.' },

  // Gates
  'uiRelease.gates.title': { ja: '提供前の確認', en: 'Checks before release' },
  'uiRelease.gates.measuring': { ja: 'リスクを測定しています…', en: 'Measuring the risk…' },
  'uiRelease.gates.allPassed': { ja: 'すべての確認を満たしています。', en: 'Every check passes.' },
  'uiRelease.gates.reason': {
    ja: '確認を省略する理由（作成記録と報告書に残ります）',
    en: 'Reason to override (kept in the creation record and the report)',
  },
  'uiRelease.gateState.blocked': { ja: '提供不可', en: 'Blocked' },
  'uiRelease.gateState.needsReason': { ja: '要確認', en: 'Needs a reason' },
  'uiRelease.gateState.overridden': { ja: '理由を記録して省略', en: 'Overridden with a reason' },
  'uiRelease.risk.released': { ja: '提供レコード', en: 'Records released' },
  'uiRelease.risk.minClass': { ja: '最小の同値クラス', en: 'Smallest class' },
  'uiRelease.risk.target': { ja: '（目標 k = {k}）', en: '(target k = {k})' },
  'uiRelease.risk.highest': { ja: '最大の再識別リスク（検察官モデル）', en: 'Highest risk (prosecutor)' },
  'uiRelease.risk.average': { ja: '平均の再識別リスク', en: 'Average risk' },

  // Build
  'uiRelease.build.title': { ja: '作成', en: 'Build' },
  'uiRelease.build.button': { ja: 'パッケージを作成して保存', en: 'Build and save the package' },
  'uiRelease.build.running': { ja: '作成しています…', en: 'Building…' },
  'uiRelease.build.cancel': { ja: '中止', en: 'Cancel' },
  'uiRelease.build.blocked': { ja: '未解決の確認が {count} 件あります。', en: '{count} check(s) still stand.' },
  'uiRelease.build.done': {
    ja: '{file} を保存しました（{rows} 行、{size}、{seconds} 秒）。',
    en: 'Saved {file} ({rows} rows, {size}, {seconds} s).',
  },
  'uiRelease.build.overridden': { ja: '理由を記録して省略した確認: {ids}', en: 'Overridden with a reason: {ids}' },
  'uiRelease.build.ledger': { ja: 'このブラウザの提供台帳に記録しました。', en: 'Recorded in this browser’s provision ledger.' },
  'uiRelease.files.path': { ja: 'ファイル', en: 'File' },
  'uiRelease.files.bytes': { ja: 'バイト数', en: 'Bytes' },
  'uiRelease.files.manifest': { ja: '上の各ファイルのサイズと SHA-256', en: 'size and SHA-256 of each file above' },
  'uiRelease.error.noSource': {
    ja: 'テーブル「{table}」の元ファイルが分からないため、元データの SHA-256 を記録できません。',
    en: 'The source file of "{table}" is not known, so its SHA-256 cannot be recorded.',
  },
  'uiRelease.error.specTable': {
    ja: '加工仕様はテーブル「{spec}」用で、同じ名前のテーブルが別にあります。テーブル「{spec}」を選ぶか、「{table}」用の仕様にしてください。',
    en: 'The spec is for the table "{spec}", which is another table of the workspace. Select "{spec}", or make the spec for "{table}".',
  },

  // Workspace tools
  'uiRelease.tools.title': { ja: '提供パッケージの検証と提供台帳', en: 'Package verification and provision ledger' },
  'uiRelease.tools.close': { ja: '閉じる', en: 'Close' },

  // Verify
  'uiRelease.verify.open': { ja: 'パッケージ検証', en: 'Verify a package' },
  'uiRelease.verify.title': { ja: 'パッケージの検証', en: 'Verify a package' },
  'uiRelease.verify.intro': {
    ja: '提供パッケージ（zip）の各ファイルを MANIFEST と照合します（「npx tokumei verify」と同じ検査）。受け取った側でも同じ確認ができます。ファイルはこのブラウザの中だけで読み込まれます。',
    en: 'Checks every file of a release package (zip) against its MANIFEST, as “npx tokumei verify” does; a recipient can run the same check. The file is read only inside this browser.',
  },
  'uiRelease.verify.pick': { ja: 'zip ファイルを選ぶ', en: 'Choose a zip file' },
  'uiRelease.verify.drop': { ja: 'またはここにドロップ', en: 'or drop it here' },
  'uiRelease.verify.checking': { ja: '{file} を検証しています…', en: 'Verifying {file}…' },
  'uiRelease.verify.status': { ja: '状態', en: 'Status' },
  'uiRelease.verify.expected': { ja: 'MANIFEST の SHA-256', en: 'SHA-256 in MANIFEST' },
  'uiRelease.verify.actual': { ja: '実際の SHA-256', en: 'Actual SHA-256' },
  'uiRelease.verify.inLedger': {
    ja: '提供台帳に記録があります: {recipient}（申出番号 {requestId}、作成 {createdAt}、削除期限 {deadline}）',
    en: 'In the provision ledger: {recipient} (request {requestId}, made {createdAt}, deletion deadline {deadline})',
  },
  'uiRelease.verify.notInLedger': { ja: 'このブラウザの提供台帳には記録がありません。', en: 'Not in this browser’s provision ledger.' },

  // Ledger
  'uiRelease.ledger.open': { ja: '提供台帳', en: 'Provision ledger' },
  'uiRelease.ledger.title': { ja: '提供台帳', en: 'Provision ledger' },
  'uiRelease.ledger.overdueBadge': { ja: '削除期限を過ぎた提供が {count} 件あります', en: '{count} provision(s) past their deletion deadline' },
  'uiRelease.ledger.intro': {
    ja: 'このブラウザで作成した提供パッケージの記録です（提供先、日時、申出番号、削除期限、パッケージと元データの SHA-256）。削除期限や、後から届いた提供停止の求めが、どのパッケージに関わるかをたどれます。データの値や ID は含みません。',
    en: 'The packages made in this browser (recipient, time, request, deletion deadline, package and source SHA-256), so a deletion deadline or a later opt-out can be traced to the packages it touches. No data values and no IDs are kept.',
  },
  'uiRelease.ledger.search.text': { ja: '提供先・申出番号・目的で検索', en: 'Search recipient, request, purpose' },
  'uiRelease.ledger.search.deadlineBy': { ja: 'この日までに削除期限', en: 'Deletion deadline by' },
  'uiRelease.ledger.search.source': { ja: '元データの SHA-256', en: 'Source SHA-256' },
  'uiRelease.ledger.search.package': { ja: 'パッケージの SHA-256', en: 'Package SHA-256' },
  'uiRelease.ledger.search.hashHint': { ja: '先頭 8 桁以上', en: 'at least 8 leading digits' },
  'uiRelease.ledger.count': { ja: '{total} 件中 {shown} 件', en: '{shown} of {total}' },
  'uiRelease.ledger.exportCsv': { ja: 'CSV で保存', en: 'Save as CSV' },
  'uiRelease.ledger.exportJson': { ja: '台帳ファイルを保存', en: 'Save the ledger file' },
  'uiRelease.ledger.import': { ja: '台帳ファイルを取り込む', en: 'Import a ledger file' },
  'uiRelease.ledger.imported': {
    ja: '{file} を取り込みました（追加 {added} 件、記録済み {known} 件）。',
    en: 'Imported {file} ({added} added, {known} already here).',
  },
  'uiRelease.ledger.conflicts': {
    ja: '{count} 件は同じパッケージが別の内容で記録済みのため、取り込みませんでした: {hashes}',
    en: '{count} entr(y/ies) were not imported: the same package is recorded here with other details: {hashes}',
  },
  'uiRelease.ledger.due.overdue': { ja: '削除期限切れ', en: 'Past deadline' },
  'uiRelease.ledger.due.soon': { ja: '削除期限が近い', en: 'Deadline soon' },
  'uiRelease.ledger.noMatch': { ja: '条件に合う記録はありません。', en: 'No entry matches.' },
  'uiRelease.ledger.empty': { ja: '提供台帳はまだ空です。', en: 'The provision ledger is empty.' },
});
