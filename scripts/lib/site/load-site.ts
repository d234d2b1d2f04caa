import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { countDiagnostics } from '../diagnostics/diagnostic.ts';
import { isVisibleTo } from '../records/access.ts';
import type { Audience } from '../records/access.ts';
import { nodeArchiveFs } from '../records/archive-fs.ts';
import type { ArchiveFs } from '../records/archive-fs.ts';
import type { HepdataFolderReport } from '../hepdata/validate-folder.ts';
import { loadArchive } from '../records/load-archive.ts';
import type { LoadedArchive } from '../records/load-archive.ts';
import type { ArchiveConfig, CollectionConfig, ValidRecord } from '../records/types.ts';
import { loadSchemas } from '../schemas/load-schemas.ts';
import { decodeText } from '../text/decode.ts';
import type { ArchiveHistory } from '../history/open-history.ts';
import { validateArchive } from '../validate/validate-archive.ts';
import { loadHistories } from './load-history.ts';
import type { LoadedHistories } from './load-history.ts';
import { withholdReason } from './publish-files.ts';
import { redactMetadata } from './redact.ts';
import { withheldPointers } from './withheld.ts';
import { siteResults } from './results.ts';
import type { SiteArchive, SiteCollection, SiteFile, SiteHistory, SiteRecord } from './types.ts';
import { workflowView } from './workflow-view.ts';

/**
 * THE loader of every site build, and the one place where a build decides what it may show:
 * read the archive, validate it (any error stops the build), keep the records `isVisibleTo` the
 * audience on the build's day, and redact those for the audience. Nothing else reads records for
 * the site.
 */
export interface LoadSiteOptions {
  audience: Audience;
  /** YYYY-MM-DD: embargoes lift at the start of their day. */
  day: string;
  fs?: ArchiveFs;
  onProgress?: (stage: string, done: number, total: number) => void;
  /** Opens the archive's git history (default: the repository holding the archive). */
  openHistory?: (root: string) => Promise<ArchiveHistory>;
  /** The archive as already read from `root` (by a caller that needed it first): not read again. */
  archive?: LoadedArchive;
  /**
   * Whether to read record history from git (default true). A caller that shows no history (the
   * static API) skips it: every record's history then says it was not read.
   */
  readHistory?: boolean;
}

/** The archive does not validate: the site is not built. */
export class ArchiveInvalidError extends Error {
  readonly diagnostics: Diagnostic[];
  readonly records: number;

  constructor(diagnostics: Diagnostic[], records: number) {
    const { errors } = countDiagnostics(diagnostics);
    super(
      `The archive does not validate (${errors} error${errors === 1 ? '' : 's'}); the site is not built. Run \`npx capsule validate\` for the report.`,
    );
    this.diagnostics = diagnostics;
    this.records = records;
  }
}

/** Documentation and results are shown on the page; above this size they are left out. */
const DOCUMENT_CAP = 2 * 1024 * 1024;

export async function loadSite(root: string, options: LoadSiteOptions): Promise<SiteArchive> {
  const fs = options.fs ?? nodeArchiveFs;
  const archive =
    options.archive ??
    (await loadArchive(root, {
      fs,
      onProgress: (done, total) => options.onProgress?.('Reading records', done, total),
    }));
  const schemas = await loadSchemas(root, fs);
  const report = await validateArchive(archive, schemas, {
    onProgress: (done, total) => options.onProgress?.('Validating', done, total),
  });
  const counts = countDiagnostics(report.diagnostics);
  if (counts.errors > 0 || !archive.config)
    throw new ArchiveInvalidError(report.diagnostics, report.checked);

  const visible = report.valid.filter((record) =>
    isVisibleTo(record.metadata.access, options.audience, options.day),
  );
  const visibleIds = new Set(visible.map((record) => record.id));
  const isVisible = (id: string) => visibleIds.has(id);
  options.onProgress?.('Reading record history', 0, visible.length);
  const histories =
    options.readHistory === false
      ? historiesNotRead(visible)
      : await loadHistories(root, visible, {
          audience: options.audience,
          day: options.day,
          isVisible,
          fs,
          ...(options.openHistory ? { open: options.openHistory } : {}),
        });
  const records: SiteRecord[] = [];
  for (const record of visible)
    records.push(
      await siteRecord(
        root,
        record,
        fs,
        options.audience,
        isVisible,
        histories.byRecord.get(record.id) as SiteHistory,
        report.hepdata,
      ),
    );
  records.sort((a, b) => a.id.localeCompare(b.id));

  const collections: SiteCollection[] = [...archive.collections.values()]
    .map((collection) =>
      siteCollection(collection.name, collection.data as unknown as CollectionConfig),
    )
    .sort((a, b) => a.name.localeCompare(b.name));

  return {
    audience: options.audience,
    day: options.day,
    config: archive.config.data as unknown as ArchiveConfig,
    collections,
    records,
    schemas: schemas.registry.documents.map((document) => ({
      ref: document.ref,
      id: document.id,
      file: document.file,
      json: document.json,
    })),
    counts: { total: report.valid.length, visible: records.length },
    history: histories.overview,
    warnings: report.diagnostics,
    source: { root, fs },
  };
}

function historiesNotRead(records: readonly ValidRecord[]): LoadedHistories {
  const notice = {
    message: 'Record history was not read for this use of the records.',
    hint: 'Load the site with readHistory to show it.',
  };
  return {
    overview: { status: 'unavailable', ...notice },
    byRecord: new Map(
      records.map((record) => [
        record.id,
        { status: 'unavailable', notice, revisions: [], uncommitted: false },
      ]),
    ),
  };
}

function siteCollection(name: string, config: CollectionConfig): SiteCollection {
  const collection: SiteCollection = {
    name,
    title: config.title,
    schemas: config.schemas,
    defaultSchema: config.default_schema,
    reviewers: config.reviewers ?? [],
  };
  if (config.description) collection.description = config.description;
  if (config.experiment) collection.experiment = config.experiment;
  if (config.default_access) collection.defaultAccess = config.default_access;
  return collection;
}

async function siteRecord(
  root: string,
  record: ValidRecord,
  fs: ArchiveFs,
  audience: Audience,
  isVisible: (id: string) => boolean,
  history: SiteHistory,
  /** HEPData submissions as the validator read them, by folder. */
  hepdataRead: ReadonlyMap<string, HepdataFolderReport>,
): Promise<SiteRecord> {
  const onDisk = new Map(record.files.map((file) => [file.path, file]));
  const readText = async (relative: string): Promise<string | undefined> => {
    if (!onDisk.has(relative)) return undefined;
    const decoded = decodeText(
      await fs.readFile(path.join(root, record.dir, relative)),
      DOCUMENT_CAP,
    );
    return decoded.ok ? decoded.text : undefined;
  };
  const metadata = redactMetadata(record.metadata, audience, isVisible);

  const documentation: SiteRecord['documentation'] = [];
  if (record.body?.trim()) documentation.push({ file: 'record.md', markdown: record.body });
  const readme = await readText('README.md');
  if (readme?.trim()) documentation.push({ file: 'README.md', markdown: readme });

  const site: SiteRecord = {
    id: record.id,
    collection: record.collection,
    slug: record.slug,
    dir: record.dir,
    schema: metadata.$schema,
    metadataFile: path.posix.basename(record.metadataFile.path),
    metadata,
    documentation,
    files: [],
    history,
  };
  const withheld = withheldPointers(record.metadata, metadata);
  if (withheld.length > 0) site.withheld = withheld;

  const workflowFile =
    metadata.workflow?.file ?? (onDisk.has('reana.yaml') ? 'reana.yaml' : undefined);
  const workflowSource = workflowFile ? await readText(workflowFile) : undefined;
  if (workflowFile && workflowSource !== undefined)
    site.workflow = workflowView(workflowFile, workflowSource, {
      recordDir: record.dir,
      name: record.slug,
    });

  const hepdata = (
    metadata.results?.hepdata?.path ??
    (onDisk.has('hepdata/submission.yaml') ? 'hepdata' : undefined)
  )?.replace(/\/$/, '');
  if (hepdata && onDisk.has(`${hepdata}/submission.yaml`)) {
    const prefix = `${hepdata}/`;
    site.results = await siteResults(
      {
        dir: `${record.dir}/${hepdata}`,
        files: record.files
          .filter((file) => file.path.startsWith(prefix))
          .map((file) => ({ path: file.path.slice(prefix.length), size: file.size })),
        read: (file) => fs.readFile(path.join(root, record.dir, hepdata, file)),
      },
      hepdata,
      hepdataRead.get(`${record.dir}/${hepdata}`),
    );
  }

  for (const listed of metadata.files ?? []) {
    const file: SiteFile = {
      path: listed.path,
      size: listed.size,
      sha256: listed.sha256,
      published: false,
    };
    if (listed.description) file.description = listed.description;
    if (listed.kind) file.kind = listed.kind;
    if (listed.media_type) file.mediaType = listed.media_type;
    const reason = await (onDisk.has(listed.path)
      ? withholdReason(listed.path, async () =>
          fs.readFile(path.join(root, record.dir, listed.path)),
        )
      : Promise.resolve('The file is not in the repository.'));
    if (reason) file.withheld = reason;
    else file.published = true;
    site.files.push(file);
  }
  return site;
}
