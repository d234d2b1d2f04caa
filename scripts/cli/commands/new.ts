import { mkdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { checkOrcid } from '../../lib/identifiers/orcid.ts';
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
import type { NewRecordAnswers } from '../../lib/records/scaffold.ts';
import type { AccessLevel } from '../../lib/records/types.ts';
import { loadSchemas } from '../../lib/schemas/load-schemas.ts';
import type { SchemaRegistry } from '../../lib/schemas/registry.ts';
import { nodeAt, rootNode } from '../../lib/schemas/walk.ts';
import { text } from '../../lib/validate/data.ts';
import { writeFileAtomic } from '../../lib/util/write-atomic.ts';
import { readFile, readdir } from 'node:fs/promises';
import { ROOT_OPTION, findArchiveRoot } from '../archive-root.ts';
import { EXIT_OK, UsageError } from '../command.ts';
import type { CliIo, Command, ParsedArgs } from '../command.ts';
import { createPrompter } from '../prompt.ts';

const LEVELS: readonly AccessLevel[] = ['public', 'collaboration', 'restricted'];

export const newCommand: Command = {
  name: 'new',
  summary: "Start a new record from its collection's schema",
  usage:
    'capsule new <collection> <slug> [--title T] [--given-name G --family-name F] [--orcid ID] [--access LEVEL] [--markdown] [--no-input]',
  description: [
    'Creates content/<collection>/<slug>/ with a record that validates in draft mode and a',
    'README.md to fill in. On a terminal it asks for the essentials (title, abstract, the contact',
    "person, access level, keywords), with each field's help from the schema; flags answer the",
    'questions ahead, and --no-input (or no terminal) asks nothing. Commit the folder on a branch',
    'and open a draft pull request: CI reports what is still missing.',
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
    const answers = await collectAnswers(
      args,
      io,
      registry,
      schema,
      defaultAccess,
      interactive,
      text(collectionData, 'experiment'),
    );

    const data = newRecordData(answers);
    const yaml = recordYaml(data, registry);
    await mkdir(dir, { recursive: true });
    if (args.values.markdown === true) {
      await writeFileAtomic(
        path.join(dir, RECORD_MARKDOWN),
        `---\n${yaml}---\n\n${readmeTemplate(answers.title)}`,
      );
    } else {
      await writeFileAtomic(path.join(dir, RECORD_YAML), yaml);
      await writeFileAtomic(path.join(dir, 'README.md'), readmeTemplate(answers.title));
    }
    const relative = path.relative(io.cwd, dir) || '.';
    io.stdout.write(
      [
        `Created ${relative}/ (${schema}, ${answers.access}).`,
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

async function collectAnswers(
  args: ParsedArgs,
  io: CliIo,
  registry: SchemaRegistry,
  schema: string,
  defaultAccess: AccessLevel,
  interactive: boolean,
  collectionExperiment: string | undefined,
): Promise<NewRecordAnswers> {
  const flag = (name: string) =>
    typeof args.values[name] === 'string' ? (args.values[name] as string).trim() : undefined;
  const access = flag('access') ?? defaultAccess;
  if (!LEVELS.includes(access as AccessLevel))
    throw new UsageError(`--access must be one of ${LEVELS.join(', ')}.`);
  const orcid = flag('orcid');
  if (orcid) {
    const verdict = checkOrcid(orcid);
    if (!verdict.ok) throw new UsageError(`--orcid ${orcid} ${verdict.problem}. ${verdict.hint}`);
  }
  const answers: NewRecordAnswers = {
    schema,
    access: access as AccessLevel,
    keywords: splitList(flag('keywords')),
    created: today(io.env),
  };
  const set = (
    key: 'title' | 'abstract' | 'givenName' | 'familyName' | 'orcid' | 'affiliation',
    value: string | undefined,
  ) => {
    if (value) answers[key] = value;
  };
  if (collectionExperiment) answers.experiment = collectionExperiment;
  else if (flag('experiment')) answers.experiment = flag('experiment');
  set('title', flag('title'));
  set('abstract', flag('abstract'));
  set('givenName', flag('given-name'));
  set('familyName', flag('family-name'));
  set('orcid', orcid);
  set('affiliation', flag('affiliation'));
  if (!interactive) return answers;

  const root = rootNode(registry, schema);
  const help = (...pointer: Array<string | number>) => {
    const description = root ? nodeAt(registry, root, pointer)?.schema.description : undefined;
    return typeof description === 'string' ? description : undefined;
  };
  const prompter = createPrompter(io);
  try {
    io.stdout.write(
      `New ${schema} record. Press Enter to skip a question; the record stays a draft until filled in.\n\n`,
    );
    if (!answers.title)
      set(
        'title',
        await prompter.ask('Title', {
          ...optionalHelp(help('title')),
          check: (answer) =>
            answer && answer.length < 3 ? 'A title has at least 3 characters.' : undefined,
        }),
      );
    if (!answers.experiment) {
      const experiment = await prompter.ask('Experiment', optionalHelp(help('experiment')));
      if (experiment) answers.experiment = experiment;
    }
    if (!answers.abstract)
      set(
        'abstract',
        await prompter.ask('Abstract (one paragraph)', optionalHelp(help('abstract'))),
      );
    if (!answers.givenName)
      set(
        'givenName',
        await prompter.ask(
          'Contact person: given name',
          optionalHelp(help('people', 0, 'given_name')),
        ),
      );
    if (!answers.familyName)
      set(
        'familyName',
        await prompter.ask(
          'Contact person: family name',
          optionalHelp(help('people', 0, 'family_name')),
        ),
      );
    if (!answers.orcid) {
      set(
        'orcid',
        await prompter.ask('Contact person: ORCID iD', {
          ...optionalHelp(help('people', 0, 'orcid')),
          check: (answer) => {
            if (!answer) return undefined;
            const verdict = checkOrcid(answer);
            return verdict.ok ? undefined : `That ORCID iD ${verdict.problem}. ${verdict.hint}`;
          },
        }),
      );
    }
    if (!answers.affiliation)
      set(
        'affiliation',
        await prompter.ask(
          'Contact person: institute',
          optionalHelp(help('people', 0, 'affiliations', 0, 'name')),
        ),
      );
    if (!flag('access'))
      answers.access = (await prompter.choose(
        'Access level',
        LEVELS,
        answers.access,
        help('access', 'level'),
      )) as AccessLevel;
    if (answers.keywords.length === 0)
      answers.keywords = splitList(
        await prompter.ask('Keywords (comma-separated)', optionalHelp(help('keywords'))),
      );
  } finally {
    prompter.close();
  }
  return answers;
}

function optionalHelp(help: string | undefined): { help?: string } {
  return help ? { help } : {};
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
