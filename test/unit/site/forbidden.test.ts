import { describe, expect, it } from 'vitest';
import {
  forbiddenPatterns,
  forbiddenStrings,
  spellings,
} from '../../../scripts/lib/site/scan/forbidden.ts';
import type { ArchiveRecord } from '../../../scripts/lib/records/types.ts';

function record(id: string, title: string, access: unknown): ArchiveRecord {
  return { id, data: { title, access } } as unknown as ArchiveRecord;
}

const RECORDS = [
  record('cms/public', 'A public result', { level: 'public' }),
  record('cms/embargoed', 'An embargoed result', { level: 'public', embargo_until: '2027-01-01' }),
  record('cms/collab', 'A collaboration result', { level: 'collaboration' }),
  record('cms/restricted', 'A restricted result', { level: 'restricted' }),
  record('cms/broken', 'An unreadable access', 'public'),
];

describe('forbiddenStrings', () => {
  it('forbids every record but the public, unembargoed ones in the public build', () => {
    const forbidden = forbiddenStrings(RECORDS, 'public', '2026-11-22');
    expect(new Set(forbidden.map((entry) => entry.recordId))).toEqual(
      new Set(['cms/embargoed', 'cms/collab', 'cms/restricted', 'cms/broken']),
    );
    expect(forbidden).toContainEqual({
      recordId: 'cms/collab',
      what: 'title',
      text: 'A collaboration result',
    });
    expect(forbidden).toContainEqual({ recordId: 'cms/collab', what: 'id', text: 'cms/collab' });
  });

  it('lets an embargo lift on its day', () => {
    const ids = forbiddenStrings(RECORDS, 'public', '2027-01-01').map((entry) => entry.recordId);
    expect(ids).not.toContain('cms/embargoed');
  });

  it('forbids only restricted records (and unreadable ones) in the internal build', () => {
    const ids = new Set(
      forbiddenStrings(RECORDS, 'internal', '2026-11-22').map((entry) => entry.recordId),
    );
    expect(ids).toEqual(new Set(['cms/restricted', 'cms/broken']));
  });

  it('does not use a hidden record’s title when a visible record has the same title', () => {
    const forbidden = forbiddenStrings(
      [
        record('cms/a', 'Same  title', { level: 'public' }),
        record('cms/b', 'Same title', { level: 'collaboration' }),
      ],
      'public',
      '2026-11-22',
    );
    expect(forbidden).toEqual([{ recordId: 'cms/b', what: 'id', text: 'cms/b' }]);
  });
});

describe('spellings', () => {
  it('covers the escaped forms pages, JSON and XML write', () => {
    expect(spellings(`Tom's <b> & "c"`)).toEqual(
      expect.arrayContaining([
        `Tom's <b> & "c"`,
        `Tom's &lt;b&gt; &amp; &quot;c&quot;`,
        'Tom&#39;s &lt;b&gt; &amp; &quot;c&quot;',
        'Tom&apos;s &lt;b&gt; &amp; &quot;c&quot;',
        `Tom's <b> & \\"c\\"`,
        `Tom's \\u003cb\\u003e \\u0026 \\"c\\"`,
      ]),
    );
  });

  it('gives ids word boundaries and titles none', () => {
    const { patterns } = forbiddenPatterns([
      { recordId: 'cms/x', what: 'id', text: 'cms/x' },
      { recordId: 'cms/x', what: 'title', text: 'A title' },
    ]);
    expect(patterns).toEqual([
      { text: 'cms/x', wordBoundary: true },
      { text: 'A title', wordBoundary: false },
    ]);
  });
});
