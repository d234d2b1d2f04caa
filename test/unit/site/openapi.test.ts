import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../scripts/lib/site/api.ts';

/** The static API's OpenAPI document describes every path parameter its paths use. */
describe('openApiDocument', () => {
  const document = openApiDocument({
    title: 'Test archive',
    apiUrl: 'https://example.org/api',
    version: '1.0.0',
  });
  type Parameter = { name?: string; in?: string; required?: boolean; $ref?: string };
  const resolve = (parameter: Parameter): Parameter => {
    if (!parameter.$ref) return parameter;
    const name = parameter.$ref.replace('#/components/parameters/', '');
    const target = (document.components.parameters as { [name: string]: Parameter })[name];
    expect(target, parameter.$ref).toBeDefined();
    return target as Parameter;
  };

  it('declares each {parameter} of each path, required and in the path, once', () => {
    const paths = Object.entries(document.paths) as Array<
      [string, { get: { parameters?: Parameter[] } }]
    >;
    expect(paths.length).toBeGreaterThan(4);
    for (const [route, item] of paths) {
      const inRoute = [...route.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = (item.get.parameters ?? []).map(resolve);
      expect(
        declared.map((parameter) => parameter.name),
        route,
      ).toEqual(inRoute);
      for (const parameter of declared)
        expect(parameter, route).toMatchObject({ in: 'path', required: true });
    }
  });
});
