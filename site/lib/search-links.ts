import { url } from './urls.ts';

/**
 * Links into the search page: `?q=` for words, one parameter per facet (`?theme=Higgs`), `sort=`.
 * The search page reads the same parameters (scripts/search.ts).
 */
export function facetSearchUrl(facet: string, value: string): string {
  return url(`search/?${new URLSearchParams({ [facet]: value }).toString()}`);
}
