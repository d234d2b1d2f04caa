import type { CommitData, ObjectReader } from '../git/objects.ts';

/** A commit as the history pass needs it. */
export interface GraphCommit {
  oid: string;
  tree: string;
  /** Parents that are in the repository (none for a shallow clone's boundary commits). */
  parents: string[];
  /** Set on commits where a shallow clone stops: they have parents that were not fetched. */
  truncated: boolean;
  object: CommitData;
}

/**
 * Every commit reachable from `head`, parents before children (a topological order; among
 * branches, the order their commits were reached). Each commit is read once.
 */
export async function commitsInOrder(
  objects: ObjectReader,
  head: string,
  shallowBoundary: ReadonlySet<string>,
  onProgress?: (read: number) => void,
): Promise<GraphCommit[]> {
  const commits = new Map<string, GraphCommit>();
  const pending = [head];
  while (pending.length > 0) {
    const oid = pending.pop() as string;
    if (commits.has(oid)) continue;
    const object = await objects.commit(oid);
    const truncated = shallowBoundary.has(oid);
    const parents = truncated ? [] : object.parents;
    commits.set(oid, { oid, tree: object.tree, parents, truncated, object });
    onProgress?.(commits.size);
    for (const parent of parents) if (!commits.has(parent)) pending.push(parent);
  }

  // Depth-first from the head, emitting a commit once all its parents are emitted; iterative,
  // because a history of thousands of commits would overflow the call stack.
  const order: GraphCommit[] = [];
  const emitted = new Set<string>();
  const stack: Array<{ oid: string; next: number }> = [{ oid: head, next: 0 }];
  const onStack = new Set<string>([head]);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as { oid: string; next: number };
    const commit = commits.get(frame.oid) as GraphCommit;
    if (frame.next < commit.parents.length) {
      const parent = commit.parents[frame.next++] as string;
      if (!emitted.has(parent) && !onStack.has(parent)) {
        stack.push({ oid: parent, next: 0 });
        onStack.add(parent);
      }
      continue;
    }
    stack.pop();
    onStack.delete(frame.oid);
    emitted.add(frame.oid);
    order.push(commit);
  }
  return order;
}
