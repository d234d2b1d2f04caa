import { afterEach, describe, expect, it } from 'vitest';
import { formData } from '../../../scripts/lib/site/form-data.ts';
import { loadSite } from '../../../scripts/lib/site/load-site.ts';
import { withheldPointers } from '../../../scripts/lib/site/withheld.ts';
import { makeArchive, recordYaml } from '../../helpers/temp-archive.ts';
import type { TempArchive } from '../../helpers/temp-archive.ts';

/** What the submission form of a build knows: only what the loader gave that build. */
let archive: TempArchive | undefined;
afterEach(async () => archive?.cleanup());

const person = (given: string, family: string, orcid: string) =>
  `\n  - given_name: ${given}\n    family_name: ${family}\n    orcid: ${orcid}\n    email: ${given.toLowerCase()}@example.org`;

async function sampleArchive(): Promise<TempArchive> {
  return makeArchive({
    'content/general/open/record.yaml': recordYaml({
      title: 'Open record',
      people: person('Ada', 'Lovelace', '0000-0002-1825-0097'),
      keywords: '\n  - top quark',
      related_records: '\n  - general/internal',
    }),
    'content/general/internal/record.yaml': recordYaml({
      title: 'Internal record',
      access: '\n  level: collaboration',
      people: person('Grace', 'Hopper', '0000-0001-5109-3700'),
      keywords: '\n  - hidden keyword',
    }),
    'content/general/secret/record.yaml': recordYaml({
      title: 'Secret record',
      access: '\n  level: restricted',
      people: person('Emmy', 'Noether', '0000-0002-9286-0344'),
      keywords: '\n  - secret keyword',
    }),
  });
}

describe("the form's data", () => {
  it('suggests for the public only what public records hold, and never an email address', async () => {
    archive = await sampleArchive();
    const site = await loadSite(archive.root, { audience: 'public', day: '2026-11-22' });
    const data = formData(site);
    const text = JSON.stringify(data);
    for (const hidden of [
      'Hopper',
      'Noether',
      'hidden keyword',
      'secret keyword',
      'general/internal',
      '@example.org',
    ])
      expect(text, hidden).not.toContain(hidden);
    expect(data.suggestions.people).toEqual([
      { given_name: 'Ada', family_name: 'Lovelace', orcid: '0000-0002-1825-0097' },
    ]);
    expect(data.records).toEqual(['general/open']);
  });

  it('suggests collaboration records internally, restricted ones nowhere', async () => {
    archive = await sampleArchive();
    const data = formData(
      await loadSite(archive.root, { audience: 'internal', day: '2026-11-22' }),
    );
    const text = JSON.stringify(data);
    expect(text).toContain('Hopper');
    expect(text).not.toContain('Noether');
    expect(text).not.toContain('secret keyword');
  });

  it('gives the forge, the collections with their first schema, and every schema document', async () => {
    archive = await sampleArchive();
    const data = formData(await loadSite(archive.root, { audience: 'public', day: '2026-11-22' }));
    expect(data.forge).toEqual({
      type: 'github',
      url: 'https://github.com',
      repository: 'example/archive',
    });
    expect(data.collections).toEqual([
      {
        name: 'general',
        title: 'General analyses',
        schema: 'analysis/1.0.0',
        defaultAccess: 'public',
      },
    ]);
    expect(data.schemas.map((schema) => schema.ref)).toContain('common/1.0.0/person');
  });

  it('tells which fields of a record the build withheld', async () => {
    archive = await sampleArchive();
    const open = (await loadSite(archive.root, { audience: 'public', day: '2026-11-22' }))
      .records[0];
    expect(open?.withheld).toEqual(['/people/0/email', '/related_records']);
    const internal = await loadSite(archive.root, { audience: 'internal', day: '2026-11-22' });
    expect(
      internal.records.find((record) => record.id === 'general/open')?.withheld,
    ).toBeUndefined();
  });
});

describe('withheld fields', () => {
  it('are the keys and list items redaction removed', () => {
    expect(
      withheldPointers(
        { a: 1, b: { c: 2, 'd/e': 3 }, list: ['x', 'y', 'z'], people: [{ n: 1, e: 2 }] },
        { a: 1, b: { c: 2 }, list: ['x', 'z'], people: [{ n: 1 }] },
      ),
    ).toEqual(['/b/d~1e', '/list/1', '/people/0/e']);
    expect(withheldPointers({ a: [1] }, { a: [1] })).toEqual([]);
  });
});
