import type { ValidateFunction } from 'ajv/dist/2020.js';
import { validators } from 'virtual:capsule/form-validators';
import { fieldForPointer, formDiagnostics } from '../../../scripts/lib/form/form-diagnostics.ts';
import type { RecordData } from '../../../scripts/lib/form/record-edit.ts';
import type { SchemaLookup } from '../../../scripts/lib/schemas/walk.ts';
import { el, fieldId, richText } from './dom.ts';
import type { RenderedField } from './fields.ts';

/**
 * Checking the record as it is typed: the schema's validator, compiled at build time from the
 * same ajv configuration CI uses, and the validator's own messages (formDiagnostics). Problems
 * show by their fields (once a field was touched, or all after "Check the record") and in a
 * list whose count is announced.
 */
export interface Problem {
  pointer: string;
  message: string;
  hint: string;
}

const loaded = new Map<string, Promise<ValidateFunction>>();

export function validatorFor(ref: string): Promise<ValidateFunction> {
  let validate = loaded.get(ref);
  if (!validate) {
    const load = validators[ref];
    validate = load
      ? load()
      : Promise.reject(new Error(`This site has no validator for the schema ${ref}.`));
    loaded.set(ref, validate);
  }
  return validate;
}

export function schemaProblems(
  validate: ValidateFunction,
  data: RecordData,
  lookup: SchemaLookup,
  schema: string,
  file: string,
): Problem[] {
  if (validate(data)) return [];
  return formDiagnostics(validate.errors ?? [], data, lookup, { schema, file }).map(
    ({ pointer, message, hint }) => ({ pointer, message, hint }),
  );
}

export class ProblemDisplay {
  readonly #status: HTMLElement;
  readonly #list: HTMLElement;
  #lastStatus = '';

  constructor(status: HTMLElement, list: HTMLElement) {
    this.#status = status;
    this.#list = list;
  }

  /**
   * Shows each problem by its field when `visible(field)` says so, and lists them all. Returns
   * the problems by field pointer.
   */
  show(
    fields: ReadonlyMap<string, RenderedField>,
    problems: readonly Problem[],
    visible: (field: string) => boolean,
  ): Map<string, Problem[]> {
    const byField = new Map<string, Problem[]>();
    const known = new Set(fields.keys());
    for (const problem of problems) {
      const field = fieldForPointer(problem.pointer, known);
      byField.set(field, [...(byField.get(field) ?? []), problem]);
    }
    for (const [pointer, field] of fields) {
      const own = byField.get(pointer);
      const shown = own !== undefined && visible(pointer);
      field.error.replaceChildren(
        ...(shown
          ? own.flatMap((problem) => [
              el('span', { class: 'message' }, ...richText(problem.message)),
              ' ',
              el('span', { class: 'hint' }, ...richText(problem.hint)),
            ])
          : []),
      );
      field.error.hidden = !shown;
      const describedBy = [field.helpId, shown ? field.error.id : undefined].filter(Boolean);
      if (describedBy.length > 0)
        field.described.setAttribute('aria-describedby', describedBy.join(' '));
      else field.described.removeAttribute('aria-describedby');
      if (shown) field.described.setAttribute('aria-invalid', 'true');
      else field.described.removeAttribute('aria-invalid');
      if (shown) openAround(field.container);
    }
    this.#summarise(fields, byField, problems.length);
    return byField;
  }

  #summarise(
    fields: ReadonlyMap<string, RenderedField>,
    byField: Map<string, Problem[]>,
    count: number,
  ): void {
    const status =
      count === 0
        ? 'No problems: the record is ready for a pull request.'
        : `${count} problem${count === 1 ? '' : 's'} to fix before the pull request.`;
    if (status !== this.#lastStatus) {
      this.#status.textContent = status;
      this.#lastStatus = status;
    }
    this.#list.replaceChildren(
      ...[...byField].flatMap(([pointer, problems]) => {
        const field = fields.get(pointer);
        return problems.map((problem) => {
          const link = el('a', { href: `#${fieldId(pointer)}` }, ...richText(problem.message));
          link.addEventListener('click', (event) => {
            event.preventDefault();
            if (field) {
              openAround(field.container);
              field.focus();
            }
          });
          return el('li', {}, link);
        });
      }),
    );
  }
}

/** Opens the folded sections a field sits in, so that it can be seen and focused. */
export function openAround(element: HTMLElement): void {
  for (let node: HTMLElement | null = element; node; node = node.parentElement)
    if (node instanceof HTMLDetailsElement) node.open = true;
}
