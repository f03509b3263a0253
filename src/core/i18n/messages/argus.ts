import { defineMessages } from '../define.ts';

/** μ-ARGUS global recode files (.grc): reading, writing and turning them into hierarchies. */
export const argus = defineMessages({
  'argus.grc.encoding': {
    ja: 'μ-ARGUS の再コード化ファイル「{name}」を文字として読み取れません（UTF-8・Shift_JIS・EUC-JP のどれでもありません）。',
    en: 'The μ-ARGUS recode file "{name}" is not readable text (not UTF-8, Shift_JIS or EUC-JP).',
  },
  'argus.grc.noColon': {
    ja: '「{name}」の {line} 行目: 「新しいコード : 元のコード, …」の形になっていません（「:」がありません）。',
    en: '"{name}", line {line}: expected "new code : old codes, …" (there is no ":").',
  },
  'argus.grc.noNewCode': {
    ja: '「{name}」の {line} 行目: 「:」の前に新しいコードがありません。',
    en: '"{name}", line {line}: there is no new code before ":".',
  },
  'argus.grc.newCodeRange': {
    ja: '「{name}」の {line} 行目 {column} 文字目: 新しいコードは一つのコードです。「-」を含む場合は "20-29" のように二重引用符で囲んでください。',
    en: '"{name}", line {line}, column {column}: the new code must be a single code. Put a code containing "-" in double quotes, e.g. "20-29".',
  },
  'argus.grc.emptyCode': {
    ja: '「{name}」の {line} 行目 {column} 文字目: コードがありません（「,」が続いているか、行が「:」や「,」で終わっています）。',
    en: '"{name}", line {line}, column {column}: a code is missing (two commas in a row, or the line ends with ":" or ",").',
  },
  'argus.grc.unexpected': {
    ja: '「{name}」の {line} 行目 {column} 文字目: 「{found}」は読めません。コードは「,」で区切り、範囲は 1-5、-5、5- のように書きます。空白を含むコードは二重引用符で囲んでください。',
    en: '"{name}", line {line}, column {column}: unexpected "{found}". Separate codes with ",", write ranges as 1-5, -5 or 5-, and put codes containing spaces in double quotes.',
  },
  'argus.grc.unclosedQuote': {
    ja: '「{name}」の {line} 行目 {column} 文字目: 二重引用符（"）が閉じられていません。',
    en: '"{name}", line {line}, column {column}: a double quote (") is not closed.',
  },
  'argus.grc.rangeReversed': {
    ja: '「{name}」の {line} 行目: 範囲 {from}-{to} の始まりが終わりより大きくなっています。',
    en: '"{name}", line {line}: the range {from}-{to} starts after it ends.',
  },
  'argus.grc.unknownSetting': {
    ja: '「{name}」の {line} 行目: 「{setting}」は μ-ARGUS の再コード化ファイルの設定ではありません（使えるのは <MISSING> と <CODELIST> です）。',
    en: '"{name}", line {line}: "{setting}" is not a setting of a μ-ARGUS recode file (only <MISSING> and <CODELIST> are).',
  },
  'argus.grc.missingCodes': {
    ja: '「{name}」の {line} 行目: <MISSING> には欠測値のコードを 1 つか 2 つ書きます。',
    en: '"{name}", line {line}: <MISSING> takes one or two missing-value codes.',
  },
  'argus.grc.codelistFile': {
    ja: '「{name}」の {line} 行目: <CODELIST> にはコードリストのファイル名を書きます。',
    en: '"{name}", line {line}: <CODELIST> takes the name of a code list file.',
  },
  'argus.grc.noRules': {
    ja: '「{name}」には再コード化の行（新しいコード : 元のコード）が一つもありません。',
    en: '"{name}" has no recode lines (new code : old codes).',
  },
  'argus.grc.level': {
    ja: 'レベル {level} は μ-ARGUS 形式に書き出せません（書き出せるのは 1〜{max}）。',
    en: 'Level {level} cannot be written as a μ-ARGUS recode (levels 1 to {max} can).',
  },
  'argus.grc.cannotWrite': {
    ja: '値「{value}」は μ-ARGUS の再コード化ファイルに書けません（二重引用符・改行を含むか、前後の空白だけが違う値があります）。',
    en: 'The value "{value}" cannot be written to a μ-ARGUS recode file (it holds a double quote or a line break, or another value differs from it only by surrounding spaces).',
  },
  'argus.noValues': {
    ja: '列「{column}」に値がないため、μ-ARGUS の再コード化から階層を作れません。',
    en: 'The column "{column}" holds no values, so no hierarchy can be built from μ-ARGUS recodes.',
  },
  'argus.notNested': {
    ja: '列「{column}」: 「{coarser}」が「{finer}」をまとめ直したものになっていません。「{finer}」で「{value}」になる値が、「{coarser}」では「{first}」と「{second}」に分かれます。ファイルは細かい順に、どれも元の値を再コード化するものとして指定してください。',
    en: 'Column "{column}": "{coarser}" does not merge the groups of "{finer}". Values that "{finer}" recodes to "{value}" become both "{first}" and "{second}" under "{coarser}". Give the files finest first, each recoding the original values.',
  },

  // The hierarchy editor's import and export.
  'argus.ui.import': { ja: 'ARX CSV・μ-ARGUS を読み込む', en: 'Import ARX CSV or μ-ARGUS' },
  'argus.ui.importHint': {
    ja: 'ARX 形式の CSV を一つ、または μ-ARGUS の再コード化ファイル（.grc）を一つ以上選びます。.grc はどれも元の値を再コード化するもので、グループの多い順にレベル 1、2… になります。',
    en: 'Choose one ARX CSV, or one or more μ-ARGUS recode files (.grc). Each .grc recodes the original values; the one with the most groups becomes level 1, then level 2, and so on.',
  },
  'argus.ui.mixed': {
    ja: 'ARX 形式の CSV と μ-ARGUS の .grc は一緒に読み込めません。どちらか一方を選んでください。',
    en: 'An ARX CSV and μ-ARGUS .grc files cannot be imported together. Choose one kind.',
  },
  'argus.ui.oneCsv': { ja: 'ARX 形式の CSV は一度に一つだけ読み込めます。', en: 'Import one ARX CSV at a time.' },
  'argus.ui.needsColumn': {
    ja: 'μ-ARGUS の .grc から階層を作るには、先に列を選んでください（列の値を再コード化して階層の行を作ります）。',
    en: 'Pick a column before importing μ-ARGUS .grc files: the hierarchy’s rows are the column’s values, recoded.',
  },
  'argus.ui.export': { ja: 'μ-ARGUS 形式（.grc）に書き出す', en: 'Export μ-ARGUS (.grc)' },
});
