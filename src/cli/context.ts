import type { Lang } from '../core/i18n/catalog.ts';

/** What a command needs from the outside world, injectable so tests can run commands in-process. */
export interface CliContext {
  lang: Lang;
  /** --json was given: print exactly one JSON object on stdout and nothing else there. */
  json: boolean;
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export function printJson(ctx: CliContext, value: unknown): void {
  ctx.stdout(JSON.stringify(value, null, 2) + '\n');
}
