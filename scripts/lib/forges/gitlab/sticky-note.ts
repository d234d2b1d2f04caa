import type { GitlabClient } from './client.ts';

/**
 * ONE note per merge request, found again by a hidden marker among the notes the token's own
 * user wrote, and updated on every run. As on GitHub, a create whose answer was lost is followed
 * by a fresh look before another attempt.
 */
export interface StickyNote {
  projectId: string | number;
  mergeRequestIid: number;
  marker: string;
  body: string;
}

export interface StickyNoteResult {
  id: number;
  action: 'created' | 'updated' | 'unchanged';
}

const ATTEMPTS = 3;

export async function upsertStickyNote(
  gitlab: GitlabClient,
  note: StickyNote,
): Promise<StickyNoteResult> {
  const me = await gitlab.Users.showCurrentUser();
  for (let attempt = 1; ; attempt++) {
    const notes = await gitlab.MergeRequestNotes.all(note.projectId, note.mergeRequestIid, {
      sort: 'asc',
      orderBy: 'created_at',
      perPage: 100,
    });
    const ours = notes.filter(
      (candidate) =>
        !candidate.system && candidate.author.id === me.id && candidate.body.includes(note.marker),
    );
    const [keep, ...extra] = ours;
    try {
      for (const duplicate of extra)
        await gitlab.MergeRequestNotes.remove(note.projectId, note.mergeRequestIid, duplicate.id);
      if (keep) {
        if (keep.body === note.body) return { id: keep.id, action: 'unchanged' };
        await gitlab.MergeRequestNotes.edit(note.projectId, note.mergeRequestIid, keep.id, {
          body: note.body,
        });
        return { id: keep.id, action: 'updated' };
      }
      const created = await gitlab.MergeRequestNotes.create(
        note.projectId,
        note.mergeRequestIid,
        note.body,
      );
      return { id: created.id, action: 'created' };
    } catch (error) {
      if (attempt >= ATTEMPTS || !mayHaveHappened(error)) throw error;
    }
  }
}

function mayHaveHappened(error: unknown): boolean {
  const status = (error as { cause?: { response?: Response } }).cause?.response?.status;
  return status === undefined || status >= 500;
}
