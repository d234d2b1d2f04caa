import { describe, expect, it } from 'vitest';
import { selectChanged } from '../../../scripts/lib/validate/select-changed.ts';

const records = ['content/cms/a', 'content/cms/2016/b', 'content/atlas/c'];
const selected = (files: string[]) => records.filter(selectChanged(files).select);

describe('selectChanged', () => {
  it('selects the record whose folder holds a changed file, at any depth', () => {
    expect(selected(['content/cms/2016/b/files/fit.C'])).toEqual(['content/cms/2016/b']);
    expect(selected(['content/cms/a/record.yaml', 'README.md'])).toEqual(['content/cms/a']);
    expect(selected(['content/cms/ab/record.yaml'])).toEqual([]);
  });

  it('selects a collection for its collection.yaml and everything for a schema or archive.yaml', () => {
    expect(selected(['content/cms/collection.yaml'])).toEqual([
      'content/cms/a',
      'content/cms/2016/b',
    ]);
    expect(selectChanged(['schemas/cms-analysis/1.1.0.json']).everything).toContain('schemas/');
    expect(selected(['content/archive.yaml'])).toEqual(records);
  });
});
