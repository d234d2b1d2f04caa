import { describe, expect, it } from 'vitest';
import { repositoryRef } from '../../../scripts/lib/sync/repository.ts';

describe('code repository URLs', () => {
  it('name the forge, host and project, ignoring .git and paths inside the repository', () => {
    expect(repositoryRef('https://github.com/cms-analysis/htt.git')).toEqual({
      forge: 'github',
      host: 'github.com',
      path: 'cms-analysis/htt',
    });
    expect(repositoryRef('https://github.com/cms-analysis/htt/tree/main/fit')).toEqual({
      forge: 'github',
      host: 'github.com',
      path: 'cms-analysis/htt',
    });
    expect(repositoryRef('https://gitlab.cern.ch/atlas-phys/exotics/dibjet/-/tree/v2')).toEqual({
      forge: 'gitlab',
      host: 'gitlab.cern.ch',
      path: 'atlas-phys/exotics/dibjet',
    });
    expect(repositoryRef('https://gitlab.example.org/group/project')?.forge).toBe('gitlab');
  });

  it('leave other hosts and incomplete URLs alone', () => {
    expect(repositoryRef('https://bitbucket.org/a/b')).toBeUndefined();
    expect(repositoryRef('https://github.com/only-owner')).toBeUndefined();
    expect(repositoryRef('not a url')).toBeUndefined();
  });
});
