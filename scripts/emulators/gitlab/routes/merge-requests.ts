import { paginate } from '../../shared/pagination.ts';
import { userJson } from './context.ts';
import type { RouteContext } from './context.ts';
import type { MergeRequest, Project } from '../state.ts';

/** Merge requests, their labels and their changes. */
export function mergeRequestRoutes(context: RouteContext): void {
  const { state, router, withMergeRequest, webUrl } = context;

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
}
