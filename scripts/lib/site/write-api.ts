import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { exportPublisher } from '../export/context.ts';
import { renderExport } from '../export/render.ts';
import { recordDocument } from './api.ts';
import { recordExports, recordReader, siteExportContext } from './exports.ts';
import { isHarvestable, oaiItem, oaiRepositoryFiles } from './oai-repository.ts';
import type { SiteOaiItem } from './oai-repository.ts';
import { resultsDownloads } from './results.ts';
import { pauses } from '../util/turns.ts';
import type { SiteArchive } from './types.ts';

/**
 * The static API's per-record files: each record's JSON document (api/records/<id>.json), its
 * exports (api/records/<id>/<file>), the downloads of its HEPData results
 * (api/records/<id>/hepdata/<file>, results.ts), and the OAI-PMH repository (oai/). Plain files
 * from the loader's records (`capsule build` writes them while Astro renders the pages); a few
 * records at a time, so that reading one record's files for its bag overlaps with the rest.
 * `onFile` sees every file's bytes as it is written (the build's leak check takes them there
 * instead of reading 100,000 files back).
 */
export interface WriteApiOptions {
  /** Called with each file written: its path relative to `out` (with `/`) and its bytes. */
  onFile?: (file: string, bytes: Uint8Array) => void;
}

export interface WriteApiResult {
  records: number;
  files: number;
  /** Why the OAI-PMH repository was not written, when it was not. */
  oaiSkipped?: string;
}

const CONCURRENCY = 8;

/** The OAI-PMH formats read no HEPData tables (only the LaTeX export does). */
const NO_HEPDATA = {
  dir: '',
  files: [],
  read: () => Promise.reject(new Error('The OAI-PMH formats read no files.')),
};

export async function writeRecordApi(
  archive: SiteArchive,
  out: string,
  siteUrl: string,
  options: WriteApiOptions = {},
): Promise<WriteApiResult> {
  const absolute = (relative: string) => new URL(relative, siteUrl).href;
  const publisher = exportPublisher(archive.config, siteUrl);
  const shown = new Map(archive.records.map((record) => [record.id, record]));
  const made = new Set<string>();
  const folder = (dir: string) => {
    if (made.has(dir)) return;
    made.add(dir);
    mkdirSync(dir, { recursive: true });
  };
  const oai = new Map<string, SiteOaiItem>();
  let files = 0;
  // Written synchronously: on a small machine, 100,000 small files through the thread pool cost
  // a third more CPU than in line, and a build has no core to spare.
  const put = (relative: string, bytes: Uint8Array) => {
    writeFileSync(path.join(out, ...relative.split('/')), bytes);
    files++;
    options.onFile?.(relative, bytes);
  };

  const writeOne = async (index: number) => {
    const record = archive.records[index]!;
    const base = `api/records/${record.id}`;
    folder(path.join(out, ...base.split('/')));
    const context = siteExportContext(record, publisher, shown, archive.day);
    const exports = await recordExports(record, context, archive.source);
    const results = record.results
      ? await resultsDownloads(record.results, recordReader(archive.source, record))
      : [];
    if (results.length > 0) folder(path.join(out, ...base.split('/'), 'hepdata'));
    const document = `${JSON.stringify(recordDocument(record, { absolute }), null, 2)}\n`;
    put(`${base}.json`, Buffer.from(document, 'utf8'));
    for (const { file, bytes } of exports) put(`${base}/${file}`, bytes);
    for (const { name, content } of results)
      put(`${base}/hepdata/${name}`, typeof content === 'string' ? Buffer.from(content) : content);
    if (isHarvestable(record.metadata, archive.day)) {
      const render = async (format: 'oai_dc' | 'oai_datacite') =>
        (await renderExport(format, record.metadata, context, NO_HEPDATA)).trimEnd();
      oai.set(
        record.id,
        oaiItem(siteUrl, record, {
          oai_dc: await render('oai_dc'),
          oai_datacite: await render('oai_datacite'),
        }),
      );
    }
  };
  let next = 0;
  // The build runs this beside Astro, whose output it reads as it comes: let that in.
  const pause = pauses();
  const worker = async () => {
    while (next < archive.records.length) {
      await writeOne(next++);
      await pause();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  const repository = oaiRepositoryFiles({
    config: archive.config,
    siteUrl,
    collections: archive.collections,
    // In the records' order (by id), whatever order the workers finished in.
    items: archive.records.flatMap((record) => oai.get(record.id) ?? []),
    day: archive.day,
  });
  if (!repository.ok)
    return { records: archive.records.length, files, oaiSkipped: repository.reason };
  for (const { file, text } of repository.files) {
    folder(path.dirname(path.join(out, ...file.split('/'))));
    put(file, Buffer.from(text, 'utf8'));
  }
  return { records: archive.records.length, files };
}
