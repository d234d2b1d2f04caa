import { describe, expect, it } from 'vitest';
import { detectMoves } from '../../../scripts/lib/history/renames.ts';
import type { RecordFolder } from '../../../scripts/lib/history/record-folders.ts';

const folder = (dir: string, oid: string, tree = `tree-${oid}-${dir}`): RecordFolder => ({
  dir,
  tree,
  metadata: { name: 'record.yaml', oid },
});

const lines = (n: number, changed = 0) =>
  Array.from({ length: n }, (_, i) => (i < changed ? `changed: ${i}` : `line: ${i}`)).join('\n');

describe('detectMoves', () => {
  it('pairs folders whose metadata is identical, preferring the same folder name', async () => {
    const moves = await detectMoves(
      [folder('content/cms/a', 'x'), folder('content/cms/b', 'x')],
      [folder('content/cms/2016/b', 'x'), folder('content/cms/2016/a', 'x')],
      async () => '',
    );
    expect(moves.map((m) => [m.from.dir, m.to.dir]).sort()).toEqual([
      ['content/cms/a', 'content/cms/2016/a'],
      ['content/cms/b', 'content/cms/2016/b'],
    ]);
  });

  it('pairs edited records when at least half of their lines are shared', async () => {
    const texts: { [oid: string]: string } = {
      old: lines(10),
      edited: lines(10, 4),
      unrelated: lines(10, 10),
    };
    const text = async (oid: string) => texts[oid] ?? '';
    const moved = await detectMoves(
      [folder('content/cms/a', 'old')],
      [folder('content/cms/new-name', 'edited')],
      text,
    );
    expect(moved.map((m) => m.to.dir)).toEqual(['content/cms/new-name']);
    const notMoved = await detectMoves(
      [folder('content/cms/a', 'old')],
      [folder('content/cms/other', 'unrelated')],
      text,
    );
    expect(notMoved).toEqual([]);
  });

  it('gives each vanished folder its closest match', async () => {
    const texts: { [oid: string]: string } = {
      a: lines(20),
      b: lines(20, 20).replace(/changed/g, 'other'),
      a2: lines(20, 3),
      b2: lines(20, 20)
        .replace(/changed/g, 'other')
        .replace('other: 0', 'x'),
    };
    const moves = await detectMoves(
      [folder('content/c/a', 'a'), folder('content/c/b', 'b')],
      [folder('content/c/y', 'b2'), folder('content/c/x', 'a2')],
      async (oid) => texts[oid] ?? '',
    );
    expect(moves.map((m) => [m.from.dir, m.to.dir]).sort()).toEqual([
      ['content/c/a', 'content/c/x'],
      ['content/c/b', 'content/c/y'],
    ]);
  });
});
