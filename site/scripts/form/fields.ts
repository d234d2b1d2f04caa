import { fieldLabel, fieldSpec } from '../../../scripts/lib/form/field-spec.ts';
import type { FieldSpec } from '../../../scripts/lib/form/field-spec.ts';
import { parseNumber, valueAt } from '../../../scripts/lib/form/record-edit.ts';
import type { FormPath, RecordData } from '../../../scripts/lib/form/record-edit.ts';
import type { SchemaLookup, SchemaNode } from '../../../scripts/lib/schemas/walk.ts';
import { capitalise, el, fieldId, richText, singular, toPointer } from './dom.ts';

/**
 * Renders a record's fields from its schema (field-spec.ts): labels and help from titles and
 * descriptions, an error slot per field (tied to its control by aria-describedby when shown),
 * lists with add, move and remove buttons. Values are read from the record and every edit goes
 * back through `events`; the renderer keeps no state of its own but the map of rendered fields.
 */
export interface FieldEvents {
  /** A field's new value; undefined clears it. */
  change(path: FormPath, value: unknown): void;
  /** The user finished with a field (its `change` event). */
  committed(path: FormPath): void;
  add(path: FormPath, item: unknown): void;
  remove(path: FormPath, index: number): void;
  move(path: FormPath, from: number, to: number): void;
  /** A JSON box holds text that is not JSON (message), or JSON again (undefined). */
  unreadable(path: FormPath, message: string | undefined): void;
  /** Several fields set at once (from a file's checksum), said in `summary`. */
  fill(values: Array<[FormPath, unknown]>, summary: string): void;
}

/** The list (datalist id) of suggestions a text field at `path` takes, if any. */
export type SuggestionList = (path: FormPath) => string | undefined;

export interface RenderedField {
  pointer: string;
  label: string;
  container: HTMLElement;
  /** What gets focus for this field: its control, or a group's first control. */
  focus(): void;
  error: HTMLElement;
  /** The element aria-describedby and aria-invalid go on. */
  described: HTMLElement;
  helpId?: string;
  /** Optional sections are folded; they open to show a problem. */
  details?: HTMLDetailsElement;
}

export class FieldRenderer {
  readonly fields = new Map<string, RenderedField>();
  readonly #lookup: SchemaLookup;
  readonly #data: RecordData;
  readonly #events: FieldEvents;
  readonly #list: SuggestionList;

  constructor(lookup: SchemaLookup, data: RecordData, events: FieldEvents, list: SuggestionList) {
    this.#lookup = lookup;
    this.#data = data;
    this.#events = events;
    this.#list = list;
  }

  /** The record's own fields; `skip` leaves some out (shown elsewhere, like `$schema`). */
  renderRecord(root: SchemaNode, skip: ReadonlySet<string> = new Set()): DocumentFragment {
    const spec = fieldSpec(this.#lookup, root);
    const out = document.createDocumentFragment();
    if (spec.kind !== 'object') return out;
    for (const property of spec.properties)
      if (!skip.has(property.name))
        out.append(this.#field([property.name], property.node, property.required));
    return out;
  }

  #field(path: FormPath, node: SchemaNode, required: boolean, itemLabel?: string): HTMLElement {
    const spec = fieldSpec(this.#lookup, node);
    const key = path[path.length - 1] ?? '';
    const label = itemLabel ?? fieldLabel(spec, key);
    switch (spec.kind) {
      case 'object':
        return this.#object(path, spec, label, required, itemLabel !== undefined);
      case 'array':
        return this.#array(path, spec, label, required);
      case 'choices':
        return this.#choices(path, spec, label, required);
      case 'const':
        return this.#constant(path, spec, label);
      default:
        return this.#control(path, spec, label, required, itemLabel !== undefined);
    }
  }

  #help(spec: FieldSpec, id: string): HTMLElement | undefined {
    const parts: Array<Node | string> = [];
    if (spec.description) parts.push(...richText(spec.description));
    if (spec.example && !spec.description?.includes(spec.example))
      parts.push(' For example: ', el('code', {}, spec.example), '.');
    return parts.length > 0 ? el('p', { class: 'help', id }, ...parts) : undefined;
  }

  #register(field: RenderedField): void {
    this.fields.set(field.pointer, field);
  }

  #labelText(label: string, required: boolean): Array<Node | string> {
    return required ? [label, ' ', el('span', { class: 'required' }, '(required)')] : [label];
  }

  /** A box for one value: text, several lines, a number, a choice, yes/no, or JSON. */
  #control(
    path: FormPath,
    spec: FieldSpec,
    label: string,
    required: boolean,
    isItem: boolean,
  ): HTMLElement {
    const pointer = toPointer(path);
    const id = fieldId(pointer);
    const value = valueAt(this.#data, path);
    const help = this.#help(spec, fieldId(pointer, 'help'));
    const error = el('p', { class: 'error', id: fieldId(pointer, 'error'), hidden: true });
    const control = this.#input(path, spec, id, value, isItem);
    if (required) control.setAttribute('aria-required', 'true');
    if (help) control.setAttribute('aria-describedby', help.id);
    const container = el(
      'div',
      { class: `field field-${spec.kind}`, 'data-pointer': pointer },
      el(
        'label',
        { for: id, class: isItem ? 'visually-hidden' : undefined },
        ...this.#labelText(label, required),
      ),
      help,
      error,
      control,
    );
    this.#register({
      pointer,
      label,
      container,
      focus: () => control.focus(),
      error,
      described: control,
      ...(help ? { helpId: help.id } : {}),
    });
    return container;
  }

  #input(
    path: FormPath,
    spec: FieldSpec,
    id: string,
    value: unknown,
    isItem: boolean,
  ): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
    const events = this.#events;
    const empty = isItem ? '' : undefined;
    const commit = () => events.committed(path);
    if (spec.kind === 'select' || spec.kind === 'boolean') {
      const options: Array<string | number | boolean> =
        spec.kind === 'select' ? spec.options : [true, false];
      const select = el('select', { id, 'data-role': 'control' });
      select.append(el('option', { value: '' }, spec.kind === 'boolean' ? '—' : 'Choose…'));
      options.forEach((option, index) =>
        select.append(
          el(
            'option',
            { value: String(index), selected: option === value },
            spec.kind === 'boolean' ? (option ? 'Yes' : 'No') : String(option),
          ),
        ),
      );
      if (value !== undefined && !options.includes(value as string)) {
        // A value the schema does not allow stays visible (and is reported), not silently lost.
        select.append(el('option', { value: 'kept', selected: true }, String(value)));
      }
      select.addEventListener('change', () => {
        if (select.value === 'kept') return;
        events.change(path, select.value === '' ? empty : options[Number(select.value)]);
        commit();
      });
      return select;
    }
    if (spec.kind === 'json') {
      const area = el('textarea', {
        id,
        rows: '4',
        class: 'mono',
        'data-role': 'control',
        spellcheck: 'false',
      });
      area.value = value === undefined ? '' : JSON.stringify(value, null, 2);
      area.addEventListener('input', () => {
        if (area.value.trim() === '') {
          events.unreadable(path, undefined);
          events.change(path, empty);
          return;
        }
        try {
          const parsed: unknown = JSON.parse(area.value);
          events.unreadable(path, undefined);
          events.change(path, parsed);
        } catch {
          events.unreadable(path, 'This is not valid JSON yet.');
        }
      });
      area.addEventListener('change', commit);
      return area;
    }
    const text = spec.kind === 'text' ? spec : undefined;
    const control = text?.multiline
      ? el('textarea', { id, rows: '5', 'data-role': 'control' })
      : el('input', {
          id,
          type: text?.format === 'date' ? 'date' : text?.format === 'email' ? 'email' : 'text',
          inputmode:
            spec.kind === 'number'
              ? spec.integer
                ? 'numeric'
                : 'decimal'
              : text?.format?.endsWith('url')
                ? 'url'
                : undefined,
          autocomplete: 'off',
          spellcheck: text?.format || text?.pattern || spec.kind === 'number' ? 'false' : undefined,
          list: this.#list(path),
          'data-role': 'control',
        });
    control.value = value === undefined || value === null ? '' : String(value);
    control.addEventListener('input', () => {
      const raw = control.value;
      if (raw === '') events.change(path, empty);
      else events.change(path, spec.kind === 'number' ? parseNumber(raw) : raw);
    });
    control.addEventListener('change', commit);
    return control;
  }

  #constant(path: FormPath, spec: FieldSpec & { kind: 'const' }, label: string): HTMLElement {
    const pointer = toPointer(path);
    const error = el('p', { class: 'error', id: fieldId(pointer, 'error'), hidden: true });
    const value = el('output', { id: fieldId(pointer), tabindex: '-1' }, String(spec.value));
    const container = el(
      'div',
      { class: 'field field-const', 'data-pointer': pointer },
      el('span', { class: 'label', id: fieldId(pointer, 'label') }, label),
      ' ',
      value,
      el('span', { class: 'muted' }, ' (set by the schema)'),
      error,
    );
    value.setAttribute('aria-labelledby', fieldId(pointer, 'label'));
    this.#register({
      pointer,
      label,
      container,
      focus: () => value.focus(),
      error,
      described: value,
    });
    return container;
  }

  #choices(
    path: FormPath,
    spec: FieldSpec & { kind: 'choices' },
    label: string,
    required: boolean,
  ): HTMLElement {
    const pointer = toPointer(path);
    const current = valueAt(this.#data, path);
    const chosen = Array.isArray(current) ? current : [];
    const help = this.#help(spec, fieldId(pointer, 'help'));
    const error = el('p', { class: 'error', id: fieldId(pointer, 'error'), hidden: true });
    const boxes = el('div', { class: 'choice-grid' });
    const fieldset = el(
      'fieldset',
      { class: 'field choices', 'data-pointer': pointer, 'aria-describedby': help?.id },
      el('legend', {}, ...this.#labelText(label, required)),
      help,
      error,
      boxes,
    );
    const inputs: HTMLInputElement[] = [];
    spec.options.forEach((option, index) => {
      const id = fieldId(pointer, `option-${index}`);
      const box = el('input', {
        type: 'checkbox',
        id,
        value: option,
        checked: chosen.includes(option),
        'data-role': 'control',
      });
      inputs.push(box);
      box.addEventListener('change', () => {
        const now = valueAt(this.#data, path);
        const list = Array.isArray(now) ? [...now] : [];
        const next = box.checked
          ? [...list.filter((item) => item !== option), option]
          : list.filter((item) => item !== option);
        this.#events.change(path, next.length > 0 ? next : undefined);
        this.#events.committed(path);
      });
      boxes.append(el('label', { for: id, class: 'choice' }, box, ' ', option));
    });
    this.#register({
      pointer,
      label,
      container: fieldset,
      focus: () => inputs[0]?.focus(),
      error,
      described: fieldset,
      ...(help ? { helpId: help.id } : {}),
    });
    return fieldset;
  }

  /** A section: the record's nested mappings. Optional ones fold while they are empty. */
  #object(
    path: FormPath,
    spec: FieldSpec & { kind: 'object' },
    label: string,
    required: boolean,
    isItem: boolean,
  ): HTMLElement {
    const pointer = toPointer(path);
    const value = valueAt(this.#data, path);
    const help = this.#help(spec, fieldId(pointer, 'help'));
    const error = el('p', { class: 'error', id: fieldId(pointer, 'error'), hidden: true });
    const body = el('div', { class: 'group-body' }, help, error);
    if (describesFile(spec)) body.append(this.#fileChecksum(path, spec));
    for (const property of spec.properties)
      body.append(this.#field([...path, property.name], property.node, property.required));
    const focusFirst = () => body.querySelector<HTMLElement>('[data-role=control]')?.focus();
    if (required || isItem) {
      const fieldset = el(
        'fieldset',
        { class: 'group', 'data-pointer': pointer, 'aria-describedby': help?.id },
        el('legend', {}, ...this.#labelText(label, required)),
        body,
      );
      this.#register({
        pointer,
        label,
        container: fieldset,
        focus: focusFirst,
        error,
        described: fieldset,
        ...(help ? { helpId: help.id } : {}),
      });
      return fieldset;
    }
    const summaryId = fieldId(pointer, 'label');
    const filled = value !== null && typeof value === 'object' && Object.keys(value).length > 0;
    const details = el(
      'details',
      { class: 'group', 'data-pointer': pointer, open: filled },
      el('summary', { id: summaryId }, label, ' ', el('span', { class: 'muted' }, '(optional)')),
    );
    body.setAttribute('role', 'group');
    body.setAttribute('aria-labelledby', summaryId);
    if (help) body.setAttribute('aria-describedby', help.id);
    details.append(body);
    this.#register({
      pointer,
      label,
      container: details,
      focus: () => (details.open ? focusFirst() : details.querySelector('summary')?.focus()),
      error,
      described: body,
      details,
      ...(help ? { helpId: help.id } : {}),
    });
    return details;
  }

  /**
   * For a preserved file's entry: its size and SHA-256 (and path and media type, if still empty)
   * from a file chosen on this computer, read in the browser and sent nowhere.
   */
  #fileChecksum(path: FormPath, spec: FieldSpec & { kind: 'object' }): HTMLElement {
    const pointer = toPointer(path);
    const id = fieldId(pointer, 'file');
    const input = el('input', { type: 'file', id, 'aria-describedby': `${id}-help` });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return;
      void file.arrayBuffer().then(async (bytes) => {
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        const sha256 = [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
        const values: Array<[FormPath, unknown]> = [
          [[...path, 'size'], file.size],
          [[...path, 'sha256'], sha256],
        ];
        if (valueAt(this.#data, [...path, 'path']) === undefined)
          values.push([[...path, 'path'], `files/${file.name}`]);
        const hasMediaType = spec.properties.some((property) => property.name === 'media_type');
        if (hasMediaType && file.type && valueAt(this.#data, [...path, 'media_type']) === undefined)
          values.push([[...path, 'media_type'], file.type]);
        this.#events.fill(
          values,
          `Filled in the size (${file.size} bytes) and SHA-256 of ${file.name}.`,
        );
      });
    });
    return el(
      'div',
      { class: 'field file-checksum' },
      el('label', { for: id }, 'Size and SHA-256 from a file on this computer'),
      el(
        'p',
        { class: 'help', id: `${id}-help` },
        'The file is read here, in your browser, and sent nowhere: add it to the pull request yourself, at its path.',
      ),
      input,
    );
  }

  /** A list: its items in order, each with move and remove buttons, and a button to add one. */
  #array(
    path: FormPath,
    spec: FieldSpec & { kind: 'array' },
    label: string,
    required: boolean,
  ): HTMLElement {
    const pointer = toPointer(path);
    const value = valueAt(this.#data, path);
    const items = Array.isArray(value) ? value : [];
    const itemSpec = fieldSpec(this.#lookup, spec.item);
    const noun = singular(itemSpec.kind === 'object' && itemSpec.title ? itemSpec.title : label);
    const help = this.#help(spec, fieldId(pointer, 'help'));
    const error = el('p', { class: 'error', id: fieldId(pointer, 'error'), hidden: true });
    const list = el('ol', {
      class: `items items-${itemSpec.kind === 'object' ? 'objects' : 'values'}`,
    });
    items.forEach((_item, index) => {
      const itemLabel = `${capitalise(noun)} ${index + 1}`;
      const field = this.#field([...path, index], spec.item, false, itemLabel);
      list.append(
        el('li', { class: 'item' }, field, this.#itemTools(path, index, items.length, itemLabel)),
      );
    });
    const add = el(
      'button',
      { type: 'button', class: 'secondary add', 'data-role': 'add', 'data-pointer': pointer },
      `Add ${noun}`,
    );
    if (spec.maxItems !== undefined && items.length >= spec.maxItems) add.disabled = true;
    add.addEventListener('click', () => this.#events.add(path, emptyItem(itemSpec)));
    const fieldset = el(
      'fieldset',
      { class: 'list', 'data-pointer': pointer, 'aria-describedby': help?.id },
      el('legend', {}, ...this.#labelText(label, required)),
      help,
      error,
      items.length > 0 ? list : el('p', { class: 'muted empty' }, `No ${noun} yet.`),
      add,
    );
    this.#register({
      pointer,
      label,
      container: fieldset,
      focus: () => (list.querySelector<HTMLElement>('[data-role=control]') ?? add).focus(),
      error,
      described: fieldset,
      ...(help ? { helpId: help.id } : {}),
    });
    return fieldset;
  }

  #itemTools(path: FormPath, index: number, count: number, itemLabel: string): HTMLElement {
    const pointer = toPointer([...path, index]);
    // The visible words start the accessible name, and the item it acts on follows for screen readers.
    const button = (
      role: string,
      text: string,
      name: string,
      disabled: boolean,
      onClick: () => void,
    ) => {
      const element = el(
        'button',
        { type: 'button', class: 'secondary small', 'data-role': role, 'data-pointer': pointer },
        text,
        el('span', { class: 'visually-hidden' }, ` ${name}`),
      );
      element.disabled = disabled;
      element.addEventListener('click', onClick);
      return element;
    };
    return el(
      'div',
      { class: 'item-tools' },
      button('up', 'Move up', itemLabel, index === 0, () =>
        this.#events.move(path, index, index - 1),
      ),
      button('down', 'Move down', itemLabel, index === count - 1, () =>
        this.#events.move(path, index, index + 1),
      ),
      button('remove', 'Remove', itemLabel, false, () => this.#events.remove(path, index)),
    );
  }
}

/** An entry for a file kept in the record: it has a path, a size and a SHA-256. */
function describesFile(spec: FieldSpec & { kind: 'object' }): boolean {
  const names = new Set(spec.properties.map((property) => property.name));
  return names.has('path') && names.has('size') && names.has('sha256');
}

/** What a new list item starts as: an empty mapping, or empty text to type into. */
function emptyItem(spec: FieldSpec): unknown {
  if (spec.kind === 'object') return {};
  if (spec.kind === 'array' || spec.kind === 'choices') return [];
  if (spec.kind === 'const') return spec.value;
  return '';
}
