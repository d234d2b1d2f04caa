import { attachTrivia } from './comments.ts';
import { composeYaml } from './compose.ts';
import type { ComposeOptions, YamlIssue } from './compose.ts';
import type { YamlDocument } from './nodes.ts';

export interface ParseOptions extends ComposeOptions {
  /** Attach comments and blank lines to entries, for writing the file back. */
  trivia?: boolean;
}

export interface ParsedYaml {
  /** The plain value; `undefined` when the text could not be parsed at all. */
  value: unknown;
  document?: YamlDocument;
  issues: YamlIssue[];
}

/** Parses one YAML document safely (see compose.ts for what is refused). */
export function parseYaml(source: string, options: ParseOptions = {}): ParsedYaml {
  const composed = composeYaml(source, options);
  const first = composed.documents[0];
  if (!first)
    return { value: composed.issues.length > 0 ? undefined : null, issues: composed.issues };
  if (options.tree === false) return { value: first.value, issues: composed.issues };
  const document: YamlDocument = { source, root: first.root, endComments: [], headerComments: [] };
  if (options.trivia) attachTrivia(document);
  return { value: first.value, document, issues: composed.issues };
}

export interface ParsedYamlStream {
  documents: Array<{ value: unknown; document: YamlDocument }>;
  issues: YamlIssue[];
}

/** Parses a stream of YAML documents (HEPData's submission.yaml). */
export function parseYamlStream(source: string, options: ComposeOptions = {}): ParsedYamlStream {
  const composed = composeYaml(source, { ...options, multipleDocuments: true });
  return {
    documents: composed.documents.map((doc) => ({
      value: doc.value,
      document: { source, root: doc.root, endComments: [], headerComments: [] },
    })),
    issues: composed.issues,
  };
}
