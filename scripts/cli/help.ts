import type { Command, OptionSpec } from './command.ts';

export function commandHelp(command: Command): string {
  const options: Array<[string, OptionSpec]> = [
    ...Object.entries(command.options),
    ['help', { type: 'boolean', short: 'h', description: 'Show this help.' }],
  ];
  const labels = options.map(
    ([name, spec]) =>
      `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.value ? ` ${spec.value}` : ''}`,
  );
  const width = Math.max(...labels.map((label) => label.length)) + 2;
  return [
    `Usage: ${command.usage}`,
    '',
    command.summary + '.',
    '',
    command.description,
    '',
    'Options:',
    ...options.map(
      ([, spec], index) => `  ${(labels[index] ?? '').padEnd(width)}${spec.description}`,
    ),
    '',
    'Examples:',
    ...command.examples.flatMap((example) => [
      `  ${example.command}`,
      `      ${example.explanation}`,
    ]),
    '',
  ].join('\n');
}

export function mainHelp(commands: readonly Command[], version: string): string {
  const width = Math.max(...commands.map((command) => command.name.length)) + 3;
  return [
    `capsule ${version} — preserve particle-physics analyses in git`,
    '',
    'Usage: capsule <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}${command.summary}`),
    '',
    "Run `capsule <command> --help` for a command's options and examples.",
    'Exit codes: 0 success, 1 invalid input (see the report), 2 usage error, 3 internal error.',
    '',
  ].join('\n');
}
