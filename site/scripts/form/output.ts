import {
  FORGE_NAMES,
  URL_LIMIT,
  editFileUrl,
  newFileLink,
} from '../../../scripts/lib/form/forge-links.ts';
import type { ForgeConfig } from '../../../scripts/lib/form/forge-links.ts';
import { el, richText } from './dom.ts';

/**
 * The form's result: the record as YAML in the canonical format, and the ways out of the
 * browser — copy, download, and the forge's web editor (forge-links.ts) where it becomes a pull
 * request. A new record travels in the link; a changed record (or one too long for a link) is
 * copied and pasted into the forge's editor, because no forge fills its edit page from a link.
 */
export interface RecordOutput {
  mode: 'new' | 'edit';
  /** The record's file in the repository, e.g. `content/cms/hig-24-001/record.yaml`. */
  path: string | undefined;
  text: string;
  problems: number;
  /** The record being changed is unchanged. */
  unchanged: boolean;
}

export interface OutputElements {
  path: HTMLElement;
  yaml: HTMLElement;
  copy: HTMLButtonElement;
  download: HTMLButtonElement;
  pullRequest: HTMLAnchorElement;
  help: HTMLElement;
}

export class OutputPanel {
  readonly #elements: OutputElements;
  readonly #forge: ForgeConfig | null;
  readonly #announce: (message: string) => void;
  #current: RecordOutput | undefined;
  /** The link opens a page to paste the record into: copy it first. */
  #paste = false;

  constructor(
    elements: OutputElements,
    forge: ForgeConfig | null,
    announce: (message: string) => void,
  ) {
    this.#elements = elements;
    this.#forge = forge;
    this.#announce = announce;
    elements.copy.addEventListener('click', () => void this.#copy('The record is copied.'));
    elements.download.addEventListener('click', () => this.#download());
    elements.pullRequest.addEventListener('click', (event) => {
      if (!this.#paste) return;
      event.preventDefault();
      const href = elements.pullRequest.href;
      void this.#copy('The record is copied: paste it into the editor.').then(() =>
        window.open(href, '_blank', 'noopener'),
      );
    });
  }

  update(output: RecordOutput): void {
    this.#current = output;
    const { path, yaml, download, pullRequest, help } = this.#elements;
    path.textContent = output.path ?? 'content/<collection>/<folder>/record.yaml';
    yaml.textContent = output.text;
    const file = fileName(output.path);
    download.textContent = `Download ${file}`;
    const forge = this.#forge;
    const notes: Array<Array<Node | string>> = [];
    if (output.problems > 0)
      notes.push([
        `The record still has ${output.problems} problem${output.problems === 1 ? '' : 's'}; CI will report ${output.problems === 1 ? 'it' : 'them'} on the pull request too.`,
      ]);
    this.#paste = false;
    pullRequest.hidden = true;
    if (!forge) {
      notes.push([
        'This archive names no forge in content/archive.yaml: download the file and open a pull request with git.',
      ]);
    } else if (!output.path) {
      notes.push(['Give the record a folder name to open a pull request.']);
    } else {
      const forgeName = FORGE_NAMES[forge.type];
      const paste = (href: string, label: string, why: string) => {
        this.#paste = true;
        pullRequest.href = href;
        pullRequest.textContent = label;
        notes.push(
          richText(
            `${why} This button copies the record and opens the page: paste it there (Ctrl+V or ⌘V${output.mode === 'edit' ? ', after selecting all the old text with Ctrl+A or ⌘A' : ''}), then propose the change, which opens the pull request.`,
          ),
        );
      };
      pullRequest.hidden = false;
      if (output.mode === 'edit') {
        paste(
          editFileUrl(forge, output.path),
          `Copy, and edit ${file} on ${forgeName}`,
          `${forgeName}'s editor cannot be filled from a link.`,
        );
        if (output.unchanged) notes.push(['Nothing is changed yet.']);
      } else {
        const link = newFileLink(forge, output.path, output.text);
        if (link.tooLong) {
          paste(
            newFileLink(forge, output.path, '').url,
            `Copy, and create ${file} on ${forgeName}`,
            `The record is too long to travel in a link (${link.url.length.toLocaleString('en')} characters; forges accept about ${URL_LIMIT.toLocaleString('en')}).`,
          );
        } else {
          pullRequest.href = link.url;
          pullRequest.textContent = `Open a pull request on ${forgeName}`;
          notes.push(
            richText(
              `Opens ${forgeName}'s new-file page with \`${output.path}\` filled in: choose to create a new branch and start a pull request (without write access, ${forgeName} proposes the file from your fork).`,
            ),
          );
        }
      }
    }
    help.replaceChildren(...notes.map((note) => el('p', {}, ...note)));
  }

  async #copy(done: string): Promise<void> {
    const text = this.#current?.text ?? '';
    try {
      await navigator.clipboard.writeText(text);
      this.#announce(done);
    } catch {
      // Without clipboard access (an insecure origin, a refusal), select the text for Ctrl+C.
      const range = document.createRange();
      range.selectNodeContents(this.#elements.yaml);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      this.#elements.yaml.focus();
      this.#announce(
        'The browser did not allow copying: the record is selected, press Ctrl+C or ⌘C.',
      );
    }
  }

  #download(): void {
    const output = this.#current;
    if (!output) return;
    const blob = new Blob([output.text], { type: 'text/yaml;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = el('a', { href: url, download: fileName(output.path) });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.#announce(`${fileName(output.path)} is downloaded.`);
  }
}

function fileName(path: string | undefined): string {
  return path?.slice(path.lastIndexOf('/') + 1) ?? 'record.yaml';
}
