import { describe, expect, it } from 'vitest';
import { dataciteAttributes } from '../../../scripts/lib/export/datacite.ts';
import { OAI_PMH_NS, oaiDatacite, oaiDc } from '../../../scripts/lib/export/oai.ts';
import {
  STATIC_REPOSITORY_LIMIT,
  STATIC_REPOSITORY_NS,
  oaiStaticRepository,
  staticRepositoryBaseUrl,
} from '../../../scripts/lib/export/oai-static.ts';
import { oaiItem, oaiRepositoryFiles } from '../../../scripts/lib/site/oai-repository.ts';
import type { SiteOaiItem } from '../../../scripts/lib/site/oai-repository.ts';
import { parseXml } from '../../helpers/xml.ts';
import { RECORD, context } from '../export/fixture.ts';

/** The site's OAI-PMH repository as static files, and its OAI Static Repository. */
const SITE = 'https://archive.example.org/';
const config = { name: 'Example archive', contact_email: 'archive@example.org' };
const collections = [
  {
    name: 'cms',
    title: 'CMS analyses',
    schemas: [],
    defaultSchema: 'cms-analysis/1.0.0',
    reviewers: [],
  },
];

function items(count: number): SiteOaiItem[] {
  const metadata = {
    oai_dc: oaiDc(RECORD, context()),
    oai_datacite: oaiDatacite(dataciteAttributes(RECORD, context())),
  };
  return Array.from({ length: count }, (_, index) =>
    oaiItem(
      SITE,
      {
        id: `cms/record-${String(index).padStart(3, '0')}`,
        collection: 'cms',
        metadata: {
          ...RECORD,
          created: `2019-01-${String((index % 28) + 1).padStart(2, '0')}`,
          updated: undefined,
        },
      },
      metadata,
    ),
  );
}

function files(count: number, pageSize?: number) {
  const result = oaiRepositoryFiles({
    config,
    siteUrl: SITE,
    collections,
    items: items(count),
    day: '2026-11-22',
    ...(pageSize ? { pageSize } : {}),
  });
  if (!result.ok) throw new Error(result.reason);
  return new Map([...result.files].map(({ file, text }) => [file, text]));
}

const NS = OAI_PMH_NS;
const one = (document: Document, name: string, ns = NS) =>
  document.getElementsByTagNameNS(ns, name)[0]?.textContent ?? undefined;

describe('the static OAI-PMH repository', () => {
  it('answers every verb with a well-formed response holding the required elements', () => {
    const all = files(3);
    for (const [file, text] of all) {
      const document = parseXml(text);
      expect(document.documentElement.namespaceURI, file).toBe(
        file.endsWith('static-repository.xml') ? STATIC_REPOSITORY_NS : NS,
      );
    }
    const identify = parseXml(all.get('oai/Identify.xml')!);
    for (const name of [
      'repositoryName',
      'baseURL',
      'protocolVersion',
      'adminEmail',
      'earliestDatestamp',
      'deletedRecord',
      'granularity',
    ])
      expect(one(identify, name), name).toBeTruthy();
    expect(one(identify, 'adminEmail')).toBe('archive@example.org');
    expect(one(identify, 'baseURL')).toBe(`${SITE}oai/`);
    expect(one(identify, 'earliestDatestamp')).toBe('2019-01-01');
    expect(one(identify, 'responseDate')).toBe('2026-11-22T00:00:00Z');

    const formats = parseXml(all.get('oai/ListMetadataFormats.xml')!);
    expect(
      [...formats.getElementsByTagNameNS(NS, 'metadataPrefix')].map((e) => e.textContent),
    ).toEqual(['oai_dc', 'oai_datacite']);
    expect(one(parseXml(all.get('oai/ListSets.xml')!), 'setSpec')).toBe('cms');

    for (const prefix of ['oai_dc', 'oai_datacite']) {
      const list = parseXml(all.get(`oai/ListRecords/${prefix}.xml`)!);
      expect(list.getElementsByTagNameNS(NS, 'record')).toHaveLength(3);
      expect(list.getElementsByTagNameNS(NS, 'resumptionToken')).toHaveLength(0);
      const identifiers = parseXml(all.get(`oai/ListIdentifiers/${prefix}.xml`)!);
      expect(identifiers.getElementsByTagNameNS(NS, 'header')).toHaveLength(3);
      const get = parseXml(all.get(`oai/GetRecord/${prefix}/cms/record-001.xml`)!);
      expect(one(get, 'identifier')).toBe('oai:archive.example.org:cms/record-001');
      expect(get.getElementsByTagNameNS(NS, 'request')[0]?.getAttribute('identifier')).toBe(
        'oai:archive.example.org:cms/record-001',
      );
    }
  });

  it('splits long lists into pages whose resumption token names the next page’s file', () => {
    const all = files(5, 2);
    let file: string | undefined = 'oai/ListRecords/oai_dc.xml';
    const seen: string[] = [];
    const cursors: string[] = [];
    while (file) {
      const document = parseXml(all.get(file)!);
      for (const header of document.getElementsByTagNameNS(NS, 'identifier'))
        seen.push(header.textContent!);
      const token = document.getElementsByTagNameNS(NS, 'resumptionToken')[0]!;
      expect(token.getAttribute('completeListSize')).toBe('5');
      cursors.push(token.getAttribute('cursor')!);
      file = token.textContent ? `oai/ListRecords/${token.textContent}.xml` : undefined;
      if (file) {
        const next = parseXml(all.get(file)!);
        // A later page answers its token, not a metadataPrefix.
        expect(next.getElementsByTagNameNS(NS, 'request')[0]?.getAttribute('resumptionToken')).toBe(
          token.textContent,
        );
      }
    }
    expect(seen).toEqual(items(5).map((item) => item.identifier));
    expect(cursors).toEqual(['0', '2', '4']);
    expect(all.has('oai/ListIdentifiers/oai_datacite/3.xml')).toBe(true);
  });

  it('says noRecordsMatch for an empty archive, and is not written without an admin address', () => {
    const empty = files(0);
    const list = parseXml(empty.get('oai/ListRecords/oai_dc.xml')!);
    expect(list.getElementsByTagNameNS(NS, 'error')[0]?.getAttribute('code')).toBe(
      'noRecordsMatch',
    );
    const result = oaiRepositoryFiles({
      config: { name: 'x' },
      siteUrl: SITE,
      collections,
      items: items(1),
      day: '2026-11-22',
    });
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('contact_email') });
  });
});

describe('the OAI Static Repository', () => {
  it('has Identify, ListMetadataFormats and one ListRecords per format, headers without sets', () => {
    const document = parseXml(files(2).get('oai/static-repository.xml')!);
    const root = document.documentElement;
    expect([root.localName, root.namespaceURI]).toEqual(['Repository', STATIC_REPOSITORY_NS]);
    const children = [...root.childNodes].filter((node) => node.nodeType === 1) as Element[];
    expect(
      children.map((child) => [child.localName, child.getAttribute('metadataPrefix')]),
    ).toEqual([
      ['Identify', null],
      ['ListMetadataFormats', null],
      ['ListRecords', 'oai_dc'],
      ['ListRecords', 'oai_datacite'],
    ]);
    expect(children.every((child) => child.namespaceURI === STATIC_REPOSITORY_NS)).toBe(true);
    expect(one(document, 'baseURL')).toBe(`${SITE}oai/static-repository.xml`);
    expect(one(document, 'granularity')).toBe('YYYY-MM-DD');
    expect(one(document, 'deletedRecord')).toBe('no');
    expect(document.getElementsByTagNameNS(NS, 'record')).toHaveLength(4);
    expect(document.getElementsByTagNameNS(NS, 'setSpec')).toHaveLength(0);
    expect(document.getElementsByTagNameNS(NS, 'resumptionToken')).toHaveLength(0);
    expect(
      document.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'title').length,
    ).toBe(2);
  });

  it('names its gateway in its base URL, and holds at most 5,000 records', () => {
    expect(
      staticRepositoryBaseUrl(
        `${SITE}oai/static-repository.xml`,
        'https://gateway.example.net/oai',
      ),
    ).toBe('https://gateway.example.net/oai/archive.example.org/oai/static-repository.xml');
    const repository = {
      name: 'x',
      baseUrl: SITE,
      adminEmail: 'a@example.org',
      earliestDatestamp: '2019-01-01',
    };
    expect(() => oaiStaticRepository(repository, items(STATIC_REPOSITORY_LIMIT + 1))).toThrow(
      /at most 5000/,
    );
    const big = oaiRepositoryFiles({
      config,
      siteUrl: SITE,
      collections,
      items: items(STATIC_REPOSITORY_LIMIT + 1),
      day: '2026-11-22',
    });
    expect(big.ok && big.staticRepository).toBe(false);
  });
});
