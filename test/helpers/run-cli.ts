import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from './repo.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `capsule` executable in a child process, as a user would. */
export function runCli(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--max-semi-space-size=32', path.join(REPO_ROOT, 'scripts/cli/bin.mjs'), ...args],
      {
        cwd: options.cwd,
        env: { ...process.env, NO_COLOR: '1', CAPSULE_NOW: '2026-11-22', ...options.env },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
