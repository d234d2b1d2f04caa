import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './repo.ts';

/**
 * A throwaway archive repository for a test: the project's real schemas/ plus the content/ files
 * the test writes. Removed again by `cleanup`.
 */
export interface TempArchive {
  root: string;
  write(file: string, content: string | Uint8Array): Promise<void>;
  cleanup(): Promise<void>;
}

export const ARCHIVE_YAML = `name: Test archive
description: An archive made by a test.
site_url: https://archive.example.org/
forge:
  type: github
  url: https://github.com
  repository: example/archive
public_repository: false
`;

export const COLLECTION_YAML = `title: General analyses
description: Analyses of any experiment.
schemas:
  - analysis
default_schema: analysis/1.0.0
reviewers:
  - '@example/conveners'
default_access: public
`;

export function recordYaml(fields: { [key: string]: string } = {}): string {
  const base: { [key: string]: string } = {
    $schema: 'analysis/1.0.0',
    title: 'Measurement of the top quark mass',
    abstract: 'A measurement.',
    version: "'1'",
    created: '2024-03-01',
    experiment: 'CMS',
    access: '\n  level: public',
    people: '\n  - given_name: Ada\n    family_name: Lovelace',
    ...fields,
  };
  return (
    Object.entries(base)
      .filter(([, value]) => value !== '')
      .map(([key, value]) => `${key}:${value.startsWith('\n') ? '' : ' '}${value}`)
      .join('\n') + '\n'
  );
}

export async function makeArchive(
  files: { [file: string]: string | Uint8Array } = {},
): Promise<TempArchive> {
  const root = await mkdtemp(path.join(tmpdir(), 'capsule-test-'));
  await cp(path.join(REPO_ROOT, 'schemas'), path.join(root, 'schemas'), { recursive: true });
  const archive: TempArchive = {
    root,
    async write(file, content) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), content);
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
  const all = {
    'content/archive.yaml': ARCHIVE_YAML,
    'content/general/collection.yaml': COLLECTION_YAML,
    ...files,
  };
  for (const [file, content] of Object.entries(all)) await archive.write(file, content);
  return archive;
}
