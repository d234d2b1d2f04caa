import { setFlagsFromString } from 'node:v8';
import { summarise } from '../lib/diagnostics/format/summary.ts';
import { formatText } from '../lib/diagnostics/format/text.ts';
import { AUDIENCES } from '../lib/records/access.ts';
import type { Audience } from '../lib/records/access.ts';
import { NODE_HEAP_FLAGS } from '../lib/site/astro-process.ts';
import { OutputDirError, buildSite } from '../lib/site/build-site.ts';
import type { BuildResult, BuildStage } from '../lib/site/build-site.ts';
import type { CliIo } from './command.ts';
import { UsageError } from './command.ts';

/**
 * The part `capsule build` and `capsule serve` share: run a site build with progress on the
 * terminal, and print what went wrong in a way a person can act on.
 */
export function parseAudience(value: unknown, fallback?: Audience): Audience {
  if (value === undefined && fallback) return fallback;
  if (typeof value !== 'string' || !(AUDIENCES as readonly string[]).includes(value))
    throw new UsageError(
      `--audience must be ${AUDIENCES.join(' or ')}${value === undefined ? '' : `, not "${String(value)}"`}.`,
    );
  return value as Audience;
}

export async function buildWithProgress(
  io: CliIo,
  options: { root: string; audience: Audience; outDir?: string },
): Promise<BuildResult> {
  // This process writes the static API beside Astro's: keep its heap near what is live too.
  for (const flag of NODE_HEAP_FLAGS) setFlagsFromString(flag);
  const tty = Boolean(io.stderr.isTTY);
  let stageStarted = performance.now();
  let current: { stage: BuildStage; detail: string } | undefined;
  let lastDraw = 0;
  const finishStage = () => {
    if (!current) return;
    const seconds = ((performance.now() - stageStarted) / 1000).toFixed(1);
    io.stderr.write(`${tty ? '\r\u001b[2K' : ''}✓ ${current.detail} (${seconds} s)\n`);
  };
  let result: BuildResult;
  try {
    result = await buildSite({
      root: options.root,
      audience: options.audience,
      ...(options.outDir ? { outDir: options.outDir } : {}),
      env: io.env,
      onStage: (stage, detail) => {
        finishStage();
        stageStarted = performance.now();
        current = stage === 'done' ? undefined : { stage, detail };
        if (current) io.stderr.write(tty ? `${detail}…` : `${detail}…\n`);
      },
      onPages: (written) => {
        const now = performance.now();
        if (!tty || now - lastDraw < 100 || !current) return;
        lastDraw = now;
        io.stderr.write(`\r\u001b[2K${current.detail}… ${written} pages and files written`);
      },
    });
  } catch (error) {
    if (error instanceof OutputDirError) throw new UsageError(error.message);
    throw error;
  }
  if (!result.ok) {
    if (tty) io.stderr.write('\r\u001b[2K');
    io.stderr.write('\n');
  }
  return result;
}

/** Prints a build's outcome; returns the exit code. */
export function reportBuild(io: CliIo, result: BuildResult, audience: Audience): number {
  const color = Boolean(io.stderr.isTTY) && !io.env.NO_COLOR;
  if (result.ok) {
    {
      const warnings = result.warnings.length;
      io.stdout.write(
        [
          `Built the ${audience} site in ${(result.timings.total ?? 0) / 1000} s: ${result.records.visible} of ${result.records.total} records (access decided for ${result.day}), ${result.searchPages} in the search index.`,
          `Checked ${result.scan.files} files (${(result.scan.bytes / 1e6).toFixed(1)} MB): no record this audience may not see appears in them.`,
          warnings > 0
            ? `${warnings} validation warning${warnings === 1 ? '' : 's'}; run \`npx capsule validate\` to see ${warnings === 1 ? 'it' : 'them'}.`
            : '',
          result.history.status === 'complete'
            ? ''
            : `warning: record history ${result.history.status === 'shallow' ? 'is incomplete' : 'is not shown'}: ${result.history.message}\n    hint: ${result.history.hint}`,
          io.env.CAPSULE_DEBUG ? `Timings (ms): ${JSON.stringify(result.timings)}` : '',
          `Output: ${result.outDir}`,
        ]
          .filter(Boolean)
          .join('\n') + '\n',
      );
      return 0;
    }
  }
  switch (result.reason) {
    case 'invalid':
      io.stderr.write(
        formatText(result.diagnostics, summarise(result.records, result.diagnostics), { color }),
      );
      io.stderr.write(`\n${result.message}\n`);
      return 1;
    case 'leak': {
      const lines = result.leaks.slice(0, 20).map(
        (leak) =>
          `  ${leak.file}${leak.entry ? ` (in ${leak.entry})` : ''}${leak.decompressed ? ' (decompressed)' : ''}${leak.inPath ? ' (its path)' : ''} at ${leak.offset}: the ${leak.what} of ${leak.recordId}
      …${leak.context}…`,
      );
      io.stderr.write(
        [
          `The ${audience} build was refused: records it may not show appear in its output (${result.leaks.length} place${result.leaks.length === 1 ? '' : 's'}${result.leaks.length >= 200 ? ' or more' : ''}). Nothing was written to the output folder.`,
          ...lines,
          'This is a bug in the site (a page showed something the loader never gave it, or a record title is also used elsewhere); please report it with this output.',
        ].join('\n') + '\n',
      );
      return 1;
    }
    case 'render':
      io.stderr.write(`${result.message}\n${result.log.slice(-30).join('\n')}\n`);
      return 1;
  }
}
