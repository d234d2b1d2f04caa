import type { RecordRule } from '../rule.ts';
import { list, text } from '../data.ts';
import { parseSchemaRef } from '../../schemas/ids.ts';

/** A record's `$schema` must be one its collection allows (collection.yaml `schemas`). */
export const schemaAllowed: RecordRule = (record, { collection }) => {
  const ref = text(record.data, '$schema');
  const parsed = ref === undefined ? undefined : parseSchemaRef(ref);
  if (!parsed || !collection) return [];
  const allowed = list(collection.data, 'schemas').filter(
    (name): name is string => typeof name === 'string',
  );
  if (allowed.length === 0 || allowed.includes(parsed.name)) return [];
  const fallback = text(collection.data, 'default_schema') ?? `${allowed[0]}/1.0.0`;
  return [
    record.metadataFile.diagnostic(
      'CAPSULE_SCHEMA_NOT_ALLOWED',
      'error',
      '/$schema',
      `The collection \`${record.collection}\` does not take \`${parsed.name}\` records; it allows ${allowed.map((name) => `\`${name}\``).join(', ')}.`,
      `Use \`$schema: ${fallback}\`, or move the record to a collection for ${parsed.name} records.`,
    ),
  ];
};
