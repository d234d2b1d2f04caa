/**
 * Links into the forge's web editor, where a record from the form becomes a pull (merge) request.
 *
 * - A new record: the forge's new-file page with the path and the content filled in. GitHub reads
 *   `filename` and `value` (`<forge>/<repo>/new/<branch>?filename=…&value=…`), GitLab `file_name`
 *   and `content` (`<forge>/<repo>/-/new/<branch>?file_name=…&content=…`); a `/` in the name makes
 *   the folders. Without write access the forge offers to fork and propose the file.
 * - A changed record: neither forge fills its edit page from a link, and the new-file page refuses
 *   a path that exists. So the form copies the record and opens the file's edit page
 *   (`/edit/<branch>/<path>`, GitLab `/-/edit/<branch>/<path>`), where it is pasted over the old text.
 *
 * Both forges refuse very long addresses (HTTP 414); above URL_LIMIT characters the form offers the
 * file to download instead.
 */
export interface ForgeConfig {
  type: 'github' | 'gitlab';
  url: string;
  repository: string;
  default_branch?: string;
}

/** Longer links risk "414 URI Too Long": 8 KiB request lines are the common server default. */
export const URL_LIMIT = 8000;

export const FORGE_NAMES: { [type in ForgeConfig['type']]: string } = {
  github: 'GitHub',
  gitlab: 'GitLab',
};

export interface NewFileLink {
  url: string;
  /** Whether the link is too long for the forge to accept. */
  tooLong: boolean;
}

export function newFileLink(forge: ForgeConfig, path: string, content: string): NewFileLink {
  const query =
    forge.type === 'github'
      ? `filename=${encodeURIComponent(path)}&value=${encodeURIComponent(content)}`
      : `file_name=${encodeURIComponent(path)}&content=${encodeURIComponent(content)}`;
  const url = `${repositoryUrl(forge)}/${forge.type === 'gitlab' ? '-/' : ''}new/${encodePath(branch(forge))}?${query}`;
  return { url, tooLong: url.length > URL_LIMIT };
}

export function editFileUrl(forge: ForgeConfig, path: string): string {
  return `${repositoryUrl(forge)}/${forge.type === 'gitlab' ? '-/' : ''}edit/${encodePath(branch(forge))}/${encodePath(path)}`;
}

function repositoryUrl(forge: ForgeConfig): string {
  return `${forge.url.replace(/\/+$/, '')}/${encodePath(forge.repository)}`;
}

function branch(forge: ForgeConfig): string {
  return forge.default_branch ?? 'main';
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
