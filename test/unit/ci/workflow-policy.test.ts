import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { checkWorkflow } from '../../../scripts/lib/ci/workflow-policy.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

const WORKFLOWS = path.join(REPO_ROOT, '.github/workflows');
const files = readdirSync(WORKFLOWS)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();
const read = (name: string) => readFileSync(path.join(WORKFLOWS, name), 'utf8');

type Job = { steps?: Array<{ run?: string; uses?: string }>; script?: string[] };

describe('the workflows in .github/workflows', () => {
  it('are the review and publish loop', () => {
    expect(files).toEqual(['fixity.yml', 'publish.yml', 'report.yml', 'site.yml', 'validate.yml']);
  });

  it.each(files)(
    '%s keeps the policy: pinned actions, no pull_request_target, no event text in scripts, read-only default token',
    (name) => {
      expect(checkWorkflow(name, read(name))).toEqual([]);
    },
  );

  it.each(files)('%s names the version of every pinned action', (name) => {
    const unnamed = read(name)
      .split('\n')
      .filter(
        (line) =>
          /uses:\s*[^.\s][^@\s]*@[0-9a-f]{40}/.test(line) && !/#\s*v\d+\.\d+\.\d+\s*$/.test(line),
      );
    expect(unnamed).toEqual([]);
  });

  it.each(files)('%s runs only package scripts and the capsule command', (name) => {
    const workflow = load(read(name)) as { jobs: { [job: string]: Job } };
    const commands = Object.values(workflow.jobs).flatMap((job) =>
      (job.steps ?? []).flatMap((step) => (step.run ? step.run.trim().split('\n') : [])),
    );
    expect(
      commands.filter(
        (command) => !/^(npm (ci|install|run [a-z:-]+)|npx capsule [a-z]+)( |$)/.test(command),
      ),
    ).toEqual([]);
  });
});

describe('the workflow policy check', () => {
  const base = `permissions:\n  contents: read\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n`;
  const rules = (text: string) => checkWorkflow('w.yml', text).map((p) => p.rule);

  it('finds an action pinned to a tag or branch, and accepts local actions and image digests', () => {
    expect(rules(`${base}      - uses: actions/checkout@v4\n`)).toEqual(['unpinned-action']);
    expect(rules(`${base}      - uses: actions/checkout@main\n`)).toEqual(['unpinned-action']);
    expect(rules(`${base}      - uses: actions/checkout@11bd719\n`)).toEqual(['unpinned-action']);
    expect(rules(`${base}      - uses: docker://alpine:3.20\n`)).toEqual(['unpinned-action']);
    expect(
      rules(
        `${base}      - uses: ./.github/actions/setup\n      - uses: docker://alpine@sha256:${'a'.repeat(64)}\n`,
      ),
    ).toEqual([]);
    expect(
      rules(
        `permissions: {}\non: push\njobs:\n  call:\n    uses: org/repo/.github/workflows/x.yml@v1\n`,
      ),
    ).toEqual(['unpinned-action']);
  });

  it('finds pull_request_target in any way of writing triggers', () => {
    for (const on of [
      'pull_request_target',
      '[push, pull_request_target]',
      '\n  pull_request_target:\n    types: [opened]',
    ])
      expect(rules(`permissions: {}\non: ${on}\njobs: {}\n`)).toEqual(['pull-request-target']);
  });

  it('finds event and head-branch expressions inside run, but not in env or if', () => {
    expect(rules(`${base}      - run: echo "\${{ github.event.pull_request.title }}"\n`)).toEqual([
      'expression-in-run',
    ]);
    expect(rules(`${base}      - run: git checkout \${{ github.head_ref }}\n`)).toEqual([
      'expression-in-run',
    ]);
    expect(
      rules(`${base}      - run: echo \${{ github.event.workflow_run.head_branch }}\n`),
    ).toEqual(['expression-in-run']);
    expect(
      rules(
        `${base}      - if: github.event.pull_request.draft\n        run: echo "$TITLE"\n        env:\n          TITLE: \${{ github.event.pull_request.title }}\n`,
      ),
    ).toEqual([]);
  });

  it('finds missing or writable top-level permissions', () => {
    expect(rules('on: push\njobs: {}\n')).toEqual(['permissions']);
    expect(rules('permissions: write-all\non: push\njobs: {}\n')).toEqual(['permissions']);
    expect(rules('permissions:\n  contents: write\non: push\njobs: {}\n')).toEqual(['permissions']);
    expect(rules('permissions: {}\non: push\njobs: {}\n')).toEqual([]);
  });
});

describe('.gitlab-ci.yml', () => {
  const pipeline = load(readFileSync(path.join(REPO_ROOT, '.gitlab-ci.yml'), 'utf8')) as {
    stages: string[];
    [job: string]: unknown;
  };
  const jobs = Object.entries(pipeline).filter(
    ([name, value]) =>
      !['workflow', 'stages', 'variables', 'default'].includes(name) &&
      !name.startsWith('.') &&
      typeof value === 'object',
  ) as Array<[string, Job & { stage: string; artifacts?: { reports?: { codequality?: string } } }]>;

  it('runs only package scripts and the capsule command, and never pastes branch or title text', () => {
    const lines = jobs.flatMap(([, job]) => job.script ?? []);
    expect(
      lines.filter(
        (line) => !/^(npm (ci|install|run [a-z:-]+)|npx capsule [a-z]+)( |$)/.test(line),
      ),
    ).toEqual([]);
    expect(
      lines.filter((line) =>
        /CI_MERGE_REQUEST_TITLE|SOURCE_BRANCH_NAME|CI_COMMIT_REF_NAME|CI_COMMIT_MESSAGE/.test(line),
      ),
    ).toEqual([]);
  });

  it('publishes the Code Quality report, the merge-request note and the internal site with Pages', () => {
    const byName = Object.fromEntries(jobs);
    expect(byName.validate?.artifacts?.reports?.codequality).toBe('gl-code-quality-report.json');
    expect(byName.report?.script).toEqual([
      'npx capsule report gitlab --report capsule-report.json',
    ]);
    expect(byName.pages?.script).toEqual(['npx capsule build --audience internal --out public']);
    for (const [, job] of jobs) expect(pipeline.stages).toContain(job.stage);
  });
});
