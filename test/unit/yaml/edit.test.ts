import { describe, expect, it } from 'vitest';
import { emitYaml, parseYaml, setIn, deleteIn } from '../../../scripts/lib/yaml/index.ts';

const RECORD = `$schema: analysis/1.0.0
# The title as published
title: Measurement of something
version: '2'
access:
  level: public # decided by the conveners
`;

describe('setIn', () => {
  it('adds fields where they belong and leaves the rest of the file byte for byte', () => {
    const { document } = parseYaml(RECORD, { trivia: true });
    const order = ['$schema', 'title', 'version', 'access', 'doi', 'concept_doi', 'zenodo'];
    const position = (_path: unknown, keys: string[], key: string) =>
      keys.filter((k) => order.indexOf(k) < order.indexOf(key)).length;
    setIn(document!, ['doi'], '10.5281/zenodo.101', position);
    setIn(document!, ['zenodo'], { deposition_id: 101, concept_recid: '100' }, position);
    expect(emitYaml(document!)).toBe(
      `${RECORD}doi: 10.5281/zenodo.101\nzenodo:\n  deposition_id: 101\n  concept_recid: '100'\n`,
    );
  });

  it('replaces a value in a nested mapping and keeps the comments around it', () => {
    const { document } = parseYaml(RECORD, { trivia: true });
    setIn(document!, ['access', 'level'], 'collaboration');
    expect(emitYaml(document!)).toBe(RECORD.replace('level: public', 'level: collaboration'));
  });

  it('merges into an existing mapping instead of replacing it', () => {
    const { document } = parseYaml(RECORD, { trivia: true });
    setIn(document!, ['access'], { embargo_until: '2030-01-01' });
    expect(parseYaml(emitYaml(document!)).value).toMatchObject({
      access: { level: 'public', embargo_until: '2030-01-01' },
    });
    expect(emitYaml(document!)).toContain('# decided by the conveners');
  });

  it('deletes an entry', () => {
    const { document } = parseYaml(RECORD, { trivia: true });
    deleteIn(document!, ['version']);
    expect(emitYaml(document!)).toBe(RECORD.replace("version: '2'\n", ''));
  });
});
