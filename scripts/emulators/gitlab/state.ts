/**
 * What the GitLab emulator holds: users (by token) and projects with their merge requests,
 * notes, labels, branches, tags, releases, commits and files, shaped like the REST API v4's.
 */
export interface GitlabUser {
  id: number;
  username: string;
  name: string;
  bot: boolean;
}

export interface TokenGrant {
  user: GitlabUser;
  /** `read`: read_api scope; `write`: api scope. */
  access: 'read' | 'write';
}

export interface MergeRequestChange {
  old_path: string;
  new_path: string;
  new_file: boolean;
  deleted_file: boolean;
  renamed_file: boolean;
}

export interface MergeRequest {
  iid: number;
  id: number;
  title: string;
  state: 'opened' | 'closed' | 'merged';
  draft: boolean;
  source_branch: string;
  target_branch: string;
  sha: string;
  labels: string[];
  author: GitlabUser;
  changes: MergeRequestChange[];
}

export interface Note {
  id: number;
  body: string;
  author: GitlabUser;
  system: boolean;
  created_at: string;
  updated_at: string;
  noteable_type: 'MergeRequest';
  noteable_iid: number;
}

export interface Label {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface Commit {
  id: string;
  title: string;
  message: string;
  author_name: string;
  author_email: string;
  authored_date: string;
  committed_date: string;
  parent_ids: string[];
}

export interface Release {
  tag_name: string;
  name: string;
  description: string;
  created_at: string;
  released_at: string;
  upcoming_release: boolean;
}

export interface Project {
  id: number;
  path_with_namespace: string;
  name: string;
  description: string | null;
  default_branch: string;
  visibility: 'public' | 'internal' | 'private';
  mergeRequests: Map<number, MergeRequest>;
  notes: Map<number, Note[]>;
  labels: Map<string, Label>;
  branches: Map<string, string>;
  tags: Array<{ name: string; target: string; message: string | null }>;
  releases: Release[];
  commits: Map<string, Commit>;
  /** Files on the default branch: path → content. */
  files: Map<string, string>;
}

export class GitlabState {
  readonly tokens = new Map<string, TokenGrant>();
  readonly projects = new Map<number, Project>();
  #nextId = 100;

  id(): number {
    return this.#nextId++;
  }

  addToken(token: string, grant: Partial<TokenGrant> = {}): TokenGrant {
    const full: TokenGrant = {
      user: grant.user ?? { id: 4242, username: 'capsule-bot', name: 'Capsule bot', bot: true },
      access: grant.access ?? 'write',
    };
    this.tokens.set(token, full);
    return full;
  }

  addProject(
    pathWithNamespace: string,
    fields: Partial<Pick<Project, 'description' | 'default_branch' | 'visibility'>> = {},
  ): Project {
    const project: Project = {
      id: this.id(),
      path_with_namespace: pathWithNamespace,
      name: pathWithNamespace.split('/').pop() as string,
      description: fields.description ?? null,
      default_branch: fields.default_branch ?? 'main',
      visibility: fields.visibility ?? 'private',
      mergeRequests: new Map(),
      notes: new Map(),
      labels: new Map(),
      branches: new Map(),
      tags: [],
      releases: [],
      commits: new Map(),
      files: new Map(),
    };
    this.projects.set(project.id, project);
    return project;
  }

  /** A project by numeric id or full path (`group/subgroup/name`). */
  project(idOrPath: string): Project | undefined {
    if (/^\d+$/.test(idOrPath)) return this.projects.get(Number(idOrPath));
    return [...this.projects.values()].find(
      (project) => project.path_with_namespace.toLowerCase() === idOrPath.toLowerCase(),
    );
  }

  addMergeRequest(project: Project, fields: Partial<MergeRequest> & { sha: string }): MergeRequest {
    const iid = fields.iid ?? project.mergeRequests.size + 1;
    const mergeRequest: MergeRequest = {
      iid,
      id: this.id(),
      title: fields.title ?? `Merge request ${iid}`,
      state: fields.state ?? 'opened',
      draft: fields.draft ?? false,
      source_branch: fields.source_branch ?? `topic-${iid}`,
      target_branch: fields.target_branch ?? project.default_branch,
      sha: fields.sha,
      labels: fields.labels ?? [],
      author: fields.author ?? {
        id: 7,
        username: 'contributor',
        name: 'A Contributor',
        bot: false,
      },
      changes: fields.changes ?? [],
    };
    project.mergeRequests.set(iid, mergeRequest);
    return mergeRequest;
  }

  addCommit(project: Project, commit: Commit, branch?: string): void {
    project.commits.set(commit.id, commit);
    if (branch) project.branches.set(branch, commit.id);
  }
}

export function now(): string {
  return new Date().toISOString();
}
