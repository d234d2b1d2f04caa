import { mkdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { schemaConstants } from '../../lib/form/field-spec.ts';
import { parseNumber, setValue, valueAt } from '../../lib/form/record-edit.ts';
import type { RecordData } from '../../lib/form/record-edit.ts';
import { today } from '../../lib/records/access.ts';
import {
  COLLECTION_FILE,
  CONTENT_DIR,
  NAME_PATTERN,
  RECORD_MARKDOWN,
  RECORD_YAML,
} from '../../lib/records/layout.ts';
import { readYamlMetadata } from '../../lib/records/read-metadata.ts';
import { newRecordData, readmeTemplate, recordYaml } from '../../lib/records/scaffold.ts';
import { answerProblem, essentialQuestions } from '../../lib/records/essentials.ts';
import type { EssentialQuestion } from '../../lib/records/essentials.ts';
import type { AccessLevel } from '../../lib/records/types.ts';
import { loadSchemas } from '../../lib/schemas/load-schemas.ts';
import type { SchemaRegistry } from '../../lib/schemas/registry.ts';
import { text } from '../../lib/validate/data.ts';
import { writeFileAtomic } from '../../lib/util/write-atomic.ts';
import { readFile, readdir } from 'node:fs/promises';
import { ROOT_OPTION, findArchiveRoot } from '../archive-root.ts';
import { EXIT_OK, UsageError } from '../command.ts';
import type { CliIo, Command, ParsedArgs } from '../command.ts';
import { createPrompter } from '../prompt.ts';

export const newCommand: Command = {
  name: 'new',
  summary: "Start a new record from its collection's schema",
  usage:
    'capsule new <collection> <slug> [--title T] [--given-name G --family-name F] [--orcid ID] [--access LEVEL] [--markdown] [--no-input]',
  description: [
    'Creates content/<collection>/<slug>/ with a record that validates in draft mode and a',
    "README.md to fill in. On a terminal it asks for the essentials the collection's schema names",
    '(its required fields: title, abstract, access level, the contact person...; and the ORCID iD,',
    "institute and keywords), with each field's help, and checks every answer with the schema's",
    'validator; flags answer questions ahead, and --no-input (or no terminal) asks nothing. Commit',
    'the folder on a branch and open a draft pull request: CI reports what is still missing.',
  ].join('\n'),
  options: {
    title: { type: 'string', value: '<text>', description: 'The analysis title.' },
    abstract: { type: 'string', value: '<text>', description: 'A one-paragraph summary.' },
    'given-name': { type: 'string', value: '<name>', description: "Contact person's given name." },
    'family-name': {
      type: 'string',
      value: '<name>',
      description: "Contact person's family name.",
    },
    orcid: {
      type: 'string',
      value: '<id>',
      description: "Contact person's ORCID iD, e.g. 0000-0002-1825-0097.",
    },
    affiliation: { type: 'string', value: '<name>', description: "Contact person's institute." },
    access: {
      type: 'string',
      value: '<level>',
      description: "public, collaboration or restricted (default: the collection's).",
    },
    keywords: { type: 'string', value: '<a,b,c>', description: 'Comma-separated keywords.' },
    experiment: {
      type: 'string',
      value: '<name>',
      description: 'The experiment, for collections that take several (e.g. general).',
    },
    markdown: {
      type: 'boolean',
      description: 'Write record.md (front matter + documentation) instead of record.yaml.',
    },
    'no-input': { type: 'boolean', description: 'Never ask; use the flags only.' },
    ...ROOT_OPTION,
  },
  examples: [
    {
      command: 'capsule new cms hig-24-001',
      explanation: 'Answer a few questions, get content/cms/hig-24-001/.',
    },
    {
      command:
        'capsule new atlas susy-stop-2024 --title "Search for top squarks" --family-name Curie --given-name Marie --no-input',
      explanation: 'Scripted, no questions.',
    },
  ],
  positionals: 'any',
  async run(args, io) {
    const [collection, slug, ...rest] = args.positionals;
    if (!collection || !slug || rest.length > 0)
      throw new UsageError(
        'Give exactly a collection and a slug: capsule new <collection> <slug>.',
      );
    const root = findArchiveRoot(io.cwd, args.values.root as string | undefined);
    const collections = await listCollections(root);
    if (!collections.includes(collection)) {
      throw new UsageError(
        `There is no collection "${collection}". Collections: ${collections.join(', ') || '(none)'}.`,
      );
    }
    if (!NAME_PATTERN.test(slug)) {
      throw new UsageError(
        `The slug "${slug}" must be lowercase letters, digits and dashes (it becomes the record's id and web address), e.g. "${slug.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}".`,
      );
    }
    const dir = path.join(root, CONTENT_DIR, collection, slug);
    if (await exists(dir))
      throw new UsageError(
        `${path.relative(io.cwd, dir)} already exists; choose another slug or edit that record.`,
      );

    const collectionFile = `${CONTENT_DIR}/${collection}/${COLLECTION_FILE}`;
    const collectionData =
      readYamlMetadata(collectionFile, await readFile(path.join(root, collectionFile))).data ?? {};
    const { registry } = await loadSchemas(root);
    const schema =
      text(collectionData, 'default_schema') ?? registry.latest('analysis') ?? 'analysis/1.0.0';
    const defaultAccess = (text(collectionData, 'default_access') ??
      'collaboration') as AccessLevel;
    const interactive = Boolean(io.stdin.isTTY) && args.values['no-input'] !== true;
    const data = await collectRecord(
      args,
      io,
      registry,
      schema,
      defaultAccess,
      interactive,
      text(collectionData, 'experiment'),
    );
    const title = typeof data.title === 'string' ? data.title : undefined;
    const yaml = recordYaml(data, registry);
    await mkdir(dir, { recursive: true });
    if (args.values.markdown === true) {
      await writeFileAtomic(
        path.join(dir, RECORD_MARKDOWN),
        `---\n${yaml}---\n\n${readmeTemplate(title)}`,
      );
    } else {
      await writeFileAtomic(path.join(dir, RECORD_YAML), yaml);
      await writeFileAtomic(path.join(dir, 'README.md'), readmeTemplate(title));
    }
    const relative = path.relative(io.cwd, dir) || '.';
    io.stdout.write(
      [
        `Created ${relative}/ (${schema}, ${String((data.access as { level?: unknown } | undefined)?.level)}).`,
        'Next:',
        `  1. Fill in the record; \`npx capsule validate --draft ${relative}\` lists what is still missing.`,
        `  2. git switch -c preserve/${slug} && git add ${relative} && git commit -m "feat(${collection}): preserve ${slug}"`,
        '  3. Push and open a draft pull request; CI reports on it.',
        '',
      ].join('\n'),
    );
    return EXIT_OK;
  },
};

/** The flags that answer questions ahead, by the field they fill. */
const FLAG_FIELDS: { [flag: string]: string } = {
  title: '/title',
  abstract: '/abstract',
  experiment: '/experiment',
  access: '/access/level',
  'given-name': '/people/0/given_name',
  'family-name': '/people/0/family_name',
  orcid: '/people/0/orcid',
  affiliation: '/people/0/affiliations/0/name',
  keywords: '/keywords',
};

/**
 * The record's first version: the schema's fixed values, version 1 of today, the collection's
 * experiment and default access, then the answers — from flags first, then (on a terminal) to
 * the schema's essential questions (essentials.ts), each checked by the schema's validator.
 */
async function collectRecord(
  args: ParsedArgs,
  io: CliIo,
  registry: SchemaRegistry,
  schema: string,
  defaultAccess: AccessLevel,
  interactive: boolean,
  collectionExperiment: string | undefined,
): Promise<RecordData> {
  const data = newRecordData({
    schema,
    access: defaultAccess,
    created: today(io.env),
    ...(collectionExperiment ? { experiment: collectionExperiment } : {}),
  });
  for (const [name, value] of schemaConstants(registry, schema)) data[name] ??= value;
  const questions = essentialQuestions(registry, schema);
  const validate = registry.validator(schema);
  const problem = (question: EssentialQuestion, value: unknown) =>
    answerProblem(validate, () => validate.errors, registry, data, schema, question.path, value);
  const valueOf = (question: EssentialQuestion, answer: string): unknown =>
    question.kind === 'list'
      ? splitList(answer)
      : question.kind === 'number'
        ? parseNumber(answer)
        : answer;

  const answered = new Set<string>();
  if (collectionExperiment) answered.add('/experiment');
  for (const [flag, pointer] of Object.entries(FLAG_FIELDS)) {
    const raw = args.values[flag];
    if (typeof raw !== 'string' || raw.trim() === '' || answered.has(pointer)) continue;
    const question = questions.find((candidate) => candidate.pointer === pointer);
    if (!question) continue;
    const value = valueOf(question, raw.trim());
    const wrong = problem(question, value);
    if (wrong) throw new UsageError(`--${flag} ${raw.trim()}: ${wrong}`);
    setValue(data, question.path, value);
    answered.add(pointer);
  }

  if (interactive) {
    const prompter = createPrompter(io);
    try {
      io.stdout.write(
        `New ${schema} record. Press Enter to skip a question; the record stays a draft until filled in.\n\n`,
      );
      for (const question of questions) {
        if (answered.has(question.pointer)) continue;
        const help = question.help ? { help: question.help } : {};
        if (question.kind === 'choice') {
          const current = valueAt(data, question.path);
          const choices = question.choices ?? [];
          const answer = await prompter.choose(
            question.label,
            choices,
            typeof current === 'string' ? current : (choices[0] ?? ''),
            question.help,
          );
          setValue(data, question.path, answer);
          continue;
        }
        const answer = await prompter.ask(
          question.kind === 'list' ? `${question.label} (comma-separated)` : question.label,
          {
            ...help,
            check: (text) => (text ? problem(question, valueOf(question, text)) : undefined),
          },
        );
        const value = answer ? valueOf(question, answer) : undefined;
        if (value !== undefined && !(Array.isArray(value) && value.length === 0))
          setValue(data, question.path, value);
      }
    } finally {
      prompter.close();
    }
  }

  // The person named here is the record's contact.
  const person = (data.people as Array<{ [key: string]: unknown }> | undefined)?.[0];
  if (person && Object.keys(person).length > 0) person.roles ??= ['contact'];
  return data;
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

async function listCollections(root: string): Promise<string[]> {
  const entries = await readdir(path.join(root, CONTENT_DIR), { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries) {
    if (
      entry.isDirectory() &&
      (await exists(path.join(root, CONTENT_DIR, entry.name, COLLECTION_FILE)))
    )
      out.push(entry.name);
  }
  return out.sort();
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
