import { describe, expect, it } from 'vitest';
import { depositProblems } from '../../../scripts/lib/zenodo/check-deposit.ts';
import { SANDBOX_API, ZENODO_API, resolveEndpoint } from '../../../scripts/lib/zenodo/endpoints.ts';
import type { DepositMetadata } from '../../../scripts/lib/zenodo/types.ts';
import type { UploadFile } from '../../../scripts/lib/zenodo/upload-set.ts';

describe('resolveEndpoint', () => {
  it('mints on zenodo.org unless the sandbox is asked for, by flag or by archive.yaml', () => {
    expect(resolveEndpoint({})).toBe(ZENODO_API);
    expect(resolveEndpoint({ sandbox: true })).toBe(SANDBOX_API);
    expect(resolveEndpoint({ archiveSandbox: true })).toBe(SANDBOX_API);
  });

  it('takes an explicit API URL over both, https or loopback http only', () => {
    expect(resolveEndpoint({ explicit: 'http://127.0.0.1:8080/api/', sandbox: true })).toBe(
      'http://127.0.0.1:8080/api',
    );
    expect(resolveEndpoint({ explicit: 'https://zenodo.example.org/api' })).toBe(
      'https://zenodo.example.org/api',
    );
    expect(() => resolveEndpoint({ explicit: 'http://zenodo.example.org/api' })).toThrow(
      /must be https/,
    );
  });
});

describe('depositProblems', () => {
  const metadata: DepositMetadata = {
    upload_type: 'other',
    title: 'A preserved analysis',
    creators: [{ name: 'Lovelace, Ada' }],
    description: '<p>x</p>',
    access_right: 'open',
    license: 'cc-by-4.0',
    publication_date: '2026-11-22',
    version: '1',
    related_identifiers: [],
  };
  const file = (key: string, size = 10): UploadFile => ({
    key,
    file: `/tmp/${key}`,
    size,
    md5: '0'.repeat(32),
  });

  it('accepts what Zenodo publishes', () => {
    expect(depositProblems(metadata, [file('record.yaml')])).toEqual([]);
  });

  it('names what Zenodo would refuse at publish, before anything is sent', () => {
    expect(depositProblems({ ...metadata, title: 'ab', creators: [] }, [])).toEqual([
      'The title is shorter than 3 characters, the least Zenodo accepts.',
      'Zenodo needs at least one creator with a name: list the analysts under `people`.',
      'The record folder holds no file to deposit.',
    ]);
    const many = Array.from({ length: 101 }, (_, index) => file(`files/f${index}`));
    expect(depositProblems(metadata, many)[0]).toMatch(/holds 101 files; Zenodo takes at most 100/);
    expect(depositProblems(metadata, [file('big', 60 * 10 ** 9)])[0]).toMatch(
      /Reference large data by URI/,
    );
  });
});
