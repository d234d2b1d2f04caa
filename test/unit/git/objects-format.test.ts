import { describe, expect, it } from 'vitest';
import { applyDelta } from '../../../scripts/lib/git/delta.ts';
import { parseCommit, parseTree } from '../../../scripts/lib/git/parse-objects.ts';
import { isoDate } from '../../../scripts/lib/history/commit-summary.ts';

describe('git object formats', () => {
  it('applies a delta of copy and insert instructions', () => {
    const base = Buffer.from('title: Higgs\nversion: 1\n');
    // base size 24, result size 25: copy "title: Higgs\n" (offset 0, 13 bytes), insert "version: 22\n".
    const delta = Buffer.from([24, 25, 0x90, 13, 12, ...Buffer.from('version: 22\n')]);
    expect(applyDelta(base, delta).toString()).toBe('title: Higgs\nversion: 22\n');
    expect(() => applyDelta(Buffer.from('short'), delta)).toThrow('does not fit its base');
  });

  it('parses tree entries with their modes and types', () => {
    const oid = 'ab'.repeat(20);
    const tree = Buffer.concat([
      Buffer.from('100644 record.yaml\0'),
      Buffer.from(oid, 'hex'),
      Buffer.from('40000 files\0'),
      Buffer.from(oid, 'hex'),
    ]);
    expect([...parseTree(tree).values()]).toEqual([
      { name: 'record.yaml', mode: '100644', oid, type: 'blob' },
      { name: 'files', mode: '040000', oid, type: 'tree' },
    ]);
  });

  it('parses a signed merge commit with its authors and time zones', () => {
    const commit = parseCommit(
      Buffer.from(
        [
          `tree ${'1'.repeat(40)}`,
          `parent ${'2'.repeat(40)}`,
          `parent ${'3'.repeat(40)}`,
          'author Chien-Shiung Wu <wu@example.org> 1704110400 +0530',
          'committer GitHub <noreply@github.com> 1704114000 -0700',
          'gpgsig -----BEGIN PGP SIGNATURE-----',
          ' wsBcBAABCAAQBQJl',
          ' -----END PGP SIGNATURE-----',
          '',
          'Merge pull request #7',
          '',
          'Add the record',
        ].join('\n'),
      ),
    );
    expect(commit.parents).toEqual(['2'.repeat(40), '3'.repeat(40)]);
    expect(commit.author).toEqual({
      name: 'Chien-Shiung Wu',
      email: 'wu@example.org',
      timestamp: 1704110400,
      timezoneOffset: -330,
    });
    expect(commit.message).toBe('Merge pull request #7\n\nAdd the record');
    expect(isoDate(commit.author.timestamp, -commit.author.timezoneOffset)).toBe(
      '2024-01-01T17:30:00+05:30',
    );
    expect(isoDate(commit.committer.timestamp, -commit.committer.timezoneOffset)).toBe(
      '2024-01-01T06:00:00-07:00',
    );
  });
});
