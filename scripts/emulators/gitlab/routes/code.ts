import { createHash } from 'node:crypto';
import { paginate } from '../../shared/pagination.ts';
import { error, grantOf, notFound, now } from './context.ts';
import type { RouteContext } from './context.ts';
import type { Project } from '../state.ts';

/** Code: branches, tags, releases, commits and files. */
export function codeRoutes(context: RouteContext): void {
  const { state, router, withProject, webUrl } = context;

  const commitJson = (project: Project, sha: string) => {
    const commit = project.commits.get(sha);
    return commit
      ? { ...commit, short_id: sha.slice(0, 8), web_url: webUrl(project, `/-/commit/${sha}`) }
      : undefined;
  };
  const resolveRef = (project: Project, ref: string) =>
    project.commits.has(ref)
      ? ref
      : (project.branches.get(ref) ??
        project.tags.find((tag) => tag.name === ref)?.target ??
        [...project.commits.keys()].find((sha) => ref.length >= 7 && sha.startsWith(ref)));
  router.on(
    'GET',
    '/projects/:id/repository/branches',
    withProject((request, project) =>
      paginate(
        request,
        [...project.branches].map(([name, sha]) => ({
          name,
          commit: commitJson(project, sha),
          default: name === project.default_branch,
        })),
      ),
    ),
  );
  router.on(
    'GET',
    '/projects/:id/repository/branches/:branch',
    withProject((_request, project) => {
      const sha = project.branches.get(_request.params.branch ?? '');
      return sha
        ? { status: 200, body: { name: _request.params.branch, commit: commitJson(project, sha) } }
        : notFound('404 Branch Not Found');
    }),
  );
  const tagJson = (project: Project, tag: Project['tags'][number]) => ({
    name: tag.name,
    message: tag.message,
    target: tag.target,
    commit: commitJson(project, tag.target),
    release: project.releases.find((release) => release.tag_name === tag.name)
      ? { tag_name: tag.name }
      : null,
  });
  router.on(
    'GET',
    '/projects/:id/repository/tags',
    withProject((request, project) =>
      paginate(
        request,
        [...project.tags].reverse().map((tag) => tagJson(project, tag)),
      ),
    ),
  );
  router.on(
    'GET',
    '/projects/:id/repository/tags/:tag',
    withProject((request, project) => {
      const tag = project.tags.find((t) => t.name === request.params.tag);
      return tag ? { status: 200, body: tagJson(project, tag) } : notFound('404 Tag Not Found');
    }),
  );
  const releaseJson = (project: Project, release: Project['releases'][number]) => ({
    ...release,
    commit: commitJson(
      project,
      project.tags.find((tag) => tag.name === release.tag_name)?.target ?? '',
    ),
    _links: { self: webUrl(project, `/-/releases/${release.tag_name}`) },
  });
  router.on(
    'GET',
    '/projects/:id/releases',
    withProject((request, project) =>
      paginate(
        request,
        [...project.releases].reverse().map((release) => releaseJson(project, release)),
      ),
    ),
  );
  router.on(
    'GET',
    '/projects/:id/releases/:tag',
    withProject((request, project) => {
      const release = project.releases.find((r) => r.tag_name === request.params.tag);
      return release ? { status: 200, body: releaseJson(project, release) } : notFound();
    }),
  );
  router.on(
    'GET',
    '/projects/:id/repository/commits',
    withProject((request, project) => {
      const start = resolveRef(project, request.query.get('ref_name') ?? project.default_branch);
      const list: string[] = [];
      const seen = new Set<string>();
      for (const queue = start ? [start] : []; queue.length > 0;) {
        const sha = queue.shift() as string;
        if (seen.has(sha) || !project.commits.has(sha)) continue;
        seen.add(sha);
        list.push(sha);
        queue.push(...(project.commits.get(sha)?.parent_ids ?? []));
      }
      return paginate(
        request,
        list.map((sha) => commitJson(project, sha)),
        { defaultPerPage: 20 },
      );
    }),
  );
  router.on(
    'GET',
    '/projects/:id/repository/commits/:sha',
    withProject((request, project) => {
      const sha = resolveRef(project, request.params.sha ?? '');
      const commit = sha ? commitJson(project, sha) : undefined;
      return commit ? { status: 200, body: commit } : notFound('404 Commit Not Found');
    }),
  );
  router.on(
    'GET',
    '/projects/:id/repository/files/:path',
    withProject((request, project) => {
      const path = request.params.path ?? '';
      const content = project.files.get(path);
      if (content === undefined) return notFound('404 File Not Found');
      return {
        status: 200,
        body: {
          file_name: path.split('/').pop(),
          file_path: path,
          size: Buffer.byteLength(content),
          encoding: 'base64',
          content: Buffer.from(content).toString('base64'),
          ref: request.query.get('ref') ?? project.default_branch,
          blob_id: createHash('sha1')
            .update(`blob ${Buffer.byteLength(content)}\0${content}`)
            .digest('hex'),
          last_commit_id: project.branches.get(project.default_branch) ?? '',
        },
      };
    }),
  );
  router.on(
    'PUT',
    '/projects/:id/repository/files/:path',
    withProject((request, project) => {
      const path = request.params.path ?? '';
      const body = (request.body ?? {}) as {
        branch?: string;
        content?: string;
        commit_message?: string;
        encoding?: string;
      };
      if (!body.branch || typeof body.content !== 'string' || !body.commit_message)
        return error(400, 'branch, content and commit_message are required');
      if (!project.files.has(path)) return error(400, "A file with this name doesn't exist");
      const content =
        body.encoding === 'base64'
          ? Buffer.from(body.content, 'base64').toString('utf8')
          : body.content;
      project.files.set(path, content);
      const parent = project.branches.get(body.branch);
      const id = createHash('sha1')
        .update(`${parent ?? ''}\n${path}\n${content}\n${body.commit_message}`)
        .digest('hex');
      const grant = grantOf(state, request);
      const time = now();
      state.addCommit(
        project,
        {
          id,
          title: body.commit_message.split('\n')[0] ?? '',
          message: body.commit_message,
          author_name: grant?.user.name ?? 'Ghost',
          author_email: `${grant?.user.username ?? 'ghost'}@gitlab.example`,
          authored_date: time,
          committed_date: time,
          parent_ids: parent ? [parent] : [],
        },
        body.branch,
      );
      return { status: 200, body: { file_path: path, branch: body.branch } };
    }),
  );
}
