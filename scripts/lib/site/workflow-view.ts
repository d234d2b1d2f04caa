import { reanaSummary } from '../reana/summary.ts';
import { field, isMap, list, text } from '../validate/data.ts';
import { parseYaml } from '../yaml/index.ts';

/**
 * What a record page shows of its REANA workflow: type, inputs, steps (serial) or stages
 * (yadage), outputs. Read leniently: the page shows what it can and says what it could not read.
 */
export interface WorkflowView {
  file: string;
  type?: string;
  /** The specification file, for workflow types that keep it apart (yadage, cwl, snakemake). */
  specificationFile?: string;
  inputs: { files: string[]; directories: string[]; parameters: WorkflowParameter[] };
  steps: WorkflowStep[];
  outputs: { files: string[]; directories: string[] };
  /** The REANA specification's version. */
  version?: string;
  /** Compute resources the workflow asks for (`kerberos`, `cvmfs: cms.cern.ch`). */
  resources: string[];
  /** The shell commands that run it again on REANA from a clone of the archive (summary.ts). */
  rerun: string[];
  /** Why the file could not be read, when it could not. */
  problem?: string;
}

export interface WorkflowParameter {
  name: string;
  value: string;
}

export interface WorkflowStep {
  name?: string;
  environment?: string;
  commands: string[];
}

export function workflowView(
  file: string,
  source: string,
  where: {
    /** The record folder, relative to the archive root. */
    recordDir: string;
    /** The workflow's name on REANA (the record's slug). */
    name: string;
  },
): WorkflowView {
  const empty: WorkflowView = {
    file,
    inputs: { files: [], directories: [], parameters: [] },
    steps: [],
    outputs: { files: [], directories: [] },
    resources: [],
    rerun: [],
  };
  const parsed = parseYaml(source, { tree: false });
  const firstIssue = parsed.issues.find((issue) => issue.severity === 'error');
  if (firstIssue || !isMap(parsed.value))
    return { ...empty, problem: firstIssue?.message ?? `${file} is not a mapping.` };
  const spec = parsed.value;
  const workflow = field(spec, 'workflow');
  const inputs = field(spec, 'inputs');
  const outputs = field(spec, 'outputs');
  const view: WorkflowView = {
    ...empty,
    inputs: {
      files: strings(list(inputs, 'files')),
      directories: strings(list(inputs, 'directories')),
      parameters: Object.entries(mapOrEmpty(field(inputs, 'parameters'))).map(([name, value]) => ({
        name,
        value: scalarText(value),
      })),
    },
    steps: stepsOf(field(workflow, 'specification')),
    outputs: {
      files: strings(list(outputs, 'files')),
      directories: strings(list(outputs, 'directories')),
    },
  };
  const type = text(workflow, 'type');
  if (type) {
    view.type = type;
    const summary = reanaSummary(spec, { recordDir: where.recordDir, file, name: where.name });
    view.resources = summary.resources;
    view.rerun = summary.commands;
    if (summary.version) view.version = summary.version;
  }
  const specificationFile = text(workflow, 'file');
  if (specificationFile) view.specificationFile = specificationFile;
  return view;
}

function stepsOf(specification: unknown): WorkflowStep[] {
  const serial = list(specification, 'steps');
  if (serial.length > 0)
    return serial.filter(isMap).map((step) => {
      const out: WorkflowStep = { commands: strings(list(step, 'commands')) };
      const name = text(step, 'name');
      const environment = text(step, 'environment');
      if (name) out.name = name;
      if (environment) out.environment = environment;
      return out;
    });
  // yadage: stages, each with a scheduler step holding a process and an environment.
  return list(specification, 'stages')
    .filter(isMap)
    .map((stage) => {
      const step = field(field(stage, 'scheduler'), 'step');
      const process = field(step, 'process');
      const environment = field(step, 'environment');
      const command = text(process, 'cmd') ?? text(process, 'script');
      const image = text(environment, 'image');
      const tag = text(environment, 'imagetag');
      const out: WorkflowStep = { commands: command ? [command] : [] };
      const name = text(stage, 'name');
      if (name) out.name = name;
      if (image) out.environment = tag ? `${image}:${tag}` : image;
      return out;
    });
}

function mapOrEmpty(value: unknown): { readonly [key: string]: unknown } {
  return isMap(value) ? value : {};
}

function strings(values: unknown[]): string[] {
  return values.filter((value): value is string => typeof value === 'string');
}

function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
