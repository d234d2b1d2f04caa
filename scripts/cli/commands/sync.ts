import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { githubClient } from '../../lib/forges/github/client.ts';
import { gitlabClient } from '../../lib/forges/gitlab/client.ts';
import type { GitlabClient } from '../../lib/forges/gitlab/client.ts';
import type { RetryPolicy } from '../../lib/forges/retry-fetch.ts';
import { forgeReleaseSource } from '../../lib/sync/releases.ts';
import { syncRecord } from '../../lib/sync/sync-record.ts';
import { writeFileAtomic } from '../../lib/util/write-atomic.ts';
import { ROOT_OPTION, findArchiveRoot } from '../archive-root.ts';
import { EXIT_INVALID, EXIT_OK } from '../command.ts';
import type { CliIo, Command } from '../command.ts';
import { loadValidRecords } from '../load-record.ts';

const short = (sha: string | undefined) => (sha ? sha.slice(0, 12) : 'none');

export const syncCommand: Command = {
  name: 'sync',
  summary: "Record the latest release tag and commit of each record's GitHub or GitLab code",
  usage: 'capsule sync [<collection>/<slug>...] [--dry-run]',
  description: [
    'For every code repository a record links (`code[].url`) on GitHub or GitLab, reads the',
    "repository's latest release and the commit its tag points at, and writes both into the",
    'entry (`tag`, `commit`) as a minimal diff: nothing else in the file changes. Commit the',
    'result on a branch and open a pull request: the change is a proposal for the reviewers.',
    'Without record ids every valid record is synced; with --dry-run nothing is written.',
    '',
    'Forges: GitHub through GITHUB_API_URL (default https://api.github.com) with GITHUB_TOKEN;',
    "GitLab through the repository's own host, or CAPSULE_GITLAB_URL for all of them, with",
    'CAPSULE_GITLAB_TOKEN or GITLAB_TOKEN. Public repositories need no token on the real forges.',
  ].join('\n'),
  options: {
    'dry-run': { type: 'boolean', description: 'Show what would change; write nothing.' },
    ...ROOT_OPTION,
  },
  examples: [
    { command: 'capsule sync', explanation: 'Update every record whose code has a newer release.' },
    {
      command: 'capsule sync cms/higgs-tautau-2016 --dry-run',
      explanation: 'See what would change in one record.',
    },
  ],
  positionals: 'any',
  async run({ values, positionals }, io) {
    const root = findArchiveRoot(io.cwd, values.root as string | undefined);
    const loaded = await loadValidRecords(root, positionals.length ? positionals : undefined, io);
    if (!loaded) return EXIT_INVALID;
    const invalid = loaded.archive.records.length - loaded.records.length;
    if (positionals.length === 0 && invalid > 0)
      io.stderr.write(
        `${invalid} record${invalid === 1 ? ' has' : 's have'} errors and ${invalid === 1 ? 'is' : 'are'} not synced; run \`capsule validate\`.\n`,
      );
    const source = forgeReleaseSource(clients(io));
    let changed = 0;
    let failures = 0;
    for (const record of loaded.records) {
      if (!record.metadata.code?.length) continue;
      const file = record.metadataFile.path;
      const outcome = await syncRecord(
        file,
        await readFile(path.join(root, file)),
        source,
        loaded.schemas.registry,
      );
      for (const update of outcome.updates)
        io.stdout.write(
          `${record.id}: code[${update.index}] ${update.url}: ${update.from.tag ?? 'no tag'} (${short(update.from.commit)}) → ${update.to.tag} (${short(update.to.commit)})\n`,
        );
      for (const skip of outcome.skipped)
        io.stdout.write(
          `${record.id}: code[${skip.index}] ${skip.url}: left as it is (${skip.reason})\n`,
        );
      for (const failure of outcome.failed)
        io.stderr.write(
          `${record.id}: code[${failure.index}] ${failure.url}: could not ask the forge: ${failure.reason}\n`,
        );
      failures += outcome.failed.length;
      if (outcome.text === undefined) continue;
      changed++;
      if (!values['dry-run']) await writeFileAtomic(path.join(root, file), outcome.text);
    }
    io.stdout.write(
      changed === 0
        ? 'Every linked repository is at its latest release.\n'
        : `${changed} record${changed === 1 ? '' : 's'} ${values['dry-run'] ? 'would change' : 'updated'}; ${values['dry-run'] ? 'run without --dry-run to write them' : 'commit them on a branch and open a pull request'}.\n`,
    );
    return failures > 0 ? EXIT_INVALID : EXIT_OK;
  },
};

function clients(io: CliIo) {
  const env = io.env;
  const retry: RetryPolicy = {
    onRetry: (event) =>
      io.stderr.write(
        `${event.method} ${event.url}: ${event.reason}; retry ${event.attempt} in ${Math.round(event.delayMs / 1000)} s\n`,
      ),
  };
  const github = githubClient({
    token: env.GITHUB_TOKEN ?? '',
    ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
    retry,
  });
  const gitlab = new Map<string, GitlabClient>();
  return {
    github: (host: string) => (host === 'github.com' || env.GITHUB_API_URL ? github : undefined),
    gitlab: (host: string) => {
      const base = env.CAPSULE_GITLAB_URL ?? `https://${host}`;
      let client = gitlab.get(base);
      if (!client) {
        client = gitlabClient({
          host: base,
          token: env.CAPSULE_GITLAB_TOKEN ?? env.GITLAB_TOKEN ?? '',
          retry,
        });
        gitlab.set(base, client);
      }
      return client;
    },
  };
}
