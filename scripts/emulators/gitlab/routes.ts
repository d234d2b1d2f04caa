import { Router } from '../shared/router.ts';
import type { GitlabState } from './state.ts';
import { codeRoutes } from './routes/code.ts';
import { routeContext } from './routes/context.ts';
import { labelRoutes } from './routes/labels.ts';
import { mergeRequestRoutes } from './routes/merge-requests.ts';
import { noteRoutes } from './routes/notes.ts';
import { projectRoutes } from './routes/project.ts';

export { grantOf } from './routes/context.ts';

/** GitLab REST v4 routes the emulator serves, below `/api/v4` (see README.md). */
export function gitlabRoutes(state: GitlabState): Router {
  const router = new Router();
  const context = routeContext(state, router);
  for (const routes of [projectRoutes, mergeRequestRoutes, noteRoutes, labelRoutes, codeRoutes])
    routes(context);
  return router;
}
