import { readMarkdownMetadata, readYamlMetadata } from '../records/read-metadata.ts';
import { RECORD_YAML } from '../records/layout.ts';

/** A record's metadata as committed: the parsed mapping, or why it could not be read. */
export type RecordState =
  { readable: true; data: { [key: string]: unknown } } | { readable: false; problem: string };

/**
 * Parses a committed metadata file with the record store's own reader (the same safety limits
 * as `capsule validate`): record.yaml, or record.md's front matter.
 */
export function readRecordState(file: string, bytes: Uint8Array): RecordState {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const read =
    name === RECORD_YAML ? readYamlMetadata(file, bytes) : readMarkdownMetadata(file, bytes);
  if (read.data) return { readable: true, data: read.data };
  const problem = read.diagnostics.find((d) => d.severity === 'error') ?? read.diagnostics[0];
  return {
    readable: false,
    problem: problem ? `${problem.message} (line ${problem.line})` : 'The file is empty.',
  };
}
