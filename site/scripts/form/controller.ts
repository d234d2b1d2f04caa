import type { ValidateFunction } from 'ajv/dist/2020.js';
import {
  addItem,
  clearValue,
  moveItem,
  removeItem,
  setValue,
  valueAt,
} from '../../../scripts/lib/form/record-edit.ts';
import type { FormPath } from '../../../scripts/lib/form/record-edit.ts';
import { recordFileText } from '../../../scripts/lib/format/record-yaml.ts';
import { rootNode } from '../../../scripts/lib/schemas/walk.ts';
import type { SchemaLookup } from '../../../scripts/lib/schemas/walk.ts';
import type { FormData } from '../../../scripts/lib/site/form-data.ts';
import { fillFor } from './autofill.ts';
import { ProblemDisplay, openAround, schemaProblems, validatorFor } from './checks.ts';
import type { Problem } from './checks.ts';
import { toPointer } from './dom.ts';
import type { Draft, DraftStore } from './drafts.ts';
import { FieldRenderer } from './fields.ts';
import type { SuggestionList } from './fields.ts';
import { RecordStart } from './record-start.ts';
import { OutputPanel } from './output.ts';

/**
 * The form's controller: one draft at a time, whose record data is the whole state. Every edit
 * changes the data, then (debounced) the record is checked, its YAML shown and the draft saved;
 * edits that change the shape of the record (a list item added, moved or removed, a person
 * filled in) render the fields again and put the focus back where the user was.
 */
export interface ControllerOptions {
  formData: FormData;
  lookup: SchemaLookup;
  drafts: DraftStore;
  apiBase: string;
  listFor: SuggestionList;
}

interface FocusTarget {
  pointer: string;
  /** A button of a list item (`up`, `down`, `remove`) or a list (`add`); else the field. */
  roles?: string[];
}

const UPDATE_DELAY = 120;
const SAVE_DELAY = 300;

export class FormController {
  readonly #options: ControllerOptions;
  readonly #fields = document.getElementById('fields') as HTMLElement;
  readonly #announcer = document.getElementById('announcer') as HTMLElement;
  readonly #display = new ProblemDisplay(
    document.getElementById('problems-status') as HTMLElement,
    document.getElementById('problems') as HTMLElement,
  );
  readonly #output: OutputPanel;
  readonly #start: RecordStart;
  #draft!: Draft;
  #renderer: FieldRenderer | undefined;
  #validate: ValidateFunction | undefined;
  #touched = new Set<string>();
  #showAll = false;
  #unreadable = new Map<string, string>();
  #announceField: string | undefined;
  #updateTimer: ReturnType<typeof setTimeout> | undefined;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: ControllerOptions) {
    this.#options = options;
    const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
    this.#output = new OutputPanel(
      {
        path: byId('file-path'),
        yaml: byId('yaml'),
        copy: byId('copy'),
        download: byId('download'),
        pullRequest: byId('pull-request'),
        help: byId('output-help'),
      },
      options.formData.forge,
      (message) => this.announce(message),
    );
    this.#start = new RecordStart(options, {
      collectionChanged: (name) => this.#switchTo(name),
      slugChanged: (slug) => {
        this.#draft.slug = slug;
        this.#touched.add('#slug');
        this.#changed();
      },
      bodyChanged: (body) => {
        this.#draft.body = body;
        if (this.#draft.mode === 'new')
          this.#draft.file = body.trim() ? 'record.md' : 'record.yaml';
        this.#changed();
      },
      check: () => {
        this.#showAll = true;
        this.#update();
        this.announce(
          document.getElementById('problems-status')?.textContent ?? 'The record is checked.',
        );
      },
      cleared: () => void this.#clear(),
    });
    addEventListener('pagehide', () => this.#save());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.#save();
    });
  }

  async start(params: URLSearchParams): Promise<void> {
    const { drafts, formData } = this.#options;
    const edit = params.get('edit');
    const wanted = params.get('collection');
    let draft: Draft | undefined;
    let restored = false;
    if (edit) {
      draft = drafts.get(`edit:${edit}`);
      restored = draft !== undefined;
      draft ??= await this.#start.loadRecord(edit);
    } else if (wanted && formData.collections.some((collection) => collection.name === wanted)) {
      draft = drafts.get(`new:${wanted}`);
      restored = draft !== undefined;
    } else if (drafts.current) {
      draft = drafts.get(drafts.current);
      restored = draft !== undefined;
    }
    draft ??= this.#start.fresh(wanted ?? formData.collections[0]?.name ?? '');
    await this.#open(draft, restored);
  }

  announce(message: string): void {
    // Emptied first, so that the same message twice is announced twice.
    this.#announcer.textContent = '';
    setTimeout(() => (this.#announcer.textContent = message), 50);
  }

  async #open(draft: Draft, restored: boolean): Promise<void> {
    this.#draft = draft;
    this.#touched = new Set();
    this.#unreadable = new Map();
    // A record being changed or a draft picked up again shows its problems at once.
    this.#showAll = restored || draft.mode === 'edit';
    this.#start.show(draft, restored);
    this.#render();
    this.#validate = undefined;
    const app = document.getElementById('submit-app') as HTMLElement;
    app.dataset.checks = 'loading';
    this.#update();
    try {
      const validate = await validatorFor(draft.schema);
      if (this.#draft === draft) {
        this.#validate = validate;
        this.#update();
        app.dataset.checks = 'ready';
      }
    } catch (error) {
      this.#start.notice((error as Error).message, 'error');
    }
  }

  #render(focus?: FocusTarget): void {
    const root = rootNode(this.#options.lookup, this.#draft.schema);
    if (!root) {
      this.#fields.replaceChildren();
      this.#start.notice(`This site does not have the schema ${this.#draft.schema}.`, 'error');
      return;
    }
    const renderer = new FieldRenderer(
      this.#options.lookup,
      this.#draft.data,
      {
        change: (path, value) => this.#change(path, value),
        committed: (path) => this.#committed(path),
        add: (path, item) => {
          const index = addItem(this.#draft.data, path, item);
          const pointer = toPointer([...path, index]);
          this.#render({ pointer });
          this.announce(`${this.#renderer?.fields.get(pointer)?.label ?? 'Item'} added.`);
          this.#changed();
        },
        remove: (path, index) => {
          const label = this.#renderer?.fields.get(toPointer([...path, index]))?.label ?? 'Item';
          removeItem(this.#draft.data, path, index);
          const next = [index, index - 1].find(
            (at) => at >= 0 && valueAt(this.#draft.data, [...path, at]) !== undefined,
          );
          this.#render(
            next !== undefined
              ? { pointer: toPointer([...path, next]) }
              : { pointer: toPointer(path), roles: ['add'] },
          );
          this.announce(`${label} removed.`);
          this.#changed();
        },
        move: (path, from, to) => {
          moveItem(this.#draft.data, path, from, to);
          const pointer = toPointer([...path, to]);
          this.#render({ pointer, roles: to < from ? ['up', 'down'] : ['down', 'up'] });
          const count = this.#fields.querySelectorAll(
            `[data-pointer="${CSS.escape(toPointer(path))}"] > ol > li`,
          ).length;
          this.announce(
            `${this.#renderer?.fields.get(pointer)?.label ?? 'Item'} moved to position ${to + 1} of ${count}.`,
          );
          this.#changed();
        },
        fill: (values, summary) => {
          for (const [at, value] of values) setValue(this.#draft.data, at, value);
          this.#render();
          this.announce(summary);
          this.#changed();
        },
        unreadable: (path, message) => {
          if (message) this.#unreadable.set(toPointer(path), message);
          else this.#unreadable.delete(toPointer(path));
          this.#changed();
        },
      },
      this.#options.listFor,
    );
    const skip = new Set(['$schema']);
    // Without a target, the focus stays on the control it was on (found again by its id).
    const active = document.activeElement;
    const kept = !focus && active && this.#fields.contains(active) ? active.id : undefined;
    this.#fields.replaceChildren(renderer.renderRecord(root, skip));
    this.#renderer = renderer;
    for (const field of this.#start.fields()) renderer.fields.set(field.pointer, field);
    if (focus) this.#focus(focus);
    else if (kept) document.getElementById(kept)?.focus();
  }

  #focus(target: FocusTarget): void {
    for (const role of target.roles ?? []) {
      const button = this.#fields.querySelector<HTMLButtonElement>(
        `[data-pointer="${CSS.escape(target.pointer)}"][data-role="${role}"]`,
      );
      if (button && !button.disabled) {
        button.focus();
        return;
      }
    }
    const field = this.#renderer?.fields.get(target.pointer);
    if (field) {
      openAround(field.container);
      field.focus();
    }
  }

  #change(path: FormPath, value: unknown): void {
    if (value === undefined) clearValue(this.#draft.data, path);
    else setValue(this.#draft.data, path, value);
    this.#touched.add(toPointer(path));
    this.#changed();
  }

  #committed(path: FormPath): void {
    const pointer = toPointer(path);
    this.#touched.add(pointer);
    this.#announceField = pointer;
    this.#changed();
    // After the focus has moved on (a change event comes before it does), so that rendering the
    // fields again keeps it where the user went.
    const draft = this.#draft;
    setTimeout(() => {
      if (this.#draft !== draft) return;
      const fill = fillFor(draft.data, path, this.#options.formData.suggestions);
      if (!fill) return;
      for (const [at, value] of fill.values) setValue(draft.data, at, value);
      this.#render();
      this.announce(fill.summary);
      this.#changed();
    }, 0);
  }

  #changed(): void {
    clearTimeout(this.#updateTimer);
    this.#updateTimer = setTimeout(() => this.#update(), UPDATE_DELAY);
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => this.#save(), SAVE_DELAY);
  }

  #update(): void {
    clearTimeout(this.#updateTimer);
    const draft = this.#draft;
    const { lookup } = this.#options;
    const text = recordFileText(draft.data, lookup, draft.file, draft.body);
    const path = this.#start.filePath(draft);
    const problems: Problem[] = [
      ...this.#start.problems(draft),
      ...[...this.#unreadable].map(([pointer, message]) => ({ pointer, message, hint: '' })),
      ...(this.#validate
        ? schemaProblems(this.#validate, draft.data, lookup, draft.schema, path ?? draft.file)
        : []),
    ];
    const renderer = this.#renderer;
    if (renderer) {
      const byField = this.#display.show(renderer.fields, problems, (field) =>
        this.#visible(field),
      );
      const announce = this.#announceField;
      this.#announceField = undefined;
      const own = announce ? byField.get(announce) : undefined;
      if (announce && own?.[0]) {
        const label = renderer.fields.get(announce)?.label ?? '';
        this.announce(`${label}: ${own[0].message.replace(/`/g, '')}`);
      }
    }
    this.#output.update({
      mode: draft.mode,
      path,
      text,
      problems: problems.length,
      unchanged: draft.original === text,
    });
  }

  #visible(field: string): boolean {
    if (this.#showAll || this.#touched.has(field)) return true;
    for (const touched of this.#touched) if (touched.startsWith(`${field}/`)) return true;
    return false;
  }

  #save(): void {
    clearTimeout(this.#saveTimer);
    if (!this.#draft) return;
    const savedAt = this.#options.drafts.save(this.#draft);
    this.#start.saved(savedAt, this.#options.drafts.available);
  }

  async #switchTo(collection: string): Promise<void> {
    this.#save();
    const draft = this.#options.drafts.get(`new:${collection}`);
    await this.#open(draft ?? this.#start.fresh(collection), draft !== undefined);
  }

  async #clear(): Promise<void> {
    const draft = this.#draft;
    this.#options.drafts.remove(draft.key);
    const next =
      draft.mode === 'edit' && draft.id
        ? await this.#start.loadRecord(draft.id)
        : this.#start.fresh(draft.collection);
    await this.#open(next ?? this.#start.fresh(draft.collection), false);
    this.announce(draft.mode === 'edit' ? 'Your changes are discarded.' : 'The form is cleared.');
  }
}
