import { createInterface } from 'node:readline/promises';
import type { CliIo } from './command.ts';

/** Questions on a terminal; each answer is checked and asked again until it passes. */
export interface Prompter {
  ask(
    question: string,
    options?: {
      help?: string;
      defaultValue?: string;
      check?: (answer: string) => string | undefined;
    },
  ): Promise<string>;
  choose(
    question: string,
    choices: readonly string[],
    defaultValue: string,
    help?: string,
  ): Promise<string>;
  close(): void;
}

export function createPrompter(io: CliIo): Prompter {
  const rl = createInterface({
    input: io.stdin,
    output: io.stdout as NodeJS.WritableStream,
    terminal: Boolean(io.stdin.isTTY),
  });
  const lines = rl[Symbol.asyncIterator]();
  async function question(text: string): Promise<string> {
    io.stdout.write(text);
    const next = await lines.next();
    if (next.done) throw new Error('Input ended before all questions were answered.');
    return String(next.value).trim();
  }
  return {
    async ask(text, options = {}) {
      if (options.help) io.stdout.write(`  ${options.help}\n`);
      for (;;) {
        const suffix = options.defaultValue ? ` [${options.defaultValue}]` : '';
        const answer = (await question(`${text}${suffix}: `)) || options.defaultValue || '';
        const problem = options.check?.(answer);
        if (!problem) return answer;
        io.stdout.write(`  ✖ ${problem}\n`);
      }
    },
    async choose(text, choices, defaultValue, help) {
      return this.ask(`${text} (${choices.join('/')})`, {
        ...(help ? { help } : {}),
        defaultValue,
        check: (answer) =>
          choices.includes(answer) ? undefined : `Answer one of: ${choices.join(', ')}.`,
      });
    },
    close() {
      rl.close();
    },
  };
}
