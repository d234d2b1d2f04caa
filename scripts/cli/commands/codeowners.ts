import { mkdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import {
  codeownersFiles,
  collectionOwners,
  githubIncompatible,
} from '../../lib/forges/codeowners.ts';
import { openRepository } from '../../lib/git/repository.ts';
import { nodeArchiveFs } from '../../lib/records/archive-fs.ts';
import { discoverArchive } from '../../lib/records/discover.ts';
import { COLLECTION_FILE } from '../../lib/records/layout.ts';
import { readYamlMetadata } from '../../lib/records/read-metadata.ts';
import type { Collection } from '../../lib/records/types.ts';
import { writeFileAtomic } from '../../lib/util/write-atomic.ts';
import { ROOT_OPTION, findArchiveRoot } from '../archive-root.ts';
import { EXIT_INVALID, EXIT_OK } from '../command.ts';
import type { Command } from '../command.ts';

export const codeownersCommand: Command = {
  name: 'codeowners',
  summary: 'Generate CODEOWNERS for GitHub and GitLab from the collections’ reviewers',
  usage: 'capsule codeowners [--check]',
  description: [
    'Writes .github/CODEOWNERS and .gitlab/CODEOWNERS at the root of the repository: each',
    "collection's folder is owned by the `reviewers` of its collection.yaml, so the forge asks",
    'them to review every pull or merge request that changes it (GitLab: one section, and so one',
    'approval rule, per collection). With --check nothing is written: the command exits 1 when',
    'a file is missing or differs from what the collections say (CI runs this).',
  ].join('\n'),
  options: {
    check: { type: 'boolean', description: 'Only check that the files are up to date (for CI).' },
    ...ROOT_OPTION,
  },
  examples: [
    {
      command: 'capsule codeowners',
      explanation: 'Regenerate both files after editing reviewers.',
    },
    { command: 'capsule codeowners --check', explanation: 'Fail when they are stale.' },
  ],
  positionals: 'none',
  async run({ values }, io) {
    const root = findArchiveRoot(io.cwd, values.root as string | undefined);
    const repository = openRepository(root);
    const repositoryRoot = repository?.dir ?? root;
    const prefix = repository?.prefix ?? '';
    const discovery = await discoverArchive(root, nodeArchiveFs);
    const collections: Collection[] = [];
    for (const found of discovery.collections) {
      if (!found.hasConfig) continue;
      const file = `${found.dir}/${COLLECTION_FILE}`;
      const read = readYamlMetadata(file, await nodeArchiveFs.readFile(path.join(root, file)));
      if (!read.data || !read.file) {
        io.stderr.write(`capsule codeowners: ${file} cannot be read; run \`capsule validate\`.\n`);
        return EXIT_INVALID;
      }
      collections.push({
        name: found.name,
        dir: found.dir,
        metadataFile: read.file,
        data: read.data,
      });
    }
    const owners = collectionOwners(collections);
    for (const owner of owners.filter((o) => o.reviewers.length === 0))
      io.stderr.write(
        `warning: the collection ${owner.name} has no reviewers: nobody owns ${owner.dir}/.\n`,
      );
    for (const reviewer of githubIncompatible(owners))
      io.stderr.write(
        `warning: ${reviewer} is a nested group, which GitHub cannot use; it is left out of .github/CODEOWNERS.\n`,
      );

    const stale: string[] = [];
    for (const file of codeownersFiles(owners, prefix)) {
      const target = path.join(repositoryRoot, file.path);
      let current: string | undefined;
      try {
        current = await readFile(target, 'utf8');
      } catch {
        current = undefined;
      }
      if (current === file.content) continue;
      stale.push(file.path);
      if (!values.check) {
        await mkdir(path.dirname(target), { recursive: true });
        await writeFileAtomic(target, file.content);
      }
    }
    if (values.check) {
      if (stale.length === 0) {
        io.stdout.write(`✔ CODEOWNERS match the reviewers of ${owners.length} collections.\n`);
        return EXIT_OK;
      }
      io.stdout.write(
        `✖ ${stale.join(' and ')} ${stale.length === 1 ? 'does' : 'do'} not match the reviewers in the collection files.\n    hint: Run \`npx capsule codeowners\` and commit the result.\n`,
      );
      return EXIT_INVALID;
    }
    io.stdout.write(
      stale.length === 0
        ? `CODEOWNERS already up to date (${owners.length} collections).\n`
        : `Wrote ${stale.join(' and ')} (${owners.length} collections).\n`,
    );
    return EXIT_OK;
  },
};
