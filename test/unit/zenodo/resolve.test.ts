import { describe, expect, it } from 'vitest';
import { resolveDeposition } from '../../../scripts/lib/zenodo/resolve.ts';
import type { Deposition } from '../../../scripts/lib/zenodo/types.ts';

function deposition(
  id: number,
  conceptrecid: number,
  state: 'published' | 'draft',
  version?: string,
): Deposition {
  const published = state === 'published';
  return {
    id,
    conceptrecid: String(conceptrecid),
    state: published ? 'done' : 'unsubmitted',
    submitted: published,
    ...(published
      ? { doi: `10.5072/zenodo.${id}`, conceptdoi: `10.5072/zenodo.${conceptrecid}` }
      : {}),
    title: 'A record',
    metadata: version ? { version } : {},
    files: [],
    links: {},
  };
}

describe('resolveDeposition', () => {
  it('creates a first version when Zenodo holds nothing for the record', () => {
    expect(resolveDeposition({ version: '1', found: [] })).toEqual({ kind: 'create' });
  });

  it('takes the DOI of the version already published (a run died before writing it back)', () => {
    const done = deposition(11, 10, 'published', '1');
    expect(resolveDeposition({ version: '1', found: [done] })).toEqual({
      kind: 'published',
      deposition: done,
    });
  });

  it('adopts the oldest orphan draft of a first version and names the later ones as duplicates', () => {
    const [a, b] = [deposition(21, 20, 'draft'), deposition(23, 22, 'draft')];
    expect(resolveDeposition({ version: '1', found: [b, a] })).toEqual({
      kind: 'draft',
      deposition: a,
      orphans: [b],
    });
  });

  it('asks for a new version of the newest published version of the concept', () => {
    const found = [deposition(11, 10, 'published', '1'), deposition(15, 10, 'published', '2')];
    expect(
      resolveDeposition({ version: '3', conceptrecid: '10', latestKnownId: 11, found }),
    ).toEqual({ kind: 'new-version', of: 15, conceptrecid: '10' });
    expect(
      resolveDeposition({ version: '3', conceptrecid: '10', latestKnownId: 15, found: [] }),
    ).toEqual({ kind: 'new-version', of: 15, conceptrecid: '10' });
  });

  it('adopts the concept’s next-version draft rather than asking for another', () => {
    const draft = deposition(16, 10, 'draft');
    expect(
      resolveDeposition({
        version: '3',
        conceptrecid: '10',
        latestKnownId: 15,
        found: [deposition(15, 10, 'published', '2'), draft],
      }),
    ).toEqual({
      kind: 'draft',
      deposition: draft,
      orphans: [],
    });
  });

  it('finds the concept from a published version carrying the marker when the record lost it', () => {
    const found = [deposition(11, 10, 'published', '1')];
    expect(resolveDeposition({ version: '2', found })).toEqual({
      kind: 'new-version',
      of: 11,
      conceptrecid: '10',
    });
  });

  it('does not take a published version of another concept as this version', () => {
    expect(
      resolveDeposition({
        version: '1',
        conceptrecid: '30',
        latestKnownId: 31,
        found: [deposition(11, 10, 'published', '1')],
      }),
    ).toEqual({
      kind: 'new-version',
      of: 31,
      conceptrecid: '30',
    });
  });
});
