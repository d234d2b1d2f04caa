import { describe, expect, it } from 'vitest';
import { createAjv } from '../../../scripts/lib/schemas/ajv.ts';
import { bibtex, citationKey } from '../../../scripts/lib/export/bibtex.ts';
import { citationCff } from '../../../scripts/lib/export/cff.ts';
import { codemeta } from '../../../scripts/lib/export/codemeta.ts';
import { dataciteAttributes } from '../../../scripts/lib/export/datacite.ts';
import { missingMandatoryProperties } from '../../../scripts/lib/export/datacite-mandatory.ts';
import { jsonLdScript, schemaOrgJsonLd } from '../../../scripts/lib/export/jsonld.ts';
import { latexTables } from '../../../scripts/lib/export/latex.ts';
import { roCrate } from '../../../scripts/lib/export/rocrate.ts';
import { parseYaml } from '../../../scripts/lib/yaml/index.ts';
import { RECORD, context } from './fixture.ts';

describe('DataCite JSON', () => {
  it('has every property DataCite 4.5 makes mandatory', () => {
    const attributes = dataciteAttributes(RECORD, context());
    expect(missingMandatoryProperties(attributes)).toEqual([]);
    // DataCite's JSON schema, its required properties re-stated.
    const validate = createAjv().compile({
      type: 'object',
      required: [
        'doi',
        'types',
        'creators',
        'titles',
        'publisher',
        'publicationYear',
        'schemaVersion',
      ],
      properties: {
        doi: { type: 'string', pattern: '^10\\.\\d{4,9}/\\S+$' },
        types: {
          type: 'object',
          required: ['resourceTypeGeneral'],
          properties: { resourceTypeGeneral: { type: 'string' } },
        },
        creators: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['name'],
            properties: { name: { type: 'string', minLength: 1 } },
          },
        },
        titles: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['title'],
            properties: { title: { type: 'string', minLength: 1 } },
          },
        },
        publisher: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string', minLength: 1 } },
        },
        publicationYear: { type: 'string', pattern: '^[0-9]{4}$' },
        schemaVersion: { const: 'http://datacite.org/schema/kernel-4' },
      },
    });
    expect(validate(attributes), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('CITATION.cff', () => {
  // The constraints of the CFF 1.2.0 schema that a dataset citation touches.
  const orcid = {
    type: 'string',
    pattern: '^https://orcid\\.org/[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$',
  };
  const person = {
    type: 'object',
    anyOf: [
      { properties: { 'family-names': true }, required: ['family-names'] },
      { properties: { name: true }, required: ['name'] },
    ],
    properties: {
      'family-names': { type: 'string', minLength: 1 },
      'given-names': { type: 'string', minLength: 1 },
      name: { type: 'string', minLength: 1 },
      orcid,
      affiliation: { type: 'string', minLength: 1 },
    },
    additionalProperties: false,
  };
  const doi = {
    type: 'string',
    pattern: '^10\\.\\d{4,9}(\\.\\d+)?/[A-Za-z0-9:/_;\\-\\.\\(\\)\\[\\]\\\\]+$',
  };
  const cffSchema = {
    type: 'object',
    required: ['cff-version', 'message', 'title', 'authors'],
    properties: {
      'cff-version': { const: '1.2.0' },
      message: { type: 'string', minLength: 1 },
      type: { enum: ['dataset', 'software'] },
      title: { type: 'string', minLength: 1 },
      authors: { type: 'array', minItems: 1, items: person },
      abstract: { type: 'string', minLength: 1 },
      version: { type: 'string' },
      'date-released': { type: 'string', format: 'date' },
      doi,
      identifiers: {
        type: 'array',
        items: {
          type: 'object',
          required: ['type', 'value'],
          properties: {
            type: { enum: ['doi', 'url', 'swh', 'other'] },
            value: { type: 'string' },
            description: { type: 'string' },
          },
          additionalProperties: false,
        },
      },
      url: { type: 'string', pattern: '^https?://' },
      'repository-code': { type: 'string', pattern: '^https?://' },
      license: { type: 'string', pattern: '^[A-Za-z0-9.+-]+$' },
      keywords: { type: 'array', items: { type: 'string', minLength: 1 } },
      'preferred-citation': {
        type: 'object',
        required: ['type', 'title', 'authors'],
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          authors: { type: 'array', minItems: 1, items: person },
          doi,
          journal: { type: 'string' },
          year: { type: 'integer' },
          url: { type: 'string' },
        },
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  };
  const validate = createAjv().compile(cffSchema);

  it('follows the CFF 1.2.0 schema', () => {
    const { value, issues } = parseYaml(citationCff(RECORD, context()));
    expect(issues).toEqual([]);
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    expect(value).toMatchObject({
      authors: [
        {
          'family-names': 'Lovelace',
          orcid: 'https://orcid.org/0000-0002-1825-0097',
          affiliation: 'CERN',
        },
        { 'family-names': 'Du Châtelet' },
      ],
      doi: '10.5281/zenodo.1234567',
      'preferred-citation': {
        type: 'article',
        journal: 'Phys. Lett. B 779 (2018) 283',
        authors: [{ name: 'CMS Collaboration' }],
      },
    });
  });

  it('credits the collaboration as an entity when no person is an author, and never writes emails', () => {
    const text = citationCff({ ...RECORD, people: [] }, context());
    const { value } = parseYaml(text);
    expect(validate(value)).toBe(true);
    expect((value as { authors: unknown[] }).authors).toEqual([{ name: 'CMS Collaboration' }]);
    expect(citationCff(RECORD, context())).not.toContain('@example.org');
  });

  it('is refused by the test schema when an ORCID is not a URL (the check can fail)', () => {
    const { value } = parseYaml(citationCff(RECORD, context()).replace('https://orcid.org/', ''));
    expect(validate(value)).toBe(false);
  });
});

describe('RO-Crate', () => {
  const crate = roCrate(RECORD, context());
  const graph = crate['@graph'];
  const byId = new Map(graph.map((entity) => [entity['@id'], entity]));

  it('has the metadata descriptor and the root data entity RO-Crate 1.1 requires', () => {
    expect(crate['@context']).toBe('https://w3id.org/ro/crate/1.1/context');
    expect(byId.get('ro-crate-metadata.json')).toEqual({
      '@id': 'ro-crate-metadata.json',
      '@type': 'CreativeWork',
      conformsTo: { '@id': 'https://w3id.org/ro/crate/1.1' },
      about: { '@id': './' },
    });
    const root = byId.get('./')!;
    expect(root['@type']).toBe('Dataset');
    for (const key of ['name', 'description', 'datePublished', 'license'])
      expect(root[key], key).toBeTruthy();
    expect(root.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('describes every part and every entity it refers to, each id once', () => {
    expect(new Set(graph.map((e) => e['@id'])).size).toBe(graph.length);
    const refs: string[] = [];
    const collect = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') {
        const keys = Object.keys(value);
        if (keys.length === 1 && keys[0] === '@id') refs.push((value as { '@id': string })['@id']);
        else Object.values(value).forEach(collect);
      }
    };
    graph.forEach((entity) =>
      Object.entries(entity).forEach(([key, value]) => key !== '@id' && collect(value)),
    );
    const external = (id: string) => /^https:\/\/w3id\.org\/ro\/crate\//.test(id);
    expect(refs.filter((id) => !byId.has(id) && !external(id))).toEqual([]);
    expect((byId.get('./')!.hasPart as Array<{ '@id': string }>).map((p) => p['@id'])).toEqual([
      'record.yaml',
      'reana.yaml',
      'files/fit.C',
      'files/100%25%20plot.svg',
    ]);
    expect(byId.get('reana.yaml')!['@type']).toEqual([
      'File',
      'SoftwareSourceCode',
      'ComputationalWorkflow',
    ]);
    expect(byId.get('files/fit.C')).toMatchObject({
      sha256: 'a'.repeat(64),
      contentSize: '12',
      encodingFormat: 'text/x-c',
    });
    expect(byId.get('https://orcid.org/0000-0002-1825-0097')).toMatchObject({
      '@type': 'Person',
      affiliation: [{ '@id': 'https://ror.org/01ggx4157' }],
    });
  });
});

describe('schema.org JSON-LD and CodeMeta', () => {
  it('describe the record as a Dataset with creators identified by ORCID', () => {
    const node = schemaOrgJsonLd(RECORD, context());
    expect(node).toMatchObject({
      '@context': 'https://schema.org/',
      '@type': 'Dataset',
      '@id': 'https://doi.org/10.5281/zenodo.1234567',
      license: 'https://creativecommons.org/licenses/by/4.0/legalcode',
      creator: [
        {
          '@id': 'https://orcid.org/0000-0002-1825-0097',
          affiliation: [{ '@id': 'https://ror.org/01ggx4157' }],
        },
        { familyName: 'Du Châtelet' },
      ],
      citation: [{ '@id': 'https://doi.org/10.1016/j.physletb.2018.02.004' }],
    });
    expect((node.description as string).length).toBeGreaterThan(10);
    expect(jsonLdScript(node)).not.toContain('<');
  });

  it('CodeMeta points at the code pinned to its tag, with the container as a requirement', () => {
    expect(codemeta(RECORD, context())).toMatchObject({
      '@context': 'https://w3id.org/codemeta/3.0',
      '@type': 'SoftwareSourceCode',
      codeRepository: 'https://github.com/cms-analysis/htt',
      version: 'v1.2.0',
      license: 'https://spdx.org/licenses/Apache-2.0',
      softwareRequirements: ['gitlab-registry.cern.ch/cms/htt:v1.2.0'],
    });
  });
});

describe('BibTeX and LaTeX', () => {
  it('writes a @misc entry with escaped specials and balanced braces', () => {
    const entry = bibtex(RECORD, context());
    expect(entry.startsWith('@misc{cms:higgs-tautau-2016:2019,\n')).toBe(true);
    expect(entry).toContain('author       = {Lovelace, Ada and Du Châtelet, Émile},');
    expect(entry).toContain(
      'title        = {{Measurement of the Higgs boson decaying to τ leptons \\& 100\\% of \\{stuff\\}}},',
    );
    expect(entry).toContain('doi          = {10.5281/zenodo.1234567},');
    let depth = 0;
    for (const char of entry.replace(/\\[{}]/g, '')) {
      depth += char === '{' ? 1 : char === '}' ? -1 : 0;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    expect(citationKey('cms/2016/hig-16-043', '2019-01-01')).toBe('cms:2016:hig-16-043:2019');
  });

  it('writes booktabs tables that open and close', () => {
    const tex = latexTables(RECORD, context());
    expect(tex.match(/\\begin\{table\}/g)).toHaveLength(2);
    expect(tex.match(/\\end\{table\}/g)).toHaveLength(2);
    expect(tex).toContain('$\\sqrt{s}$ & 13~TeV \\\\');
    expect(tex).toContain(
      '\\texttt{/Tau/Run2016B-03Feb2017-v2/MINIAOD} & collision-data & MINIAOD & 68\\,727\\,458 &',
    );
    expect(tex).toContain('τ leptons \\& 100\\% of \\{stuff\\}');
  });
});
