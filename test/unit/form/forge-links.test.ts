import { describe, expect, it } from 'vitest';
import { URL_LIMIT, editFileUrl, newFileLink } from '../../../scripts/lib/form/forge-links.ts';

const github = {
  type: 'github' as const,
  url: 'https://github.com',
  repository: 'capsule-archive/capsule',
  default_branch: 'main',
};
const gitlab = {
  type: 'gitlab' as const,
  url: 'https://gitlab.cern.ch/',
  repository: 'cms/capsule/archive',
};

describe('links into the forge', () => {
  it("fills GitHub's new-file page with the path and the content", () => {
    const link = newFileLink(
      github,
      'content/cms/hig-24-001/record.yaml',
      'title: H → ττ & more\n',
    );
    const url = new URL(link.url);
    expect(`${url.origin}${url.pathname}`).toBe(
      'https://github.com/capsule-archive/capsule/new/main',
    );
    expect(url.searchParams.get('filename')).toBe('content/cms/hig-24-001/record.yaml');
    expect(url.searchParams.get('value')).toBe('title: H → ττ & more\n');
    expect(link.tooLong).toBe(false);
  });

  it("fills GitLab's new-file page, on the default branch when none is configured", () => {
    const link = newFileLink(gitlab, 'content/cms/x/record.yaml', 'a: b\n');
    const url = new URL(link.url);
    expect(`${url.origin}${url.pathname}`).toBe(
      'https://gitlab.cern.ch/cms/capsule/archive/-/new/main',
    );
    expect(url.searchParams.get('file_name')).toBe('content/cms/x/record.yaml');
    expect(url.searchParams.get('content')).toBe('a: b\n');
  });

  it('says when a record is too long to travel in a link', () => {
    const link = newFileLink(github, 'content/cms/x/record.yaml', 'τ'.repeat(URL_LIMIT / 4));
    expect(link.tooLong).toBe(true);
  });

  it("opens an existing record's file in the editor, ", () => {
    expect(editFileUrl(github, 'content/cms/higgs-tautau-2016/record.yaml')).toBe(
      'https://github.com/capsule-archive/capsule/edit/main/content/cms/higgs-tautau-2016/record.yaml',
    );
    expect(editFileUrl(gitlab, 'content/cms/a b/record.md')).toBe(
      'https://gitlab.cern.ch/cms/capsule/archive/-/edit/main/content/cms/a%20b/record.md',
    );
  });
});
