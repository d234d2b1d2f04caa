import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { exportPublisher } from '../export/context.ts';
import { renderExport } from '../export/render.ts';
import { recordDocument } from './api.ts';
import { recordExports, recordReader, siteExportContext } from './exports.ts';
import { isHarvestable, oaiItem, oaiRepositoryFiles } from './oai-repository.ts';
import type { SiteOaiItem } from './oai-repository.ts';
import { resultsDownloads } from './results.ts';
import type { SiteArchive } from './types.ts';

/**
 * The static API's per-record files, written after Astro has built the pages: each record's JSON
 * document (api/records/<id>.json), its exports (api/records/<id>/<file>), the downloads of its
 * HEPData results (api/records/<id>/hepdata/<file>, results.ts), and the OAI-PMH
 * repository (oai/). Plain files from the records the pages were built from; a few records at
 * a time, so that rendering one record's exports overlaps with writing another's.
 */
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
): Promise<WriteApiResult> {
  const absolute = (relative: string) => new URL(relative, siteUrl).href;
  const publisher = exportPublisher(archive.config, siteUrl);
  const shown = new Map(archive.records.map((record) => [record.id, record]));
  const made = new Set<string>();
  const folder = async (dir: string) => {
    if (made.has(dir)) return;
    made.add(dir);
    await mkdir(dir, { recursive: true });
  };
  const oai = new Map<string, SiteOaiItem>();
  let files = 0;

  const writeOne = async (index: number) => {
    const record = archive.records[index]!;
    const base = path.join(out, 'api/records', ...record.id.split('/'));
    await folder(base);
    const context = siteExportContext(record, publisher, shown, archive.day);
    const exports = await recordExports(record, context, archive.source);
    const results = record.results
      ? await resultsDownloads(record.results, recordReader(archive.source, record))
      : [];
    if (results.length > 0) await folder(path.join(base, 'hepdata'));
    await Promise.all([
      writeFile(
        `${base}.json`,
        `${JSON.stringify(recordDocument(record, { absolute }), null, 2)}\n`,
      ),
      ...exports.map(({ file, bytes }) => writeFile(path.join(base, file), bytes)),
      ...results.map(({ name, content }) => writeFile(path.join(base, 'hepdata', name), content)),
    ]);
    files += exports.length + results.length + 1;
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
  const worker = async () => {
    while (next < archive.records.length) await writeOne(next++);
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
    const target = path.join(out, ...file.split('/'));
    await folder(path.dirname(target));
    await writeFile(target, text);
    files++;
  }
  return { records: archive.records.length, files };
}
