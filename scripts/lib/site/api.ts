import { EXPORT_FORMATS, exportPath } from './exports.ts';
import { recordYear } from './facets.ts';
import { resultsDocument } from './results.ts';
import type { SiteCollection, SiteRecord } from './types.ts';

/**
 * The static JSON API's documents, built from what the loader gave the site (so the API holds
 * exactly what the pages hold) and described by openApiDocument().
 */
export interface ApiUrls {
  /** Absolute URL of a site path (`records/cms/x/`). */
  absolute(path: string): string;
}

export function recordSummary(record: SiteRecord, urls: ApiUrls) {
  const m = record.metadata;
  return {
    id: record.id,
    collection: record.collection,
    title: m.title,
    experiment: m.experiment,
    year: recordYear(m),
    created: m.created,
    updated: m.updated ?? null,
    access: m.access.level,
    doi: m.doi ?? null,
    schema: record.schema,
    url: urls.absolute(`records/${record.id}/`),
    api: urls.absolute(`api/records/${record.id}.json`),
  };
}

export function recordDocument(record: SiteRecord, urls: ApiUrls) {
  return {
    ...recordSummary(record, urls),
    source: `${record.dir}/${record.metadataFile}`,
    metadata: record.metadata,
    withheld: record.withheld ?? [],
    documentation: record.documentation,
    files: record.files.map((file) => ({
      path: file.path,
      size: file.size,
      sha256: file.sha256 ?? null,
      description: file.description ?? null,
      media_type: file.mediaType ?? null,
      url: file.published ? urls.absolute(`files/${record.id}/${file.path}`) : null,
    })),
    results: record.results
      ? resultsDocument(record.results, (name) =>
          urls.absolute(`api/records/${record.id}/hepdata/${encodeURIComponent(name)}`),
        )
      : [],
    exports: Object.fromEntries(
      EXPORT_FORMATS.map((format) => [format.id, urls.absolute(exportPath(record.id, format))]),
    ),
  };
}

export function collectionSummary(collection: SiteCollection, records: number, urls: ApiUrls) {
  return {
    name: collection.name,
    title: collection.title,
    description: collection.description ?? null,
    experiment: collection.experiment ?? null,
    schemas: collection.schemas,
    default_schema: collection.defaultSchema,
    reviewers: collection.reviewers,
    records,
    url: urls.absolute(`collections/${collection.name}/`),
  };
}

const nullable = (type: string) => ({ type: [type, 'null'] });

export function openApiDocument(options: {
  title: string;
  description?: string;
  apiUrl: string;
  version: string;
}) {
  const recordSummarySchema = {
    type: 'object',
    required: [
      'id',
      'collection',
      'title',
      'experiment',
      'year',
      'created',
      'access',
      'schema',
      'url',
      'api',
    ],
    properties: {
      id: {
        type: 'string',
        description: 'The record id, `<collection>/<slug>`.',
        examples: ['cms/higgs-tautau-2016'],
      },
      collection: { type: 'string' },
      title: { type: 'string' },
      experiment: { type: 'string' },
      year: { type: 'string', description: 'Year of the main publication, else of the record.' },
      created: { type: 'string', format: 'date' },
      updated: nullable('string'),
      access: { type: 'string', enum: ['public', 'collaboration'] },
      doi: nullable('string'),
      schema: { type: 'string', description: 'The schema and version the metadata follows.' },
      url: { type: 'string', format: 'uri', description: 'The record page.' },
      api: { type: 'string', format: 'uri', description: 'This record in the API.' },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: `${options.title} API`,
      version: options.version,
      description: `${options.description ? `${options.description}\n\n` : ''}A static, read-only JSON API: every document is a file generated with the site, so it can be mirrored and cached like one. Record metadata follows the JSON Schema each record names, served under /schemas/.`,
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: options.apiUrl }],
    paths: {
      '/records.json': {
        get: {
          operationId: 'listRecords',
          summary: 'Every record of the site, in brief',
          responses: {
            '200': {
              description: 'The records.',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/RecordList' } },
              },
            },
          },
        },
      },
      '/records/{collection}/{slug}.json': {
        get: {
          operationId: 'getRecord',
          summary: 'One record: its metadata, documentation and files',
          parameters: [
            { $ref: '#/components/parameters/Collection' },
            { $ref: '#/components/parameters/Slug' },
          ],
          responses: {
            '200': {
              description: 'The record.',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Record' } } },
            },
            '404': { description: 'No such record on this site.' },
          },
        },
      },
      '/records/{collection}/{slug}/hepdata/{file}': {
        get: {
          operationId: 'getResultsFile',
          summary:
            "A download of a record's HEPData results: a data file (.yaml), a table as CSV, a plot as SVG",
          description:
            'The names are listed in the record document (`results`); they are the data file names with characters other than letters, digits, `.`, `-` and `_` replaced by `_`.',
          parameters: [
            { $ref: '#/components/parameters/Collection' },
            { $ref: '#/components/parameters/Slug' },
            {
              name: 'file',
              in: 'path',
              required: true,
              schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*\\.(yaml|csv|svg)$' },
            },
          ],
          responses: {
            '200': {
              description: 'The file.',
              content: {
                'text/plain': { schema: { type: 'string' } },
                'text/csv': { schema: { type: 'string' } },
                'image/svg+xml': { schema: { type: 'string' } },
              },
            },
            '404': { description: 'No such record or file on this site.' },
          },
        },
      },
      '/records/{collection}/{slug}/{export}': {
        get: {
          operationId: 'getRecordExport',
          summary: 'One record in a standard format (the same as `capsule export`)',
          description: EXPORT_FORMATS.map(
            (format) => `- \`${format.file}\` (${format.mediaType}): ${format.about}`,
          ).join('\n'),
          parameters: [
            { $ref: '#/components/parameters/Collection' },
            { $ref: '#/components/parameters/Slug' },
            {
              name: 'export',
              in: 'path',
              required: true,
              schema: { type: 'string', enum: EXPORT_FORMATS.map((format) => format.file) },
            },
          ],
          responses: {
            '200': {
              description: 'The export.',
              content: Object.fromEntries(
                [...new Set(EXPORT_FORMATS.map((format) => format.mediaType))].map((type) => [
                  type,
                  {
                    schema:
                      type === 'application/zip' ? { type: 'string', contentMediaType: type } : {},
                  },
                ]),
              ),
            },
            '404': { description: 'No such record or format on this site.' },
          },
        },
      },
      '/collections.json': {
        get: {
          operationId: 'listCollections',
          summary: 'The collections, with their schemas, reviewers and record counts',
          responses: {
            '200': {
              description: 'The collections.',
              content: {
                'application/json': {
                  schema: { type: 'array', items: { $ref: '#/components/schemas/Collection' } },
                },
              },
            },
          },
        },
      },
      '/schemas/{name}/{version}.json': {
        get: {
          operationId: 'getSchema',
          summary: 'A JSON Schema (2020-12) as published in schemas/',
          parameters: [
            {
              name: 'name',
              in: 'path',
              required: true,
              schema: { type: 'string' },
              examples: { cms: { value: 'cms-analysis' } },
            },
            {
              name: 'version',
              in: 'path',
              required: true,
              schema: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$' },
            },
          ],
          responses: {
            '200': {
              description: 'The schema.',
              content: { 'application/schema+json': { schema: { type: 'object' } } },
            },
            '404': { description: 'No such schema.' },
          },
        },
      },
    },
    components: {
      parameters: {
        Collection: {
          name: 'collection',
          in: 'path',
          required: true,
          description: 'The collection, the first part of the record id.',
          schema: { type: 'string' },
        },
        Slug: {
          name: 'slug',
          in: 'path',
          required: true,
          description: 'The rest of the record id (may hold `/` in sharded collections).',
          schema: { type: 'string' },
        },
      },
      schemas: {
        RecordSummary: recordSummarySchema,
        RecordList: {
          type: 'object',
          required: ['count', 'records'],
          properties: {
            count: { type: 'integer' },
            records: { type: 'array', items: { $ref: '#/components/schemas/RecordSummary' } },
          },
        },
        Record: {
          allOf: [
            { $ref: '#/components/schemas/RecordSummary' },
            {
              type: 'object',
              required: [
                'source',
                'metadata',
                'withheld',
                'documentation',
                'files',
                'results',
                'exports',
              ],
              properties: {
                source: {
                  type: 'string',
                  description: "The record's metadata file in the archive repository.",
                  examples: ['content/cms/higgs-tautau-2016/record.yaml'],
                },
                metadata: {
                  type: 'object',
                  description: 'The record as its schema (`schema`) describes it.',
                },
                withheld: {
                  type: 'array',
                  items: { type: 'string' },
                  description:
                    "JSON pointers into the record of what this site does not publish (people's email addresses on the public site, links to records it does not show); `metadata` lacks them.",
                },
                documentation: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: { file: { type: 'string' }, markdown: { type: 'string' } },
                  },
                },
                files: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['path', 'size'],
                    properties: {
                      path: { type: 'string' },
                      size: { type: 'integer' },
                      sha256: nullable('string'),
                      description: nullable('string'),
                      media_type: nullable('string'),
                      url: {
                        type: ['string', 'null'],
                        format: 'uri',
                        description: 'Download URL, when the site serves the file.',
                      },
                    },
                  },
                },
                results: {
                  type: 'array',
                  description:
                    "The tables of the record's HEPData submission, with their downloads (empty without one).",
                  items: {
                    type: 'object',
                    required: ['name', 'data_file', 'rows', 'yaml', 'csv', 'plots'],
                    properties: {
                      name: { type: 'string' },
                      description: nullable('string'),
                      location: nullable('string'),
                      data_file: {
                        type: 'string',
                        description: 'The data file, relative to the record folder.',
                      },
                      rows: { type: 'integer' },
                      yaml: {
                        type: 'string',
                        format: 'uri',
                        description: 'The data file as submitted.',
                      },
                      csv: {
                        type: 'string',
                        format: 'uri',
                        description: "The table as CSV in the layout of HEPData's CSV download.",
                      },
                      plots: {
                        type: 'array',
                        items: { type: 'string', format: 'uri' },
                        description:
                          'The plots of the table as SVG, as the record page shows them.',
                      },
                    },
                  },
                },
                exports: {
                  type: 'object',
                  description:
                    'The record in standard formats: format id to download URL (see getRecordExport).',
                  required: EXPORT_FORMATS.map((format) => format.id),
                  properties: Object.fromEntries(
                    EXPORT_FORMATS.map((format) => [
                      format.id,
                      { type: 'string', format: 'uri', description: format.about },
                    ]),
                  ),
                },
              },
            },
          ],
        },
        Collection: {
          type: 'object',
          required: ['name', 'title', 'schemas', 'default_schema', 'records', 'url'],
          properties: {
            name: { type: 'string' },
            title: { type: 'string' },
            description: nullable('string'),
            experiment: nullable('string'),
            schemas: { type: 'array', items: { type: 'string' } },
            default_schema: { type: 'string' },
            reviewers: { type: 'array', items: { type: 'string' } },
            records: { type: 'integer' },
            url: { type: 'string', format: 'uri' },
          },
        },
      },
    },
  };
}
