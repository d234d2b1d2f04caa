import { load } from 'js-yaml';

/**
 * The rules every GitHub Actions workflow of the archive keeps, checked by a test over
 * `.github/workflows/`:
 *
 * - every action is pinned to a full commit SHA (a tag can be moved to other code), or is a
 *   local action or workflow of this repository, or a Docker image pinned by digest;
 * - no `pull_request_target` (it runs with secrets and a write token on events from forks);
 * - no expressions from the event or the head branch inside `run:` (a branch name or title is
 *   attacker-chosen text, and `${{ }}` pastes it into the shell script): pass them through
 *   `env:` and quote the variable;
 * - top-level `permissions` present and read-only (`{}` or `read` scopes); jobs widen them
 *   only where they must.
 */
export interface PolicyProblem {
  file: string;
  rule: 'unpinned-action' | 'pull-request-target' | 'expression-in-run' | 'permissions' | 'yaml';
  where: string;
  message: string;
}

const PINNED = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(?:\/[^@\s]+)?@[0-9a-f]{40}$/;
const DOCKER_PINNED = /^docker:\/\/[^@\s]+@sha256:[0-9a-f]{64}$/;
const UNSAFE_EXPRESSION =
  /\$\{\{[^}]*?(github\.event\b|head_ref|head\.ref|head_branch|github\.event_path)[^}]*\}\}/;

type Map = { [key: string]: unknown };
const isMap = (value: unknown): value is Map =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function checkWorkflow(file: string, text: string): PolicyProblem[] {
  let workflow: unknown;
  try {
    workflow = load(text);
  } catch (error) {
    return [
      { file, rule: 'yaml', where: '', message: `not valid YAML: ${(error as Error).message}` },
    ];
  }
  if (!isMap(workflow))
    return [{ file, rule: 'yaml', where: '', message: 'not a workflow (a mapping)' }];
  const problems: PolicyProblem[] = [];
  const problem = (rule: PolicyProblem['rule'], where: string, message: string) =>
    problems.push({ file, rule, where, message });

  // YAML 1.1 readers turn the key `on` into `true`.
  const triggers = workflow.on ?? workflow['true'];
  const events =
    typeof triggers === 'string'
      ? [triggers]
      : Array.isArray(triggers)
        ? triggers
        : isMap(triggers)
          ? Object.keys(triggers)
          : [];
  if (events.includes('pull_request_target'))
    problem(
      'pull-request-target',
      'on',
      '`pull_request_target` runs with secrets and a write token for forks; use `pull_request` plus a `workflow_run` job',
    );

  const permissions = workflow.permissions;
  if (permissions === undefined) {
    problem(
      'permissions',
      'permissions',
      'no top-level `permissions`: the token gets the repository default, often write-all',
    );
  } else if (typeof permissions === 'string') {
    if (permissions !== 'read-all')
      problem(
        'permissions',
        'permissions',
        `top-level \`permissions: ${permissions}\`; use \`{}\` or read scopes and widen per job`,
      );
  } else if (isMap(permissions)) {
    for (const [scope, level] of Object.entries(permissions)) {
      if (level !== 'read' && level !== 'none')
        problem(
          'permissions',
          `permissions.${scope}`,
          `top-level \`${scope}: ${String(level)}\`; grant writes in the job that needs them`,
        );
    }
  } else {
    problem(
      'permissions',
      'permissions',
      'top-level `permissions` is neither a mapping nor read-all',
    );
  }

  const jobs = isMap(workflow.jobs) ? workflow.jobs : {};
  for (const [name, job] of Object.entries(jobs)) {
    if (!isMap(job)) continue;
    if (typeof job.uses === 'string') checkUses(job.uses, `jobs.${name}.uses`, problem);
    const steps = Array.isArray(job.steps) ? job.steps : [];
    for (const [index, step] of steps.entries()) {
      if (!isMap(step)) continue;
      const where = `jobs.${name}.steps[${index}]${typeof step.name === 'string' ? ` (${step.name})` : ''}`;
      if (typeof step.uses === 'string') checkUses(step.uses, `${where}.uses`, problem);
      if (typeof step.run === 'string') {
        const match = UNSAFE_EXPRESSION.exec(step.run);
        if (match)
          problem(
            'expression-in-run',
            `${where}.run`,
            `\`${match[0]}\` is pasted into the script; set it in \`env:\` and use the quoted variable`,
          );
      }
    }
  }
  return problems;
}

function checkUses(
  uses: string,
  where: string,
  problem: (rule: PolicyProblem['rule'], where: string, message: string) => void,
): void {
  if (uses.startsWith('./')) return;
  if (uses.startsWith('docker://')) {
    if (!DOCKER_PINNED.test(uses))
      problem('unpinned-action', where, `\`${uses}\` is not pinned to an image digest (@sha256:…)`);
    return;
  }
  if (!PINNED.test(uses))
    problem(
      'unpinned-action',
      where,
      `\`${uses}\` is not pinned to a full commit SHA (owner/repo@<40 hex digits> # vX.Y.Z)`,
    );
}
