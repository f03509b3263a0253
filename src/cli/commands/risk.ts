import { assessRisk } from '../../core/risk/assess.ts';
import { integerOption } from '../args.ts';
import type { Command } from '../command.ts';
import { printJson } from '../context.ts';
import { openInput, withSpecIssues } from '../open-input.ts';
import { renderRisk } from '../render-risk.ts';
import { isTokumeiError, TokumeiError } from '../../core/errors.ts';
import { loadPopulationTable, POPULATION_TABLE } from '../population-input.ts';
import { INPUT_OPTIONS, numberOption, readInputFlags, SPEC_OPTIONS } from '../spec-flags.ts';

const DEFAULT_THRESHOLD = 0.2;

/** `tokumei risk <file>`: re-identification risk and utility of the data as the spec (or the flags) releases it. */
export const riskCommand: Command = {
  name: 'risk',
  summary: 'cli.risk.summary',
  usage: 'cli.risk.usage',
  options: {
    ...INPUT_OPTIONS,
    ...SPEC_OPTIONS,
    population: { type: 'string', value: 'N', help: 'cli.risk.opt.population' },
    threshold: { type: 'string', value: '0.2', help: 'cli.risk.opt.threshold' },
    weight: { type: 'string', value: 'COL', help: 'cli.risk.opt.weight' },
    'population-table': { type: 'string', value: 'FILE', help: 'riskPopulation.cli.option' },
    'no-suda': { type: 'boolean', help: 'cli.risk.opt.noSuda' },
  },
  run: (args, ctx) =>
    withSpecIssues(ctx, async () => {
      const population = args.options.population === undefined ? undefined : integerOption(args.options.population as string, '--population', 1, Number.MAX_SAFE_INTEGER);
      const thresholdFlag = args.options.threshold === undefined ? undefined : numberOption(args.options.threshold as string, '--threshold', 0, 1, true);
      const input = await openInput(args, ctx, 'cli.risk.usage');
      try {
        const threshold = thresholdFlag ?? input.spec.model.maxRisk ?? DEFAULT_THRESHOLD;
        const populationFile = args.options['population-table'] as string | undefined;
        const populationInput = populationFile === undefined ? undefined : await loadPopulationTable(input.engine, ctx, populationFile, input.table, readInputFlags(args));
        const started = performance.now();
        const risk = await namingPopulationFile(populationFile, () => assessRisk(input.engine, input.spec, {
          table: input.table,
          sensitive: input.flags.sensitive,
          weight: args.options.weight as string | undefined,
          threshold,
          population,
          populationTable: populationInput?.table,
          exclusions: input.exclusions,
          subjectColumn: input.subjectColumn,
          key: input.key,
          suda: args.options['no-suda'] !== true,
        }));
        const ms = Math.round(performance.now() - started);
        // The engine's name for the population table means nothing to a script: report the file.
        const report = { ...risk, populationTable: risk.populationTable && populationInput ? { file: populationInput.path, records: risk.populationTable.records } : null };
        if (ctx.json) printJson(ctx, { file: input.path, ...report, ms });
        else ctx.stdout(renderRisk(ctx.lang, args.positionals[0], risk, populationFile));
        return 0;
      } finally {
        input.engine.close();
      }
    }),
};

/** The engine's name for the population table means nothing to the user: errors name the file. */
async function namingPopulationFile<T>(file: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (file !== undefined && isTokumeiError(e) && e.params?.table === POPULATION_TABLE) throw new TokumeiError(e.key, { ...e.params, table: file }, { cause: e });
    throw e;
  }
}
