import { Router } from '../shared/router.ts';
import type { GithubState } from './state.ts';
import { checkRunRoutes } from './routes/check-runs.ts';
import { codeRoutes } from './routes/code.ts';
import { commentRoutes } from './routes/comments.ts';
import { routeContext } from './routes/context.ts';
import { labelRoutes } from './routes/labels.ts';
import { pullRoutes } from './routes/pulls.ts';
import { repositoryRoutes } from './routes/repository.ts';

export { tokenOf } from './routes/context.ts';

/** GitHub REST v3 routes the emulator serves (see README.md for the list). */
export function githubRoutes(state: GithubState): Router {
  const router = new Router();
  const context = routeContext(state, router);
  for (const routes of [
    repositoryRoutes,
    pullRoutes,
    commentRoutes,
    labelRoutes,
    checkRunRoutes,
    codeRoutes,
  ])
    routes(context);
  return router;
}
