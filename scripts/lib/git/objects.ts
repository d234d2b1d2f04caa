import git from 'isomorphic-git';
import { ObjectStore } from './object-store.ts';
import type { GitObject, ObjectType } from './object-store.ts';
import { parseCommit, parseTree } from './parse-objects.ts';
import type { CommitData, TreeEntry } from './parse-objects.ts';
import type { Repository } from './repository.ts';
import { LruMap } from '../util/lru-map.ts';

export type { CommitData, Person, TreeEntry } from './parse-objects.ts';

/** Parsed trees kept: a commit's trees are read again as the next commit's parent trees. */
const TREE_CACHE = 5_000;

/** The empty tree's well-known oid: the "before" of a root commit. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/**
 * Commits, trees and blobs of one repository, each tree parsed once: a history pass asks for the
 * same trees again and again (every record of a shard shares its shard's tree), and an object
 * never changes once written. Objects come from the native reader (object-store.ts), or from
 * isomorphic-git when that one does not hold them.
 */
export class ObjectReader {
  readonly repository: Repository;
  readonly #store: ObjectStore;
  readonly #trees = new LruMap<string, Map<string, TreeEntry>>(TREE_CACHE);
  readonly #cache = {};

  constructor(repository: Repository) {
    this.repository = repository;
    this.#store = new ObjectStore(repository.commondir);
  }

  async commit(oid: string): Promise<CommitData> {
    return parseCommit(await this.#read(oid, 'commit'));
  }

  /** A tree's entries by name. */
  async tree(oid: string): Promise<Map<string, TreeEntry>> {
    let entries = this.#trees.get(oid);
    if (!entries) {
      entries = oid === EMPTY_TREE ? new Map() : parseTree(await this.#read(oid, 'tree'));
      this.#trees.set(oid, entries);
    }
    return entries;
  }

  async blob(oid: string): Promise<Buffer> {
    return this.#read(oid, 'blob');
  }

  /** The entry at a `/`-separated path below a tree, or undefined. */
  async entryAt(treeOid: string, path: string): Promise<TreeEntry | undefined> {
    let entry: TreeEntry | undefined = { name: '', mode: '040000', oid: treeOid, type: 'tree' };
    for (const segment of path.split('/').filter(Boolean)) {
      if (entry?.type !== 'tree') return undefined;
      entry = (await this.tree(entry.oid)).get(segment);
    }
    return entry;
  }

  close(): void {
    this.#store.close();
  }

  async #read(oid: string, expected: ObjectType): Promise<Buffer> {
    const object = this.#store.read(oid) ?? (await this.#readWithIsomorphicGit(oid));
    if (object.type !== expected)
      throw new Error(`Object ${oid} is a ${object.type}, where a ${expected} was expected.`);
    return object.data;
  }

  async #readWithIsomorphicGit(oid: string): Promise<GitObject> {
    const { fs, gitdir } = this.repository;
    const result = await git.readObject({ fs, gitdir, oid, format: 'content', cache: this.#cache });
    return { type: result.type as ObjectType, data: Buffer.from(result.object as Uint8Array) };
  }
}
