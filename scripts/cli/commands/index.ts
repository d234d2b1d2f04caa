import type { Command } from '../command.ts';
import { buildCommand } from './build.ts';
import { codeownersCommand } from './codeowners.ts';
import { fmtCommand } from './fmt.ts';
import { fsckCommand } from './fsck.ts';
import { historyCommand } from './history.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { migrateCommand } from './migrate.ts';
import { mintCommand } from './mint.ts';
import { newCommand } from './new.ts';
import { reportCommand } from './report.ts';
import { serveCommand } from './serve.ts';
import { syncCommand } from './sync.ts';
import { validateCommand } from './validate.ts';

/** Every `capsule` command, in the order `capsule --help` lists them. */
export const COMMANDS: readonly Command[] = [
  newCommand,
  validateCommand,
  fmtCommand,
  migrateCommand,
  mintCommand,
  historyCommand,
  reportCommand,
  codeownersCommand,
  fsckCommand,
  buildCommand,
  serveCommand,
  exportCommand,
  importCommand,
  syncCommand,
];
