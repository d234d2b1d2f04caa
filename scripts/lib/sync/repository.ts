/**
 * Which forge a record's code repository lives on, from its URL: github.com (or a GitHub
 * Enterprise host the archive names) or a GitLab instance (gitlab.com, gitlab.cern.ch, or any
 * host whose name starts with `gitlab.`). Other hosts are not synced.
 */
export type Forge = 'github' | 'gitlab';

export interface RepositoryRef {
  forge: Forge;
  /** The web host, e.g. `github.com` or `gitlab.cern.ch`. */
  host: string;
  /** `owner/repo` on GitHub; the project's full path on GitLab (groups may nest). */
  path: string;
}

export interface ForgeHosts {
  github: readonly string[];
  gitlab: readonly string[];
}

export const DEFAULT_HOSTS: ForgeHosts = {
  github: ['github.com'],
  gitlab: ['gitlab.com', 'gitlab.cern.ch'],
};

export function repositoryRef(
  url: string,
  hosts: ForgeHosts = DEFAULT_HOSTS,
): RepositoryRef | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const host = parsed.host.toLowerCase();
  const path = decodeURIComponent(parsed.pathname)
    .replace(/^\/+|\/+$/g, '')
    .replace(/\.git$/, '')
    .replace(/\/-\/.*$/, '')
    .replace(/\/(?:tree|blob)\/.*$/, '');
  if (hosts.github.includes(host)) {
    const [owner, repo] = path.split('/');
    return owner && repo ? { forge: 'github', host, path: `${owner}/${repo}` } : undefined;
  }
  if (hosts.gitlab.includes(host) || host.startsWith('gitlab.')) {
    return path.includes('/') ? { forge: 'gitlab', host, path } : undefined;
  }
  return undefined;
}
