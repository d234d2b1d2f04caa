import { createHash } from 'node:crypto';
import { paginate } from '../shared/pagination.ts';
import { Router } from '../shared/router.ts';
import type { Request, Response } from '../shared/router.ts';
import { now } from './state.ts';
import type { GitlabState, GitlabUser, MergeRequest, Project } from './state.ts';

/** GitLab REST v4 routes the emulator serves, below `/api/v4` (see README.md). */

const MAX_NOTE = 1_000_000;

const error = (status: number, message: unknown): Response => ({ status, body: { message } });
const notFound = (what = '404 Not found') => error(404, what);

export function gitlabRoutes(state: GitlabState): Router {
  const router = new Router();
  const withProject =
    (handler: (request: Request, project: Project) => Response | Promise<Response>) =>
    (request: Request): Response | Promise<Response> => {
      const project = state.project(request.params.id ?? '');
      return project ? handler(request, project) : notFound('404 Project Not Found');
    };
  const withMergeRequest = (
    handler: (request: Request, project: Project, mr: MergeRequest) => Response | Promise<Response>,
  ) =>
    withProject((request, project) => {
      const mergeRequest = project.mergeRequests.get(Number(request.params.iid));
      return mergeRequest ? handler(request, project, mergeRequest) : notFound();
    });
  const webUrl = (project: Project, rest = '') =>
    `https://gitlab.example/${project.path_with_namespace}${rest}`;
  const userJson = (user: GitlabUser) => ({
    id: user.id,
    username: user.username,
    name: user.name,
    bot: user.bot,
    state: 'active',
  });

  router.on('GET', '/user', (request) => {
    const grant = grantOf(state, request);
    return grant ? { status: 200, body: userJson(grant.user) } : error(401, '401 Unauthorized');
  });

  router.on(
    'GET',
    '/projects/:id',
    withProject((_request, project) => ({
      status: 200,
      body: {
        id: project.id,
        name: project.name,
        path: project.name,
        path_with_namespace: project.path_with_namespace,
        description: project.description,
        default_branch: project.default_branch,
        visibility: project.visibility,
        web_url: webUrl(project),
      },
    })),
  );

  // Merge requests
  const mergeRequestJson = (project: Project, mr: MergeRequest) => ({
    id: mr.id,
    iid: mr.iid,
    project_id: project.id,
    title: mr.title,
    state: mr.state,
    draft: mr.draft,
    work_in_progress: mr.draft,
    source_branch: mr.source_branch,
    target_branch: mr.target_branch,
    sha: mr.sha,
    labels: mr.labels,
    author: userJson(mr.author),
    web_url: webUrl(project, `/-/merge_requests/${mr.iid}`),
  });
  router.on(
    'GET',
    '/projects/:id/merge_requests/:iid',
    withMergeRequest((_request, project, mr) => ({
      status: 200,
      body: mergeRequestJson(project, mr),
    })),
  );
  router.on(
    'PUT',
    '/projects/:id/merge_requests/:iid',
    withMergeRequest((request, project, mr) => {
      const body = (request.body ?? {}) as {
        labels?: string;
        add_labels?: string;
        remove_labels?: string;
        title?: string;
      };
      const split = (text: string | undefined) =>
        (text ?? '')
          .split(',')
          .map((label) => label.trim())
          .filter(Boolean);
      if (body.labels !== undefined) mr.labels = split(body.labels);
      for (const label of split(body.add_labels))
        if (!mr.labels.includes(label)) mr.labels.push(label);
      const removed = new Set(split(body.remove_labels));
      mr.labels = mr.labels.filter((label) => !removed.has(label));
      for (const label of mr.labels) {
        if (!project.labels.has(label))
          project.labels.set(label, {
            id: state.id(),
            name: label,
            color: '#6699cc',
            description: null,
          });
      }
      if (typeof body.title === 'string') mr.title = body.title;
      return { status: 200, body: mergeRequestJson(project, mr) };
    }),
  );
  const diffJson = (change: MergeRequest['changes'][number]) => ({
    ...change,
    a_mode: '100644',
    b_mode: '100644',
    diff: '',
  });
  router.on(
    'GET',
    '/projects/:id/merge_requests/:iid/diffs',
    withMergeRequest((request, _project, mr) =>
      paginate(request, mr.changes.map(diffJson), { defaultPerPage: 20, maxPerPage: 100 }),
    ),
  );
  router.on(
    'GET',
    '/projects/:id/merge_requests/:iid/changes',
    withMergeRequest((_request, project, mr) => ({
      status: 200,
      body: { ...mergeRequestJson(project, mr), changes: mr.changes.map(diffJson) },
    })),
  );

  // Notes on a merge request
  const notesOf = (project: Project, iid: number) => {
    let notes = project.notes.get(iid);
    if (!notes) {
      notes = [];
      project.notes.set(iid, notes);
    }
    return notes;
  };
  const noteJson = (note: ReturnType<typeof notesOf>[number]) => ({
    ...note,
    author: userJson(note.author),
  });
  router.on(
    'GET',
    '/projects/:id/merge_requests/:iid/notes',
    withMergeRequest((request, project, mr) => {
      const notes = [...notesOf(project, mr.iid)];
      if (request.query.get('sort') !== 'asc') notes.reverse();
      return paginate(request, notes.map(noteJson), { defaultPerPage: 20, maxPerPage: 100 });
    }),
  );
  router.on(
    'GET',
    '/projects/:id/merge_requests/:iid/notes/:noteId',
    withMergeRequest((request, project, mr) => {
      const note = notesOf(project, mr.iid).find((n) => n.id === Number(request.params.noteId));
      return note ? { status: 200, body: noteJson(note) } : notFound('404 Note Not Found');
    }),
  );
  router.on(
    'POST',
    '/projects/:id/merge_requests/:iid/notes',
    withMergeRequest((request, project, mr) => {
      const body = ((request.body ?? {}) as { body?: unknown }).body;
      if (typeof body !== 'string' || body === '') return error(400, { body: ["can't be blank"] });
      if (body.length > MAX_NOTE)
        return error(400, { body: [`is too long (maximum is ${MAX_NOTE} characters)`] });
      const grant = grantOf(state, request);
      const time = now();
      const note = {
        id: state.id(),
        body,
        author: grant?.user ?? { id: 0, username: 'ghost', name: 'Ghost', bot: false },
        system: false,
        created_at: time,
        updated_at: time,
        noteable_type: 'MergeRequest' as const,
        noteable_iid: mr.iid,
      };
      notesOf(project, mr.iid).push(note);
      return { status: 201, body: noteJson(note) };
    }),
  );
  router.on(
    'PUT',
    '/projects/:id/merge_requests/:iid/notes/:noteId',
    withMergeRequest((request, project, mr) => {
      const note = notesOf(project, mr.iid).find((n) => n.id === Number(request.params.noteId));
      if (!note) return notFound('404 Note Not Found');
      const grant = grantOf(state, request);
      if (grant?.user.id !== note.author.id) return error(403, '403 Forbidden');
      const body = ((request.body ?? {}) as { body?: unknown }).body;
      if (typeof body !== 'string' || body === '') return error(400, { body: ["can't be blank"] });
      note.body = body;
      note.updated_at = now();
      return { status: 200, body: noteJson(note) };
    }),
  );

  // Labels
  router.on(
    'GET',
    '/projects/:id/labels',
    withProject((request, project) => paginate(request, [...project.labels.values()])),
  );
  router.on(
    'POST',
    '/projects/:id/labels',
    withProject((request, project) => {
      const { name, color, description } = (request.body ?? {}) as {
        name?: string;
        color?: string;
        description?: string;
      };
      if (!name || !color) return error(400, 'name and color are required');
      if (project.labels.has(name)) return error(409, 'Label already exists');
      const label = { id: state.id(), name, color, description: description ?? null };
      project.labels.set(name, label);
      return { status: 201, body: label };
    }),
  );

  // Code: branches, tags, releases, commits, files
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
  return router;
}

export function grantOf(state: GitlabState, request: Request) {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const token =
    header('private-token') ??
    header('job-token') ??
    /^bearer\s+(.+)$/i.exec(header('authorization') ?? '')?.[1];
  return token ? state.tokens.get(token) : undefined;
}
