import { defineMessages } from '../define.ts';

/** The command line: help, argument errors, file errors and the human-readable output. */
export const cli = defineMessages({
  'cli.help.main': {
    ja: '匿名 Tokumei — 医療データ匿名加工ワークベンチ（コマンドライン版）\n\n使い方: tokumei <コマンド> [オプション]\n\nコマンド:\n{commands}\n\n共通オプション:\n  --json         結果を JSON オブジェクト 1 つで標準出力に出す\n  --lang ja|en   表示言語（既定は LANG / LC_ALL に従う）\n  --help         ヘルプを表示する\n\n各コマンドの詳細: tokumei <コマンド> --help',
    en: 'Tokumei 匿名 — anonymization workbench for medical data (command line)\n\nUsage: tokumei <command> [options]\n\nCommands:\n{commands}\n\nCommon options:\n  --json         print the result as one JSON object on stdout\n  --lang ja|en   language of messages (default: from LANG / LC_ALL)\n  --help         show help\n\nDetails of a command: tokumei <command> --help',
  },
  'cli.help.usage': { ja: '使い方: {usage}', en: 'Usage: {usage}' },
  'cli.help.options': { ja: 'オプション:', en: 'Options:' },
  'cli.help.json': { ja: '結果を JSON オブジェクト 1 つで標準出力に出す', en: 'print the result as one JSON object on stdout' },
  'cli.help.lang': { ja: '表示言語（ja または en）', en: 'language of messages (ja or en)' },
  'cli.help.help': { ja: 'このヘルプを表示する', en: 'show this help' },

  'cli.error.prefix': { ja: 'エラー: {message}', en: 'Error: {message}' },
  'cli.error.unknownCommand': {
    ja: '「{command}」というコマンドはありません。tokumei --help で一覧を確認してください。',
    en: 'There is no command "{command}". Run tokumei --help for the list.',
  },
  'cli.error.noCommand': { ja: 'コマンドを指定してください。', en: 'Please give a command.' },
  'cli.error.unknownOption': {
    ja: '{command} に「{option}」というオプションはありません。tokumei {command} --help を参照してください。',
    en: '{command} has no option "{option}". See tokumei {command} --help.',
  },
  'cli.error.missingValue': { ja: 'オプション {option} には値が必要です。', en: 'Option {option} needs a value.' },
  'cli.error.repeatedOption': { ja: 'オプション {option} が 2 回以上指定されています。', en: 'Option {option} is given more than once.' },
  'cli.error.missingArgument': { ja: '{name} を指定してください（{usage}）。', en: 'Please give {name} ({usage}).' },
  'cli.error.missingOption': { ja: 'オプション {option} を指定してください（{usage}）。', en: 'Please give option {option} ({usage}).' },
  'cli.error.extraArgument': { ja: '余分な引数があります: {value}', en: 'Unexpected argument: {value}' },
  'cli.error.invalidInteger': {
    ja: '{option} には {min} 以上 {max} 以下の整数を指定してください（指定値: {value}）。',
    en: '{option} must be a whole number from {min} to {max} (got {value}).',
  },
  'cli.error.invalidChoice': {
    ja: '{option} には {choices} のいずれかを指定してください（指定値: {value}）。',
    en: '{option} must be one of {choices} (got {value}).',
  },
  'cli.error.invalidDelimiter': {
    ja: '区切り文字には 1 文字を指定してください（例: , ; タブは \\t）。指定値: {value}',
    en: 'The delimiter must be a single character (e.g. , ; or \\t for tab). Got: {value}',
  },
  'cli.error.fileNotFound': { ja: 'ファイルが見つかりません: {path}', en: 'File not found: {path}' },
  'cli.error.notAFile': { ja: 'ファイルではありません（フォルダーなど）: {path}', en: 'Not a file (a folder?): {path}' },
  'cli.error.readFailed': { ja: 'ファイルを読めませんでした: {path}（{detail}）', en: 'Could not read the file: {path} ({detail})' },
  'cli.error.writeFailed': { ja: '書き込めませんでした: {path}（{detail}）', en: 'Could not write: {path} ({detail})' },
  'cli.error.decodeFailed': {
    ja: '文字コードを判別できませんでした（{encodings} のいずれでも読めません）: {path}。--encoding で指定してください。',
    en: 'Could not determine the text encoding ({encodings} all failed): {path}. Please give it with --encoding.',
  },
  'cli.error.arrowUnsupported': {
    ja: 'Arrow 形式のファイルはコマンドラインではまだ読み込めません。CSV か Parquet で保存してください。',
    en: 'Arrow files cannot be read on the command line yet. Please save the data as CSV or Parquet.',
  },
  'cli.error.loadFailed': { ja: 'ファイルを表として読み込めませんでした: {path}（{detail}）', en: 'Could not load the file as a table: {path} ({detail})' },

  'cli.demo.summary': {
    ja: '架空の病院データ（患者・受診・検査・処方の CSV）を生成する',
    en: 'generate the fictitious hospital extract (patients, encounters, labs, prescriptions as CSV)',
  },
  'cli.demo.usage': { ja: 'tokumei demo --out <フォルダー> [--rows 患者数] [--seed シード]', en: 'tokumei demo --out <dir> [--rows patients] [--seed seed]' },
  'cli.demo.opt.rows': {
    ja: '患者数 = patients.csv の行数（既定 10000）。他の表は患者数に比例して増える',
    en: 'number of patients = rows of patients.csv (default 10000); the other tables grow in proportion',
  },
  'cli.demo.opt.out': { ja: '出力先フォルダー（なければ作成。同名ファイルは上書き）', en: 'output folder (created if missing; files of the same name are overwritten)' },
  'cli.demo.opt.seed': { ja: '乱数のシード（同じシードなら同じバイト列。既定 1）', en: 'random seed (same seed, same bytes; default 1)' },
  'cli.demo.done': {
    ja: 'デモデータを生成しました（患者 {patients} 人、シード {seed}、{seconds} 秒）: {out}',
    en: 'Generated the demo extract ({patients} patients, seed {seed}, {seconds} s): {out}',
  },
  'cli.demo.line': { ja: '  {name}  {file}  {rows} 行  {size}', en: '  {name}  {file}  {rows} rows  {size}' },
  'cli.demo.note': {
    ja: 'すべて架空のデータです。実在の人物・医療機関とは関係ありません。',
    en: 'All records are fictitious; they describe no real person or hospital.',
  },

  'cli.profile.summary': {
    ja: 'ファイルの各列の型・欠損数・異なり数・最小値・最大値・最頻値を表示する',
    en: 'show each column’s type, nulls, distinct values, minimum, maximum and most frequent values',
  },
  'cli.profile.usage': {
    ja: 'tokumei profile <ファイル> [--json] [--encoding utf-8|shift_jis|euc-jp] [--delimiter 文字]',
    en: 'tokumei profile <file> [--json] [--encoding utf-8|shift_jis|euc-jp] [--delimiter char]',
  },
  'cli.profile.arg.file': { ja: 'ファイル', en: 'a file' },
  'cli.profile.opt.encoding': { ja: 'CSV の文字コード（既定: 自動判別）', en: 'text encoding of a CSV (default: detected)' },
  'cli.profile.opt.delimiter': { ja: 'CSV の区切り文字（既定: 自動判別。タブは \\t）', en: 'CSV delimiter (default: detected; \\t for tab)' },
  'cli.profile.heading': { ja: '{file}: {rows} 行 × {columns} 列', en: '{file}: {rows} rows × {columns} columns' },
  'cli.profile.loadedAs': { ja: '形式 {format}、文字コード {encoding}、区切り文字 {delimiter}', en: 'format {format}, encoding {encoding}, delimiter {delimiter}' },
  'cli.profile.col.name': { ja: '列名', en: 'column' },
  'cli.profile.col.type': { ja: '型', en: 'type' },
  'cli.profile.col.nulls': { ja: '欠損', en: 'nulls' },
  'cli.profile.col.distinct': { ja: '異なり数', en: 'distinct' },
  'cli.profile.col.min': { ja: '最小', en: 'min' },
  'cli.profile.col.max': { ja: '最大', en: 'max' },
  'cli.profile.col.top': { ja: '最頻値（件数）', en: 'most frequent (count)' },
  'cli.serve.summary': { ja: 'ビルド済みのアプリを 127.0.0.1 で配信する', en: 'Serve the built app on 127.0.0.1' },
  'cli.serve.usage': { ja: 'tokumei serve [--port ポート番号] [--dir フォルダー]', en: 'tokumei serve [--port port] [--dir dir]' },
  'cli.serve.opt.port': { ja: 'ポート番号（既定: 環境変数 PORT、なければ 4173）', en: 'port (default: the PORT variable, else 4173)' },
  'cli.serve.opt.dir': { ja: '配信するフォルダー（既定: ビルド結果の dist）', en: 'folder to serve (default: the built dist folder)' },
  'cli.serve.listening': { ja: 'Tokumei を配信中: {url}  （Ctrl+C で停止）', en: 'Tokumei is running at {url}  (Ctrl+C to stop)' },
  'cli.serve.notBuilt': { ja: '{dir} にビルド済みのアプリがありません。先に npm run build を実行してください。', en: 'No built app in {dir}. Run npm run build first.' },
  'cli.serve.failed': { ja: 'ポート {port} で配信を開始できませんでした: {detail}', en: 'Could not serve on port {port}: {detail}' },
});
