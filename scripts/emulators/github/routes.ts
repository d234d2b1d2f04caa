import { createHash } from 'node:crypto';
import { paginate } from '../shared/pagination.ts';
import { Router } from '../shared/router.ts';
import type { Request, Response } from '../shared/router.ts';
import { now } from './state.ts';
import type { Annotation, CheckRun, GithubState, Repository } from './state.ts';

/** GitHub REST v3 routes the emulator serves (see README.md for the list). */

const ANNOTATIONS_PER_REQUEST = 50;
const MAX_COMMENT = 65_536;

const error = (status: number, message: string, extra: object = {}): Response => ({
  status,
  body: { message, documentation_url: 'https://docs.github.com/rest', ...extra },
});
const notFound = () => error(404, 'Not Found');
const invalid = (message: string, errors: unknown[] = []) =>
  error(422, message, errors.length > 0 ? { errors } : {});

export function githubRoutes(state: GithubState): Router {
  const router = new Router();
  const repo = (request: Request): Repository | undefined =>
    state.repository(request.params.owner ?? '', request.params.repo ?? '');
  const withRepo =
    (handler: (request: Request, repository: Repository) => Response | Promise<Response>) =>
    (request: Request): Response | Promise<Response> => {
      const repository = repo(request);
      return repository ? handler(request, repository) : notFound();
    };
  const apiUrl = (request: Request, repository: Repository, rest: string) =>
    `${request.origin}/repos/${repository.owner}/${repository.name}${rest}`;
  const htmlUrl = (repository: Repository, rest = '') =>
    `https://github.example/${repository.owner}/${repository.name}${rest}`;

  const repositoryJson = (request: Request, repository: Repository) => ({
    id: repository.id,
    name: repository.name,
    full_name: `${repository.owner}/${repository.name}`,
    owner: { login: repository.owner },
    private: repository.private,
    description: repository.description,
    default_branch: repository.default_branch,
    html_url: htmlUrl(repository),
    url: apiUrl(request, repository, ''),
  });

  router.on(
    'GET',
    '/repos/:owner/:repo',
    withRepo((request, repository) => ({
      status: 200,
      body: repositoryJson(request, repository),
    })),
  );

  // Pull requests
  const pullJson = (request: Request, repository: Repository, number: number) => {
    const pull = repository.pulls.get(number);
    if (!pull) return undefined;
    return {
      ...pull,
      files: undefined,
      id: number * 7919,
      url: apiUrl(request, repository, `/pulls/${number}`),
      html_url: htmlUrl(repository, `/pull/${number}`),
      labels: (repository.issueLabels.get(number) ?? []).map((name) => repository.labels.get(name)),
    };
  };
  router.on(
    'GET',
    '/repos/:owner/:repo/pulls',
    withRepo((request, repository) => {
      const state_ = request.query.get('state') ?? 'open';
      const head = request.query.get('head');
      const pulls = [...repository.pulls.values()].filter(
        (pull) =>
          (state_ === 'all' || pull.state === state_) &&
          (!head || `${pull.head.repo.owner.login}:${pull.head.ref}` === head),
      );
      return paginate(
        request,
        pulls.map((pull) => pullJson(request, repository, pull.number)),
      );
    }),
  );
  router.on(
    'GET',
    '/repos/:owner/:repo/pulls/:number',
    withRepo((request, repository) => {
      const pull = pullJson(request, repository, Number(request.params.number));
      return pull ? { status: 200, body: pull } : notFound();
    }),
  );
  router.on(
    'GET',
    '/repos/:owner/:repo/pulls/:number/files',
    withRepo((request, repository) => {
      const pull = repository.pulls.get(Number(request.params.number));
      if (!pull) return notFound();
      return paginate(
        request,
        pull.files.map((file) => ({
          sha: '0'.repeat(40),
          additions: 1,
          deletions: 0,
          changes: 1,
          ...file,
        })),
        { maxPerPage: 100 },
      );
    }),
  );

  // Issue comments (pull request conversation)
  const commentJson = (request: Request, repository: Repository, id: number) => {
    const comment = repository.comments.get(id);
    if (!comment) return undefined;
    return {
      ...comment,
      url: apiUrl(request, repository, `/issues/comments/${id}`),
      html_url: htmlUrl(repository, `/pull/${comment.issue_number}#issuecomment-${id}`),
      issue_url: apiUrl(request, repository, `/issues/${comment.issue_number}`),
    };
  };
  router.on(
    'GET',
    '/repos/:owner/:repo/issues/:number/comments',
    withRepo((request, repository) => {
      const number = Number(request.params.number);
      if (!repository.pulls.has(number)) return notFound();
      const comments = [...repository.comments.values()]
        .filter((comment) => comment.issue_number === number)
        .map((comment) => commentJson(request, repository, comment.id));
      return paginate(request, comments);
    }),
  );
  router.on(
    'POST',
    '/repos/:owner/:repo/issues/:number/comments',
    withRepo((request, repository) => {
      const number = Number(request.params.number);
      if (!repository.pulls.has(number)) return notFound();
      const body = (request.body as { body?: unknown } | undefined)?.body;
      if (typeof body !== 'string' || body === '')
        return invalid('Validation Failed', [{ field: 'body', code: 'missing_field' }]);
      if (body.length > MAX_COMMENT)
        return invalid(`Body is too long (maximum is ${MAX_COMMENT} characters)`);
      const id = state.id();
      const time = now();
      repository.comments.set(id, {
        id,
        issue_number: number,
        body,
        user: userOf(state, request),
        created_at: time,
        updated_at: time,
      });
      return { status: 201, body: commentJson(request, repository, id) };
    }),
  );
  router.on(
    'GET',
    '/repos/:owner/:repo/issues/comments/:id',
    withRepo((request, repository) => {
      const comment = commentJson(request, repository, Number(request.params.id));
      return comment ? { status: 200, body: comment } : notFound();
    }),
  );
  router.on(
    'PATCH',
    '/repos/:owner/:repo/issues/comments/:id',
    withRepo((request, repository) => {
      const comment = repository.comments.get(Number(request.params.id));
      if (!comment) return notFound();
      const body = (request.body as { body?: unknown } | undefined)?.body;
      if (typeof body !== 'string' || body === '') return invalid('Validation Failed');
      if (body.length > MAX_COMMENT)
        return invalid(`Body is too long (maximum is ${MAX_COMMENT} characters)`);
      comment.body = body;
      comment.updated_at = now();
      return { status: 200, body: commentJson(request, repository, comment.id) };
    }),
  );
  router.on(
    'DELETE',
    '/repos/:owner/:repo/issues/comments/:id',
    withRepo((request, repository) =>
      repository.comments.delete(Number(request.params.id)) ? { status: 204 } : notFound(),
    ),
  );

  // Labels
  router.on(
    'GET',
    '/repos/:owner/:repo/labels',
    withRepo((request, repository) => paginate(request, [...repository.labels.values()])),
  );
  router.on(
    'GET',
    '/repos/:owner/:repo/labels/:name',
    withRepo((request, repository) => {
      const label = repository.labels.get(request.params.name ?? '');
      return label ? { status: 200, body: label } : notFound();
    }),
  );
  router.on(
    'POST',
    '/repos/:owner/:repo/labels',
    withRepo((request, repository) => {
      const { name, color, description } = (request.body ?? {}) as {
        name?: string;
        color?: string;
        description?: string;
      };
      if (!name) return invalid('Validation Failed', [{ field: 'name', code: 'missing_field' }]);
      if (repository.labels.has(name))
        return invalid('Validation Failed', [
          { resource: 'Label', code: 'already_exists', field: 'name' },
        ]);
      const label = {
        id: state.id(),
        name,
        color: color ?? 'ededed',
        description: description ?? null,
      };
      repository.labels.set(name, label);
      return { status: 201, body: label };
    }),
  );
  router.on(
    'GET',
    '/repos/:owner/:repo/issues/:number/labels',
    withRepo((request, repository) => {
      const number = Number(request.params.number);
      if (!repository.pulls.has(number)) return notFound();
      return paginate(
        request,
        (repository.issueLabels.get(number) ?? []).map((name) => repository.labels.get(name)),
      );
    }),
  );
  router.on(
    'POST',
    '/repos/:owner/:repo/issues/:number/labels',
    withRepo((request, repository) => {
      const number = Number(request.params.number);
      if (!repository.pulls.has(number)) return notFound();
      const names = ((request.body ?? {}) as { labels?: unknown }).labels;
      if (!Array.isArray(names) || !names.every((name) => typeof name === 'string'))
        return invalid('Validation Failed', [{ field: 'labels', code: 'invalid' }]);
      const current = repository.issueLabels.get(number) ?? [];
      for (const name of names) {
        if (!repository.labels.has(name))
          repository.labels.set(name, { id: state.id(), name, color: 'ededed', description: null });
        if (!current.includes(name)) current.push(name);
      }
      repository.issueLabels.set(number, current);
      return { status: 200, body: current.map((name) => repository.labels.get(name)) };
    }),
  );
  router.on(
    'DELETE',
    '/repos/:owner/:repo/issues/:number/labels/:name',
    withRepo((request, repository) => {
      const number = Number(request.params.number);
      const current = repository.issueLabels.get(number) ?? [];
      if (!current.includes(request.params.name ?? '')) return error(404, 'Label does not exist');
      repository.issueLabels.set(
        number,
        current.filter((name) => name !== request.params.name),
      );
      return {
        status: 200,
        body: (repository.issueLabels.get(number) ?? []).map((name) => repository.labels.get(name)),
      };
    }),
  );

  // Check runs
  const checkRunJson = (request: Request, repository: Repository, run: CheckRun) => ({
    id: run.id,
    name: run.name,
    head_sha: run.head_sha,
    status: run.status,
    conclusion: run.conclusion,
    external_id: run.external_id,
    details_url: run.details_url,
    url: apiUrl(request, repository, `/check-runs/${run.id}`),
    html_url: htmlUrl(repository, `/runs/${run.id}`),
    output: { ...run.output, annotations_count: run.annotations.length },
    app: { slug: 'github-actions' },
  });
  const applyCheckRun = (run: CheckRun, body: { [key: string]: unknown }): Response | undefined => {
    for (const key of ['name', 'status', 'conclusion', 'external_id', 'details_url'] as const) {
      if (typeof body[key] === 'string')
        (run as unknown as { [k: string]: unknown })[key] = body[key];
    }
    if (body.conclusion !== undefined && body.status === undefined) run.status = 'completed';
    const output = body.output as
      { title?: string; summary?: string; text?: string; annotations?: Annotation[] } | undefined;
    if (output) {
      if (typeof output.title !== 'string' || typeof output.summary !== 'string')
        return invalid('Invalid request.\n\n"title" and "summary" are required in "output".');
      if (output.summary.length > MAX_COMMENT)
        return invalid('output.summary is too long (maximum is 65535 characters)');
      const annotations = output.annotations ?? [];
      if (annotations.length > ANNOTATIONS_PER_REQUEST)
        return invalid(`Only ${ANNOTATIONS_PER_REQUEST} annotations are allowed per request.`);
      for (const annotation of annotations) {
        if (
          !annotation.path ||
          !annotation.start_line ||
          !annotation.end_line ||
          !annotation.message ||
          !annotation.annotation_level
        )
          return invalid(
            'Invalid request.\n\nAn annotation needs path, start_line, end_line, annotation_level and message.',
          );
      }
      run.output = { title: output.title, summary: output.summary, text: output.text ?? null };
      run.annotations.push(...annotations);
    }
    return undefined;
  };
  router.on(
    'POST',
    '/repos/:owner/:repo/check-runs',
    withRepo((request, repository) => {
      const body = (request.body ?? {}) as { [key: string]: unknown };
      if (typeof body.name !== 'string' || typeof body.head_sha !== 'string')
        return invalid('Invalid request.\n\n"name" and "head_sha" are required.');
      const run: CheckRun = {
        id: state.id(),
        name: body.name,
        head_sha: body.head_sha,
        status: 'queued',
        conclusion: null,
        external_id: null,
        details_url: null,
        output: { title: null, summary: null, text: null },
        annotations: [],
      };
      const problem = applyCheckRun(run, body);
      if (problem) return problem;
      repository.checkRuns.set(run.id, run);
      return { status: 201, body: checkRunJson(request, repository, run) };
    }),
  );
  router.on(
    'PATCH',
    '/repos/:owner/:repo/check-runs/:id',
    withRepo((request, repository) => {
      const run = repository.checkRuns.get(Number(request.params.id));
      if (!run) return notFound();
      const problem = applyCheckRun(run, (request.body ?? {}) as { [key: string]: unknown });
      return problem ?? { status: 200, body: checkRunJson(request, repository, run) };
    }),
  );
  router.on(
    'GET',
    '/repos/:owner/:repo/check-runs/:id',
    withRepo((request, repository) => {
      const run = repository.checkRuns.get(Number(request.params.id));
      return run ? { status: 200, body: checkRunJson(request, repository, run) } : notFound();
    }),
  );
  router.on(
    'GET',
    '/repos/:owner/:repo/check-runs/:id/annotations',
    withRepo((request, repository) => {
      const run = repository.checkRuns.get(Number(request.params.id));
      return run
        ? paginate(
            request,
            run.annotations.map((a) => ({ ...a, blob_href: '' })),
          )
        : notFound();
    }),
  );
  router.on(
    'GET',
    '/repos/:owner/:repo/commits/:ref/check-runs',
    withRepo((request, repository) => {
      const name = request.query.get('check_name');
      const runs = [...repository.checkRuns.values()]
        .filter((run) => run.head_sha === request.params.ref && (!name || run.name === name))
        .reverse();
      const page = paginate(
        request,
        runs.map((run) => checkRunJson(request, repository, run)),
      );
      return { ...page, body: { total_count: runs.length, check_runs: page.body } };
    }),
  );

  // Code: branches, tags, releases, commits, contents
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
  return router;
}

function userOf(state: GithubState, request: Request) {
  const token = tokenOf(request);
  return (
    (token && state.tokens.get(token)?.user) || { login: 'ghost', id: 10137, type: 'User' as const }
  );
}

export function tokenOf(request: Request): string | undefined {
  const header = request.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^(?:token|bearer)\s+(.+)$/i.exec(value ?? '');
  return match?.[1];
}

/** git's blob id of a text: what the contents API calls a file's sha. */
function blobSha(content: string): string {
  const bytes = Buffer.from(content);
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
