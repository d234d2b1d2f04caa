import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { canonicalInsertPosition } from '../format/canonical-order.ts';
import { readMarkdownMetadata, readYamlMetadata } from '../records/read-metadata.ts';
import type { SchemaRegistry } from '../schemas/registry.ts';
import { writeFileAtomic } from '../util/write-atomic.ts';
import { emitYaml, setIn } from '../yaml/index.ts';

/**
 * Writes a minted DOI into its record: `doi`, `concept_doi` and `zenodo: {deposition_id,
 * concept_recid, version}`, each where the schema's key order puts it, everything else (comments,
 * key order, spelling, a record.md's documentation) untouched, the file replaced atomically.
 */
export interface MintedVersion {
  doi: string;
  conceptDoi: string;
  depositionId: number;
  conceptRecid: string;
  version: string;
}

export class WriteBackError extends Error {
  override name = 'WriteBackError';
}

export async function writeBack(
  root: string,
  metadataFile: string,
  minted: MintedVersion,
  registry: SchemaRegistry,
): Promise<void> {
  const absolute = path.join(root, metadataFile);
  const bytes = await readFile(absolute);
  const markdown = metadataFile.endsWith('.md');
  const read = markdown
    ? readMarkdownMetadata(metadataFile, bytes, { trivia: true })
    : readYamlMetadata(metadataFile, bytes, { trivia: true });
  const document = read.file?.document;
  if (
    !read.data ||
    !document ||
    read.diagnostics.some((diagnostic) => diagnostic.severity === 'error')
  )
    throw new WriteBackError(
      `${metadataFile} can no longer be read; write the DOI ${minted.doi} into it by hand.`,
    );
  if (read.data.version !== minted.version)
    throw new WriteBackError(
      `${metadataFile} is now at version ${String(read.data.version)}, but DOI ${minted.doi} was minted for version ${minted.version}. Add \`doi: ${minted.doi}\` to the record's history by hand if needed.`,
    );
  const schema = typeof read.data.$schema === 'string' ? read.data.$schema : undefined;
  const position = canonicalInsertPosition(registry, schema);
  setIn(document, ['doi'], minted.doi, position);
  setIn(document, ['concept_doi'], minted.conceptDoi, position);
  setIn(
    document,
    ['zenodo'],
    {
      deposition_id: minted.depositionId,
      concept_recid: minted.conceptRecid,
      version: minted.version,
    },
    position,
  );
  let text = emitYaml(document);
  // A record.md's front matter is padded where the opening `---` was; its body stays byte for byte.
  if (markdown) text = `---\n${text.replace(/^\s*\n/, '')}---\n${read.body ?? ''}`;
  await writeFileAtomic(absolute, text, { durable: true });
}
