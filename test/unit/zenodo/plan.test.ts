import { describe, expect, it } from 'vitest';
import { planMint } from '../../../scripts/lib/zenodo/plan.ts';
import { MetadataFile } from '../../../scripts/lib/records/source.ts';
import type { ArchiveRecord } from '../../../scripts/lib/records/types.ts';

function record(slug: string, data: { [key: string]: unknown }): ArchiveRecord {
  const dir = `content/general/${slug}`;
  return {
    id: `general/${slug}`,
    collection: 'general',
    slug,
    dir,
    metadataFile: new MetadataFile(`${dir}/record.yaml`, ''),
    format: 'yaml',
    data,
    files: [],
  };
}

const zenodo = (version: string) => ({ deposition_id: 11, concept_recid: '10', version });

describe('planMint', () => {
  const plan = planMint(
    [
      record('new', { version: '1', access: { level: 'public' } }),
      record('embargoed', {
        version: '1',
        access: { level: 'public', embargo_until: '2027-01-01' },
      }),
      record('bumped', {
        version: '2',
        access: { level: 'public' },
        doi: '10.5072/zenodo.11',
        zenodo: zenodo('1'),
      }),
      record('lost-doi', { version: '1', access: { level: 'public' }, zenodo: zenodo('1') }),
      record('minted', {
        version: '1',
        access: { level: 'public' },
        doi: '10.5072/zenodo.11',
        zenodo: zenodo('1'),
      }),
      record('external', { version: '1', access: { level: 'public' }, doi: '10.1000/xyz' }),
      record('internal', { version: '1', access: { level: 'collaboration' } }),
      record('secret', { version: '1', access: { level: 'restricted' } }),
    ],
    '2026-11-22',
  );

  it('plans public records whose version has no DOI, embargoed ones included', () => {
    expect(plan.planned.map((item) => [item.record.slug, item.kind, item.embargoed])).toEqual([
      ['bumped', 'new-version', false],
      ['embargoed', 'first-version', true],
      ['lost-doi', 'new-version', false],
      ['new', 'first-version', false],
    ]);
    expect(plan.planned[0]).toMatchObject({ conceptrecid: '10', latestKnownId: 11, version: '2' });
  });

  it('never plans collaboration or restricted records, nor minted ones or DOIs from elsewhere', () => {
    expect(plan.skipped).toEqual([
      { id: 'general/external', reason: 'external-doi' },
      { id: 'general/internal', reason: 'not-public' },
      { id: 'general/minted', reason: 'minted' },
      { id: 'general/secret', reason: 'not-public' },
    ]);
  });
});
