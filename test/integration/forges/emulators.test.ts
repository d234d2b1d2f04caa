import { afterEach, describe, expect, it } from 'vitest';
import { startGithubEmulator } from '../../../scripts/emulators/github/server.ts';
import type { GithubEmulator } from '../../../scripts/emulators/github/server.ts';
import { startGitlabEmulator } from '../../../scripts/emulators/gitlab/server.ts';
import type { GitlabEmulator } from '../../../scripts/emulators/gitlab/server.ts';
import { githubClient } from '../../../scripts/lib/forges/github/client.ts';
import { gitlabClient } from '../../../scripts/lib/forges/gitlab/client.ts';

/**
 * The emulators' repository endpoints (what `capsule sync` of code repositories reads), driven
 * by the real octokit and gitbeaker; pagination and the HTTP control endpoints.
 */
let github: GithubEmulator | undefined;
let gitlab: GitlabEmulator | undefined;
afterEach(async () => {
  await github?.close();
  await gitlab?.close();
  github = gitlab = undefined;
});

const sha = (n: number) => String(n).repeat(40).slice(0, 40);

describe('the GitHub emulator', () => {
  it('serves repositories, tags, releases, commits and files to octokit', async () => {
    github = await startGithubEmulator();
    github.state.addToken('t');
    const repository = github.state.addRepository('cms-analysis/hig-16-043', {
      description: 'H→ττ',
    });
    github.state.addCommit(repository, {
      sha: sha(1),
      message: 'First',
      author: { name: 'Ada', email: 'a@x', date: '2024-01-01T00:00:00Z' },
      parents: [],
    });
    github.state.addCommit(
      repository,
      {
        sha: sha(2),
        message: 'Second',
        author: { name: 'Ada', email: 'a@x', date: '2024-02-01T00:00:00Z' },
        parents: [sha(1)],
      },
      'main',
    );
    repository.tags.push({ name: 'v1.0', sha: sha(1) }, { name: 'v1.1', sha: sha(2) });
    repository.releases.push(
      {
        id: 1,
        tag_name: 'v1.0',
        name: 'One',
        body: '',
        draft: false,
        prerelease: false,
        created_at: '2024-01-01T00:00:00Z',
        published_at: '2024-01-01T00:00:00Z',
      },
      {
        id: 2,
        tag_name: 'v1.1',
        name: 'One point one',
        body: '',
        draft: false,
        prerelease: false,
        created_at: '2024-02-01T00:00:00Z',
        published_at: '2024-02-01T00:00:00Z',
      },
    );
    repository.files.set('CITATION.cff', 'cff-version: 1.2.0\n');
    const octokit = githubClient({ token: 't', baseUrl: github.url });
    const owner = 'cms-analysis';
    const repo = 'hig-16-043';

    expect((await octokit.rest.repos.get({ owner, repo })).data).toMatchObject({
      full_name: `${owner}/${repo}`,
      default_branch: 'main',
      description: 'H→ττ',
    });
    expect((await octokit.rest.repos.getLatestRelease({ owner, repo })).data.tag_name).toBe('v1.1');
    expect((await octokit.rest.repos.getReleaseByTag({ owner, repo, tag: 'v1.0' })).data.name).toBe(
      'One',
    );
    expect(
      (await octokit.paginate(octokit.rest.repos.listTags, { owner, repo, per_page: 1 })).map(
        (t) => t.name,
      ),
    ).toEqual(['v1.0', 'v1.1']);
    expect(
      (
        await octokit.paginate(octokit.rest.repos.listCommits, {
          owner,
          repo,
          sha: 'v1.1',
          per_page: 1,
        })
      ).map((c) => c.commit.message),
    ).toEqual(['Second', 'First']);
    expect((await octokit.rest.repos.getCommit({ owner, repo, ref: 'v1.0' })).data.sha).toBe(
      sha(1),
    );

    const file = (await octokit.rest.repos.getContent({ owner, repo, path: 'CITATION.cff' }))
      .data as { content: string; sha: string };
    expect(Buffer.from(file.content, 'base64').toString()).toBe('cff-version: 1.2.0\n');
    const written = await octokit.rest.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: 'CITATION.cff',
      message: 'Add the DOI',
      content: Buffer.from('cff-version: 1.2.0\ndoi: 10.5281/zenodo.1\n').toString('base64'),
      sha: file.sha,
    });
    expect(written.data.commit.message).toBe('Add the DOI');
    expect(repository.branches.get('main')).toBe(written.data.commit.sha);
    await expect(
      octokit.rest.repos.createOrUpdateFileContents({
        owner,
        repo,
        path: 'CITATION.cff',
        message: 'Stale',
        content: '',
        sha: file.sha,
      }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('takes faults and shows its request log over HTTP, for tests in other processes', async () => {
    github = await startGithubEmulator();
    github.state.addToken('t');
    github.state.addRepository('o/r');
    const added = await fetch(`${github.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ method: 'GET', path: '/repos/o/r', status: 503, times: 1 }),
    });
    expect(added.status).toBe(201);
    const first = await fetch(`${github.url}/repos/o/r`, { headers: { authorization: 'token t' } });
    const second = await fetch(`${github.url}/repos/o/r`, {
      headers: { authorization: 'token t' },
    });
    expect([first.status, second.status]).toEqual([503, 200]);
    const log = (await (await fetch(`${github.url}/_emulator/requests`)).json()) as Array<{
      status: number;
    }>;
    expect(log.map((r) => r.status)).toEqual([503, 200]);
    expect((await fetch(`${github.url}/repos/o/r`)).status).toBe(401);
  });
});

describe('the GitLab emulator', () => {
  it('serves projects, tags, releases, commits and files to gitbeaker', async () => {
    gitlab = await startGitlabEmulator();
    gitlab.state.addToken('t');
    const project = gitlab.state.addProject('atlas-phys/exotics/dibjet');
    const commit = (n: number, parents: string[]) => ({
      id: sha(n),
      title: `Commit ${n}`,
      message: `Commit ${n}\n`,
      author_name: 'Ada',
      author_email: 'a@x',
      authored_date: '2024-01-01T00:00:00Z',
      committed_date: '2024-01-01T00:00:00Z',
      parent_ids: parents,
    });
    gitlab.state.addCommit(project, commit(1, []));
    gitlab.state.addCommit(project, commit(2, [sha(1)]), 'main');
    project.tags.push({ name: 'v2.0', target: sha(2), message: null });
    project.releases.push({
      tag_name: 'v2.0',
      name: 'Two',
      description: 'notes',
      created_at: '2024-01-01T00:00:00Z',
      released_at: '2024-01-01T00:00:00Z',
      upcoming_release: false,
    });
    project.files.set('README.md', '# Dijet\n');
    const api = gitlabClient({ host: gitlab.url, token: 't' });
    const id = 'atlas-phys/exotics/dibjet';

    expect((await api.Projects.show(id)).path_with_namespace).toBe(id);
    expect((await api.Tags.all(id)).map((tag) => tag.name)).toEqual(['v2.0']);
    expect((await api.ProjectReleases.all(id)).map((release) => release.name)).toEqual(['Two']);
    expect((await api.Commits.all(id, { refName: 'v2.0', perPage: 1 })).map((c) => c.id)).toEqual([
      sha(2),
      sha(1),
    ]);
    expect((await api.Commits.show(id, 'v2.0')).title).toBe('Commit 2');
    const file = await api.RepositoryFiles.show(id, 'README.md', 'main');
    expect(Buffer.from(file.content, 'base64').toString()).toBe('# Dijet\n');
    await api.RepositoryFiles.edit(
      id,
      'README.md',
      'main',
      '# Dijet\n\nDOI 10.5281/zenodo.2\n',
      'Add the DOI',
    );
    expect(project.files.get('README.md')).toContain('zenodo.2');
    await expect(api.Projects.show('nobody/nothing')).rejects.toMatchObject({
      cause: { response: { status: 404 } },
    });
  });
});
