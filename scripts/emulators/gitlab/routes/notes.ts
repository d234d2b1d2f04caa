import { paginate } from '../../shared/pagination.ts';
import { error, grantOf, notFound, now, userJson } from './context.ts';
import type { RouteContext } from './context.ts';
import type { Project } from '../state.ts';

const MAX_NOTE = 1_000_000;

/** Notes on a merge request (only their author may edit them). */
export function noteRoutes(context: RouteContext): void {
  const { state, router, withMergeRequest } = context;

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
}
