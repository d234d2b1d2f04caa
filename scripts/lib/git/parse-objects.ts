/** git's tree and commit formats, parsed from an object's bytes. */

export interface TreeEntry {
  name: string;
  /** Six octal digits, e.g. `100644`, `040000`. */
  mode: string;
  oid: string;
  type: 'blob' | 'tree' | 'commit';
}

export interface Person {
  name: string;
  email: string;
  /** Seconds since the epoch. */
  timestamp: number;
  /** As JavaScript's `getTimezoneOffset` (and isomorphic-git): +01:00 is -60. */
  timezoneOffset: number;
}

export interface CommitData {
  tree: string;
  parents: string[];
  author: Person;
  committer: Person;
  message: string;
}

/** Entries as `mode SP name NUL 20-byte-id`, repeated. */
export function parseTree(data: Buffer): Map<string, TreeEntry> {
  const entries = new Map<string, TreeEntry>();
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(0x20, pos);
    const nul = data.indexOf(0, space);
    if (space < 0 || nul < 0 || nul + 21 > data.length)
      throw new Error('A tree object is malformed.');
    const mode = data.toString('latin1', pos, space).padStart(6, '0');
    const name = data.toString('utf8', space + 1, nul);
    const oid = data.toString('hex', nul + 1, nul + 21);
    const type = mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob';
    entries.set(name, { name, mode, oid, type });
    pos = nul + 21;
  }
  return entries;
}

/** Header lines (`tree`, `parent`, `author`, `committer`, continued lines indented), a blank line, the message. */
export function parseCommit(data: Buffer): CommitData {
  const text = data.toString('utf8');
  const split = text.indexOf('\n\n');
  const headerText = split < 0 ? text : text.slice(0, split);
  const message = split < 0 ? '' : text.slice(split + 2);
  let tree = '';
  const parents: string[] = [];
  let author: Person | undefined;
  let committer: Person | undefined;
  for (const line of headerText.split('\n')) {
    if (line.startsWith(' ')) continue; // continuation of a signature or merge tag
    const space = line.indexOf(' ');
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === 'tree') tree = value;
    else if (key === 'parent') parents.push(value);
    else if (key === 'author') author = parsePerson(value);
    else if (key === 'committer') committer = parsePerson(value);
  }
  if (!tree || !author || !committer) throw new Error('A commit object is malformed.');
  return { tree, parents, author, committer, message };
}

function parsePerson(value: string): Person {
  const match = /^(.*?) ?<([^>]*)> (\d+) ([+-])(\d\d)(\d\d)$/.exec(value);
  if (!match) return { name: value, email: '', timestamp: 0, timezoneOffset: 0 };
  const minutes = Number(match[5]) * 60 + Number(match[6]);
  return {
    name: match[1] ?? '',
    email: match[2] ?? '',
    timestamp: Number(match[3]),
    timezoneOffset: match[4] === '-' ? minutes : -minutes,
  };
}
