import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffValues } from '../../../scripts/lib/history/field-diff.ts';
import { loadSchemas } from '../../../scripts/lib/schemas/load-schemas.ts';
import { FieldTreeBuilder } from '../../../scripts/lib/site/field-tree.ts';
import {
  commitUrl,
  historySummary,
  historyViews,
  lastChanged,
  recentlyUpdated,
  revisionSlug,
} from '../../../scripts/lib/site/history-view.ts';
import type { SiteHistory, SiteRevision } from '../../../scripts/lib/site/types.ts';
import { wordDiff } from '../../../scripts/lib/site/word-diff.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

let trees: FieldTreeBuilder;
beforeAll(async () => {
  trees = new FieldTreeBuilder((await loadSchemas(path.resolve(REPO_ROOT))).registry);
});

const SCHEMA = 'analysis/1.0.0';
const v1 = {
  $schema: SCHEMA,
  title: 'Measurement of the top quark mass',
  abstract: 'A measurement of the top quark mass in the lepton plus jets channel at 13 TeV.',
  version: '1',
  people: [{ given_name: 'Ada', family_name: 'Lovelace', affiliations: [{ name: 'CERN' }] }],
  publications: [{ type: 'article', doi: '10.1103/PhysRevLett.119.191801' }],
};
const v2 = {
  ...v1,
  abstract: 'A precise measurement of the top quark mass in the dilepton channel at 13 TeV.',
  version: '2',
  people: [
    { given_name: 'Ada', family_name: 'Lovelace', affiliations: [{ name: 'CERN, Geneva' }] },
    { given_name: 'Grace', family_name: 'Hopper' },
  ],
  keywords: ['top quark'],
};

function revision(
  number: number,
  data: { [key: string]: unknown },
  more: Partial<SiteRevision> = {},
): SiteRevision {
  return {
    number,
    commit: `${number}`.repeat(40).slice(0, 40),
    date: `2024-0${number}-01T10:30:00+01:00`,
    author: { name: number === 1 ? 'Ada Lovelace' : 'Grace Hopper' },
    message: `Revision ${number}\n\nWhy it was made.\n`,
    kind: number === 1 ? 'created' : 'modified',
    id: 'general/top-mass',
    truncated: false,
    changesWithheld: false,
    changes: [],
    files: [],
    data,
    current: false,
    ...more,
  };
}

function history(revisions: SiteRevision[], more: Partial<SiteHistory> = {}): SiteHistory {
  return { status: 'complete', revisions, uncommitted: false, ...more };
}

const twoRevisions = () =>
  history([
    revision(1, v1, { files: [{ path: 'record.yaml', change: 'added' }] }),
    revision(2, v2, {
      changes: diffValues(v1, v2),
      current: true,
      files: [
        { path: 'record.yaml', change: 'modified' },
        { path: 'files/fit.C', change: 'added' },
      ],
    }),
  ]);

describe('historyViews', () => {
  it('lists revisions newest first with who, when and why', () => {
    const views = historyViews(twoRevisions(), trees, { schema: SCHEMA });
    expect(
      views.map((view) => [view.number, view.label, view.author.name, view.day, view.time]),
    ).toEqual([
      [2, 'Changed', 'Grace Hopper', '2024-02-01', '10:30'],
      [1, 'Created', 'Ada Lovelace', '2024-01-01', '10:30'],
    ]);
    expect(views[0]).toMatchObject({
      summary: 'Revision 2',
      body: 'Why it was made.',
      anchor: 'revision-2',
      shortCommit: '2222222222',
      current: true,
    });
    expect(views[0]?.slug).toBeUndefined();
    expect(views[1]?.slug).toBe('111111111111');
    // The metadata file's own change is shown as field changes, not as a file.
    expect(views[0]?.files).toEqual([{ path: 'files/fit.C', change: 'added' }]);
  });

  it('labels each change by the schema’s titles, list items by their names', () => {
    const [latest] = historyViews(twoRevisions(), trees, { schema: SCHEMA });
    expect(latest?.changes.map((change) => [change.verb, change.label])).toEqual([
      ['Changed', 'Abstract'],
      ['Changed', 'Version'],
      ['Changed', 'People 1 (Ada Lovelace) › Affiliations 1 (CERN) › Institution name'],
      ['Added', 'People 2 (Grace Hopper)'],
      ['Added', 'Keywords'],
    ]);
    expect(latest?.changes.map((change) => change.field)).toEqual([
      'Abstract',
      'Version',
      'People',
      'People',
      'Keywords',
    ]);
  });

  it('gives the values before and after as fields, and a rewritten text word by word', () => {
    const [latest] = historyViews(twoRevisions(), trees, { schema: SCHEMA });
    const version = latest?.changes[1];
    expect(version?.before?.value?.text).toBe('1');
    expect(version?.after?.value?.text).toBe('2');
    const added = latest?.changes[3];
    expect(added?.before).toBeUndefined();
    expect(added?.after?.fields?.map((field) => [field.title, field.value?.text])).toEqual([
      ['Given name', 'Grace'],
      ['Family name', 'Hopper'],
    ]);
    expect(latest?.changes[0]?.words).toEqual([
      { kind: 'same', text: 'A ' },
      { kind: 'added', text: 'precise ' },
      { kind: 'same', text: 'measurement of the top quark mass in the ' },
      { kind: 'removed', text: 'lepton plus jets' },
      { kind: 'added', text: 'dilepton' },
      { kind: 'same', text: ' channel at 13 TeV.' },
    ]);
    // Short values are shown before → after, not word by word.
    expect(version?.words).toBeUndefined();
  });

  it('says the record became visible, and shows no change, when the version before was hidden', () => {
    const views = historyViews(
      history([revision(1, v2, { kind: 'moved', changesWithheld: true, message: undefined })]),
      trees,
      { schema: SCHEMA },
    );
    expect(views[0]).toMatchObject({ label: 'Became visible', changes: [] });
    expect(views[0]?.note).toContain('became visible on this site');
    expect(views[0]?.summary).toBeUndefined();
  });

  it('tells a move, the oldest revision of a shallow clone, and a change of layout only', () => {
    const views = historyViews(
      history([
        revision(1, v1, { truncated: true }),
        revision(2, v1, { kind: 'moved', previousId: 'general/top', id: 'general/top-mass' }),
        revision(3, v1, { files: [{ path: 'record.yaml', change: 'modified' }] }),
      ]),
      trees,
      { schema: SCHEMA },
    );
    expect(views.map((view) => [view.label, view.note, view.layoutOnly])).toEqual([
      ['Changed', undefined, true],
      ['Moved', 'Moved from general/top to general/top-mass.', false],
      ['Oldest available', expect.stringContaining('shallow clone'), false],
    ]);
  });

  it('lists only which fields changed when brief', () => {
    const [latest] = historyViews(twoRevisions(), trees, { schema: SCHEMA, brief: true });
    expect(latest?.changes).toHaveLength(5);
    expect(
      latest?.changes.every((change) => !change.before && !change.after && !change.words),
    ).toBe(true);
  });
});

describe('historySummary', () => {
  it('counts revisions and names their authors and time span', () => {
    expect(historySummary(twoRevisions())).toBe(
      '2 revisions by Ada Lovelace and Grace Hopper, 2024-01-01 to 2024-02-01',
    );
    expect(historySummary(history([]))).toBe('');
  });
});

describe('lastChanged and recentlyUpdated', () => {
  const record = (id: string, h: SiteHistory, updated?: string) => ({
    id,
    history: h,
    metadata: updated ? { updated } : {},
  });

  it('orders records by their last commit, falling back to their updated field', () => {
    const withHistory = record('a/with-history', twoRevisions());
    const updatedField = record('a/updated-field', history([]), '2024-03-01');
    const never = record('a/never-updated', history([]));
    const truncated = record(
      'a/shallow',
      history([revision(1, v1, { truncated: true, date: '2030-01-01T00:00:00Z' })]),
    );
    expect(lastChanged(withHistory.history)).toBe('2024-02-01T10:30:00+01:00');
    expect(lastChanged(truncated.history)).toBeUndefined();
    expect(
      recentlyUpdated([never, withHistory, updatedField, truncated], 5).map((r) => r.id),
    ).toEqual(['a/updated-field', 'a/with-history']);
  });

  it('compares dates in different time zones as instants', () => {
    const early = record(
      'a/early',
      history([revision(1, v1, { date: '2024-01-01T23:30:00-05:00' })]),
    );
    const late = record(
      'a/late',
      history([revision(1, v1, { date: '2024-01-02T01:00:00+01:00' })]),
    );
    // 2024-01-02 04:30 UTC against 2024-01-02 00:00 UTC.
    expect(recentlyUpdated([late, early], 2).map((r) => r.id)).toEqual(['a/early', 'a/late']);
  });
});

describe('commitUrl', () => {
  const github = {
    forge: { type: 'github' as const, repository: 'example/archive' },
    public_repository: false,
  };

  it('links a commit for readers who can open it', () => {
    expect(commitUrl(github, 'internal', 'abc')).toBe(
      'https://github.com/example/archive/commit/abc',
    );
    expect(commitUrl({ ...github, public_repository: true }, 'public', 'abc')).toBe(
      'https://github.com/example/archive/commit/abc',
    );
    expect(
      commitUrl(
        {
          forge: { type: 'gitlab', url: 'https://gitlab.cern.ch/', repository: 'cms/archive' },
          public_repository: false,
        },
        'internal',
        'abc',
      ),
    ).toBe('https://gitlab.cern.ch/cms/archive/-/commit/abc');
  });

  it('does not send the public to a private repository', () => {
    expect(commitUrl(github, 'public', 'abc')).toBeUndefined();
    expect(commitUrl({ public_repository: true }, 'public', 'abc')).toBeUndefined();
  });
});

describe('revisionSlug', () => {
  it('names a revision page by its commit, shortened', () => {
    expect(revisionSlug('0123456789abcdef0123456789abcdef01234567')).toBe('0123456789ab');
  });
});

describe('wordDiff', () => {
  it('marks the words removed and added, keeping the text whole', () => {
    const parts = wordDiff('the quick brown fox', 'the slow brown fox jumps') ?? [];
    expect(parts).toEqual([
      { kind: 'same', text: 'the ' },
      { kind: 'removed', text: 'quick' },
      { kind: 'added', text: 'slow' },
      { kind: 'same', text: ' brown fox' },
      { kind: 'added', text: ' jumps' },
    ]);
    expect(
      parts
        .filter((part) => part.kind !== 'removed')
        .map((part) => part.text)
        .join(''),
    ).toBe('the slow brown fox jumps');
  });

  it('gives up on texts too long to compare, rather than taking long', () => {
    const words = (prefix: string) =>
      Array.from({ length: 400 }, (_, i) => `${prefix}${i}`).join(' ');
    expect(wordDiff(words('a'), words('b'))).toBeUndefined();
  });
});
