import { spawn } from 'node:child_process';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { fileDiagnostic } from '../records/source.ts';

/**
 * `git fsck --full --strict`: git checks every object of the repository against its id and
 * every link between them. isomorphic-git has no equivalent, so this runs the git command.
 */
export interface GitFsckResult {
  ok: boolean;
  diagnostics: Diagnostic[];
}

export function gitFsck(repositoryDir: string): Promise<GitFsckResult> {
  return new Promise((resolve) => {
    const child = spawn('git', ['fsck', '--full', '--strict', '--no-dangling', '--no-progress'], {
      cwd: repositoryDir,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) =>
      resolve({
        ok: false,
        diagnostics: [
          fileDiagnostic(
            '.git',
            'CAPSULE_GIT_FSCK',
            `git fsck could not run: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed' : error.message}.`,
            'Install git, or run `capsule fsck --no-git` to check only the preserved files.',
          ),
        ],
      }),
    );
    child.on('close', (code) => {
      const problems = output
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => /^(error|fatal|missing|broken|bad|warning in)/i.test(line));
      if (code === 0 && problems.length === 0) {
        resolve({ ok: true, diagnostics: [] });
        return;
      }
      const lines = problems.length > 0 ? problems : [`git fsck exited with status ${code}`];
      resolve({
        ok: false,
        diagnostics: lines.map((line) =>
          fileDiagnostic(
            '.git',
            'CAPSULE_GIT_FSCK',
            `git fsck: ${line}`,
            'The repository is damaged: fetch a healthy clone (`git clone`) and compare; do not push from this one.',
          ),
        ),
      });
    });
  });
}
