import { schemaConstants } from '../../../scripts/lib/form/field-spec.ts';
import { NAME_PATTERN } from '../../../scripts/lib/records/layout.ts';
import { newRecordData } from '../../../scripts/lib/records/scaffold.ts';
import { recordFileText } from '../../../scripts/lib/format/record-yaml.ts';
import type { RecordData } from '../../../scripts/lib/form/record-edit.ts';
import { displayPath } from '../../../scripts/lib/text/suggest.ts';
import type { Problem } from './checks.ts';
import type { ControllerOptions } from './controller.ts';
import { el, richText } from './dom.ts';
import type { Draft } from './drafts.ts';
import type { RenderedField } from './fields.ts';

/**
 * The top of the form, around the schema's fields: which record this is (a new one in a
 * collection with its folder name, or a record being changed), the documentation box, the
 * draft's status, notices, and the "check" and "clear" buttons (clearing asks first).
 */
export interface StartEvents {
  collectionChanged(name: string): void;
  slugChanged(slug: string): void;
  bodyChanged(body: string): void;
  check(): void;
  cleared(): void;
}

interface RecordDocument {
  id: string;
  collection: string;
  source: string;
  metadata: RecordData;
  withheld?: string[];
  documentation: Array<{ file: string; markdown: string }>;
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export class RecordStart {
  readonly #options: ControllerOptions;
  readonly #collection = byId<HTMLSelectElement>('collection');
  readonly #slug = byId<HTMLInputElement>('slug');
  readonly #slugField = byId<HTMLElement>('slug-field');
  readonly #editing = byId<HTMLElement>('editing');
  readonly #body = byId<HTMLTextAreaElement>('body');
  readonly #bodyField = byId<HTMLElement>('body-field');
  readonly #notices = byId<HTMLElement>('notices');
  readonly #status = byId<HTMLElement>('draft-status');
  readonly #dialog = byId<HTMLDialogElement>('confirm-clear');
  #draft: Draft | undefined;

  constructor(options: ControllerOptions, events: StartEvents) {
    this.#options = options;
    this.#collection.addEventListener('change', () =>
      events.collectionChanged(this.#collection.value),
    );
    this.#slug.addEventListener('input', () => events.slugChanged(this.#slug.value.trim()));
    this.#body.addEventListener('input', () => events.bodyChanged(this.#body.value));
    byId('check').addEventListener('click', () => events.check());
    byId('clear').addEventListener('click', () => {
      const draft = this.#draft;
      if (!draft) return;
      byId('confirm-text').textContent =
        draft.mode === 'edit'
          ? `This discards your changes to ${draft.id ?? 'the record'} and loads it again as the site publishes it.`
          : `This deletes your draft of a new record in “${this.#collectionTitle(draft.collection)}” from this browser. It cannot be undone.`;
      this.#dialog.returnValue = '';
      this.#dialog.showModal();
    });
    this.#dialog.addEventListener('close', () => {
      if (this.#dialog.returnValue === 'clear') events.cleared();
      else byId('clear').focus();
    });
  }

  /** A new record in a collection: the schema's fixed values and the first version's defaults. */
  fresh(collectionName: string): Draft {
    const collection =
      this.#options.formData.collections.find((candidate) => candidate.name === collectionName) ??
      this.#options.formData.collections[0];
    if (!collection) throw new Error('This archive has no collections.');
    const data = newRecordData({
      schema: collection.schema,
      access: collection.defaultAccess,
      created: today(),
      ...(collection.experiment ? { experiment: collection.experiment } : {}),
    });
    for (const [name, value] of schemaConstants(this.#options.lookup, collection.schema))
      data[name] ??= value;
    data.people = [{ roles: ['contact'] }];
    return {
      key: `new:${collection.name}`,
      mode: 'new',
      collection: collection.name,
      schema: collection.schema,
      slug: '',
      file: 'record.yaml',
      data,
      body: '',
    };
  }

  /** A record of this site, from its API document, to change. */
  async loadRecord(id: string): Promise<Draft | undefined> {
    const response = await fetch(`${this.#options.apiBase}records/${id}.json`);
    if (!response.ok) {
      this.notice(
        response.status === 404
          ? `This site has no record ${id}: start a new one instead.`
          : `The record ${id} could not be loaded (${response.status}).`,
        'error',
      );
      return undefined;
    }
    const record = (await response.json()) as RecordDocument;
    const file = record.source.endsWith('.md') ? 'record.md' : 'record.yaml';
    const body = record.documentation.find((doc) => doc.file === 'record.md')?.markdown ?? '';
    const draft: Draft = {
      key: `edit:${record.id}`,
      mode: 'edit',
      collection: record.collection,
      schema: String(record.metadata.$schema),
      slug: record.id.slice(record.collection.length + 1),
      file,
      id: record.id,
      source: record.source,
      data: record.metadata,
      body,
      withheld: record.withheld ?? [],
    };
    draft.original = recordFileText(draft.data, this.#options.lookup, file, body);
    return draft;
  }

  show(draft: Draft, restored: boolean): void {
    this.#draft = draft;
    this.#notices.replaceChildren();
    const editing = draft.mode === 'edit';
    this.#collection.value = draft.collection;
    this.#collection.disabled = editing;
    this.#slugField.hidden = editing;
    this.#slug.value = draft.slug;
    byId('slug-collection').textContent = draft.collection;
    this.#editing.hidden = !editing;
    if (editing) {
      this.#editing.replaceChildren(
        'Changing ',
        el('code', {}, draft.id ?? ''),
        ` (${draft.schema}). `,
        el('a', { href: `?collection=${draft.collection}` }, 'Start a new record instead'),
      );
    }
    this.#bodyField.hidden = editing && draft.file === 'record.yaml';
    this.#body.value = draft.body;
    history.replaceState(
      null,
      '',
      editing ? `?edit=${draft.id ?? ''}` : `?collection=${encodeURIComponent(draft.collection)}`,
    );
    if (restored && draft.savedAt)
      this.notice(
        `Your draft from ${new Date(draft.savedAt).toLocaleString()} is back, as you left it. “Clear the form” starts again.`,
      );
    if (editing && draft.file === 'record.yaml')
      this.notice(
        'The documentation of this record is in its README.md; change that file on the forge.',
      );
    if (draft.withheld && draft.withheld.length > 0) {
      const one = draft.withheld.length === 1;
      this.notice(
        `This site does not publish everything in this record: ${withheldSummary(draft.withheld)}. The form cannot show ${one ? 'it' : 'them'}, and pasting this record over the file would delete ${one ? 'it' : 'them'}: change the record from the internal site, or keep ${one ? 'that line' : 'those lines'} when you paste.`,
        'warning',
      );
    }
    if (this.#options.formData.publicRepository)
      this.notice(
        "This archive's repository is public, and git history is forever: submit only what may be public.",
      );
  }

  notice(text: string, kind: 'info' | 'warning' | 'error' = 'info'): void {
    this.#notices.append(el('p', { class: `notice ${kind}` }, ...richText(text)));
  }

  saved(savedAt: string | undefined, available: boolean): void {
    this.#status.textContent = savedAt
      ? `Draft kept in this browser at ${new Date(savedAt).toLocaleTimeString()}.`
      : available
        ? 'The draft could not be kept (the browser storage is full): download the record before you leave.'
        : 'This browser does not keep drafts (its storage is off): download the record before you leave.';
  }

  filePath(draft: Draft): string | undefined {
    if (draft.mode === 'edit') return draft.source;
    if (!NAME_PATTERN.test(draft.slug)) return undefined;
    return `content/${draft.collection}/${draft.slug}/${draft.file}`;
  }

  problems(draft: Draft): Problem[] {
    const problems: Problem[] = [];
    if (draft.mode === 'new') {
      const slug = draft.slug;
      const example = slug
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/^-+|-+$/g, '');
      if (slug === '')
        problems.push({
          pointer: '#slug',
          message: 'The record needs a folder name.',
          hint: 'Use lowercase letters, digits and dashes, e.g. `hig-24-001`.',
        });
      else if (!NAME_PATTERN.test(slug))
        problems.push({
          pointer: '#slug',
          message: `The folder name "${slug}" has characters a folder name may not have.`,
          hint: `Use lowercase letters, digits and dashes${example ? `, e.g. \`${example}\`` : ''}.`,
        });
      else if (this.#options.formData.records.includes(`${draft.collection}/${slug}`))
        problems.push({
          pointer: '#slug',
          message: `There is already a record \`${draft.collection}/${slug}\`.`,
          hint: 'Choose another folder name, or open that record and use "Edit in form".',
        });
    }
    const level = (draft.data.access as { level?: unknown } | undefined)?.level;
    if (this.#options.formData.publicRepository && level !== undefined && level !== 'public')
      problems.push({
        pointer: '/access/level',
        message: `The archive's repository is public, so a record cannot be \`${String(level)}\`.`,
        hint: 'Make it `public`, or keep it out of this repository.',
      });
    return problems;
  }

  /** The start's own fields, for showing their problems like the schema's. */
  fields(): RenderedField[] {
    return [
      {
        pointer: '#slug',
        label: 'Folder name',
        container: this.#slugField,
        focus: () => this.#slug.focus(),
        error: byId('slug-error'),
        described: this.#slug,
        helpId: 'slug-help',
      },
    ];
  }

  #collectionTitle(name: string): string {
    return (
      this.#options.formData.collections.find((collection) => collection.name === name)?.title ??
      name
    );
  }
}

/** `people[0].email, people[1].email` → `people[].email` (2 of them). */
function withheldSummary(pointers: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const pointer of pointers) {
    const shape = displayPath(pointer).replace(/\[\d+\]/g, '[]');
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  return [...counts]
    .map(([shape, count]) => `\`${shape}\`${count > 1 ? ` (${count} of them)` : ''}`)
    .join(', ');
}

function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
