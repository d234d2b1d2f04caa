import type { Command } from '../command.ts';
import { buildCommand } from './build.ts';
import { fmtCommand } from './fmt.ts';
import { newCommand } from './new.ts';
import { serveCommand } from './serve.ts';
import { validateCommand } from './validate.ts';

/** Every `capsule` command, in the order `capsule --help` lists them. */
export const COMMANDS: readonly Command[] = [
  newCommand,
  validateCommand,
  fmtCommand,
  buildCommand,
  serveCommand,
];
