import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostic.ts';

/**
 * GitLab's Code Quality report (a subset of Code Climate's format): merge requests show each
 * entry in the widget and on the changed line.
 */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number } };
}

export function codeQualityIssues(diagnostics: readonly Diagnostic[]): CodeQualityIssue[] {
  return diagnostics.map((d) => ({
    description: `${d.message} ${d.hint}`.trim(),
    check_name: d.code,
    // Stable across runs, so GitLab can tell new problems from ones already on the target branch.
    fingerprint: createHash('sha256')
      .update(`${d.code}\u0000${d.file}\u0000${d.pointer}\u0000${d.message}`)
      .digest('hex')
      .slice(0, 32),
    severity: d.severity === 'error' ? 'major' : 'minor',
    location: { path: d.file, lines: { begin: d.line } },
  }));
}

export function formatGitlab(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(codeQualityIssues(diagnostics), null, 2) + '\n';
}
