import { dirname, extname, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { applySpec } from '../../core/compile/apply.ts';
import { TokumeiError } from '../../core/errors.ts';
import { t } from '../../core/i18n/catalog.ts';
import { releasedRecordsSql, type ReleasedRecords } from '../../core/risk/record-suppression.ts';
import { ident, str } from '../../core/sql/quote.ts';
import type { Command } from '../command.ts';
import { cellColumns } from '../cell-columns.ts';
import { printJson } from '../context.ts';
import { formatCount } from '../format.ts';
import { ensureKey, forgetKeyFile } from '../key-file.ts';
import { openInput, withSpecIssues } from '../open-input.ts';
import { formatShare } from '../render-risk.ts';
import { INPUT_OPTIONS, SPEC_OPTIONS } from '../spec-flags.ts';
import { UsageError } from '../usage-error.ts';

const FORMATS: Readonly<Record<string, 'csv' | 'parquet'>> = { '.csv': 'csv', '.parquet': 'parquet', '.pq': 'parquet' };

/**
 * `tokumei apply <file> --spec s.json --out out.csv|out.parquet`: the data as the spec releases it.
 * Records are written sorted by every column (ORDER BY ALL), so the same spec, input and key give
 * the same bytes however DuckDB schedules the work, and the source's row order does not leak.
 */
export const applyCommand: Command = {
  name: 'apply',
  summary: 'cli.apply.summary',
  usage: 'cli.apply.usage',
  options: {
    ...INPUT_OPTIONS,
    ...SPEC_OPTIONS,
    out: { type: 'string', value: 'FILE', help: 'cli.apply.opt.out' },
  },
  run: (args, ctx) =>
    withSpecIssues(ctx, async () => {
      const outOpt = args.options.out as string | undefined;
      if (!outOpt) throw new UsageError('cli.error.missingOption', { option: '--out', usage: t(ctx.lang, 'cli.apply.usage') });
      const out = resolve(ctx.cwd, outOpt);
      const format = FORMATS[extname(out).toLowerCase()];
      if (!format) throw new UsageError('cli.error.outFormat', { path: outOpt });
      if (args.options.spec === undefined && args.options.preset === undefined) throw new UsageError('cli.error.applyNeedsSpec');

      const started = performance.now();
      const input = await openInput(args, ctx, 'cli.apply.usage');
      let keyFile: string | null = null;
      try {
        const { engine, spec, table } = input;
        try {
          mkdirSync(dirname(out), { recursive: true });
        } catch (e) {
          throw new TokumeiError('cli.error.writeFailed', { path: dirname(out), detail: (e as Error).message }, { cause: e });
        }
        const key = await ensureKey(input, out);
        keyFile = key.generatedFile;
        const applied = await applySpec(engine, spec, {
          table,
          exclusions: input.exclusions,
          key: key.key,
          subjectColumn: input.subjectColumn,
        });
        // The k step's own view and table (cell suppression) are dropped with the spec's.
        let release: ReleasedRecords | null = null;
        try {
          const names = applied.outputColumns.map((c) => c.name);
          const qis = applied.outputColumns.filter((c) => c.role === 'quasi').map((c) => c.name);
          release = await releasedRecordsSql(engine, applied.view, names, qis, spec.model);
          const options = format === 'csv' ? `FORMAT csv, HEADER true, DELIMITER ${str(',')}, QUOTE ${str('"')}` : 'FORMAT parquet';
          try {
            await engine.exec(`COPY (${release.sql} ORDER BY ALL) TO ${str(out)} (${options})`);
          } catch (e) {
            throw new TokumeiError('cli.error.writeFailed', { path: out, detail: (e as Error).message }, { cause: e });
          }
          const [{ n }] = await engine.rows(`SELECT count(*) AS n FROM (${release.sql}) AS ${ident('r')}`);
          const ms = Math.round(performance.now() - started);
          const s = release.suppression;
          const cells = release.cells?.report ?? null;
          const result = {
            file: input.path,
            out,
            format,
            rows: Number(n),
            columns: names,
            dropped: applied.compiled.dropped,
            suppressedRecords: s?.applied ? s.needed : 0,
            suppression: s,
            suppressedCells: cells?.suppressedCells ?? 0,
            suppressedCellsByColumn: cells?.byColumn ?? {},
            cellSuppression: cells,
            exclusions: applied.exclusions ? { listed: applied.exclusions.listed, records: applied.exclusions.records, subjects: applied.exclusions.subjects } : null,
            keyFile: key.generatedFile ?? key.givenFile,
            keyGenerated: key.generatedFile !== null,
            ms,
          };
          if (s && !s.kAnonymous) ctx.stderr(t(ctx.lang, 'cli.apply.kNotMet', { k: s.k, needed: formatCount(s.needed), limit: formatShare(s.limit), budget: formatCount(s.budget) }) + '\n');
          if (ctx.json) printJson(ctx, result);
          else {
            const lines = [t(ctx.lang, 'cli.apply.done', { out, rows: formatCount(result.rows), columns: names.length, seconds: (ms / 1000).toFixed(1) })];
            if (result.dropped.length) lines.push(t(ctx.lang, 'cli.apply.dropped', { columns: result.dropped.join(', ') }));
            if (s?.applied) lines.push(t(ctx.lang, 'cli.apply.suppressed', { records: formatCount(s.needed), k: s.k }));
            if (cells) lines.push(t(ctx.lang, 'cells.apply.blanked', { cells: formatCount(cells.suppressedCells), records: formatCount(cells.recordsTouched), k: cells.k, columns: cellColumns(cells.byColumn) }));
            if (result.exclusions) lines.push(t(ctx.lang, 'cli.apply.excluded', { records: formatCount(result.exclusions.records), subjects: formatCount(result.exclusions.subjects) }));
            if (key.generatedFile) lines.push(t(ctx.lang, 'cli.apply.keyGenerated', { path: key.generatedFile }));
            ctx.stdout(lines.join('\n') + '\n');
          }
          return 0;
        } finally {
          await release?.dispose().catch(() => undefined);
          await applied.dispose().catch(() => undefined);
        }
      } catch (e) {
        // A key made for output that was never written would only mislead later runs.
        if (keyFile) forgetKeyFile(keyFile);
        throw e;
      } finally {
        input.engine.close();
      }
    }),
};
