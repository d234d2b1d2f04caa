import type { SchemaDocument } from './registry.ts';
import type { SchemaLookup } from './walk.ts';

/** Schema documents by ref and by `$id`, for walking without compiling (the browser form). */
export function schemaLookup(documents: readonly SchemaDocument[]): SchemaLookup {
  const byRef = new Map(documents.map((document) => [document.ref, document]));
  const byId = new Map(documents.map((document) => [document.id, document]));
  return { get: (ref) => byRef.get(ref), byId: (id) => byId.get(id) };
}
