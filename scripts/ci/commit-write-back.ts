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
const PATHS = ['content', '.capsule/mint-journal.json'];
const env = process.env;

function git(args: string[], options: { quiet?: boolean } = {}): { status: number; out: string } {
  const result = spawnSync('git', args, {
    encoding: 'utf8',
    env: { ...env, GIT_TERMINAL_PROMPT: '0' },
  });
  const out = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (!options.quiet && result.status !== 0) process.stderr.write(out);
  return { status: result.status ?? 1, out };
}

const branch = env.GITHUB_REF_NAME ?? env.CI_COMMIT_BRANCH;
if (!branch) {
  process.stderr.write(
    'commit-write-back: no branch (GITHUB_REF_NAME or CI_COMMIT_BRANCH); run it in CI.\n',
  );
  process.exitCode = 2;
} else {
  // A path neither on disk nor in the index would make `git add` fail.
  const paths = PATHS.filter(
    (path) =>
      existsSync(path) || git(['ls-files', '--error-unmatch', path], { quiet: true }).status === 0,
  );
  if (paths.length > 0) git(['add', '--all', '--', ...paths]);
  if (git(['diff', '--cached', '--quiet'], { quiet: true }).status === 0) {
    process.stdout.write('Nothing was written back: no commit.\n');
  } else {
    const gitlab = Boolean(env.GITLAB_CI);
    const name = env.CAPSULE_GIT_AUTHOR_NAME ?? (gitlab ? 'Capsule bot' : 'github-actions[bot]');
    const email =
      env.CAPSULE_GIT_AUTHOR_EMAIL ??
      (gitlab
        ? `capsule-bot@${env.CI_SERVER_HOST ?? 'gitlab'}`
        : '41898282+github-actions[bot]@users.noreply.github.com');
    const committed = git([
      '-c',
      `user.name=${name}`,
      '-c',
      `user.email=${email}`,
      'commit',
      '--quiet',
      '-m',
      'chore(publish): record minted DOIs',
    ]);
    let remote = 'origin';
    if (gitlab) {
      const token = env.CAPSULE_GITLAB_TOKEN;
      if (!token) {
        process.stderr.write(
          'commit-write-back: set CAPSULE_GITLAB_TOKEN (write_repository) to push the DOIs.\n',
        );
        process.exitCode = 1;
      }
      remote = `https://capsule-bot:${token}@${env.CI_SERVER_HOST}/${env.CI_PROJECT_PATH}.git`;
    }
    if (committed.status !== 0) {
      process.exitCode = 1;
    } else if (!process.exitCode) {
      let pushed = git(['push', '--quiet', remote, `HEAD:refs/heads/${branch}`], { quiet: true });
      if (pushed.status !== 0) {
        // The branch moved while minting: replay the write-back on top of it, once.
        git(['fetch', '--quiet', remote, branch]);
        if (git(['rebase', '--quiet', 'FETCH_HEAD']).status === 0)
          pushed = git(['push', '--quiet', remote, `HEAD:refs/heads/${branch}`], { quiet: true });
      }
      if (pushed.status !== 0) {
        // The remote URL may hold the token: say what failed without it.
        process.stderr.write(
          `commit-write-back: the push to ${branch} failed: ${pushed.out.replaceAll(env.CAPSULE_GITLAB_TOKEN || '\u0000', '***')}\n`,
        );
        process.exitCode = 1;
      } else {
        process.stdout.write(`Committed and pushed the minted DOIs to ${branch}.\n`);
      }
    }
  }
}
