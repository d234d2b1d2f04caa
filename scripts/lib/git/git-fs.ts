import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import type { PromiseFsClient } from 'isomorphic-git';

/**
 * The file system handed to isomorphic-git. A linked worktree (`git worktree add`) has a `.git`
 * file naming its own git directory, which holds HEAD and the index, while objects and refs live
 * in the common directory; isomorphic-git reads one directory, so every path is sent where git
 * itself would read it.
 */
const PER_WORKTREE =
  /^(?:HEAD|index|ORIG_HEAD|MERGE_HEAD|CHERRY_PICK_HEAD|REVERT_HEAD|AUTO_MERGE|logs\/HEAD|refs\/(?:bisect|worktree|rewritten)\/)/;

export function createGitFs(gitdir: string, commondir: string): PromiseFsClient {
  const map =
    gitdir === commondir
      ? (file: string) => file
      : (file: string): string => {
          if (!file.startsWith(gitdir + path.sep)) return file;
          const inner = file
            .slice(gitdir.length + 1)
            .split(path.sep)
            .join('/');
          return PER_WORKTREE.test(inner) ? file : path.join(commondir, inner);
        };
  // isomorphic-git tells promise file systems from callback ones by whether readFile() returns
  // a promise, so every method is async: a synchronous throw would look like a callback API.
  const promises = nodeFs.promises;
  return {
    promises: {
      readFile: async (file: string, options?: unknown) =>
        promises.readFile(map(file), options as nodeFs.ObjectEncodingOptions),
      writeFile: async (file: string, data: string | Uint8Array, options?: unknown) =>
        promises.writeFile(map(file), data, options as nodeFs.ObjectEncodingOptions),
      unlink: async (file: string) => promises.unlink(map(file)),
      readdir: async (dir: string) => promises.readdir(map(dir)),
      mkdir: async (dir: string, options?: nodeFs.MakeDirectoryOptions) =>
        promises.mkdir(map(dir), options),
      rmdir: async (dir: string) => promises.rmdir(map(dir)),
      stat: async (file: string) => promises.stat(map(file)),
      lstat: async (file: string) => promises.lstat(map(file)),
      readlink: async (file: string) => promises.readlink(map(file)),
      symlink: async (target: string, file: string) => promises.symlink(target, map(file)),
      chmod: async (file: string, mode: nodeFs.Mode) => promises.chmod(map(file), mode),
    },
  };
}
