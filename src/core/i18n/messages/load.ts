import { defineMessages } from '../define.ts';

/** Messages of the load pipeline: input errors and the reasons shown next to each column's type. */
export const load = defineMessages({
  'load.empty': {
    ja: 'ファイルが空です（データ行がありません）。',
    en: 'The file is empty (it has no data rows).',
  },
  'load.binary': {
    ja: 'テキスト（CSV）ではないファイルのようです。CSV、Parquet または Arrow のファイルを選んでください。',
    en: 'This does not look like a text (CSV) file. Please choose a CSV, Parquet or Arrow file.',
  },
  'load.zip': {
    ja: 'ZIP 形式のファイル（Excel の .xlsx を含む）は直接読み込めません。展開するか、Excel で「CSV」として保存してから読み込んでください。',
    en: 'ZIP files (including Excel .xlsx) cannot be read directly. Extract the archive, or save the sheet as CSV in Excel, and load that.',
  },
  'load.excel': {
    ja: '旧形式の Excel ファイル（.xls）は直接読み込めません。Excel で「CSV」として保存してから読み込んでください。',
    en: 'Legacy Excel files (.xls) cannot be read directly. Save the sheet as CSV in Excel and load that.',
  },
  'load.unsupportedEncoding': {
    ja: '文字コード {encoding} には対応していません。UTF-8 または Shift_JIS で保存し直してください。',
    en: 'The {encoding} encoding is not supported. Please save the file as UTF-8 or Shift_JIS.',
  },
  'load.gzipTruncated': {
    ja: 'gzip ファイルが途中で切れています（ダウンロードやコピーが完了していない可能性があります）。',
    en: 'The gzip file is truncated (the download or copy may not have finished).',
  },
  'load.gzipCorrupt': {
    ja: 'gzip ファイルが壊れているため展開できません: {detail}',
    en: 'The gzip file is corrupt and cannot be decompressed: {detail}',
  },
  'load.notCsv': {
    ja: 'このファイルは {format} 形式です。CSV としては読み込めません。',
    en: 'This file is in {format} format and cannot be read as CSV.',
  },
  'load.decodeFailed': {
    ja: '{encoding} として読めないバイトがあります（{offset} バイト目、{line} 行目）。文字コードを選び直してください。',
    en: 'The file contains bytes that are not valid {encoding} (byte {offset}, line {line}). Please choose another encoding.',
  },
  'load.csvColumnCount': {
    ja: 'CSV の {line} 行目の列数が {found} 個で、想定の {expected} 個と合いません。区切り文字や引用符の閉じ忘れを確認してください。',
    en: 'Line {line} of the CSV has {found} columns instead of the expected {expected}. Check the delimiter and for unclosed quotes.',
  },
  'load.csvUnterminatedQuote': {
    ja: 'CSV の {line} 行目で引用符（"）が閉じられていません。',
    en: 'A quote (") opened on line {line} of the CSV is never closed.',
  },
  'load.csvMalformed': {
    ja: 'CSV の {line} 行目を読み込めません: {detail}',
    en: 'Line {line} of the CSV cannot be read: {detail}',
  },


  'load.typing.empty': {
    ja: '値がすべて空のため、文字列のままにしました。',
    en: 'All values are empty, so the column stays text.',
  },
  'load.typing.text': {
    ja: '文字列です。',
    en: 'Text.',
  },
  'load.typing.boolean': {
    ja: 'すべて true / false のため、真偽値にしました。',
    en: 'All values are true / false, so the column is boolean.',
  },
  'load.typing.integer': {
    ja: 'すべて整数のため、整数にしました。',
    en: 'All values are whole numbers, so the column is an integer.',
  },
  'load.typing.decimal': {
    ja: 'すべて数値のため、小数（倍精度）にしました。',
    en: 'All values are numbers, so the column is a decimal (double).',
  },
  'load.typing.date': {
    ja: 'すべて日付のため、日付にしました。',
    en: 'All values are dates, so the column is a date.',
  },
  'load.typing.compactDate': {
    ja: 'すべて 8 桁の日付（YYYYMMDD）のため、日付にしました。',
    en: 'All values are 8-digit dates (YYYYMMDD), so the column is a date.',
  },
  'load.typing.eraDate': {
    ja: '和暦の日付を含むため、西暦に変換して日付にしました。',
    en: 'The column holds Japanese era dates (和暦); they are converted to the Gregorian calendar as dates.',
  },
  'load.typing.timestamp': {
    ja: 'すべて日時（タイムゾーンなし）のため、日時にしました。',
    en: 'All values are date-times without a time zone, so the column is a timestamp.',
  },
  'load.typing.leadingZeros': {
    ja: '先頭が 0 の値（{examples} など）があるため、コードとして文字列のままにしました。数値にすると 0 が消えます。',
    en: 'Some values start with 0 ({examples}, …), so the column stays text as a code; a number would drop the zeros.',
  },
  'load.typing.longDigits': {
    ja: '{digits} 桁の数字があるため、番号として文字列のままにしました（15 桁を超える数値は正確に扱えません）。',
    en: 'Values have up to {digits} digits, so the column stays text as a number code (numbers beyond 15 digits lose precision).',
  },
  'load.typing.codeName': {
    ja: '列名からコード・番号と判断し、数字だけですが文字列のままにしました。',
    en: 'The column name suggests a code or ID, so it stays text although the values are digits.',
  },
  'load.typing.fixedWidthCode': {
    ja: 'すべて同じ {width} 文字幅の数字のため、コード（郵便番号など）として文字列のままにしました。',
    en: 'All values are numbers written {width} characters wide, so the column stays text as a code (such as a postal code).',
  },
  'load.typing.timezone': {
    ja: 'タイムゾーン付きの日時（{examples} など）があるため、文字列のままにしました。時差の扱いを決めてから変換してください。',
    en: 'Some date-times carry a time zone ({examples}, …), so the column stays text. Decide how to treat the offset before converting.',
  },
  'load.typing.eraInvalid': {
    ja: '和暦として存在しない日付が {failures} 件（{examples} など）あるため、文字列のままにしました。',
    en: '{failures} values are not valid Japanese era dates ({examples}, …), so the column stays text.',
  },
  'load.typing.mixed.BIGINT': {
    ja: 'ほとんどが整数ですが、{failures} 件（{examples} など）は整数にならないため、文字列のままにしました。整数にするとこれらは空欄になります。',
    en: 'Most values are whole numbers, but {failures} ({examples}, …) are not, so the column stays text. As integers they would become empty.',
  },
  'load.typing.mixed.DOUBLE': {
    ja: 'ほとんどが数値ですが、{failures} 件（{examples} など）は数値にならないため、文字列のままにしました。数値にするとこれらは空欄になります。',
    en: 'Most values are numbers, but {failures} ({examples}, …) are not, so the column stays text. As numbers they would become empty.',
  },
  'load.typing.mixed.DATE': {
    ja: 'ほとんどが日付ですが、{failures} 件（{examples} など）は日付にならないため、文字列のままにしました。日付にするとこれらは空欄になります。',
    en: 'Most values are dates, but {failures} ({examples}, …) are not, so the column stays text. As dates they would become empty.',
  },
  'load.typing.mixed.TIMESTAMP': {
    ja: 'ほとんどが日時ですが、{failures} 件（{examples} など）は日時にならないため、文字列のままにしました。日時にするとこれらは空欄になります。',
    en: 'Most values are date-times, but {failures} ({examples}, …) are not, so the column stays text. As date-times they would become empty.',
  },
  'load.typing.lateFailures': {
    ja: '見本の行では {type} に変換できましたが、全行では {failures} 件が変換できないため、値を失わないよう文字列のままにしました。',
    en: 'The sampled rows converted to {type}, but {failures} values in the whole table do not, so the column stays text and nothing is lost.',
  },
});
