import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { closest } from '../lib/text/suggest.ts';
import { EXIT_USAGE, UsageError } from './command.ts';
import type { CliIo, Command, ParsedArgs } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { commandHelp, mainHelp } from './help.ts';

export const EXIT_INTERNAL = 3;

function version(): string {
  const manifest = JSON.parse(
    readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  return manifest.version;
}

/** Runs one `capsule` invocation and returns its exit code; never exits the process itself. */
export async function main(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic =
      name === 'help' ? commands.find((command) => command.name === rest[0]) : undefined;
    io.stdout.write(topic ? commandHelp(topic) : mainHelp(commands, version()));
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    const suggestion = closest(
      name,
      commands.map((candidate) => candidate.name),
    );
    io.stderr.write(
      `capsule: unknown command "${name}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Run \`capsule --help\` for the list.\n`,
    );
    return EXIT_USAGE;
  }
  try {
    const options: NonNullable<ParseArgsConfig['options']> = {
      help: { type: 'boolean', short: 'h' },
    };
    for (const [key, spec] of Object.entries(command.options)) {
      options[key] = {
        type: spec.type,
        ...(spec.short ? { short: spec.short } : {}),
        ...(spec.multiple ? { multiple: true } : {}),
      };
    }
    let parsed;
    try {
      parsed = parseArgs({
        args: [...rest],
        options,
        allowPositionals: command.positionals === 'any',
        strict: true,
      });
    } catch (error) {
      throw new UsageError(
        (error as Error).message.replace(/^Unknown option/, 'Unknown option').split('\n')[0] ??
          'Bad arguments.',
      );
    }
    if (parsed.values.help) {
      io.stdout.write(commandHelp(command));
      return 0;
    }
    return await command.run(
      { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals },
      io,
    );
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(
        `capsule ${command.name}: ${error.message}\nUsage: ${command.usage}\nRun \`capsule ${command.name} --help\` for details.\n`,
      );
      return EXIT_USAGE;
    }
    const err = error as Error;
    const where =
      err.stack
        ?.split('\n')
        .find((line) => line.includes('/scripts/'))
        ?.trim() ?? '';
    io.stderr.write(
      [
        `capsule ${command.name}: internal error: ${err.message}`,
        where ? `  ${where}` : '',
        'This is a bug in Capsule, not in your records. Please report it with the command you ran;',
        'set CAPSULE_DEBUG=1 to print the full stack trace.',
        io.env.CAPSULE_DEBUG ? (err.stack ?? '') : '',
      ]
        .filter(Boolean)
        .join('\n') + '\n',
    );
    return EXIT_INTERNAL;
  }
}
