import { t } from '../../core/i18n/catalog.ts';
import { searchFromSpec } from '../../core/risk/search-from-spec.ts';
import { searchOptimumSync, type SearchMetric } from '../../core/search/index.ts';
import { choiceOption } from '../args.ts';
import type { Command } from '../command.ts';
import { printJson } from '../context.ts';
import { formatCount, renderTable } from '../format.ts';
import { openInput, withSpecIssues } from '../open-input.ts';
import { formatFigure, formatShare } from '../render-risk.ts';
import { INPUT_OPTIONS, SPEC_OPTIONS } from '../spec-flags.ts';

const METRICS: readonly SearchMetric[] = ['loss', 'entropy', 'discernibility', 'aecs'];

/** `tokumei search <file>`: the optimal generalization (ARX's FLASH) for the spec's privacy model and suppression limit. */
export const searchCommand: Command = {
  name: 'search',
  summary: 'cli.search.summary',
  usage: 'cli.search.usage',
  options: {
    ...INPUT_OPTIONS,
    ...SPEC_OPTIONS,
    metric: { type: 'string', value: METRICS.join('|'), help: 'cli.search.opt.metric' },
  },
  run: (args, ctx) =>
    withSpecIssues(ctx, async () => {
      const metric = args.options.metric === undefined ? 'loss' : choiceOption(args.options.metric as string, '--metric', METRICS);
      const input = await openInput(args, ctx, 'cli.search.usage');
      // FLASH prunes on ARX's record suppression; local suppression per transformation would break that.
      if (input.spec.model.suppression === 'cells') ctx.stderr(t(ctx.lang, 'cells.search.recordsOnly') + '\n');
      try {
        const prepared = await searchFromSpec(input.engine, input.spec, {
          table: input.table,
          sensitive: input.flags.sensitive,
          exclusions: input.exclusions,
          subjectColumn: input.subjectColumn,
          key: input.key,
        });
        const r = searchOptimumSync(prepared.input, { ...prepared.model, metric });
        const out = {
          file: input.path,
          found: r.found,
          levels: r.levels,
          infoLoss: r.infoLoss,
          metric: r.metric,
          suppressedRecords: r.suppressedRecords,
          classes: r.classes,
          records: r.records,
          transformationsChecked: r.transformationsChecked,
          latticeSize: r.latticeSize,
          ms: Math.round(r.ms),
        };
        if (ctx.json) {
          printJson(ctx, out);
          return 0;
        }
        const lines = [t(ctx.lang, 'cli.search.heading', { file: args.positionals[0], records: formatCount(r.records), lattice: formatCount(r.latticeSize) })];
        if (!r.found || !r.levels) {
          lines.push(t(ctx.lang, 'cli.search.notFound', { checked: formatCount(r.transformationsChecked) }));
          ctx.stdout(lines.join('\n') + '\n');
          return 0;
        }
        lines.push(
          t(ctx.lang, 'cli.search.found', {
            metric: r.metric,
            loss: formatFigure(r.infoLoss),
            classes: formatCount(r.classes),
            suppressed: formatCount(r.suppressedRecords),
            share: formatShare(r.records ? r.suppressedRecords / r.records : 0),
            checked: formatCount(r.transformationsChecked),
            seconds: (r.ms / 1000).toFixed(2),
          }),
        );
        const header = [t(ctx.lang, 'cli.search.col.column'), t(ctx.lang, 'cli.search.col.level')];
        const rows = Object.entries(r.levels).map(([c, l]) => [c, String(l)]);
        ctx.stdout(lines.join('\n') + '\n\n' + renderTable(header, rows, [false, true]));
        return 0;
      } finally {
        input.engine.close();
      }
    }),
};
