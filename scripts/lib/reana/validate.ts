import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { compareDiagnostics } from '../diagnostics/diagnostic.ts';
import { readYamlMetadata } from '../records/read-metadata.ts';
import type { MetadataFile } from '../records/source.ts';
import { rootNode } from '../schemas/walk.ts';
import { field, isMap, list, text } from '../validate/data.ts';
import { schemaDiagnostics } from '../validate/schema-diagnostics.ts';
import { REANA_SCHEMA_REF, reanaRegistry } from './schema.ts';

/**
 * reana.yaml checked as `reana-client validate` checks it: the specification schema, where an
 * unknown key is a warning and everything else an error (reana-commons); then the advice REANA
 * prints — parameters used but not defined or defined but not used (serial workflows), no
 * `inputs`, commands that look dangerous, container images without a fixed tag.
 */
export interface ReanaCheck {
  diagnostics: Diagnostic[];
  /** The parsed specification, when the file could be read as a mapping. */
  specification: { [key: string]: unknown } | undefined;
  file: MetadataFile | undefined;
}

// reana-commons' COMMAND_DANGEROUS_OPERATIONS.
const DANGEROUS = ['sudo ', 'cd /'];

export function validateReanaFile(path: string, bytes: Uint8Array): ReanaCheck {
  const read = readYamlMetadata(path, bytes);
  const diagnostics = [...read.diagnostics];
  const specification = read.data;
  const file = read.file;
  if (!specification || !file) return { diagnostics, specification: undefined, file };
  diagnostics.push(...schema(file, specification));
  diagnostics.push(...advice(file, specification));
  return { diagnostics: diagnostics.sort(compareDiagnostics), specification, file };
}

function schema(file: MetadataFile, data: { [key: string]: unknown }): Diagnostic[] {
  const registry = reanaRegistry();
  const validate = registry.validator(REANA_SCHEMA_REF);
  if (validate(data)) return [];
  const root = rootNode(registry, REANA_SCHEMA_REF);
  if (!root) return [];
  // `if`/`then` errors repeat what the branch's own errors say.
  const errors = (validate.errors ?? []).filter((error) => error.keyword !== 'if');
  return schemaDiagnostics(errors, {
    file,
    data,
    registry,
    root,
    draft: false,
    subject: 'REANA specification',
  }).map((diagnostic) =>
    diagnostic.code === 'CAPSULE_SCHEMA_UNKNOWN_KEY'
      ? {
          ...diagnostic,
          code: 'CAPSULE_REANA_UNKNOWN_KEY',
          severity: 'warning',
          hint: `${diagnostic.hint} REANA ignores unknown keys with a warning.`,
        }
      : { ...diagnostic, code: 'CAPSULE_REANA_SCHEMA' },
  );
}

function advice(file: MetadataFile, data: { [key: string]: unknown }): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!('inputs' in data)) {
    out.push(
      file.diagnostic(
        'CAPSULE_REANA_ADVICE',
        'warning',
        '',
        'Workflow "inputs" are missing in the REANA specification.',
        'List the files, folders and parameters the workflow needs under `inputs:`, so `reana-client upload` sends them.',
      ),
    );
  }
  const workflow = field(data, 'workflow');
  const steps =
    text(workflow, 'type') === 'serial' ? list(field(workflow, 'specification'), 'steps') : [];
  const parameters = field(field(data, 'inputs'), 'parameters');
  const defined = new Set(isMap(parameters) ? Object.keys(parameters) : []);
  const used = new Map<string, string[]>();
  steps.forEach((step, index) => {
    const name = text(step, 'name') ?? String(index);
    list(step, 'commands').forEach((command, c) => {
      if (typeof command !== 'string') return;
      for (const match of command.matchAll(/\$\{([^}]*)\}/g)) {
        const parameter = match[1] ?? '';
        used.set(parameter, [...new Set([...(used.get(parameter) ?? []), name])]);
      }
      for (const operation of DANGEROUS) {
        if (!command.includes(operation)) continue;
        out.push(
          file.diagnostic(
            'CAPSULE_REANA_ADVICE',
            'warning',
            `/workflow/specification/steps/${index}/commands/${c}`,
            `Operation "${operation.trim()}" found in step "${name}" might be dangerous.`,
            operation === 'sudo '
              ? 'Steps run unprivileged; install what the step needs in its container image instead.'
              : 'Work inside the workspace with relative paths; the rest of the file system is not yours.',
          ),
        );
      }
    });
    const image = text(step, 'environment');
    if (image && !pinned(image)) {
      out.push(
        file.diagnostic(
          'CAPSULE_REANA_IMAGE_TAG',
          'warning',
          `/workflow/specification/steps/${index}/environment`,
          `Using "${image}" without a fixed tag harms reproducibility; pin an explicit version.`,
          'Add a version tag (`:6.18.04`) or, better, a digest (`@sha256:...`) to the image.',
        ),
      );
    }
  });
  if (text(workflow, 'type') !== 'serial') return out;
  for (const parameter of defined) {
    if (used.has(parameter)) continue;
    out.push(
      file.diagnostic(
        'CAPSULE_REANA_PARAMETER',
        'warning',
        `/inputs/parameters/${parameter}`,
        `REANA input parameter "${parameter}" does not seem to be used.`,
        `Use it in a step as \`\${${parameter}}\`, or remove it from \`inputs.parameters\`.`,
        'key',
      ),
    );
  }
  for (const [parameter, stepsUsing] of used) {
    if (defined.has(parameter)) continue;
    out.push(
      file.diagnostic(
        'CAPSULE_REANA_PARAMETER',
        'warning',
        '/inputs/parameters',
        `Serial parameter "${parameter}" found on step${stepsUsing.length > 1 ? 's' : ''} "${stepsUsing.join(', ')}" is not defined in input parameters.`,
        `Define it under \`inputs.parameters\` (\`${parameter}: <value>\`), or escape it if it is a shell variable.`,
      ),
    );
  }
  return out;
}

/** Whether an image reference names a fixed version: a tag other than `latest`, or a digest. */
export function pinned(image: string): boolean {
  if (image.includes('@')) return true;
  const last = image.split('/').pop() ?? image;
  const tag = last.includes(':') ? last.slice(last.lastIndexOf(':') + 1) : undefined;
  return tag !== undefined && tag !== 'latest';
}
