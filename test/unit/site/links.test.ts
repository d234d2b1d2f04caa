import { describe, expect, it } from 'vitest';
import { identifierUrl, repositoryRefUrl, safeHref } from '../../../scripts/lib/site/links.ts';

describe('safeHref', () => {
  it('lets http(s), mailto and root:// URLs through', () => {
    for (const url of [
      'https://cern.ch/',
      'http://example.org/a?b#c',
      'mailto:a@b.org',
      'root://eos.cern.ch//eos/x',
    ])
      expect(safeHref(url)).toBe(url);
  });

  it('refuses every other scheme, however it is spelt', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:x',
      'java\tscript:x',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
      '//evil.org/',
      'relative/path',
      'https://user:pw@host/',
    ])
      expect(safeHref(url), url).toBeUndefined();
  });
});

describe('identifierUrl', () => {
  it('links identifiers to their resolvers', () => {
    expect(identifierUrl('doi', '10.1007/JHEP07(2016)242')).toBe(
      'https://doi.org/10.1007/JHEP07(2016)242',
    );
    expect(identifierUrl('orcid', '0000-0002-1825-0097')).toBe(
      'https://orcid.org/0000-0002-1825-0097',
    );
    expect(identifierUrl('arxiv', 'hep-ex/0301001')).toBe('https://arxiv.org/abs/hep-ex/0301001');
    expect(identifierUrl('inspire', '1124338')).toBe('https://inspirehep.net/literature/1124338');
    expect(identifierUrl('https-url', 'javascript:alert(1)')).toBeUndefined();
    expect(identifierUrl('email', 'a@b.org')).toBe('mailto:a@b.org');
    expect(identifierUrl('year', '2016')).toBeUndefined();
  });
});

describe('repositoryRefUrl', () => {
  it('links tags and commits on GitHub and GitLab', () => {
    expect(
      repositoryRefUrl('https://github.com/cms/combine.git', { tag: 'v1', commit: 'abc' }),
    ).toEqual({
      tag: 'https://github.com/cms/combine/releases/tag/v1',
      commit: 'https://github.com/cms/combine/commit/abc',
    });
    expect(repositoryRefUrl('https://gitlab.cern.ch/a/b', { commit: 'abc' })).toEqual({
      commit: 'https://gitlab.cern.ch/a/b/-/commit/abc',
    });
    expect(repositoryRefUrl('https://example.org/repo', { commit: 'abc' })).toEqual({});
  });
});
