/**
 * What the GitHub emulator holds: repositories with their pull requests, issue comments,
 * labels, check runs, branches, tags, releases, commits and files. Plain objects shaped like
 * the REST API's own, so tests can seed and inspect them directly.
 */
export interface GithubUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

export interface TokenGrant {
  user: GithubUser;
  /** `read`: a pull_request token from a fork; `write`: a workflow_run or repository token. */
  access: 'read' | 'write';
}

export interface PullFile {
  filename: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  previous_filename?: string;
}

export interface PullRequest {
  number: number;
  title: string;
  state: 'open' | 'closed';
  draft: boolean;
  user: GithubUser;
  head: { ref: string; sha: string; repo: { full_name: string; owner: { login: string } } };
  base: { ref: string; sha: string };
  files: PullFile[];
}

export interface IssueComment {
  id: number;
  issue_number: number;
  body: string;
  user: GithubUser;
  created_at: string;
  updated_at: string;
}

export interface Label {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  external_id: string | null;
  details_url: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: Annotation[];
}

export interface CommitRecord {
  sha: string;
  message: string;
  author: { name: string; email: string; date: string };
  parents: string[];
}

export interface Release {
  id: number;
  tag_name: string;
  name: string;
  body: string;
  draft: boolean;
  prerelease: boolean;
  created_at: string;
  published_at: string | null;
}

export interface Repository {
  id: number;
  owner: string;
  name: string;
  private: boolean;
  description: string | null;
  default_branch: string;
  pulls: Map<number, PullRequest>;
  comments: Map<number, IssueComment>;
  labels: Map<string, Label>;
  issueLabels: Map<number, string[]>;
  checkRuns: Map<number, CheckRun>;
  branches: Map<string, string>;
  tags: Array<{ name: string; sha: string }>;
  releases: Release[];
  commits: Map<string, CommitRecord>;
  /** Files on the default branch: path → content. */
  files: Map<string, string>;
}

export class GithubState {
  readonly tokens = new Map<string, TokenGrant>();
  readonly repositories = new Map<string, Repository>();
  #nextId = 1000;

  /** A fresh id, like GitHub's numeric ids. */
  id(): number {
    return this.#nextId++;
  }

  addToken(token: string, grant: Partial<TokenGrant> = {}): TokenGrant {
    const full: TokenGrant = {
      user: grant.user ?? { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
      access: grant.access ?? 'write',
    };
    this.tokens.set(token, full);
    return full;
  }

  addRepository(
    fullName: string,
    fields: Partial<Pick<Repository, 'private' | 'description' | 'default_branch'>> = {},
  ): Repository {
    const [owner, name] = fullName.split('/') as [string, string];
    const repository: Repository = {
      id: this.id(),
      owner,
      name,
      private: fields.private ?? false,
      description: fields.description ?? null,
      default_branch: fields.default_branch ?? 'main',
      pulls: new Map(),
      comments: new Map(),
      labels: new Map(),
      issueLabels: new Map(),
      checkRuns: new Map(),
      branches: new Map(),
      tags: [],
      releases: [],
      commits: new Map(),
      files: new Map(),
    };
    this.repositories.set(fullName.toLowerCase(), repository);
    return repository;
  }

  repository(owner: string, name: string): Repository | undefined {
    return this.repositories.get(`${owner}/${name}`.toLowerCase());
  }

  addPull(
    repository: Repository,
    fields: Partial<Omit<PullRequest, 'head' | 'base'>> & {
      headSha: string;
      headRef?: string;
      headRepository?: string;
      baseRef?: string;
    },
  ): PullRequest {
    const number = fields.number ?? repository.pulls.size + 1;
    const headRepository = fields.headRepository ?? `${repository.owner}/${repository.name}`;
    const pull: PullRequest = {
      number,
      title: fields.title ?? `Pull request ${number}`,
      state: fields.state ?? 'open',
      draft: fields.draft ?? false,
      user: fields.user ?? { login: 'contributor', id: 7, type: 'User' },
      head: {
        ref: fields.headRef ?? `topic-${number}`,
        sha: fields.headSha,
        repo: {
          full_name: headRepository,
          owner: { login: headRepository.split('/')[0] as string },
        },
      },
      base: { ref: fields.baseRef ?? repository.default_branch, sha: '0'.repeat(40) },
      files: fields.files ?? [],
    };
    repository.pulls.set(number, pull);
    return pull;
  }

  addCommit(repository: Repository, commit: CommitRecord, branch?: string): void {
    repository.commits.set(commit.sha, commit);
    if (branch) repository.branches.set(branch, commit.sha);
  }
}

export function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}
