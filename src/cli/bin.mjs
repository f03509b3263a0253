#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it on the fly, so there is no build step between
// editing src/ and running `npx tokumei`. Paths resolve from this file, so it works
// from any working directory.
import { register } from 'tsx/esm/api';

register();
// `tokumei … | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { main } = await import(new URL('./main.ts', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
