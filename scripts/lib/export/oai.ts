import type { RecordMetadata } from '../records/types.ts';
import type { ExportContext } from './context.ts';
import { doiUrl } from './context.ts';
import { citationName, creditOf } from './credit.ts';
import type { DataciteAttributes, DataciteName } from './datacite.ts';
import { licenceInfo } from './licenses.ts';
import { attrs, element, xmlEscape } from './xml.ts';

/**
 * OAI-PMH 2.0 for a static site: record metadata as `oai_dc` (Dublin Core) and `oai_datacite`
 * (DataCite kernel 4 in its OAI wrapper), record headers, and whole responses for every verb,
 * so the site can write them as files (one per verb and format) and harvesters can read the
 * archive. Every function is pure; which records go in is the caller's decision (the public
 * site passes public records only).
 */
export const OAI_PMH_NS = 'http://www.openarchives.org/OAI/2.0/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export const METADATA_FORMATS = [
  {
    prefix: 'oai_dc',
    schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
    namespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
  },
  {
    prefix: 'oai_datacite',
    schema: 'http://schema.datacite.org/oai/oai-1.1/oai.xsd',
    namespace: 'http://schema.datacite.org/oai/oai-1.1/',
  },
] as const;
export type MetadataPrefix = (typeof METADATA_FORMATS)[number]['prefix'];

/** `oai:<host of the site>:<collection>/<slug>` — the record's OAI identifier. */
export function oaiIdentifier(siteUrl: string, recordId: string): string {
  return `oai:${new URL(siteUrl).host}:${recordId}`;
}

export function oaiDc(record: RecordMetadata, context: ExportContext): string {
  const credit = creditOf(record);
  const licence = licenceInfo(record.license ?? context.defaultLicense ?? 'CC-BY-4.0');
  const dc = (name: string, value: string | undefined) => element(`dc:${name}`, value);
  return [
    `<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xsi="${XSI}" xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">`,
    dc('title', record.title.replace(/\s+/g, ' ').trim()),
    ...credit.creators.map((p) => dc('creator', citationName(p))),
    ...(credit.creators.length === 0 && credit.collaboration
      ? [dc('creator', credit.collaboration)]
      : []),
    ...[...(record.keywords ?? []), ...(record.physics_themes ?? [])].map((k) => dc('subject', k)),
    dc('description', record.abstract.replace(/\s+/g, ' ').trim()),
    dc('publisher', context.publisher),
    ...credit.contributors.map(({ person }) => dc('contributor', citationName(person))),
    ...(credit.collaboration ? [dc('contributor', credit.collaboration)] : []),
    dc('date', context.published),
    dc('type', 'Dataset'),
    dc('type', 'info:eu-repo/semantics/other'),
    ...(record.doi ? [dc('identifier', doiUrl(record.doi))] : []),
    dc('identifier', context.pageUrl),
    ...(record.publications ?? []).flatMap((p) => [
      ...(p.doi ? [dc('relation', `doi:${p.doi}`)] : []),
      ...(p.arxiv ? [dc('relation', `arXiv:${p.arxiv}`)] : []),
    ]),
    ...(record.datasets ?? []).flatMap((d) => (d.doi ? [dc('source', `doi:${d.doi}`)] : [])),
    dc('language', 'en'),
    dc('rights', licence.url),
    dc(
      'rights',
      record.access.level === 'public'
        ? 'info:eu-repo/semantics/openAccess'
        : 'info:eu-repo/semantics/restrictedAccess',
    ),
    ...(record.collision?.years?.length
      ? [dc('coverage', [...record.collision.years].sort().join('/'))]
      : []),
    '</oai_dc:dc>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** DataCite kernel 4 XML inside the oai_datacite wrapper, from the DataCite attributes. */
export function oaiDatacite(
  attributes: DataciteAttributes,
  options: { datacentre?: string } = {},
): string {
  const names = (
    kind: 'creator' | 'contributor',
    list: Array<DataciteName & { contributorType?: string }>,
  ) =>
    list
      .map((n) =>
        [
          `<${kind}${attrs({ contributorType: n.contributorType })}>`,
          element(`${kind}Name`, n.name, { nameType: n.nameType }),
          element('givenName', n.givenName),
          element('familyName', n.familyName),
          ...n.nameIdentifiers.map((id) =>
            element('nameIdentifier', id.nameIdentifier, {
              nameIdentifierScheme: id.nameIdentifierScheme,
              schemeURI: id.schemeUri,
            }),
          ),
          ...n.affiliation.map((a) =>
            element('affiliation', a.name, {
              affiliationIdentifier: a.affiliationIdentifier,
              affiliationIdentifierScheme: a.affiliationIdentifierScheme,
              schemeURI: a.schemeUri,
            }),
          ),
          `</${kind}>`,
        ].join(''),
      )
      .join('\n');
  const group = (name: string, items: string[]) =>
    items.length ? `<${name}>\n${items.join('\n')}\n</${name}>` : '';
  const resource = [
    `<resource xmlns="http://datacite.org/schema/kernel-4" xmlns:xsi="${XSI}" xsi:schemaLocation="http://datacite.org/schema/kernel-4 http://schema.datacite.org/meta/kernel-4.5/metadata.xsd">`,
    attributes.doi
      ? element('identifier', attributes.doi, { identifierType: 'DOI' })
      : element('identifier', attributes.url, { identifierType: 'URL' }),
    `<creators>\n${names('creator', attributes.creators)}\n</creators>`,
    group(
      'titles',
      attributes.titles.map((t) => element('title', t.title, { 'xml:lang': t.lang })),
    ),
    element('publisher', attributes.publisher.name),
    element('publicationYear', attributes.publicationYear),
    element('resourceType', attributes.types.resourceType, {
      resourceTypeGeneral: attributes.types.resourceTypeGeneral,
    }),
    group(
      'subjects',
      attributes.subjects.map((s) => element('subject', s.subject)),
    ),
    attributes.contributors.length
      ? `<contributors>\n${names('contributor', attributes.contributors)}\n</contributors>`
      : '',
    group(
      'dates',
      attributes.dates.map((d) => element('date', d.date, { dateType: d.dateType })),
    ),
    element('language', attributes.language),
    group(
      'alternateIdentifiers',
      attributes.alternateIdentifiers.map((a) =>
        element('alternateIdentifier', a.alternateIdentifier, {
          alternateIdentifierType: a.alternateIdentifierType,
        }),
      ),
    ),
    group(
      'relatedIdentifiers',
      attributes.relatedIdentifiers.map((r) =>
        element('relatedIdentifier', r.relatedIdentifier, {
          relatedIdentifierType: r.relatedIdentifierType,
          relationType: r.relationType,
          resourceTypeGeneral: r.resourceTypeGeneral,
        }),
      ),
    ),
    group(
      'sizes',
      attributes.sizes.map((s) => element('size', s)),
    ),
    group(
      'formats',
      attributes.formats.map((f) => element('format', f)),
    ),
    element('version', attributes.version),
    group(
      'rightsList',
      attributes.rightsList.map((r) =>
        element('rights', r.rights, {
          rightsURI: r.rightsUri,
          rightsIdentifier: r.rightsIdentifier,
          rightsIdentifierScheme: r.rightsIdentifierScheme,
          schemeURI: r.schemeUri,
        }),
      ),
    ),
    group(
      'descriptions',
      attributes.descriptions.map((d) =>
        element('description', d.description, { descriptionType: d.descriptionType }),
      ),
    ),
    '</resource>',
  ]
    .filter(Boolean)
    .join('\n');
  return [
    `<oai_datacite xmlns="http://schema.datacite.org/oai/oai-1.1/" xmlns:xsi="${XSI}" xsi:schemaLocation="http://schema.datacite.org/oai/oai-1.1/ http://schema.datacite.org/oai/oai-1.1/oai.xsd">`,
    element('schemaVersion', '4.5'),
    element('datacentreSymbol', options.datacentre),
    `<payload>\n${resource}\n</payload>`,
    '</oai_datacite>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** What the site knows about one record for OAI-PMH: identifier, datestamp, set and metadata. */
export interface OaiItem {
  identifier: string;
  /** YYYY-MM-DD: when the record last changed. */
  datestamp: string;
  /** The collection: each collection is an OAI set. */
  set: string;
  /** The metadata in each format, as returned by oaiDc and oaiDatacite. */
  metadata: { [prefix in MetadataPrefix]?: string };
}

export function oaiHeader(item: OaiItem): string {
  return `<header><identifier>${xmlEscape(item.identifier)}</identifier><datestamp>${item.datestamp}</datestamp><setSpec>${xmlEscape(item.set)}</setSpec></header>`;
}

export function oaiRecord(item: OaiItem, prefix: MetadataPrefix): string {
  const metadata = item.metadata[prefix];
  if (metadata === undefined) throw new Error(`No ${prefix} metadata for ${item.identifier}.`);
  return `<record>\n${oaiHeader(item)}\n<metadata>\n${metadata}\n</metadata>\n</record>`;
}

export interface OaiRepository {
  name: string;
  /** The base URL the responses stand for (e.g. `<site>/oai`). */
  baseUrl: string;
  adminEmail: string;
  /** YYYY-MM-DD of the oldest datestamp. */
  earliestDatestamp: string;
  sets: Array<{ spec: string; name: string }>;
  /** A record id to show as the example identifier in Identify. */
  sampleRecordId: string;
}

/** Responses carry the time they were made: the caller passes it (build time, or CAPSULE_NOW). */
function envelope(
  responseDate: string,
  request: { [key: string]: string | undefined },
  baseUrl: string,
  body: string,
): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<OAI-PMH xmlns="${OAI_PMH_NS}" xmlns:xsi="${XSI}" xsi:schemaLocation="${OAI_PMH_NS} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">`,
    `<responseDate>${responseDate}</responseDate>`,
    `<request${attrs(request)}>${xmlEscape(baseUrl)}</request>`,
    body,
    '</OAI-PMH>',
    '',
  ].join('\n');
}

export function oaiIdentify(repository: OaiRepository, responseDate: string): string {
  const host = new URL(repository.baseUrl).host;
  return envelope(
    responseDate,
    { verb: 'Identify' },
    repository.baseUrl,
    [
      '<Identify>',
      element('repositoryName', repository.name),
      element('baseURL', repository.baseUrl),
      '<protocolVersion>2.0</protocolVersion>',
      element('adminEmail', repository.adminEmail),
      `<earliestDatestamp>${repository.earliestDatestamp}</earliestDatestamp>`,
      '<deletedRecord>no</deletedRecord>',
      '<granularity>YYYY-MM-DD</granularity>',
      '<description><oai-identifier xmlns="http://www.openarchives.org/OAI/2.0/oai-identifier" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai-identifier http://www.openarchives.org/OAI/2.0/oai-identifier.xsd">',
      `<scheme>oai</scheme><repositoryIdentifier>${xmlEscape(host)}</repositoryIdentifier><delimiter>:</delimiter><sampleIdentifier>oai:${xmlEscape(host)}:${xmlEscape(repository.sampleRecordId)}</sampleIdentifier>`,
      '</oai-identifier></description>',
      '</Identify>',
    ].join('\n'),
  );
}

export function oaiListMetadataFormats(repository: OaiRepository, responseDate: string): string {
  return envelope(
    responseDate,
    { verb: 'ListMetadataFormats' },
    repository.baseUrl,
    `<ListMetadataFormats>\n${METADATA_FORMATS.map((f) => `<metadataFormat><metadataPrefix>${f.prefix}</metadataPrefix><schema>${f.schema}</schema><metadataNamespace>${f.namespace}</metadataNamespace></metadataFormat>`).join('\n')}\n</ListMetadataFormats>`,
  );
}

export function oaiListSets(repository: OaiRepository, responseDate: string): string {
  return envelope(
    responseDate,
    { verb: 'ListSets' },
    repository.baseUrl,
    `<ListSets>\n${repository.sets.map((s) => `<set><setSpec>${xmlEscape(s.spec)}</setSpec><setName>${xmlEscape(s.name)}</setName></set>`).join('\n')}\n</ListSets>`,
  );
}

/**
 * One page of a list split by resumption tokens. A static site cannot answer a token, so the
 * token names the file the next page is published at (see site/oai.ts).
 */
export interface OaiPage {
  /** How many items of the complete list came before this page. */
  cursor: number;
  completeListSize: number;
  /** The token this page answers (absent for the first page, which answers metadataPrefix). */
  requestToken?: string;
  /** The token of the next page (absent for the last page). */
  nextToken?: string;
}

function listRequest(
  verb: string,
  prefix: MetadataPrefix,
  page: OaiPage | undefined,
): { [key: string]: string } {
  return page?.requestToken
    ? { verb, resumptionToken: page.requestToken }
    : { verb, metadataPrefix: prefix };
}

/** OAI-PMH 3.5: every page of a split list carries a token; the last one an empty token. */
function resumptionToken(page: OaiPage | undefined): string[] {
  if (!page || (!page.nextToken && !page.requestToken)) return [];
  return [
    `<resumptionToken${attrs({ completeListSize: String(page.completeListSize), cursor: String(page.cursor) })}>${xmlEscape(page.nextToken ?? '')}</resumptionToken>`,
  ];
}

export function oaiListRecords(
  repository: OaiRepository,
  items: readonly OaiItem[],
  prefix: MetadataPrefix,
  responseDate: string,
  page?: OaiPage,
): string {
  const request = listRequest('ListRecords', prefix, page);
  if (items.length === 0) return noRecords(repository, request, responseDate);
  return envelope(
    responseDate,
    request,
    repository.baseUrl,
    [
      '<ListRecords>',
      ...items.map((item) => oaiRecord(item, prefix)),
      ...resumptionToken(page),
      '</ListRecords>',
    ].join('\n'),
  );
}

export function oaiListIdentifiers(
  repository: OaiRepository,
  items: readonly OaiItem[],
  prefix: MetadataPrefix,
  responseDate: string,
  page?: OaiPage,
): string {
  const request = listRequest('ListIdentifiers', prefix, page);
  if (items.length === 0) return noRecords(repository, request, responseDate);
  return envelope(
    responseDate,
    request,
    repository.baseUrl,
    [
      '<ListIdentifiers>',
      ...items.map(oaiHeader),
      ...resumptionToken(page),
      '</ListIdentifiers>',
    ].join('\n'),
  );
}

export function oaiGetRecord(
  repository: OaiRepository,
  item: OaiItem,
  prefix: MetadataPrefix,
  responseDate: string,
): string {
  return envelope(
    responseDate,
    { verb: 'GetRecord', identifier: item.identifier, metadataPrefix: prefix },
    repository.baseUrl,
    `<GetRecord>\n${oaiRecord(item, prefix)}\n</GetRecord>`,
  );
}

function noRecords(
  repository: OaiRepository,
  request: { [key: string]: string },
  responseDate: string,
): string {
  return envelope(
    responseDate,
    request,
    repository.baseUrl,
    '<error code="noRecordsMatch">No records match the request.</error>',
  );
}
