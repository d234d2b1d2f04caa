import { describe, expect, it } from 'vitest';
import { datasetJsonLd, jsonForScript } from '../../../scripts/lib/site/json-ld.ts';
import type { RecordMetadata } from '../../../scripts/lib/records/types.ts';

describe('jsonForScript', () => {
  it('cannot close a script element, open a comment or split a line', () => {
    const value = { title: '</script><script>alert(1)</script><!-- & \u2028 \u2029' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('datasetJsonLd', () => {
  const metadata = {
    $schema: 'analysis/1.0.0',
    title: 'Measurement of the top quark mass',
    abstract: 'A measurement.',
    version: '2',
    created: '2024-03-01',
    updated: '2025-01-10',
    experiment: 'CMS',
    collaboration: 'CMS Collaboration',
    access: { level: 'public' },
    people: [
      {
        given_name: 'Ada',
        family_name: 'Lovelace',
        orcid: '0000-0002-1825-0097',
        affiliations: [{ name: 'CERN', ror: '01ggx4157' }],
      },
    ],
    keywords: ['top quark'],
    license: 'CC-BY-4.0',
    doi: '10.5281/zenodo.123',
    publications: [{ arxiv: '1708.00373' }],
  } as RecordMetadata;

  it('describes the record as a schema.org Dataset with ORCID and ROR identifiers', () => {
    const ld = datasetJsonLd(metadata, {
      url: 'https://archive.example.org/records/cms/top/',
      publisher: 'Archive',
      files: [
        {
          url: 'https://archive.example.org/files/cms/top/files/fit.C',
          name: 'files/fit.C',
          size: 12,
          mediaType: 'text/x-c',
        },
      ],
    }) as { [key: string]: unknown };
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Dataset',
      name: 'Measurement of the top quark mass',
      identifier: ['https://doi.org/10.5281/zenodo.123'],
      license: 'https://spdx.org/licenses/CC-BY-4.0',
      dateModified: '2025-01-10',
      citation: ['https://arxiv.org/abs/1708.00373'],
      creator: [
        {
          '@type': 'Person',
          '@id': 'https://orcid.org/0000-0002-1825-0097',
          affiliation: [
            { '@type': 'Organization', name: 'CERN', '@id': 'https://ror.org/01ggx4157' },
          ],
        },
      ],
      distribution: [
        {
          '@type': 'DataDownload',
          contentUrl: 'https://archive.example.org/files/cms/top/files/fit.C',
          encodingFormat: 'text/x-c',
        },
      ],
    });
  });
});
