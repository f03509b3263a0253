import type { Command } from '../command.ts';
import { applyCommand } from './apply.ts';
import { demoCommand } from './demo.ts';
import { detectCommand } from './detect.ts';
import { profileCommand } from './profile.ts';
import { riskCommand } from './risk.ts';
import { searchCommand } from './search.ts';
import { serveCommand } from './serve.ts';
import { releaseCommand } from './release.ts';
import { verifyCommand } from './verify.ts';
import { ledgerCommand } from './ledger.ts';

/** Every `tokumei <command>`, in the order --help lists them. */
export const COMMANDS: readonly Command[] = [profileCommand, detectCommand, riskCommand, searchCommand, applyCommand, releaseCommand, verifyCommand, ledgerCommand, demoCommand, serveCommand];
