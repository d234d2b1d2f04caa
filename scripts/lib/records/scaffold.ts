import type { AccessLevel } from './types.ts';

/** What a new record starts from (`capsule new` and the site's form then fill in the rest). */
export interface NewRecordStart {
  schema: string;
  experiment?: string;
  access: AccessLevel;
  /** YYYY-MM-DD */
  created: string;
}

/**
 * The first version of a record: its schema, version 1 of today, still `ongoing`, the
 * collection's experiment and access level. What is unknown is left out (draft mode accepts that).
 */
export function newRecordData(start: NewRecordStart): { [key: string]: unknown } {
  const data: { [key: string]: unknown } = {
    $schema: start.schema,
    version: '1',
    status: 'ongoing',
    created: start.created,
    experiment: start.experiment,
    access: { level: start.access },
  };
  if (data.experiment === undefined) delete data.experiment;
  return data;
}

/** The record as canonical YAML, as `capsule fmt` keeps it (the site's form writes the same). */
export { recordYaml } from '../format/record-yaml.ts';

export function readmeTemplate(title: string | undefined): string {
  return [
    `# ${title ?? 'Analysis title'}`,
    '',
    '## What this analysis does',
    '',
    'Describe the measurement or search, the final state and the main selection.',
    '',
    '## How to reproduce it',
    '',
    'List the steps, with the commands and the software versions (container images, releases).',
    '',
  ].join('\n');
}
