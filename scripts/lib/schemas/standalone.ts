import { _ } from 'ajv/dist/compile/codegen/index.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { createAjv } from './ajv.ts';
import type { Ajv2020 } from './ajv.ts';
import type { SchemaDocument } from './registry.ts';
import { schemaIdFor } from './ids.ts';

/**
 * A record schema's validator as ES module source, for the browser form. ajv normally compiles
 * a schema into a function with `new Function`, which the site's Content-Security-Policy forbids
 * (no 'unsafe-eval'); so the site build compiles each record schema ahead of time, with the same
 * ajv configuration as the command line (createAjv), and ships the generated code. The formats
 * are not copied: the code imports formats.ts, the table createAjv itself uses.
 */
export interface StandaloneModules {
  /** Import specifier of formats.ts as the bundler should see it (an absolute path). */
  formats: string;
  /** Import specifier of an ajv runtime helper (`ajv/dist/runtime/equal`), as the bundler should see it. */
  runtime(name: string): string;
}

// ajv/dist/standalone is CommonJS: its default export arrives as the function or on `default`.
const standaloneCode = ((standaloneModule as unknown as { default?: typeof standaloneModule })
  .default ?? standaloneModule) as unknown as (
  ajv: Ajv2020,
  refs: { [name: string]: string },
) => string;

const FORMATS_MARKER = 'capsule:formats';
const REQUIRE = /require\("((?:[^"\\]|\\.)*)"\)/g;
const RUNTIME = /^ajv\/dist\/runtime\/([a-z0-9_]+)$/;

/** One ajv instance per document set, kept while the same documents are asked for (one site build). */
let cached: { documents: readonly SchemaDocument[]; ajv: Ajv2020 } | undefined;

export function standaloneValidatorSource(
  documents: readonly SchemaDocument[],
  ref: string,
  modules: StandaloneModules,
): string {
  if (cached?.documents !== documents) {
    const ajv = createAjv({
      code: { source: true, esm: true, formats: _`require(${FORMATS_MARKER}).CAPSULE_FORMATS` },
    });
    for (const document of documents) ajv.addSchema(document.json, document.id);
    cached = { documents, ajv };
  }
  const code = standaloneCode(cached.ajv, { validate: schemaIdFor(ref) });
  return importsForRequires(code, modules);
}

/**
 * ajv's generated code reaches its helpers with CommonJS `require(...)` even in ESM mode; each
 * becomes an import. A CommonJS module arrives from the bundler either as its `exports` object
 * or wrapped in `default`; `pick` takes whichever holds the named value.
 */
function importsForRequires(code: string, modules: StandaloneModules): string {
  const specifiers = new Map<string, string>();
  const body = code.replace(REQUIRE, (_match, raw: string) => {
    const name = JSON.parse(`"${raw}"`) as string;
    let specifier: string;
    if (name === FORMATS_MARKER) specifier = modules.formats;
    else {
      const runtime = RUNTIME.exec(name);
      if (!runtime) throw new Error(`ajv's standalone code requires an unexpected module: ${name}`);
      specifier = modules.runtime(runtime[1] as string);
    }
    let local = specifiers.get(specifier);
    if (!local) {
      local = `__capsuleModule${specifiers.size}`;
      specifiers.set(specifier, local);
    }
    return local;
  });
  const imports = [...specifiers].map(
    ([specifier, local]) =>
      `import * as ${local}Namespace from ${JSON.stringify(specifier)};\nconst ${local} = pick(${local}Namespace);`,
  );
  return [
    ...imports,
    'function pick(namespace) { return namespace.default && typeof namespace.default === "object" ? namespace.default : namespace; }',
    body.replace(/^"use strict";/, ''),
  ].join('\n');
}
