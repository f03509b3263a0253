import { defineMessages } from '../define.ts';

/**
 * The release package's byte layer: zip writing and reading, MANIFEST, package
 * verification, and the data encoders (CSV, CP932, Parquet).
 */
export const releaseBytes = defineMessages({
  // Zip writing
  'releaseBytes.zip.badPath': {
    ja: 'パッケージ内のパス「{path}」は使えません（空、先頭の /、\\、..、制御文字は不可）。',
    en: 'The package path "{path}" is not allowed (empty, leading /, \\, .., or control characters).',
  },
  'releaseBytes.zip.duplicatePath': { ja: 'パッケージ内のパス「{path}」が重複しています。', en: 'The package path "{path}" appears twice.' },

  // Zip reading
  'releaseBytes.unzip.notZip': { ja: 'zip ファイルとして読めません（終端レコードがありません）。', en: 'This is not a readable zip file (no end-of-central-directory record).' },
  'releaseBytes.unzip.corrupt': { ja: 'zip ファイルが壊れています: {detail}', en: 'The zip file is damaged: {detail}' },
  'releaseBytes.unzip.unsupported': {
    ja: '「{path}」は対応していない形式で格納されています（{detail}）。',
    en: '"{path}" is stored in an unsupported way ({detail}).',
  },

  // MANIFEST
  'releaseBytes.manifest.badPath': {
    ja: 'MANIFEST に書けないパスです: 「{path}」（改行・制御文字は不可）。',
    en: 'This path cannot be written to MANIFEST: "{path}" (no line breaks or control characters).',
  },
  'releaseBytes.manifest.invalidLine': {
    ja: 'MANIFEST の {line} 行目が「<SHA-256>  <バイト数>  <パス>」の形式ではありません。',
    en: 'MANIFEST line {line} is not in the form "<sha256>  <bytes>  <path>".',
  },
  'releaseBytes.manifest.duplicate': { ja: 'MANIFEST に「{path}」が 2 回あります。', en: 'MANIFEST lists "{path}" twice.' },
  'releaseBytes.manifest.empty': { ja: 'MANIFEST にファイルが 1 つもありません。', en: 'MANIFEST lists no files.' },

  // Verification
  'releaseBytes.verify.manifestMissing': {
    ja: 'パッケージに MANIFEST がありません。提供パッケージではないか、MANIFEST が削除されています。',
    en: 'The package has no MANIFEST: it is not a release package, or MANIFEST was removed.',
  },
  'releaseBytes.verify.mismatch': {
    ja: '「{path}」の内容が MANIFEST と一致しません（改変または破損）。',
    en: '"{path}" does not match MANIFEST (altered or damaged).',
  },
  'releaseBytes.verify.missing': { ja: 'MANIFEST にある「{path}」がパッケージにありません。', en: '"{path}" is listed in MANIFEST but missing from the package.' },
  'releaseBytes.verify.unlisted': { ja: '「{path}」は MANIFEST に載っていないファイルです。', en: '"{path}" is in the package but not listed in MANIFEST.' },
  'releaseBytes.verify.duplicateEntry': { ja: 'パッケージに「{path}」が 2 回格納されています。', en: 'The package stores "{path}" twice.' },
  'releaseBytes.verify.unreadable': { ja: '「{path}」を読み出せません（破損）: {detail}', en: '"{path}" cannot be read (damaged): {detail}' },
  'releaseBytes.verify.ok': {
    ja: 'パッケージは MANIFEST と一致しました（{files} ファイル）。',
    en: 'The package matches its MANIFEST ({files} files).',
  },
  'releaseBytes.verify.failed': {
    ja: 'パッケージの検証に失敗しました（問題 {problems} 件）。',
    en: 'The package failed verification ({problems} problem(s)).',
  },
  'releaseBytes.verify.status.ok': { ja: '一致', en: 'OK' },
  'releaseBytes.verify.status.mismatch': { ja: '不一致', en: 'Mismatch' },
  'releaseBytes.verify.status.missing': { ja: '欠落', en: 'Missing' },
  'releaseBytes.verify.status.unlisted': { ja: '未記載', en: 'Unlisted' },

  // Data encoders
  'releaseBytes.cp932.unmappable': {
    ja: '文字「{char}」（{codePoint}）は CP932（Shift_JIS）で表せません。',
    en: 'The character "{char}" ({codePoint}) cannot be encoded in CP932 (Shift_JIS).',
  },
  'releaseBytes.cp932.platform': {
    ja: 'この環境の Shift_JIS 変換表が想定と異なるため、CP932 で出力できません（{detail}）。UTF-8 で出力するか、CLI を使ってください。',
    en: 'This environment\'s Shift_JIS table differs from the expected one, so CP932 cannot be written ({detail}). Export as UTF-8 or use the CLI.',
  },
  'releaseBytes.csv.unmappableCell': {
    ja: '{row} 行目の列「{column}」の文字「{char}」（{codePoint}）は CP932 で表せません。UTF-8 で出力するか、値を置き換えてください。',
    en: 'Row {row}, column "{column}": the character "{char}" ({codePoint}) cannot be encoded in CP932. Export as UTF-8 or replace the value.',
  },
  'releaseBytes.csv.unmappableHeader': {
    ja: '列名「{column}」の文字「{char}」（{codePoint}）は CP932 で表せません。UTF-8 で出力するか、列名を変えてください。',
    en: 'Column name "{column}": the character "{char}" ({codePoint}) cannot be encoded in CP932. Export as UTF-8 or rename the column.',
  },
  'releaseBytes.data.badValue': {
    ja: '{row} 行目の列「{column}」（{type}）の値「{value}」をそのまま出力できません。',
    en: 'Row {row}, column "{column}" ({type}): the value "{value}" cannot be written as is.',
  },
  'releaseBytes.data.noColumns': { ja: '提供データに列がありません。', en: 'The released data has no columns.' },
  'releaseBytes.data.duplicateColumn': {
    ja: '提供データの列名「{column}」が重複しています。列名は一意にしてください。',
    en: 'The released data has the column name "{column}" more than once. Column names must be unique.',
  },
});
