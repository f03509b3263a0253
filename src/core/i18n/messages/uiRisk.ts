import { defineMessages } from '../define.ts';

/** The Risk panel: re-identification risk and utility of the release, recomputed live. */
export const uiRisk = defineMessages({
  'uiRisk.tab': { ja: 'リスク', en: 'Risk' },
  'uiRisk.title': { ja: '再識別リスクと有用性', en: 'Re-identification risk and utility' },
  'uiRisk.intro': {
    ja: 'このデータを提供したとき、個人がどれだけ特定されやすいか（リスク）と、加工でどれだけ情報が失われるか（有用性）を示します。仕様や下の選択を変えると自動で計算し直します。',
    en: 'How easily individuals could be re-identified if this data were released (risk), and how much information the transforms remove (utility). Figures are recomputed whenever the spec or the choices below change.',
  },
  'uiRisk.source.spec': {
    ja: '編集中の加工仕様を適用した結果の数値です。',
    en: 'Figures for the data as the spec being edited releases it.',
  },
  'uiRisk.source.raw': {
    ja: 'まだ加工仕様がないため、加工前のデータの数値です。',
    en: 'No spec yet: figures for the data as it is, before any transform.',
  },
  'uiRisk.records': { ja: '{count} 件', en: '{count} records' },
  'uiRisk.refresh': { ja: '再計算', en: 'Recompute' },

  // Choices
  'uiRisk.choices': { ja: '計算の条件', en: 'What to measure' },
  'uiRisk.qi.label': { ja: '準識別子', en: 'Quasi-identifiers' },
  'uiRisk.qi.help': {
    ja: '組み合わせると個人を絞り込めてしまう列を選びます（例: 生年月日・性別・郵便番号）。',
    en: 'Columns that, combined, can single a person out (e.g. birth date, sex and postal code).',
  },
  'uiRisk.qi.fromSpec': { ja: '仕様の準識別子に戻す', en: 'Use the spec’s quasi-identifiers' },
  'uiRisk.qi.clear': { ja: 'すべて外す', en: 'Clear' },
  'uiRisk.qi.count': { ja: '{count} 列を選択中', en: '{count} selected' },
  'uiRisk.qi.none': {
    ja: '準識別子を 1 つ以上選ぶと、リスクを計算します。',
    en: 'Choose at least one quasi-identifier to compute the risk.',
  },
  'uiRisk.qi.notReleased': {
    ja: '次の列は加工仕様で削除されるため、提供データに含まれず計算から外しています: {columns}',
    en: 'These columns are dropped by the spec, so they are not in the release and not measured: {columns}',
  },
  'uiRisk.sensitive.label': { ja: '要配慮情報（機微な属性）', en: 'Sensitive attribute' },
  'uiRisk.weight.label': { ja: '抽出ウェイトの列', en: 'Sampling weight column' },
  'uiRisk.none': { ja: 'なし', en: 'None' },
  'uiRisk.threshold.label': { ja: 'リスクのしきい値', en: 'Risk threshold' },
  'uiRisk.threshold.help': { ja: '0 より大きく 1 以下。0.2 は「5 人に 1 人」に相当します。', en: 'Above 0 and at most 1. 0.2 means “1 in 5”.' },
  'uiRisk.threshold.invalid': { ja: '0 より大きく 1 以下の数を入力してください。', en: 'Enter a number above 0 and at most 1.' },
  'uiRisk.k.label': { ja: '確認する k', en: 'k to check' },
  'uiRisk.k.help': {
    ja: 'k の初期値は加工仕様の k（なければ 5）です。法令で決まった k の値はありません。',
    en: 'k starts at the spec’s k (5 without one). No k is fixed by law.',
  },
  'uiRisk.k.invalid': { ja: '1 以上の整数を入力してください。', en: 'Enter a whole number of at least 1.' },
  'uiRisk.population.label': { ja: '母集団の大きさ（人）', en: 'Population size (people)' },
  'uiRisk.population.help': {
    ja: 'このデータが抜き出された元の集団の人数（例: 県の人口）。母集団一意性の推定に使います。',
    en: 'How many people the data was drawn from (e.g. a prefecture’s population). Used to estimate population uniqueness.',
  },
  'uiRisk.population.invalid': { ja: '正の整数を入力してください。', en: 'Enter a positive whole number.' },

  // Card status
  'uiRisk.status.stale': { ja: '更新待ち', en: 'Out of date' },
  'uiRisk.status.running': { ja: '計算中…', en: 'Computing…' },
  'uiRisk.status.error': { ja: 'エラー', en: 'Error' },
  'uiRisk.status.ms': { ja: '{ms} ミリ秒', en: '{ms} ms' },
  'uiRisk.waiting': { ja: '計算しています…', en: 'Computing…' },
  'uiRisk.explain': { ja: 'この数値の意味', en: 'What these figures mean' },

  // Classes and k
  'uiRisk.classes.title': { ja: '同値クラスと k-匿名性', en: 'Equivalence classes and k-anonymity' },
  'uiRisk.classes.records': { ja: '対象レコード', en: 'Records' },
  'uiRisk.classes.classes': { ja: '同値クラスの数', en: 'Equivalence classes' },
  'uiRisk.classes.minClassSize': { ja: '最小クラスサイズ（達成している k）', en: 'Smallest class (k achieved)' },
  'uiRisk.classes.averageClassSize': { ja: '平均クラスサイズ', en: 'Average class size' },
  'uiRisk.classes.sampleUniques': { ja: '一意なレコード（サンプルユニーク）', en: 'Unique records (sample uniques)' },
  'uiRisk.classes.recordsBelowK': { ja: 'k = {k} 未満のクラスに属するレコード', en: 'Records in classes smaller than k = {k}' },
  'uiRisk.classes.suppressed': { ja: '削除されるレコード（k = {k}、上限 {limit}）', en: 'Suppressed records (k = {k}, limit {limit})' },
  'uiRisk.classes.notFit': {
    ja: 'k = {k} 未満のレコード {needed} 件が削除上限 {budget} 件を超えるため、レコード削除は行わず k-匿名性は未達成です。',
    en: '{needed} records are in classes below k = {k}, more than the suppression limit of {budget}: nothing is suppressed and k-anonymity is not met.',
  },
  'uiRisk.classes.excluded': {
    ja: '提供停止リストにより {records} 件（{subjects} 人）を除外済みです。',
    en: '{records} records ({subjects} people) removed by the exclusion list.',
  },
  'uiRisk.classes.ephemeralKey': {
    ja: '日付シフトは一時的な鍵で計算しています。実際の鍵ではクラスが少し変わることがあります。',
    en: 'Date shifts were measured with a throwaway key; with the real key the classes may differ slightly.',
  },
  'uiRisk.classes.explain': {
    ja: '準識別子の値がすべて同じレコードの集まりを「同値クラス」といいます。クラスが小さいほど、その人を特定しやすくなります。すべてのクラスが k 人以上なら「k-匿名性」を満たします。k-匿名性は匿名加工医療情報の作成で広く使われる考え方ですが、法令で決まった k の値はなく、データの性質や提供先に応じて作成事業者が決めます。一意なレコード（クラスに 1 人だけ）は、外部の名簿と照合されると本人に結びつく可能性が最も高いレコードです。',
    en: 'Records that share every quasi-identifier value form an equivalence class. The smaller the class, the easier it is to single a person out. Data is k-anonymous when every class has at least k records. k-anonymity is widely used when producing anonymized medical data, but no law fixes k: the producer chooses it for the data and the recipient. Unique records (alone in their class) are the ones a match against an outside list is most likely to link to a name.',
  },

  // Prosecutor
  'uiRisk.prosecutor.title': { ja: '検察官モデル（特定の人を探す攻撃）', en: 'Prosecutor model (looking for a known person)' },
  'uiRisk.prosecutor.highest': { ja: '最大リスク', en: 'Highest risk' },
  'uiRisk.prosecutor.average': { ja: '平均リスク', en: 'Average risk' },
  'uiRisk.atRisk': { ja: 'リスクが {threshold} を超えるレコード', en: 'Records with risk above {threshold}' },
  'uiRisk.prosecutor.explain': {
    ja: '攻撃者が「この人がデータに含まれている」と知っている場合のリスクです。各レコードのリスクは 1 ÷ クラスの大きさで、一意なレコードは 1（確実に特定）になります。最大リスクは最も小さいクラス、平均リスクはデータ全体の目安です。ARX と同じ定義で計算しています。',
    en: 'The risk when an attacker knows that a given person is in the data. A record’s risk is 1 ÷ its class size, so a unique record has risk 1 (certain re-identification). The highest risk comes from the smallest class; the average describes the whole data. Computed as ARX defines it.',
  },

  // Journalist and marketer
  'uiRisk.journalist.title': { ja: 'ジャーナリスト／マーケターモデル', en: 'Journalist and marketer models' },
  'uiRisk.journalist.highest': { ja: 'ジャーナリスト: 最大リスク', en: 'Journalist: highest risk' },
  'uiRisk.journalist.average': { ja: 'ジャーナリスト: 平均リスク', en: 'Journalist: average risk' },
  'uiRisk.journalist.atRisk': { ja: 'ジャーナリスト: {threshold} を超えるレコード', en: 'Journalist: records above {threshold}' },
  'uiRisk.marketer.average': { ja: 'マーケター: 再識別される割合の期待値', en: 'Marketer: expected share re-identified' },
  'uiRisk.journalist.explain': {
    ja: 'ジャーナリストモデルは、攻撃者が誰がデータに含まれるかを知らず、公開名簿などと照合する場合です。マーケターモデルは、できるだけ多くの人をまとめて特定しようとする場合の、特定される人の割合の期待値です。母集団の表がないときは、ARX と同様にこのデータ自身を母集団とみなすため、値は検察官モデルと同じになります。母集団の大きさは下の「母集団一意性」の推定に使います。',
    en: 'The journalist model is an attacker who does not know who is in the data and matches it against a public list. The marketer model is the expected share of people re-identified when an attacker tries to match everyone at once. Without a population table the data is its own population, as in ARX, so these equal the prosecutor figures; the population size feeds the population-uniqueness estimate below.',
  },

  // Population uniqueness
  'uiRisk.population.title': { ja: '母集団一意性（推定）', en: 'Population uniqueness (estimated)' },
  'uiRisk.population.enter': { ja: '母集団の大きさを入力すると推定します。', en: 'Enter a population size to estimate it.' },
  'uiRisk.population.model': { ja: '推定モデル', en: 'Model' },
  'uiRisk.population.fraction': { ja: '母集団で一意な人の割合', en: 'Share of the population that is unique' },
  'uiRisk.population.uniques': { ja: '母集団で一意な人（推定）', en: 'Population uniques (estimate)' },
  'uiRisk.population.samplingFraction': { ja: '抽出率', en: 'Sampling fraction' },
  'uiRisk.population.model.pitman': { ja: 'Pitman', en: 'Pitman' },
  'uiRisk.population.model.zayatz': { ja: 'Zayatz', en: 'Zayatz' },
  'uiRisk.population.model.snb': { ja: 'SNB（層別負の二項）', en: 'SNB (stratified negative binomial)' },
  'uiRisk.population.model.dankar': { ja: 'Dankar の判定', en: 'Dankar’s rule' },
  'uiRisk.population.explain': {
    ja: 'データの中で一意でも、母集団には同じ特徴の人が他にいるかもしれません。ここでは抽出率に応じて Dankar らの判定規則でモデル（Pitman・Zayatz・SNB）を選び、母集団全体でも一意な人の割合を推定します（ARX と同じ方法）。',
    en: 'A record unique in the data may share its values with others in the population. Dankar et al.’s rule picks a model (Pitman, Zayatz or SNB) from the sampling fraction and estimates the share of people unique in the whole population, as ARX does.',
  },

  // l-diversity and t-closeness
  'uiRisk.diversity.title': { ja: 'l-多様性・t-近接性', en: 'l-diversity and t-closeness' },
  'uiRisk.diversity.none': {
    ja: '要配慮情報の列を選ぶと計算します。',
    en: 'Choose a sensitive attribute to compute these.',
  },
  'uiRisk.diversity.attribute': { ja: '対象の列', en: 'Attribute' },
  'uiRisk.diversity.distinct': { ja: 'distinct l（クラス内の異なる値の最小数）', en: 'Distinct l (fewest distinct values in a class)' },
  'uiRisk.diversity.entropy': { ja: 'entropy l', en: 'Entropy l' },
  'uiRisk.diversity.recursive': { ja: '再帰的 (c={c}, l)', en: 'Recursive (c={c}, l)' },
  'uiRisk.diversity.tEqual': { ja: 't（等距離 EMD）', en: 't (equal-distance EMD)' },
  'uiRisk.diversity.tOrdered': { ja: 't（順序距離 EMD）', en: 't (ordered-distance EMD)' },
  'uiRisk.diversity.satisfied': { ja: '仕様の目標を満たす', en: 'Meets the spec’s target' },
  'uiRisk.diversity.notSatisfied': { ja: '仕様の目標を満たさない', en: 'Misses the spec’s target' },
  'uiRisk.diversity.explain': {
    ja: 'k-匿名でも、同じクラスの全員が同じ病名なら「このクラスにいる＝その病気」と分かってしまいます。l-多様性は各クラスに要配慮情報の値が少なくとも l 種類あるか（distinct）、偏りが小さいか（entropy）を見ます。t-近接性は各クラスの値の分布がデータ全体の分布からどれだけ離れているか（0〜1、小さいほど安全）です。',
    en: 'Even k-anonymous data reveals a diagnosis if everyone in a class has the same one. l-diversity asks whether each class has at least l different sensitive values (distinct) and how evenly they are spread (entropy). t-closeness is how far a class’s distribution is from the whole data’s (0–1, lower is safer).',
  },

  // Individual risk
  'uiRisk.individual.title': { ja: '個別リスク（sdcMicro）', en: 'Individual risk (sdcMicro)' },
  'uiRisk.individual.max': { ja: '最大の個別リスク', en: 'Highest individual risk' },
  'uiRisk.individual.mean': { ja: '平均の個別リスク', en: 'Mean individual risk' },
  'uiRisk.individual.expected': { ja: '再識別される人数の期待値', en: 'Expected re-identifications' },
  'uiRisk.individual.above': { ja: '個別リスクが {threshold} を超えるレコード', en: 'Records with individual risk above {threshold}' },
  'uiRisk.individual.higher': { ja: '他より突出してリスクが高いレコード', en: 'Records far riskier than the rest' },
  'uiRisk.individual.weighted': { ja: 'ウェイト列「{column}」を使用', en: 'Weighted by “{column}”' },
  'uiRisk.individual.unweighted': {
    ja: 'ウェイトなし（全員 1）: リスクは 1 ÷ クラスの大きさです。',
    en: 'No weights (all 1): the risk is 1 ÷ class size.',
  },
  'uiRisk.individual.explain': {
    ja: '標本調査のように、データが母集団の一部を抜き出したもので、各レコードに抽出ウェイト（そのレコードが代表する人数）があるときの再識別リスクです。sdcMicro と同じ Benedetti–Franconi の近似で計算しています。欠損値は「どの値とも一致しうる」ものとして扱います。',
    en: 'The re-identification risk when the data is a sample of a population and each record has a sampling weight (how many people it stands for). Computed with the Benedetti–Franconi approximation, as sdcMicro does. A missing value counts as matching any value.',
  },

  // SUDA2
  'uiRisk.suda.title': { ja: 'SUDA2（特殊な一意性）', en: 'SUDA2 (special uniques)' },
  'uiRisk.suda.run': { ja: 'SUDA2 を実行', en: 'Run SUDA2' },
  'uiRisk.suda.rerun': { ja: 'もう一度実行', en: 'Run again' },
  'uiRisk.suda.cancel': { ja: 'キャンセル', en: 'Cancel' },
  'uiRisk.suda.loading': { ja: '準識別子を読み込み中…', en: 'Reading the quasi-identifiers…' },
  'uiRisk.suda.progress': { ja: 'SUDA2 の進み具合', en: 'SUDA2 progress' },
  'uiRisk.suda.notRun': {
    ja: '時間がかかることがあるため、ボタンを押したときだけ計算します（別のワーカーで実行し、画面は止まりません）。',
    en: 'It can take a while, so it runs only when asked (in its own worker; the page stays responsive).',
  },
  'uiRisk.suda.recordsWithMsu': { ja: '特殊な一意性（MSU）を持つレコード', en: 'Records with a minimal sample unique (MSU)' },
  'uiRisk.suda.maxScore': { ja: '最大 SUDA スコア', en: 'Highest SUDA score' },
  'uiRisk.suda.maxDis': { ja: '最大 DIS スコア', en: 'Highest DIS score' },
  'uiRisk.suda.msus': { ja: '大きさ別の MSU の数', en: 'MSUs by size' },
  'uiRisk.suda.msuSize': { ja: '{size} 列: {count}', en: '{size} col.: {count}' },
  'uiRisk.suda.contributions': { ja: '列ごとの寄与', en: 'Contribution by column' },
  'uiRisk.suda.explain': {
    ja: 'SUDA2 は、準識別子の一部の組み合わせだけで一意になってしまうレコード（最小の一意な組み合わせ = MSU）を探します。少ない列で一意になるレコードほどスコアが高く、危険です。列ごとの寄与は、どの列を加工すると効果が大きいかの目安になります（sdcMicro の suda2 と同じ計算）。',
    en: 'SUDA2 looks for records that are already unique on a few of the quasi-identifiers (minimal sample uniques, MSUs). The fewer columns it takes, the higher the score and the risk. The contribution by column shows which columns are worth transforming (same computation as sdcMicro’s suda2).',
  },

  // Utility
  'uiRisk.utility.title': { ja: '有用性（失われる情報）', en: 'Utility (information lost)' },
  'uiRisk.utility.suppressed': { ja: '削除されるレコード', en: 'Suppressed records' },
  'uiRisk.utility.loss': { ja: 'Loss（一般化による損失、0〜1）', en: 'Loss (generalization, 0–1)' },
  'uiRisk.utility.entropy': { ja: '非一様エントロピー（失われた情報量、ビット）', en: 'Non-uniform entropy (bits lost)' },
  'uiRisk.utility.discernibility': { ja: '識別度（Discernibility）', en: 'Discernibility' },
  'uiRisk.utility.aecs': { ja: '平均同値クラスサイズ（AECS）', en: 'Average equivalence class size (AECS)' },
  'uiRisk.utility.byColumn': { ja: '列ごとの Loss', en: 'Loss by column' },
  'uiRisk.utility.explain': {
    ja: 'リスクを下げる加工は、分析に使える情報を減らします。Loss は一般化でどれだけ値が粗くなったか（0 = そのまま、1 = すべて失われた）、非一様エントロピーは元の値を区別できなくなった情報量、識別度と AECS はクラスが大きくなるほど増える指標です。いずれも ARX と同じ定義で、小さいほど元のデータに近いことを表します。',
    en: 'Transforms that lower the risk also remove information analysts need. Loss is how coarse the values became (0 = unchanged, 1 = all lost); non-uniform entropy is the information lost by merging values; discernibility and AECS grow as classes grow. All as ARX defines them; lower means closer to the original.',
  },

  // Charts
  'uiRisk.chart.title': { ja: '分布', en: 'Distributions' },
  'uiRisk.chart.classSizes': { ja: 'クラスの大きさ別のレコード数', en: 'Records by class size' },
  'uiRisk.chart.classSizesLabel': {
    ja: 'クラスの大きさ別のレコード数の棒グラフ。一意なレコード {uniques} 件。',
    en: 'Bar chart of records by class size. {uniques} unique records.',
  },
  'uiRisk.chart.risks': { ja: 'リスク（1 ÷ クラスの大きさ）別のレコード数', en: 'Records by risk (1 ÷ class size)' },
  'uiRisk.chart.risksLabel': {
    ja: 'リスク別のレコード数の棒グラフ。しきい値 {threshold} を超える帯を強調表示。',
    en: 'Bar chart of records by risk; bands above the threshold {threshold} are highlighted.',
  },
  'uiRisk.chart.bar': { ja: '{label}: {records} 件', en: '{label}: {records} records' },
  'uiRisk.chart.explain': {
    ja: '左のグラフで「1」の棒が高いほど一意なレコードが多く、右のグラフでしきい値を超える帯（色の濃い棒）にあるレコードが、対策が必要なレコードです。',
    en: 'On the left, a tall bar at “1” means many unique records; on the right, the records in the highlighted bands (above the threshold) are the ones that need attention.',
  },

  // Peculiar values
  'uiRisk.peculiar.title': { ja: '特異値', en: 'Peculiar values' },
  'uiRisk.peculiar.none': { ja: '特異値は見つかりませんでした。', en: 'No peculiar values found.' },
  'uiRisk.peculiar.column': { ja: '列', en: 'Column' },
  'uiRisk.peculiar.value': { ja: '値', en: 'Value' },
  'uiRisk.peculiar.count': { ja: '件数', en: 'Records' },
  'uiRisk.peculiar.reason': { ja: '理由', en: 'Why' },
  'uiRisk.peculiar.omitted': { ja: 'ほかに {count} 件（{column}）', en: '{count} more ({column})' },
  'uiRisk.peculiar.filter': { ja: '表示する列', en: 'Show column' },
  'uiRisk.peculiar.all': { ja: 'すべて（{count} 件）', en: 'All ({count})' },
  'uiRisk.peculiar.columnOption': { ja: '{column}（{count} 件）', en: '{column} ({count})' },
  'uiRisk.peculiar.explain': {
    ja: '極端に珍しい値（まれな病名、131 kg の体重など）は、それだけで本人が分かってしまうことがあります。匿名加工では、このような特異な記述を削除または置き換えることが求められます。ここでは準識別子と要配慮情報の列について、5 件未満のまれな値と、上下 1% を外れる数値を一覧にします。',
    en: 'Extremely rare values (a rare diagnosis, a 131 kg body weight) can identify a person on their own. Anonymization calls for deleting or recoding such peculiar values. Listed here for the quasi-identifiers and the sensitive attribute: values found in fewer than 5 records and numbers outside the 1st–99th percentiles.',
  },
});
