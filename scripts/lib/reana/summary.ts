import { field, isMap, list, text } from '../validate/data.ts';

/**
 * What a record page says about a REANA workflow: the engine, its steps (serial) or stages
 * (yadage written inline), what goes in and comes out, and the `reana-client` commands that
 * run it again from a clone of the archive.
 */
export interface ReanaStep {
  name: string;
  environment?: string;
  commands: string[];
  backend?: string;
}

export interface ReanaSummary {
  type: string;
  version?: string;
  /** The workflow definition file, when the workflow is not written inline. */
  workflowFile?: string;
  steps: ReanaStep[];
  stages: string[];
  inputs: {
    files: string[];
    directories: string[];
    parameters: Array<{ name: string; value: string }>;
  };
  outputs: { files: string[]; directories: string[] };
  resources: string[];
  /** Shell commands, run from the archive repository's root. */
  commands: string[];
}

const strings = (value: unknown[]): string[] =>
  value.filter((v): v is string => typeof v === 'string');

export function reanaSummary(
  specification: unknown,
  where: {
    /** The record folder, relative to the archive root (`content/cms/higgs-tautau-2016`). */
    recordDir: string;
    /** reana.yaml's path inside the record folder. */
    file: string;
    /** A workflow name for REANA, e.g. the record's slug. */
    name: string;
  },
): ReanaSummary {
  const workflow = field(specification, 'workflow');
  const type = text(workflow, 'type') ?? 'unknown';
  const inline = field(workflow, 'specification');
  const inputs = field(specification, 'inputs');
  const outputs = field(specification, 'outputs');
  const parameters = field(inputs, 'parameters');
  const resources = field(workflow, 'resources');
  const summary: ReanaSummary = {
    type,
    steps: list(inline, 'steps').map((step, index) => {
      const environment = text(step, 'environment');
      const backend = text(step, 'compute_backend');
      return {
        name: text(step, 'name') ?? `step ${index + 1}`,
        ...(environment ? { environment } : {}),
        commands: strings(list(step, 'commands')),
        ...(backend ? { backend } : {}),
      };
    }),
    stages: list(inline, 'stages').flatMap((stage) => {
      const name = text(stage, 'name');
      return name ? [name] : [];
    }),
    inputs: {
      files: strings(list(inputs, 'files')),
      directories: strings(list(inputs, 'directories')),
      parameters: isMap(parameters)
        ? Object.entries(parameters).map(([name, value]) => ({
            name,
            value: typeof value === 'string' ? value : JSON.stringify(value),
          }))
        : [],
    },
    outputs: {
      files: strings(list(outputs, 'files')),
      directories: strings(list(outputs, 'directories')),
    },
    resources: isMap(resources)
      ? Object.entries(resources).flatMap(([name, value]) =>
          value === false
            ? []
            : Array.isArray(value)
              ? [`${name}: ${strings(value).join(', ')}`]
              : [name],
        )
      : [],
    commands: [],
  };
  const version = text(specification, 'version');
  if (version) summary.version = version;
  const workflowFile = text(workflow, 'file');
  if (workflowFile) summary.workflowFile = workflowFile;
  const name = where.name.replace(/[^A-Za-z0-9_-]/g, '-');
  const spec = where.file === 'reana.yaml' ? '' : ` -f ${where.file}`;
  summary.commands = [
    `cd ${where.recordDir}`,
    'export REANA_SERVER_URL=https://reana.cern.ch',
    'export REANA_ACCESS_TOKEN=<your access token>',
    `reana-client validate${spec}`,
    `reana-client run -w ${name}${spec}`,
    `reana-client status -w ${name}`,
    ...(summary.outputs.files.length > 0
      ? [`reana-client download -w ${name} ${summary.outputs.files.join(' ')}`]
      : [`reana-client ls -w ${name}`]),
  ];
  return summary;
}
