import type { ErrorObject } from 'ajv/dist/2020.js';
import { fieldLabel, fieldSpec } from '../form/field-spec.ts';
import type { FieldSpec } from '../form/field-spec.ts';
import { formDiagnostics } from '../form/form-diagnostics.ts';
import { setValue } from '../form/record-edit.ts';
import type { FormPath, RecordData } from '../form/record-edit.ts';
import { rootNode } from '../schemas/walk.ts';
import type { SchemaLookup, SchemaNode } from '../schemas/walk.ts';
import { toPointer } from '../yaml/locate.ts';

/**
 * The questions `capsule new` asks on a terminal, read from the record's schema like the site's
 * form: every required field of a simple kind (text, a choice, a number), in the schema's order,
 * going into required sections and the first item of required lists (the first person becomes
 * the record's contact); plus a few recommended ones. Fixed values (`const`) and the first
 * version's version and date are filled in, not asked. Answers are checked by the schema's
 * validator, with its messages.
 */
export interface EssentialQuestion {
  path: FormPath;
  pointer: string;
  /** The field's schema title, with its section's (`Contact person: Given name`). */
  label: string;
  help?: string;
  kind: 'text' | 'number' | 'choice' | 'list';
  choices?: string[];
  required: boolean;
}

/** Not required, but asked: what makes a record findable and its contact reachable. */
export const RECOMMENDED = ['/people/0/orcid', '/people/0/affiliations/0/name', '/keywords'];

/** Required, but a new record's first version gets them without asking. */
export const AUTOMATIC = ['/version', '/created'];

/** What the first item of a list is called in its questions, by the list's pointer. */
const ITEM_NAMES: { [pointer: string]: string } = { '/people': 'Contact person' };

/** Questions worded otherwise than `<item>: <title>`. */
const LABELS: { [pointer: string]: string } = {
  '/people/0/affiliations/0/name': 'Contact person: Institute',
};

export function essentialQuestions(schemas: SchemaLookup, schema: string): EssentialQuestion[] {
  const root = rootNode(schemas, schema);
  if (!root) return [];
  const questions: EssentialQuestion[] = [];
  walk(schemas, root, [], '', true, questions);
  return questions;
}

function walk(
  schemas: SchemaLookup,
  node: SchemaNode,
  path: FormPath,
  prefix: string,
  required: boolean,
  out: EssentialQuestion[],
): void {
  const spec = fieldSpec(schemas, node);
  const pointer = toPointer(path);
  const recommended = RECOMMENDED.some((wanted) => wanted === pointer);
  const leadsToRecommended = RECOMMENDED.some((wanted) => wanted.startsWith(`${pointer}/`));
  if (spec.kind === 'object') {
    for (const property of spec.properties) {
      const childPath = [...path, property.name];
      const childPointer = toPointer(childPath);
      if (AUTOMATIC.includes(childPointer)) continue;
      const wanted =
        (required && property.required) ||
        RECOMMENDED.some(
          (candidate) => candidate === childPointer || candidate.startsWith(`${childPointer}/`),
        );
      if (wanted)
        walk(schemas, property.node, childPath, prefix, required && property.required, out);
    }
    return;
  }
  if (spec.kind === 'array') {
    const item = fieldSpec(schemas, spec.item);
    if (item.kind === 'object' && (required || leadsToRecommended)) {
      const name = ITEM_NAMES[pointer] ?? `${prefix}${fieldLabel(item, String(path.at(-1)))}`;
      walk(schemas, spec.item, [...path, 0], `${name}: `, required, out);
      return;
    }
    if (item.kind === 'text' && (required || recommended)) {
      out.push(
        question(spec, path, `${prefix}${fieldLabel(spec, String(path.at(-1)))}`, 'list', required),
      );
    }
    return;
  }
  if (!(required || recommended)) return;
  const label = LABELS[pointer] ?? `${prefix}${fieldLabel(spec, String(path.at(-1)))}`;
  if (spec.kind === 'select' && spec.options.every((option) => typeof option === 'string'))
    out.push({
      ...question(spec, path, label, 'choice', required),
      choices: spec.options as string[],
    });
  else if (spec.kind === 'text' || spec.kind === 'number')
    out.push(question(spec, path, label, spec.kind, required));
}

function question(
  spec: FieldSpec,
  path: FormPath,
  label: string,
  kind: EssentialQuestion['kind'],
  required: boolean,
): EssentialQuestion {
  const out: EssentialQuestion = {
    path: [...path],
    pointer: toPointer(path),
    label,
    kind,
    required,
  };
  if (spec.description) out.help = spec.description;
  return out;
}

/**
 * What is wrong with an answer, in the validator's words (message and hint), or undefined when the
 * schema accepts it: the record with the answer is validated and the problems at that field kept.
 */
export function answerProblem(
  validate: (data: unknown) => boolean | Promise<unknown>,
  errors: () => readonly ErrorObject[] | null | undefined,
  schemas: SchemaLookup,
  record: RecordData,
  schema: string,
  path: FormPath,
  value: unknown,
): string | undefined {
  const probe = structuredClone(record);
  setValue(probe, path, value);
  if (validate(probe) === true) return undefined;
  const pointer = toPointer(path);
  const problem = formDiagnostics(errors() ?? [], probe, schemas, { schema, file: '' }).find(
    (diagnostic) =>
      diagnostic.code !== 'CAPSULE_SCHEMA_REQUIRED' &&
      (diagnostic.pointer === pointer || diagnostic.pointer.startsWith(`${pointer}/`)),
  );
  return problem ? `${problem.message} ${problem.hint}`.replace(/`/g, '') : undefined;
}
