import { describe, expect, it } from 'vitest';
import { answerProblem, essentialQuestions } from '../../../scripts/lib/records/essentials.ts';
import { loadSchemas } from '../../../scripts/lib/schemas/load-schemas.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

const { registry } = await loadSchemas(REPO_ROOT);

describe('the questions `capsule new` asks', () => {
  it("are the schema's required simple fields in its order, then the recommended ones", () => {
    expect(
      essentialQuestions(registry, 'analysis/1.0.0').map((question) => question.pointer),
    ).toEqual([
      '/title',
      '/abstract',
      '/experiment',
      '/access/level',
      '/people/0/given_name',
      '/people/0/family_name',
      '/people/0/orcid',
      '/people/0/affiliations/0/name',
      '/keywords',
    ]);
  });

  it('leave out what the schema fixes and what a first version gets by itself', () => {
    const pointers = essentialQuestions(registry, 'cms-analysis/1.0.0').map(
      (question) => question.pointer,
    );
    expect(pointers).not.toContain('/experiment');
    expect(pointers).not.toContain('/$schema');
    expect(pointers).not.toContain('/version');
    expect(pointers).not.toContain('/created');
  });

  it('carry the labels, help and choices of the schema', () => {
    const questions = essentialQuestions(registry, 'analysis/1.0.0');
    const level = questions.find((question) => question.pointer === '/access/level');
    expect(level).toMatchObject({ kind: 'choice', label: 'Access level', required: true });
    expect(level?.choices).toEqual(['public', 'collaboration', 'restricted']);
    const orcid = questions.find((question) => question.pointer === '/people/0/orcid');
    expect(orcid).toMatchObject({
      kind: 'text',
      label: 'Contact person: ORCID iD',
      required: false,
    });
    expect(orcid?.help).toContain('ORCID iD');
    expect(questions.find((question) => question.pointer === '/keywords')?.kind).toBe('list');
  });
});

describe('checking an answer', () => {
  const validate = registry.validator('analysis/1.0.0');
  const record = { $schema: 'analysis/1.0.0', people: [{}] };
  const check = (path: Array<string | number>, value: unknown) =>
    answerProblem(validate, () => validate.errors, registry, record, 'analysis/1.0.0', path, value);

  it("gives the validator's message and hint for a bad value", () => {
    expect(check(['people', 0, 'orcid'], '0000-0002-1825-0098')).toContain(
      'has a bad check digit (expected 7, found 8)',
    );
    expect(check(['title'], 'ab')).toContain('it needs at least 3');
    expect(check(['access', 'level'], 'secret')).toContain('not one of the allowed values');
  });

  it('accepts a good value although the rest of the record is still missing', () => {
    expect(check(['people', 0, 'orcid'], '0000-0002-1825-0097')).toBeUndefined();
    expect(check(['keywords'], ['dark sector', 'photons'])).toBeUndefined();
  });
});
