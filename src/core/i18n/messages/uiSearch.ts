import { defineMessages } from '../define.ts';

/** The Search view: the optimal generalization (ARX's FLASH) for the spec's criteria, and its solution space. */
export const uiSearch = defineMessages({
  'uiSearch.tab': { ja: '探索', en: 'Search' },
  'uiSearch.title': { ja: '最適な一般化の探索', en: 'Search for the optimal generalization' },
  'uiSearch.intro': {
    ja: '準識別子ごとの一般化レベルの組み合わせ（束）をすべて調べたのと同じ結果になる方法（ARX の FLASH）で、下の条件を満たし情報損失が最も小さい組み合わせを探します。条件を満たすために、上限までのレコードを削除できます。',
    en: 'Finds, among all combinations of the quasi-identifiers’ generalization levels (the lattice), the one that meets the criteria below with the least information loss, exactly as checking them all would (ARX’s FLASH). Records may be suppressed up to the limit to meet the criteria.',
  },
  'uiSearch.noQis': {
    ja: '加工仕様に準識別子がありません。「分類」タブで準識別子にする列を選ぶと探索できます。',
    en: 'The spec has no quasi-identifiers. Mark columns as quasi-identifiers in the Classify tab to search.',
  },

  // Columns
  'uiSearch.columns.title': { ja: '探索する準識別子と一般化階層', en: 'Quasi-identifiers and hierarchies searched' },
  'uiSearch.columns.note': {
    ja: 'どの列をどの階層で一般化するかは加工仕様から読みます。',
    en: 'Which columns are generalized, and with which hierarchy, comes from the spec.',
  },
  'uiSearch.columns.hierarchy': { ja: '階層「{hierarchy}」（現在 レベル {level}）', en: 'Hierarchy “{hierarchy}” (now level {level})' },
  'uiSearch.columns.levels': { ja: '{count} 段階', en: '{count} levels' },
  'uiSearch.columns.problem.noHierarchy': {
    ja: '一般化階層がないため、元の値のまま固定して探索します。一般化させたい場合は「加工」タブでこの列に「一般化」を追加し、階層を選んでください。',
    en: 'No generalization hierarchy, so it is held as it is. To let the search generalize it, add a “Generalize” transform with a hierarchy to this column in the Transform tab.',
  },
  'uiSearch.columns.problem.otherTransforms': {
    ja: '一般化以外の加工があるため、加工後の値のまま固定して探索します。一般化の対象にするには「加工」タブで加工を「一般化」ひとつにしてください。',
    en: 'It has transforms other than one generalization, so it is held as those transforms release it. To search its levels, make its only transform a “Generalize” in the Transform tab.',
  },
  'uiSearch.columns.problem.missingHierarchy': {
    ja: '一般化が指定する階層が仕様にありません。「加工」タブで階層を作るか選び直してください。',
    en: 'Its generalization names a hierarchy the spec does not have. Create or choose one in the Transform tab.',
  },

  'uiSearch.columns.toTransform': { ja: '「加工」タブで階層を設定する', en: 'Set hierarchies in the Transform tab' },

  // Criteria
  'uiSearch.criteria.title': { ja: '満たす条件', en: 'Criteria' },
  'uiSearch.criteria.note': {
    ja: '加工仕様のプライバシーモデルを初期値にしています。使わない条件は空欄にします。法令で決まった k の値はなく、値は提供者の判断です。',
    en: 'Filled in from the spec’s privacy model; leave a criterion empty not to use it. No law fixes k: the value is the producer’s choice.',
  },
  'uiSearch.criteria.k': { ja: 'k-匿名性の k', en: 'k of k-anonymity' },
  'uiSearch.criteria.l': { ja: 'l-多様性の l', en: 'l of l-diversity' },
  'uiSearch.criteria.lVariant': { ja: 'l-多様性の種類', en: 'l-diversity variant' },
  'uiSearch.criteria.lVariant.distinct': { ja: 'distinct（異なる値の数）', en: 'distinct' },
  'uiSearch.criteria.lVariant.entropy': { ja: 'entropy（エントロピー）', en: 'entropy' },
  'uiSearch.criteria.lVariant.recursive': { ja: 'recursive（再帰的 (c,l)）', en: 'recursive (c,l)' },
  'uiSearch.criteria.c': { ja: '(c,l)-多様性の c', en: 'c of (c,l)-diversity' },
  'uiSearch.criteria.t': { ja: 't-近接性の t', en: 't of t-closeness' },
  'uiSearch.criteria.tVariant': { ja: 't-近接性の距離', en: 't-closeness distance' },
  'uiSearch.criteria.tVariant.equal': { ja: '等距離（カテゴリ）', en: 'equal distance' },
  'uiSearch.criteria.tVariant.ordered': { ja: '順序距離', en: 'ordered distance' },
  'uiSearch.criteria.maxRisk': { ja: '最大リスク（検察官リスク、0〜1）', en: 'Maximum (prosecutor) risk, 0–1' },
  'uiSearch.criteria.suppression': { ja: 'レコード削除の上限（%）', en: 'Record suppression limit (%)' },
  'uiSearch.criteria.metric': { ja: '最小化する情報損失', en: 'Information loss to minimize' },
  'uiSearch.metric.loss': { ja: 'Loss（ARX の既定）', en: 'Loss (ARX’s default)' },
  'uiSearch.metric.entropy': { ja: '非一様エントロピー', en: 'Non-uniform entropy' },
  'uiSearch.metric.discernibility': { ja: '識別性（discernibility）', en: 'Discernibility' },
  'uiSearch.metric.aecs': { ja: '平均クラスサイズ（AECS）', en: 'Average class size (AECS)' },
  'uiSearch.criteria.sensitive': { ja: '要配慮属性（l と t の対象）', en: 'Sensitive attribute (for l and t)' },
  'uiSearch.criteria.noSensitive': {
    ja: 'l-多様性と t-近接性には要配慮属性が必要です。「分類」タブで列の役割を「要配慮」にしてください。',
    en: 'l-diversity and t-closeness need a sensitive attribute. Give a column the role “sensitive” in the Classify tab.',
  },
  'uiSearch.issue.k': { ja: 'k は 1 以上の整数です。', en: 'k must be a whole number of at least 1.' },
  'uiSearch.issue.l': {
    ja: 'l は 1 以上です（distinct と recursive では整数）。',
    en: 'l must be at least 1 (a whole number for distinct and recursive).',
  },
  'uiSearch.issue.c': { ja: 'recursive では c に正の数が必要です。', en: 'Recursive l-diversity needs a positive c.' },
  'uiSearch.issue.t': { ja: 't は 0 より大きく 1 以下です。', en: 't must be greater than 0 and at most 1.' },
  'uiSearch.issue.maxRisk': { ja: '最大リスクは 0 より大きく 1 以下です。', en: 'The maximum risk must be greater than 0 and at most 1.' },
  'uiSearch.issue.suppression': { ja: '削除の上限は 0〜100 % です。', en: 'The suppression limit must be between 0 and 100 %.' },
  'uiSearch.issue.noCriterion': {
    ja: 'k、l、t、最大リスクのうち少なくとも 1 つを指定してください。',
    en: 'Give at least one of k, l, t or the maximum risk.',
  },

  'uiSearch.criteria.cellsNote': {
    ja: '探索は ARX と同じくレコードごと削除して条件を満たします。仕様はセル抑制（値を空欄にする）で k を満たす設定なので、「リスク」タブの数値は探索結果と異なることがあります。',
    en: 'The search meets the criteria by removing whole records, as ARX does. The spec reaches k by blanking cells instead, so the Risk tab’s figures can differ from the search’s.',
  },

  // Run
  'uiSearch.run': { ja: '探索する', en: 'Search' },
  'uiSearch.cancel': { ja: '中止', en: 'Cancel' },
  'uiSearch.status.loading': { ja: 'データを読み込んでいます…', en: 'Reading the data…' },
  'uiSearch.status.running': { ja: '探索しています…', en: 'Searching…' },
  'uiSearch.status.cancelled': { ja: '探索を中止しました。', en: 'The search was cancelled.' },
  'uiSearch.status.failed': { ja: '探索できませんでした: {detail}', en: 'The search failed: {detail}' },
  'uiSearch.progress.label': { ja: '探索の進み具合', en: 'Search progress' },
  'uiSearch.progress.text': {
    ja: '{checked} 通りをデータで確認、{settled} / {total} 通りが確定',
    en: '{checked} transformations checked on the data; {settled} of {total} settled',
  },
  'uiSearch.progress.note': {
    ja: '「確定」は、データで確認したもの、単調性から結果がわかったもの、最適解を上回れないと下限からわかったものの合計です。',
    en: '“Settled” counts the nodes checked on the data, those whose answer follows from monotonicity, and those a lower bound shows cannot beat the optimum.',
  },

  // Result
  'uiSearch.result.title': { ja: '最適な一般化', en: 'Optimal generalization' },
  'uiSearch.result.notFound': {
    ja: '条件を満たす組み合わせはありません（{checked} 通りを確認）。条件をゆるめるか、削除の上限を上げるか、階層に粗いレベルを加えてください。',
    en: 'No combination meets the criteria ({checked} checked). Relax the criteria, raise the suppression limit, or give the hierarchies coarser levels.',
  },
  'uiSearch.result.summary': {
    ja: '情報損失 {loss}（{metric}）、削除 {suppressed} 件（{share}）、同値クラス {classes} 個',
    en: 'Information loss {loss} ({metric}), {suppressed} records suppressed ({share}), {classes} equivalence classes',
  },
  'uiSearch.result.stats': {
    ja: '束の大きさ {lattice} 通りのうち {checked} 通りをデータで確認しました（読み込み {load} 秒、探索 {search} 秒）。',
    en: '{checked} of {lattice} transformations were checked on the data (reading {load} s, search {search} s).',
  },
  'uiSearch.result.column': { ja: '列', en: 'Column' },
  'uiSearch.result.level': { ja: 'レベル', en: 'Level' },
  'uiSearch.result.now': { ja: '仕様の現在', en: 'Spec now' },
  'uiSearch.result.fixed': { ja: '固定', en: 'fixed' },
  'uiSearch.result.apply': { ja: 'このレベルを仕様に適用', en: 'Apply these levels to the spec' },
  'uiSearch.result.stale': {
    ja: 'この結果のあと、仕様の準識別子が変わりました。もう一度探索してください。',
    en: 'The spec’s quasi-identifiers changed after this search. Search again.',
  },
  'uiSearch.result.limit': { ja: '削除の上限 {share}', en: 'suppression limit {share}' },
  'uiSearch.result.maxRisk': { ja: '最大リスク {risk}', en: 'maximum risk {risk}' },
  'uiSearch.result.criteria': { ja: '探索した条件: {criteria}', en: 'Searched for: {criteria}' },
  'uiSearch.applied': {
    ja: '{levels} を仕様に適用しました。「加工」と「リスク」のタブに反映されます。元に戻すには「元に戻す」を押します。',
    en: 'Applied {levels} to the spec; the Transform and Risk tabs follow. Use Undo to revert.',
  },
  'uiSearch.applied.model': {
    ja: '探索した条件も仕様のプライバシーモデルとして記録しました。',
    en: 'The criteria searched for were recorded as the spec’s privacy model too.',
  },
  'uiSearch.applied.same': { ja: '仕様はすでにこのレベルです。', en: 'The spec already has these levels.' },
  'uiSearch.undo': { ja: '元に戻す', en: 'Undo' },

  // Frontier
  'uiSearch.frontier.title': { ja: 'ほかの候補（削除と情報損失のかね合い）', en: 'Alternatives (suppression against information loss)' },
  'uiSearch.frontier.note': {
    ja: 'データで確認した組み合わせのうち、削除件数ごとに情報損失が最も小さいもの（削除が少ない順）。',
    en: 'Among the checked combinations, the least loss for each number of suppressed records (fewest suppressed first).',
  },
  'uiSearch.frontier.suppressed': { ja: '削除件数', en: 'Suppressed' },
  'uiSearch.frontier.loss': { ja: '情報損失', en: 'Loss' },
  'uiSearch.frontier.levels': { ja: 'レベル', en: 'Levels' },
  'uiSearch.frontier.apply': { ja: '適用', en: 'Apply' },
  'uiSearch.frontier.applyLabel': { ja: '{levels} を仕様に適用', en: 'Apply {levels} to the spec' },
  'uiSearch.optimum': { ja: '最適', en: 'optimum' },
  'uiSearch.levelsOrder': { ja: 'レベルは {columns} の順です。', en: 'Levels are listed in the order {columns}.' },

  // Solution space
  'uiSearch.space.title': { ja: '解空間', en: 'Solution space' },
  'uiSearch.space.lattice': {
    ja: '一般化レベルの組み合わせすべてを、合計レベル（下ほど元の値に近い）ごとに並べています。線は 1 列だけ 1 段階粗くする関係です。ノードを押すと、そのレベルを仕様に適用します。',
    en: 'Every combination of generalization levels, in rows by total level (lower = closer to the original values). Lines join combinations that differ by one level in one column. Select a node to apply its levels to the spec.',
  },
  'uiSearch.space.projection': {
    ja: '準識別子が多いため、データで確認して条件を満たした組み合わせだけを、合計レベル（横）と情報損失（縦）で描いています。ほかの組み合わせは下の表で数だけ示します（損失を計算していないため位置が決まりません）。点を押すと、そのレベルを仕様に適用します。',
    en: 'With this many quasi-identifiers, only the combinations checked on the data that meet the criteria are drawn, by total level (across) and loss (up). The others are only counted in the table below: their loss was never computed, so nothing places them. Select a dot to apply its levels to the spec.',
  },
  'uiSearch.space.omitted': {
    ja: '読みやすさのため、条件を満たす {omitted} 個は省きました（各合計レベルで損失の小さいものを残しています）。',
    en: '{omitted} more that meet the criteria are left out to keep it readable (the lowest losses of each total level are kept).',
  },
  'uiSearch.space.xAxis': { ja: '合計レベル（一般化の段階の和）', en: 'Total level (sum of generalization levels)' },
  'uiSearch.space.yAxis': { ja: '情報損失', en: 'Information loss' },
  'uiSearch.space.level': { ja: '合計レベル', en: 'Total level' },
  'uiSearch.space.state.meets': { ja: '条件を満たす（確認済み）', en: 'Meets the criteria (checked)' },
  'uiSearch.space.state.fails': { ja: '満たさない（確認済み）', en: 'Fails (checked)' },
  'uiSearch.space.state.meetsInferred': { ja: '満たす（単調性から推論）', en: 'Meets (inferred by monotonicity)' },
  'uiSearch.space.state.failsInferred': { ja: '満たさない（単調性から推論）', en: 'Fails (inferred by monotonicity)' },
  'uiSearch.space.state.pruned': { ja: '未確認（最適解を上回れない）', en: 'Not checked (cannot beat the optimum)' },
  'uiSearch.space.state.unknown': { ja: '未評価', en: 'Not evaluated' },
  'uiSearch.space.node': { ja: '{levels}：{state}', en: '{levels}: {state}' },
  'uiSearch.space.nodeLoss': {
    ja: '{levels}：{state}、情報損失 {loss}、削除 {suppressed} 件',
    en: '{levels}: {state}, loss {loss}, {suppressed} suppressed',
  },
  'uiSearch.space.optimum': { ja: '最適', en: 'optimum' },
  'uiSearch.space.current': { ja: '仕様の現在のレベル', en: 'the spec’s current levels' },
  'uiSearch.space.legendCurrent': { ja: '仕様の現在', en: 'Spec now' },
  'uiSearch.space.legendOptimum': { ja: '最適', en: 'Optimum' },
  'uiSearch.space.counts': { ja: '合計レベルごとの状態', en: 'State of every node, by total level' },
});
