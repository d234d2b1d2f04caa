import type { GraphCommit } from './commit-graph.ts';
import type { CommitSummary, Signature } from './types.ts';

export function commitSummary(commit: GraphCommit): CommitSummary {
  return {
    oid: commit.oid,
    parents: commit.object.parents,
    author: signature(commit.object.author),
    committer: signature(commit.object.committer),
    message: commit.object.message,
  };
}

/**
 * isomorphic-git gives a signature's time zone as JavaScript does (`getTimezoneOffset`: minutes
 * to add to local time to reach UTC, so +01:00 is -60); the date keeps the author's own offset.
 */
export function signature(person: {
  name: string;
  email: string;
  timestamp: number;
  timezoneOffset: number;
}): Signature {
  return {
    name: person.name,
    email: person.email,
    date: isoDate(person.timestamp, -person.timezoneOffset),
  };
}

export function isoDate(seconds: number, offsetMinutes: number): string {
  const local = new Date((seconds + offsetMinutes * 60) * 1000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
  const minutes = String(absolute % 60).padStart(2, '0');
  return `${local}${sign}${hours}:${minutes}`;
}
