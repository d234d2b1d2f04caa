import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import * as path from 'node:path';

/** A cached sha256 of files under an archive root, streamed so large files do not fill memory. */
export function fileHasher(root: string): (file: string) => Promise<string> {
  const cache = new Map<string, Promise<string>>();
  return (file) => {
    let pending = cache.get(file);
    if (!pending) {
      pending = new Promise<string>((resolve, reject) => {
        const hash = createHash('sha256');
        createReadStream(path.join(root, file))
          .on('data', (chunk) => hash.update(chunk))
          .on('error', reject)
          .on('end', () => resolve(hash.digest('hex')));
      });
      cache.set(file, pending);
    }
    return pending;
  };
}
