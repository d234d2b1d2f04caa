import type { RecordMetadata } from '../records/types.ts';
import { bagFiles } from './bagit.ts';
import type { BagFile } from './bagit.ts';
import type { ExportContext } from './context.ts';
import { dataciteAttributes } from './datacite.ts';
import { RO_CRATE_METADATA, roCrate } from './rocrate.ts';

/**
 * A record as a BagIt submission package for long-term preservation: the record folder is the
 * payload (data/), and it is an RO-Crate (data/ro-crate-metadata.json), so the bag describes
 * itself; the DataCite metadata goes along as a tag file (metadata/datacite.json).
 */
export async function recordBag(
  record: RecordMetadata,
  context: ExportContext,
  read: (path: string) => Promise<Uint8Array>,
  agent: string,
  options: {
    /** More tag files (the site adds the record's metadata as it publishes it). */
    extraTagFiles?: readonly BagFile[];
    /**
     * ro-crate-metadata.json and datacite.json as already rendered for this record and context
     * (the site renders them as exports too; the bag holds the same bytes).
     */
    rendered?: { rocrate?: string; datacite?: string };
  } = {},
): Promise<BagFile[]> {
  const payload: BagFile[] = [];
  for (const file of context.files) {
    if (file.path === RO_CRATE_METADATA) continue;
    payload.push({ path: file.path, bytes: await read(file.path) });
  }
  payload.push({
    path: RO_CRATE_METADATA,
    bytes: Buffer.from(
      options.rendered?.rocrate ?? `${JSON.stringify(roCrate(record, context), null, 2)}\n`,
    ),
  });
  return bagFiles(
    payload,
    [
      ['Source-Organization', context.publisher],
      ['External-Identifier', record.doi ? `https://doi.org/${record.doi}` : context.pageUrl],
      ['External-Description', record.title.replace(/\s+/g, ' ').trim()],
      ['Bag-Group-Identifier', context.collection],
      ['Internal-Sender-Identifier', context.recordId],
      ['Internal-Sender-Description', `Version ${record.version} of ${context.recordId}`],
      ['Bagging-Date', context.today],
      ['Bag-Software-Agent', agent],
    ],
    [
      {
        path: 'metadata/datacite.json',
        bytes: Buffer.from(
          options.rendered?.datacite ??
            `${JSON.stringify(dataciteAttributes(record, context), null, 2)}\n`,
        ),
      },
      ...(options.extraTagFiles ?? []),
    ],
  );
}
