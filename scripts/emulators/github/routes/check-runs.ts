import { paginate } from '../../shared/pagination.ts';
import type { Request, Response } from '../../shared/router.ts';
import { invalid, notFound } from './context.ts';
import type { RouteContext } from './context.ts';
import type { Annotation, CheckRun, Repository } from '../state.ts';

const ANNOTATIONS_PER_REQUEST = 50;
const MAX_SUMMARY = 65_535;

/** Check runs and their annotations (at most 50 per request, as on GitHub). */
export function checkRunRoutes(context: RouteContext): void {
  const { state, router, withRepo, apiUrl, htmlUrl } = context;
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
      if (output.summary.length > MAX_SUMMARY)
        return invalid(`output.summary is too long (maximum is ${MAX_SUMMARY} characters)`);
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
}
