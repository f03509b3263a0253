import type { Command } from '../command.ts';
import { demoCommand } from './demo.ts';
import { profileCommand } from './profile.ts';
import { serveCommand } from './serve.ts';

/** Every `tokumei <command>`, in the order --help lists them. */
export const COMMANDS: readonly Command[] = [profileCommand, demoCommand, serveCommand];
