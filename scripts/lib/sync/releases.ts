import type { Octokit } from 'octokit';
import type { Gitlab } from '@gitbeaker/rest';
import type { RepositoryRef } from './repository.ts';

/**
 * The latest release of a repository and the commit its tag points at, read with the forge's
 * own client (octokit, gitbeaker) pointed at the forge or at an emulator. Drafts and
 * pre-releases are not "latest" (GitHub's rule, applied to GitLab's upcoming releases too).
 */
export interface Release {
  tag: string;
  commit: string;
}

export type ReleaseLookup = { found: true; release: Release } | { found: false; reason: string };

export interface ReleaseSource {
  latest(repository: RepositoryRef): Promise<ReleaseLookup>;
}

type GitlabApi = InstanceType<typeof Gitlab<false>>;

export interface ForgeClients {
  /** A client for each forge host the archive's code lives on. */
  github(host: string): Octokit | undefined;
  gitlab(host: string): GitlabApi | undefined;
}

function status(error: unknown): number | undefined {
  const e = error as { status?: number; cause?: { response?: { status?: number } } };
  return e.status ?? e.cause?.response?.status;
}

export function forgeReleaseSource(clients: ForgeClients): ReleaseSource {
  return {
    async latest(repository) {
      if (repository.forge === 'github') {
        const octokit = clients.github(repository.host);
        if (!octokit) return { found: false, reason: `no GitHub client for ${repository.host}` };
        const [owner, repo] = repository.path.split('/') as [string, string];
        try {
          const { data: release } = await octokit.rest.repos.getLatestRelease({ owner, repo });
          const { data: ref } = await octokit.rest.git.getRef({
            owner,
            repo,
            ref: `tags/${release.tag_name}`,
          });
          let commit = ref.object.sha;
          // An annotated tag points at a tag object; follow it to the commit.
          if (ref.object.type === 'tag')
            commit = (await octokit.rest.git.getTag({ owner, repo, tag_sha: commit })).data.object
              .sha;
          return { found: true, release: { tag: release.tag_name, commit } };
        } catch (error) {
          if (status(error) === 404)
            return { found: false, reason: 'no published release (or no access)' };
          throw error;
        }
      }
      const gitlab = clients.gitlab(repository.host);
      if (!gitlab) return { found: false, reason: `no GitLab client for ${repository.host}` };
      try {
        const releases = (await gitlab.ProjectReleases.all(repository.path, {
          perPage: 20,
          maxPages: 1,
        })) as Array<{ tag_name: string; upcoming_release?: boolean; commit?: { id?: string } }>;
        const latest = releases.find((release) => !release.upcoming_release);
        if (!latest) return { found: false, reason: 'no published release' };
        const tag = (await gitlab.Tags.show(repository.path, latest.tag_name)) as {
          commit?: { id?: string };
        };
        const commit = tag.commit?.id ?? latest.commit?.id;
        if (!commit) return { found: false, reason: `the tag ${latest.tag_name} names no commit` };
        return { found: true, release: { tag: latest.tag_name, commit } };
      } catch (error) {
        if (status(error) === 404)
          return { found: false, reason: 'no such project (or no access)' };
        throw error;
      }
    },
  };
}
