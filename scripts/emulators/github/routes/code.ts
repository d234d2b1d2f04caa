import { paginate } from '../../shared/pagination.ts';
import type { Request } from '../../shared/router.ts';
import { blobSha, error, invalid, notFound, now } from './context.ts';
import type { RouteContext } from './context.ts';
import type { Repository } from '../state.ts';

/** Code: branches, tags, releases, commits and file contents. */
export function codeRoutes(context: RouteContext): void {
  const { state, router, withRepo, apiUrl, htmlUrl } = context;
  const commitJson = (request: Request, repository: Repository, sha: string) => {
    const commit = repository.commits.get(sha);
    if (!commit) return undefined;
    return {
      sha,
      url: apiUrl(request, repository, `/commits/${sha}`),
      html_url: htmlUrl(repository, `/commit/${sha}`),
      commit: {
        message: commit.message,
        author: commit.author,
        committer: commit.author,
        tree: { sha: '0'.repeat(40) },
      },
      parents: commit.parents.map((parent) => ({
        sha: parent,
        url: apiUrl(request, repository, `/commits/${parent}`),
      })),
    };
  };
  const resolveRef = (repository: Repository, ref: string): string | undefined =>
    repository.commits.has(ref)
      ? ref
      : (repository.branches.get(ref) ??
        repository.tags.find((tag) => tag.name === ref)?.sha ??
        [...repository.commits.keys()].find((sha) => ref.length >= 7 && sha.startsWith(ref)));
  router.on(
    'GET',
    '/repos/:owner/:repo/branches',
    withRepo((request, repository) =>
      paginate(
        request,
        [...repository.branches].map(([name, sha]) => ({
          name,
          commit: { sha },
          protected: name === repository.default_branch,
        })),
      ),
    ),
  );
  router.on(
    'GET',
    '/repos/:owner/:repo/branches/:branch',
    withRepo((request, repository) => {
      const sha = repository.branches.get(request.params.branch ?? '');
      return sha
        ? {
            status: 200,
            body: { name: request.params.branch, commit: commitJson(request, repository, sha) },
          }
        : error(404, 'Branch not found');
    }),
  );
  router.on(
    'GET',
    '/repos/:owner/:repo/tags',
    withRepo((request, repository) =>
      paginate(
        request,
        repository.tags.map((tag) => ({
          name: tag.name,
          commit: { sha: tag.sha, url: apiUrl(request, repository, `/commits/${tag.sha}`) },
          zipball_url: apiUrl(request, repository, `/zipball/refs/tags/${tag.name}`),
          tarball_url: apiUrl(request, repository, `/tarball/refs/tags/${tag.name}`),
        })),
      ),
    ),
  );
  router.on(
    'GET',
    '/repos/:owner/:repo/git/ref/*ref',
    withRepo((request, repository) => {
      const ref = request.params.ref ?? '';
      const sha = ref.startsWith('tags/')
        ? repository.tags.find((tag) => tag.name === ref.slice(5))?.sha
        : ref.startsWith('heads/')
          ? repository.branches.get(ref.slice(6))
          : undefined;
      return sha
        ? { status: 200, body: { ref: `refs/${ref}`, object: { type: 'commit', sha } } }
        : notFound();
    }),
  );
  const releaseJson = (repository: Repository, release: (typeof repository.releases)[number]) => ({
    ...release,
    html_url: htmlUrl(repository, `/releases/tag/${release.tag_name}`),
    tarball_url: `${htmlUrl(repository)}/archive/refs/tags/${release.tag_name}.tar.gz`,
    zipball_url: `${htmlUrl(repository)}/archive/refs/tags/${release.tag_name}.zip`,
  });
  router.on(
    'GET',
    '/repos/:owner/:repo/releases',
    withRepo((request, repository) =>
      paginate(
        request,
        [...repository.releases].reverse().map((release) => releaseJson(repository, release)),
      ),
    ),
  );
  router.on(
    'GET',
    '/repos/:owner/:repo/releases/latest',
    withRepo((_request, repository) => {
      const latest = [...repository.releases]
        .reverse()
        .find((release) => !release.draft && !release.prerelease);
      return latest ? { status: 200, body: releaseJson(repository, latest) } : notFound();
    }),
  );
  router.on(
    'GET',
    '/repos/:owner/:repo/releases/tags/:tag',
    withRepo((request, repository) => {
      const release = repository.releases.find((r) => r.tag_name === request.params.tag);
      return release ? { status: 200, body: releaseJson(repository, release) } : notFound();
    }),
  );
  router.on(
    'GET',
    '/repos/:owner/:repo/commits',
    withRepo((request, repository) => {
      const start = resolveRef(repository, request.query.get('sha') ?? repository.default_branch);
      const list: string[] = [];
      const seen = new Set<string>();
      for (const queue = start ? [start] : []; queue.length > 0;) {
        const sha = queue.shift() as string;
        if (seen.has(sha) || !repository.commits.has(sha)) continue;
        seen.add(sha);
        list.push(sha);
        queue.push(...(repository.commits.get(sha)?.parents ?? []));
      }
      return paginate(
        request,
        list.map((sha) => commitJson(request, repository, sha)),
      );
    }),
  );
  router.on(
    'GET',
    '/repos/:owner/:repo/commits/:ref',
    withRepo((request, repository) => {
      const sha = resolveRef(repository, request.params.ref ?? '');
      const commit = sha ? commitJson(request, repository, sha) : undefined;
      return commit
        ? { status: 200, body: commit }
        : invalid(`No commit found for SHA: ${request.params.ref}`);
    }),
  );
  router.on(
    'GET',
    '/repos/:owner/:repo/contents/*path',
    withRepo((request, repository) => {
      const path = request.params.path ?? '';
      const content = repository.files.get(path);
      if (content === undefined) return notFound();
      return {
        status: 200,
        body: {
          type: 'file',
          name: path.split('/').pop(),
          path,
          sha: blobSha(content),
          size: Buffer.byteLength(content),
          encoding: 'base64',
          content: Buffer.from(content).toString('base64'),
        },
      };
    }),
  );
  router.on(
    'PUT',
    '/repos/:owner/:repo/contents/*path',
    withRepo((request, repository) => {
      const path = request.params.path ?? '';
      const body = (request.body ?? {}) as {
        message?: string;
        content?: string;
        sha?: string;
        branch?: string;
      };
      if (!body.message || typeof body.content !== 'string')
        return invalid('Invalid request.\n\n"message" and "content" are required.');
      const existing = repository.files.get(path);
      if (existing !== undefined && body.sha !== blobSha(existing))
        return error(409, `${path} does not match ${body.sha ?? 'the missing sha'}`);
      const content = Buffer.from(body.content, 'base64').toString('utf8');
      repository.files.set(path, content);
      const branch = body.branch ?? repository.default_branch;
      const parent = repository.branches.get(branch);
      const sha = blobSha(`${parent ?? ''}\n${path}\n${content}\n${body.message}`);
      const author = {
        name: 'github-actions[bot]',
        email: '41898282+github-actions[bot]@users.noreply.github.com',
        date: now(),
      };
      state.addCommit(
        repository,
        { sha, message: body.message, author, parents: parent ? [parent] : [] },
        branch,
      );
      return {
        status: existing === undefined ? 201 : 200,
        // The contents API answers with the git commit object, not the REST commit.
        body: {
          content: { path, sha: blobSha(content) },
          commit: {
            sha,
            message: body.message,
            author,
            committer: author,
            parents: parent ? [{ sha: parent }] : [],
            html_url: htmlUrl(repository, `/commit/${sha}`),
          },
        },
      };
    }),
  );
}
