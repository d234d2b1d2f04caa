import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * CI step after `capsule mint`: commits what the mint wrote back (DOIs in the records, the mint
 * journal) to the branch being published, and pushes it, on GitHub Actions or GitLab CI. Nothing
 * to commit is fine. If the branch moved meanwhile, the commit is rebased once onto it and pushed
 * again. On GitLab the push starts one more pipeline, which finds nothing left to mint (so no
 * further commit) and builds the sites with the DOIs; on GitHub a push with the workflow token
 * starts nothing, and the site job checks out the branch tip after this step.
 *
 * GitHub: the checkout's token pushes (the job needs `contents: write`). GitLab: a project access
 * token with `write_repository` in CAPSULE_GITLAB_TOKEN (CI_JOB_TOKEN cannot push).
 */
const JOURNAL = '.capsule/mint-journal.json';
const env = process.env;
const gitlab = Boolean(env.GITLAB_CI);
const name = env.CAPSULE_GIT_AUTHOR_NAME ?? (gitlab ? 'Capsule bot' : 'github-actions[bot]');
const email =
  env.CAPSULE_GIT_AUTHOR_EMAIL ??
  (gitlab
    ? `capsule-bot@${env.CI_SERVER_HOST ?? 'gitlab'}`
    : '41898282+github-actions[bot]@users.noreply.github.com');
const identity = {
  GIT_AUTHOR_NAME: name,
  GIT_AUTHOR_EMAIL: email,
  GIT_COMMITTER_NAME: name,
  GIT_COMMITTER_EMAIL: email,
};

function git(args: string[], options: { quiet?: boolean } = {}): { status: number; out: string } {
  const result = spawnSync('git', args, {
    encoding: 'utf8',
    env: { ...env, ...identity, GIT_TERMINAL_PROMPT: '0' },
  });
  const out = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (!options.quiet && result.status !== 0) process.stderr.write(redact(out));
  return { status: result.status ?? 1, out };
}

/** The GitLab remote URL holds the token: never print it. */
function redact(text: string): string {
  return env.CAPSULE_GITLAB_TOKEN ? text.replaceAll(env.CAPSULE_GITLAB_TOKEN, '***') : text;
}

function main(): number {
  const branch = env.GITHUB_REF_NAME ?? env.CI_COMMIT_BRANCH;
  if (!branch) {
    process.stderr.write(
      'commit-write-back: no branch (GITHUB_REF_NAME or CI_COMMIT_BRANCH); run it in CI.\n',
    );
    return 2;
  }
  git(['add', '--all', '--', 'content']);
  // The journal sits in git-ignored .capsule/, and is committed while DOIs are in flight.
  const tracked = git(['ls-files', '--error-unmatch', JOURNAL], { quiet: true }).status === 0;
  if (existsSync(JOURNAL) || tracked) git(['add', '--all', '--force', '--', JOURNAL]);
  if (git(['diff', '--cached', '--quiet'], { quiet: true }).status === 0) {
    process.stdout.write('Nothing was written back: no commit.\n');
    return 0;
  }
  let remote = 'origin';
  if (gitlab) {
    if (!env.CAPSULE_GITLAB_TOKEN) {
      process.stderr.write(
        'commit-write-back: set CAPSULE_GITLAB_TOKEN (write_repository) to push the DOIs.\n',
      );
      return 1;
    }
    remote = `https://capsule-bot:${env.CAPSULE_GITLAB_TOKEN}@${env.CI_SERVER_HOST}/${env.CI_PROJECT_PATH}.git`;
  }
  if (git(['commit', '--quiet', '-m', 'chore(publish): record minted DOIs']).status !== 0) return 1;
  const push = () => git(['push', '--quiet', remote, `HEAD:refs/heads/${branch}`], { quiet: true });
  let pushed = push();
  if (pushed.status !== 0) {
    // The branch moved while minting: replay the write-back on top of it, once.
    if (
      git(['fetch', '--quiet', remote, branch]).status === 0 &&
      git(['rebase', '--quiet', 'FETCH_HEAD']).status === 0
    )
      pushed = push();
  }
  if (pushed.status !== 0) {
    process.stderr.write(
      `commit-write-back: the push to ${branch} failed: ${redact(pushed.out)}\n`,
    );
    return 1;
  }
  process.stdout.write(`Committed and pushed the minted DOIs to ${branch}.\n`);
  return 0;
}

process.exitCode = main();
