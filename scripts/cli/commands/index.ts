import type { Command } from '../command.ts';
import { exportCommand } from './export.ts';
import { fmtCommand } from './fmt.ts';
import { importCommand } from './import.ts';
import { migrateCommand } from './migrate.ts';
import { newCommand } from './new.ts';
import { validateCommand } from './validate.ts';

/** Every `capsule` command, in the order `capsule --help` lists them. */
export const COMMANDS: readonly Command[] = [
  newCommand,
  validateCommand,
  fmtCommand,
  migrateCommand,
  exportCommand,
  importCommand,
];
