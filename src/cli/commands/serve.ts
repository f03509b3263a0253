import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { TokumeiError } from '../../core/errors.ts';
import { t } from '../../core/i18n/catalog.ts';
import { integerOption } from '../args.ts';
import type { Command } from '../command.ts';
import { serveApp } from '../serve.ts';

const DEFAULT_PORT = 4173;
const BUILT_APP = fileURLToPath(new URL('../../../dist', import.meta.url));

/** `tokumei serve`: the built app on loopback, with the isolation and CSP headers. Runs until stopped. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'cli.serve.summary',
  usage: 'cli.serve.usage',
  options: {
    port: { type: 'string', value: 'PORT', help: 'cli.serve.opt.port' },
    dir: { type: 'string', value: 'DIR', help: 'cli.serve.opt.dir' },
  },
  async run(args, ctx) {
    const dir = args.options.dir ? resolve(ctx.cwd, args.options.dir as string) : BUILT_APP;
    if (!existsSync(resolve(dir, 'index.html'))) throw new TokumeiError('cli.serve.notBuilt', { dir });
    const portText = (args.options.port as string | undefined) ?? process.env.PORT;
    const port = portText === undefined ? DEFAULT_PORT : integerOption(portText, '--port', 1, 65535);
    try {
      await serveApp(dir, port);
    } catch (e) {
      throw new TokumeiError('cli.serve.failed', { port, detail: (e as Error).message }, { cause: e });
    }
    const url = `http://127.0.0.1:${port}/`;
    if (ctx.json) ctx.stdout(JSON.stringify({ url, dir }) + '\n');
    else ctx.stdout(t(ctx.lang, 'cli.serve.listening', { url }) + '\n');
    // Keep serving until the process is stopped (Ctrl+C).
    await new Promise(() => undefined);
    return 0;
  },
};
