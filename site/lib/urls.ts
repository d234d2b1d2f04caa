/**
 * Every URL the site links to, under the site's base path (`/` or `/archive/`). Pages never build
 * paths by hand, so moving the site under another base changes nothing else.
 */
const BASE = import.meta.env.BASE_URL.endsWith('/')
  ? import.meta.env.BASE_URL
  : `${import.meta.env.BASE_URL}/`;

export function url(path = ''): string {
  return `${BASE}${path.replace(/^\//, '')}`;
}

export const recordUrl = (id: string) => url(`records/${id}/`);
export const recordApiUrl = (id: string) => url(`api/records/${id}.json`);
export const fileUrl = (id: string, path: string) =>
  url(`files/${id}/${path.split('/').map(encodeURIComponent).join('/')}`);
export const collectionUrl = (name: string, sort?: string) =>
  url(`collections/${name}/${sort && sort !== 'newest' ? `${sort}/` : ''}`);
export const schemaUrl = (ref: string) => url(`schemas/${ref}/`);
export const searchUrl = (query?: string) =>
  url(`search/${query ? `?q=${encodeURIComponent(query)}` : ''}`);
export const historyUrl = (id: string) => url(`records/${id}/history/`);
export const revisionUrl = (id: string, slug: string) => url(`records/${id}/history/${slug}/`);
/** A download of a record's HEPData results: the data file, its CSV, a plot (results.ts). */
export const resultsFileUrl = (id: string, name: string) =>
  url(`api/records/${id}/hepdata/${encodeURIComponent(name)}`);
