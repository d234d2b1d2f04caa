import { readFile } from 'node:fs/promises';
import type { MintContext, MintItem } from './mint-context.ts';
import { bareMd5 } from './parse.ts';
import type { Deposition } from './types.ts';

/** Makes the draft's files exactly the record's: deletes extras, uploads what is missing or changed. */
export async function syncFiles(
  item: MintItem,
  context: MintContext,
  start: Deposition,
): Promise<void> {
  const { client } = context;
  const bucket = start.links.bucket;
  if (!bucket) throw new Error(`Zenodo gave deposition ${start.id} no bucket to upload to.`);
  let deposition = start;
  for (let round = 1; ; round++) {
    const remote = new Map(deposition.files.map((file) => [file.filename, bareMd5(file.checksum)]));
    const wanted = new Set(item.files.map((file) => file.key));
    let removed = 0;
    let uploaded = 0;
    for (const name of remote.keys()) {
      if (wanted.has(name)) continue;
      await client.deleteFile(bucket, name);
      removed++;
    }
    for (const file of item.files) {
      if (remote.get(file.key) === file.md5) continue;
      const stored = await client.putFile(bucket, file.key, await readFile(file.file));
      if (bareMd5(stored.checksum) !== file.md5)
        throw new Error(
          `Zenodo stored ${file.key} with md5 ${bareMd5(stored.checksum)}, not ${file.md5}: the upload was corrupted.`,
        );
      uploaded++;
      await context.checkpoint?.('file-uploaded', item.record.id);
    }
    context.report(
      `files: ${uploaded} uploaded, ${item.files.length - uploaded} unchanged, ${removed} removed`,
    );
    // Read the draft back: publish only what Zenodo says it holds.
    deposition = await client.getDeposition(deposition.id);
    const held = new Map(deposition.files.map((file) => [file.filename, bareMd5(file.checksum)]));
    const complete =
      held.size === item.files.length &&
      item.files.every((file) => held.get(file.key) === file.md5);
    if (complete) return;
    if (round >= 2)
      throw new Error(
        `Deposition ${deposition.id} does not hold the record's files after uploading them twice.`,
      );
  }
}
