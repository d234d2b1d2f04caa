import { METADATA_FORMATS } from './oai.ts';
import type { MetadataPrefix, OaiItem, OaiRepository } from './oai.ts';
import { element, xmlEscape } from './xml.ts';

/**
 * An OAI-PMH Static Repository (Open Archives "Specification for an OAI Static Repository and an
 * OAI Static Repository Gateway", 2004): one XML file with Identify, ListMetadataFormats and a
 * ListRecords per metadata format, which a Static Repository Gateway makes harvestable. Its rules
 * differ from a live repository's: no sets (headers carry no setSpec), no resumption tokens,
 * day granularity, no deleted records, and at most STATIC_REPOSITORY_LIMIT records.
 */
export const STATIC_REPOSITORY_NS = 'http://www.openarchives.org/OAI/2.0/static-repository';
export const STATIC_REPOSITORY_LIMIT = 5000;
const OAI = 'http://www.openarchives.org/OAI/2.0/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/**
 * The base URL a gateway gives the static repository: the gateway's URL, then the repository's
 * URL without its scheme (`https://gw.example/oai/` + `archive.example.org/oai/static-repository.xml`).
 * Without a gateway, the repository's own URL.
 */
export function staticRepositoryBaseUrl(repositoryUrl: string, gatewayUrl?: string): string {
  if (!gatewayUrl) return repositoryUrl;
  const gateway = gatewayUrl.endsWith('/') ? gatewayUrl : `${gatewayUrl}/`;
  return `${gateway}${repositoryUrl.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')}`;
}

export function oaiStaticRepository(
  repository: Omit<OaiRepository, 'sets' | 'sampleRecordId'>,
  items: readonly OaiItem[],
): string {
  if (items.length > STATIC_REPOSITORY_LIMIT)
    throw new Error(
      `A static repository holds at most ${STATIC_REPOSITORY_LIMIT} records, not ${items.length}.`,
    );
  const oai = (name: string, value: string | undefined) => element(`oai:${name}`, value);
  const record = (item: OaiItem, prefix: MetadataPrefix) =>
    [
      '<oai:record>',
      `<oai:header>${oai('identifier', item.identifier)}${oai('datestamp', item.datestamp)}</oai:header>`,
      `<oai:metadata>\n${item.metadata[prefix] ?? ''}\n</oai:metadata>`,
      '</oai:record>',
    ].join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Repository xmlns="${STATIC_REPOSITORY_NS}" xmlns:oai="${OAI}" xmlns:xsi="${XSI}" xsi:schemaLocation="${STATIC_REPOSITORY_NS} http://www.openarchives.org/OAI/2.0/static-repository.xsd">`,
    '<Identify>',
    oai('repositoryName', repository.name),
    oai('baseURL', repository.baseUrl),
    '<oai:protocolVersion>2.0</oai:protocolVersion>',
    oai('adminEmail', repository.adminEmail),
    oai('earliestDatestamp', repository.earliestDatestamp),
    '<oai:deletedRecord>no</oai:deletedRecord>',
    '<oai:granularity>YYYY-MM-DD</oai:granularity>',
    '</Identify>',
    '<ListMetadataFormats>',
    ...METADATA_FORMATS.map(
      (f) =>
        `<oai:metadataFormat><oai:metadataPrefix>${f.prefix}</oai:metadataPrefix><oai:schema>${xmlEscape(f.schema)}</oai:schema><oai:metadataNamespace>${xmlEscape(f.namespace)}</oai:metadataNamespace></oai:metadataFormat>`,
    ),
    '</ListMetadataFormats>',
    ...METADATA_FORMATS.flatMap((f) =>
      items.length === 0
        ? []
        : [
            `<ListRecords metadataPrefix="${f.prefix}">`,
            ...items.map((item) => record(item, f.prefix)),
            '</ListRecords>',
          ],
    ),
    '</Repository>',
    '',
  ].join('\n');
}
