import type { FormData } from '../../../scripts/lib/site/form-data.ts';
import { schemaLookup } from '../../../scripts/lib/schemas/lookup.ts';
import { suggestionPattern } from '../../../scripts/lib/form/suggestions.ts';
import { personListFor, personLists } from './autofill.ts';
import { FormController } from './controller.ts';
import { el } from './dom.ts';
import { DraftStore } from './drafts.ts';

/**
 * The submission form's entry: load what the build prepared (submit/form.json), make the
 * suggestion lists, and hand over to the controller with the draft to continue.
 */
const base = import.meta.env.BASE_URL.endsWith('/')
  ? import.meta.env.BASE_URL
  : `${import.meta.env.BASE_URL}/`;
const app = document.getElementById('submit-app') as HTMLElement;
const loading = document.getElementById('form-loading') as HTMLElement;

async function start(): Promise<void> {
  loading.hidden = false;
  const response = await fetch(`${base}submit/form.json`);
  if (!response.ok) throw new Error(`submit/form.json answered ${response.status}.`);
  const formData = (await response.json()) as FormData;
  const lookup = schemaLookup(formData.schemas.map((schema) => ({ ...schema, file: '' })));

  const datalists = document.getElementById('datalists') as HTMLElement;
  const listIds = new Map<string, string>();
  formData.suggestions.fields.forEach((field, index) => {
    const id = `suggest-${index}`;
    listIds.set(field.pattern, id);
    datalists.append(
      el('datalist', { id }, ...field.values.map((value) => el('option', { value }))),
    );
  });
  datalists.append(...personLists(formData.suggestions));
  const listFor = (path: ReadonlyArray<string | number>) => {
    const pattern = suggestionPattern(formData.suggestions, path);
    return personListFor(path) ?? (pattern ? listIds.get(pattern) : undefined);
  };

  const controller = new FormController({
    formData,
    lookup,
    drafts: new DraftStore(base),
    apiBase: `${base}api/`,
    listFor,
  });
  await controller.start(new URLSearchParams(location.search));
  loading.hidden = true;
  app.hidden = false;
}

start().catch((error: unknown) => {
  loading.hidden = false;
  loading.classList.add('error');
  loading.textContent = `The form could not start: ${(error as Error).message} Reload the page to try again.`;
});
