import { checkDoi } from '../identifiers/doi.ts';
import { checkHttpsUrl } from '../identifiers/url.ts';
import type { CodeRepository, Dataset } from '../records/types.ts';
import { isMap } from '../validate/data.ts';
import { NO_FIELD, SourceFields } from './source-fields.ts';
import type { UnmappedField } from './source-fields.ts';

/**
 * CERN Open Data portal records (opendata.cern.ch/record/<recid>, their JSON as the portal's
 * data/records files and API hold it) as references a Capsule record can carry: a dataset the
 * analysis reads (`datasets`), the software it uses (`code`), or documentation and environments
 * (`links`). Every portal field that does not go into the reference is listed with the reason.
 */
export interface OpendataReference {
  recid: string;
  title: string;
  /** The portal's type, e.g. `Dataset/Collision`. */
  type: string;
  target: 'datasets' | 'code' | 'links';
  entry: Dataset | CodeRepository | { title: string; url: string };
  /** A second entry for software: its portal page as a link (the code entry cannot hold the DOI). */
  link?: { title: string; url: string };
  unmapped: UnmappedField[];
}

export const OPENDATA_RECORD_URL = 'https://opendata.cern.ch/record/';

/** The portal records in a file: a list, one record, an API record `{metadata}` or search hits. */
export function opendataRecords(input: unknown): unknown[] {
  if (Array.isArray(input)) return input.flatMap(opendataRecords);
  if (!isMap(input)) return [];
  if (isMap(input.hits) && Array.isArray(input.hits.hits))
    return input.hits.hits.flatMap(opendataRecords);
  if (isMap(input.metadata)) return [input.metadata];
  return 'recid' in input ? [input] : [];
}

// What a reference does not carry: the portal keeps it, one click away.
const REASONS: { [field: string]: string } = {
  accelerator: 'the record says its experiment and collision',
  experiment: "the Capsule record's own experiment applies",
  collaboration: 'kept on the portal page',
  collections: 'portal navigation',
  date_published: 'kept on the portal page',
  date_created: 'kept on the portal page',
  date_reprocessed: 'kept on the portal page',
  publisher: 'the portal, named by the reference URL',
  methodology: 'kept on the portal page',
  usage: 'kept on the portal page',
  use_with: 'the records it names can be imported too',
  authors: 'people of the portal record, not of the analysis',
  license: 'the portal states the licence of the data',
  collision_information: 'the record says its collision',
  system_details: 'kept on the portal page',
  relations: 'kept on the portal page',
  files: 'the files stay on the portal (EOS); their index is checksummed',
};

export function opendataReference(input: unknown): OpendataReference {
  const source = new SourceFields(input);
  const recid = String(source.use('recid'));
  const title = source.text('title') ?? `CERN Open Data record ${recid}`;
  source.use('title');
  const primary = source.text('type', 'primary') ?? 'Other';
  const secondary = source
    .list('type', 'secondary')
    .filter((s): s is string => typeof s === 'string');
  source.use('type');
  const type = [primary, ...secondary].join('/');
  const page = `${OPENDATA_RECORD_URL}${recid}`;
  const doi = source.text('doi');
  const description = html(source.text('abstract', 'description'));
  let reference: Omit<OpendataReference, 'unmapped'>;
  if (primary === 'Dataset') {
    const dataset: Dataset = { title: title.slice(0, 500) };
    const kind = secondary.includes('Collision')
      ? 'collision-data'
      : secondary.includes('Simulated')
        ? 'simulation'
        : secondary.includes('Derived')
          ? 'derived'
          : 'external';
    dataset.kind = kind as Dataset['kind'];
    if (doi && checkDoi(doi).ok) {
      dataset.doi = doi;
      source.use('doi');
    }
    dataset.uri = page;
    dataset.opendata_recid = recid;
    const formats = source
      .list('distribution', 'formats')
      .filter((f): f is string => typeof f === 'string');
    if (formats.length) {
      dataset.format = formats.join(', ').slice(0, 100);
      source.use('distribution', 'formats');
    }
    const size = source.get('distribution', 'size');
    if (typeof size === 'number' && Number.isInteger(size)) {
      dataset.size = size;
      source.use('distribution', 'size');
    }
    const events = source.get('distribution', 'number_events');
    if (typeof events === 'number' && Number.isInteger(events)) {
      dataset.events = events;
      source.use('distribution', 'number_events');
    }
    const checksum = indexChecksum(source);
    if (checksum) dataset.checksum = checksum;
    const periods = source.list('run_period').filter((p): p is string => typeof p === 'string');
    if (periods.length) {
      dataset.run_periods = [...new Set(periods)];
      source.use('run_period');
    }
    if (description) {
      dataset.description = description;
      source.use('abstract', 'description');
    }
    reference = { recid, title, type, target: 'datasets', entry: dataset };
  } else if (primary === 'Software' && source.text('source_code_repository', 'url')) {
    const url = (source.text('source_code_repository', 'url') as string).replace(
      /^http:\/\//,
      'https://',
    );
    const code: CodeRepository = { url };
    source.use('source_code_repository', 'url');
    code.description = title.slice(0, 2000);
    const licence = source.text('license', 'attribution');
    if (licence && /^[A-Za-z0-9.+-]+$/.test(licence)) {
      code.license = licence;
      source.use('license', 'attribution');
    }
    reference = {
      recid,
      title,
      type,
      target: 'code',
      entry: code,
      link: linkTo(source, title, page, doi),
    };
  } else {
    reference = { recid, title, type, target: 'links', entry: linkTo(source, title, page, doi) };
  }
  for (const [field, reason] of Object.entries(REASONS))
    if (source.get(field) !== undefined) source.refuse(reason, field);
  const { fields } = source.unmapped();
  return {
    ...reference,
    unmapped: fields.map((f) =>
      f.reason === NO_FIELD
        ? { ...f, reason: `${NO_FIELD} in a ${reference.target} entry; kept on the portal page` }
        : f,
    ),
  };
}

function linkTo(
  source: SourceFields,
  title: string,
  page: string,
  doi: string | undefined,
): { title: string; url: string } {
  if (doi && checkDoi(doi).ok && checkHttpsUrl(`https://doi.org/${doi}`).ok) {
    source.use('doi');
    return { title: `CERN Open Data: ${title}`.slice(0, 300), url: `https://doi.org/${doi}` };
  }
  return { title: `CERN Open Data: ${title}`.slice(0, 300), url: page };
}

/** The checksum of the dataset's only file, or of its file index (EOS reports adler32). */
function indexChecksum(source: SourceFields): Dataset['checksum'] | undefined {
  const files = source.list('files');
  const index =
    files.length === 1
      ? 0
      : files.findIndex(
          (f) => isMap(f) && typeof f.uri === 'string' && /\/file-indexes\/.*\.txt$/.test(f.uri),
        );
  if (index === -1) return undefined;
  const raw = source.text('files', index, 'checksum');
  const match = raw ? /^(adler32|sha256|md5):([0-9a-f]{8,128})$/.exec(raw.toLowerCase()) : null;
  if (!match) return undefined;
  source.use('files', index, 'checksum');
  return { algorithm: match[1] as 'adler32', value: match[2] as string };
}

/** Portal abstracts are HTML: plain text for the reference, at most 5000 characters. */
function html(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const plain = text
    .replace(/<(?:br|\/p|\/li|\/h\d)\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  if (plain === '') return undefined;
  return plain.length > 5000 ? `${plain.slice(0, 4999)}…` : plain;
}
