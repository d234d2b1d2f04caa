/**
 * What every `capsule` command is: a name, its help, its options, and a `run` that parses nothing
 * itself, calls the library, prints, and returns the exit code (0 ok, 1 invalid input, 2 usage).
 */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** Shown in --help, e.g. `<format>`. */
  value?: string;
  description: string;
}

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface ParsedArgs {
  values: { [name: string]: string | boolean | string[] | undefined };
  positionals: string[];
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  description: string;
  options: { [name: string]: OptionSpec };
  examples: Array<{ command: string; explanation: string }>;
  positionals: 'none' | 'any';
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

/** A mistake in how a command was called: exit code 2 and the usage. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;
