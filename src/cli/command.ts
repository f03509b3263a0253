import type { MessageKey } from '../core/i18n/catalog.ts';
import type { OptionSpec, ParsedArgs } from './args.ts';
import type { CliContext } from './context.ts';

/** One `tokumei <name>` command. Add new ones to commands/index.ts. */
export interface Command {
  name: string;
  summary: MessageKey;
  usage: MessageKey;
  /** Command-specific options; --json, --lang and --help are added by main. */
  options: Readonly<Record<string, OptionSpec>>;
  /** Returns the exit code. Throw TokumeiError / UsageError for errors the user should read. */
  run(args: ParsedArgs, ctx: CliContext): Promise<number>;
}
