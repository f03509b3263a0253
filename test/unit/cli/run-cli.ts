import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../src/cli/bin.mjs', import.meta.url));

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** `node src/cli/bin.mjs …` in its own process, as a user runs it, with LANG set and LC_* cleared. */
export function tokumei(args: readonly string[], cwd: string, lang = 'ja_JP.UTF-8') {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '' },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a command with --json and parses stdout, failing loudly with stderr when it did not succeed. */
export function tokumeiJson(args: readonly string[], cwd: string) {
  const r = tokumei([...args, '--json'], cwd);
  if (r.code !== 0) throw new Error(`tokumei ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
