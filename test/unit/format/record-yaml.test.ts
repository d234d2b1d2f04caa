import { readFile, readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordFileText, recordYaml } from '../../../scripts/lib/format/record-yaml.ts';
import {
  readMarkdownMetadata,
  readYamlMetadata,
} from '../../../scripts/lib/records/read-metadata.ts';
import { loadSchemas } from '../../../scripts/lib/schemas/load-schemas.ts';
import { schemaLookup } from '../../../scripts/lib/schemas/lookup.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

/** Every record file of the sample archive, relative to the repository. */
async function sampleRecords(): Promise<string[]> {
  const entries = await readdir(path.join(REPO_ROOT, 'content'), { recursive: true });
  return entries
    .filter((entry) => /(^|\/)record\.(yaml|md)$/.test(entry))
    .map((entry) => `content/${entry}`)
    .sort();
}

const { registry } = await loadSchemas(REPO_ROOT);
const lookup = schemaLookup(registry.documents);

describe('writing a record from its data', () => {
  it('gives back every sample record byte for byte', async () => {
    const files = await sampleRecords();
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const bytes = await readFile(path.join(REPO_ROOT, file));
      const markdown = file.endsWith('.md');
      const read = markdown ? readMarkdownMetadata(file, bytes) : readYamlMetadata(file, bytes);
      const text = recordFileText(
        read.data ?? {},
        lookup,
        markdown ? 'record.md' : 'record.yaml',
        read.body,
      );
      expect(text, file).toBe(bytes.toString('utf8'));
    }
  });

  it('puts keys in the schema order whatever order they come in', () => {
    const yaml = recordYaml(
      { title: 'A title', access: { level: 'public' }, $schema: 'analysis/1.0.0' },
      lookup,
    );
    expect(yaml).toBe('$schema: analysis/1.0.0\ntitle: A title\naccess:\n  level: public\n');
  });

  it('folds long text at 100 characters and keeps short text on its line', () => {
    const words = Array.from({ length: 40 }, (_, index) => `word${index}`).join(' ');
    const yaml = recordYaml({ $schema: 'analysis/1.0.0', title: 'Short', abstract: words }, lookup);
    const lines = yaml.split('\n');
    expect(lines[1]).toBe('title: Short');
    expect(lines[2]).toBe('abstract: >-');
    expect(lines.slice(3, -1).every((line) => line.length <= 100 && line.startsWith('  '))).toBe(
      true,
    );
    const read = readYamlMetadata('record.yaml', Buffer.from(yaml));
    expect(read.data?.abstract).toBe(words);
  });

  it('never folds where the text would read back differently', () => {
    const tricky = [
      `${'x'.repeat(60)}  two spaces ${'y'.repeat(60)}`,
      ` leading space ${'z'.repeat(100)}`,
      `${'a'.repeat(120)}`,
      `tab\there ${'b'.repeat(100)}`,
      `# not a comment ${'c '.repeat(60)}`.trim(),
    ];
    for (const value of tricky) {
      const yaml = recordYaml({ $schema: 'analysis/1.0.0', abstract: value }, lookup);
      expect(readYamlMetadata('record.yaml', Buffer.from(yaml)).data?.abstract, yaml).toBe(value);
    }
  });
});
