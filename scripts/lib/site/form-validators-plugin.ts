import { createRequire } from 'node:module';
import * as path from 'node:path';
import { loadSchemas } from '../schemas/load-schemas.ts';
import type { LoadedSchemas } from '../schemas/load-schemas.ts';
import { standaloneValidatorSource } from '../schemas/standalone.ts';

/**
 * A Vite plugin that gives the submission form its validators: `virtual:capsule/form-validators`
 * maps each record schema (`name/x.y.z`) to a loader of `virtual:capsule/form-validator/<ref>`,
 * the schema compiled ahead of time by ajv (standalone.ts) from the archive's schemas/. Each
 * schema becomes its own chunk, loaded when the form needs it.
 */
export const VALIDATORS_MODULE = 'virtual:capsule/form-validators';
const ONE_PREFIX = 'virtual:capsule/form-validator/';
const FORMATS_FILE = path.resolve(import.meta.dirname, '../schemas/formats.ts');
const require = createRequire(import.meta.url);

export function formValidatorsPlugin(root: string) {
  let loading: Promise<LoadedSchemas> | undefined;
  const schemas = () => (loading ??= loadSchemas(root));
  return {
    name: 'capsule-form-validators',
    resolveId(id: string) {
      return id === VALIDATORS_MODULE || id.startsWith(ONE_PREFIX) ? `\0${id}` : undefined;
    },
    async load(id: string) {
      if (id === `\0${VALIDATORS_MODULE}`) {
        const { registry } = await schemas();
        const refs = registry
          .recordSchemaNames()
          .flatMap((name) => registry.versions(name).map((version) => `${name}/${version}`));
        const entries = refs.map(
          (ref) =>
            `  ${JSON.stringify(ref)}: () => import(${JSON.stringify(ONE_PREFIX + ref)}).then((module) => module.validate),`,
        );
        return `export const validators = {\n${entries.join('\n')}\n};\n`;
      }
      if (id.startsWith(`\0${ONE_PREFIX}`)) {
        const { registry } = await schemas();
        return standaloneValidatorSource(registry.documents, id.slice(ONE_PREFIX.length + 1), {
          formats: FORMATS_FILE,
          runtime: (name) => require.resolve(`ajv/dist/runtime/${name}`),
        });
      }
      return undefined;
    },
  };
}
