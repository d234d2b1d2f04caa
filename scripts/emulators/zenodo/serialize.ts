import type { Json, StoredDeposition, StoredFile, ZenodoStore } from './store.ts';

/**
 * Depositions as Zenodo's legacy serializer writes them (`legacy/serializers/.../legacyjson.py`),
 * key for key as in the captured responses: the draft view while a draft is open, the record
 * view once published. `prereserve_doi` always says 10.5281, as it does on the sandbox too.
 */
export interface Urls {
  /** `http://127.0.0.1:port/api` */
  api: string;
  /** `http://127.0.0.1:port` (the web pages Zenodo links to). */
  site: string;
}

export function legacyDeposition(
  store: ZenodoStore,
  deposition: StoredDeposition,
  urls: Urls,
): Json {
  const { id } = deposition;
  const draft = deposition.draft;
  const record = deposition.record;
  const version = draft ?? record!;
  const concept = store.concepts.get(deposition.conceptrecid);
  const conceptPublished = (concept?.versions.length ?? 0) > 0;
  const doi = draft
    ? typeof draft.metadata.doi === 'string'
      ? draft.metadata.doi
      : record?.doi
    : record!.doi;
  const api = urls.api;
  const state = !record ? 'unsubmitted' : draft ? 'inprogress' : 'done';
  const metadata: Json = {
    ...version.metadata,
    prereserve_doi: { doi: `10.5281/zenodo.${id}`, recid: id },
  };
  if (record && !draft) metadata.doi = record.doi;
  const latestDraft = concept?.nextDraft ?? id;
  const links: { [name: string]: string } =
    record && !draft
      ? {
          self: `${api}/records/${id}`,
          html: `${urls.site}/records/${id}`,
          doi: `https://doi.org/${record.doi}`,
          parent_doi: `https://doi.org/${record.conceptdoi}`,
          badge: `${urls.site}/badge/doi/${encodeURIComponent(record.doi)}.svg`,
          conceptbadge: `${urls.site}/badge/doi/${encodeURIComponent(record.conceptdoi)}.svg`,
          files: `${api}/records/${id}/files`,
          bucket: `${api}/files/${deposition.bucketId}`,
          latest_draft: `${api}/deposit/depositions/${latestDraft}`,
          latest_draft_html: `${urls.site}/deposit/${latestDraft}`,
          publish: `${api}/deposit/depositions/${id}/actions/publish`,
          edit: `${api}/deposit/depositions/${id}/actions/edit`,
          discard: `${api}/deposit/depositions/${id}/actions/discard`,
          newversion: `${api}/deposit/depositions/${id}/actions/newversion`,
          registerconceptdoi: `${api}/deposit/depositions/${id}/actions/registerconceptdoi`,
          record: `${api}/records/${id}`,
          record_html: `${urls.site}/record/${id}`,
          latest: `${api}/records/${id}/versions/latest`,
          latest_html: `${urls.site}/record/${id}/versions/latest`,
        }
      : {
          self: `${api}/deposit/depositions/${id}`,
          html: `${urls.site}/deposit/${id}`,
          ...(doi ? { doi: `https://doi.org/${doi}` } : {}),
          badge: `${urls.site}/badge/doi/${doi ? encodeURIComponent(doi) : ''}.svg`,
          files: `${api}/deposit/depositions/${id}/files`,
          bucket: `${api}/files/${deposition.bucketId}`,
          latest_draft: `${api}/deposit/depositions/${id}`,
          latest_draft_html: `${urls.site}/deposit/${id}`,
          publish: `${api}/deposit/depositions/${id}/actions/publish`,
          edit: `${api}/deposit/depositions/${id}/actions/edit`,
          discard: `${api}/deposit/depositions/${id}/actions/discard`,
          newversion: `${api}/deposit/depositions/${id}/actions/newversion`,
        };
  const out: Json = {
    created: deposition.created,
    modified: deposition.modified,
    id,
    conceptrecid: String(deposition.conceptrecid),
  };
  if (doi) out.doi = doi;
  if (conceptPublished) out.conceptdoi = store.doiOf(deposition.conceptrecid);
  if (doi) out.doi_url = `https://doi.org/${doi}`;
  Object.assign(out, {
    metadata,
    title: typeof version.metadata.title === 'string' ? version.metadata.title : '',
    links,
    record_id: id,
    owner: 0,
    files: version.files.map((file) =>
      legacyFile(deposition, file, urls, Boolean(record && !draft)),
    ),
    state,
    submitted: Boolean(record),
  });
  return out;
}

export function legacyFile(
  deposition: StoredDeposition,
  file: StoredFile,
  urls: Urls,
  published = false,
): Json {
  const id = deposition.id;
  return {
    id: file.id,
    filename: file.key,
    filesize: file.size,
    checksum: file.md5,
    links: {
      self: published
        ? `${urls.api}/records/${id}/files/${file.id}`
        : `${urls.api}/deposit/depositions/${id}/files/${file.id}`,
      download: `${urls.api}/records/${id}/draft/files/${encodeURIComponent(file.key)}/content`,
    },
  };
}

/** A bucket object as `PUT /files/:bucket/:key` returns it: the checksum is `md5:`-prefixed. */
export function bucketObject(bucketId: string, file: StoredFile, urls: Urls): Json {
  const self = `${urls.api}/files/${bucketId}/${file.key.split('/').map(encodeURIComponent).join('/')}`;
  return {
    created: file.created,
    updated: file.updated,
    version_id: file.versionId,
    key: file.key,
    size: file.size,
    mimetype: file.mimetype,
    checksum: `md5:${file.md5}`,
    is_head: true,
    delete_marker: false,
    links: { self, version: `${self}?version_id=${file.versionId}`, uploads: `${self}?uploads=1` },
  };
}

/**
 * A record or draft in InvenioRDM's own JSON (`Accept: application/vnd.inveniordm.v1+json` and
 * the `/api/records/:id/versions` endpoints): string ids, `pids`, `parent`, `versions`.
 */
export function rdmRecord(
  store: ZenodoStore,
  deposition: StoredDeposition,
  urls: Urls,
  asDraft: boolean,
): Json {
  const version = asDraft ? deposition.draft! : (deposition.record ?? deposition.draft!);
  const m = version.metadata;
  const concept = store.concepts.get(deposition.conceptrecid);
  const index = concept ? concept.versions.indexOf(deposition.id) : -1;
  const id = String(deposition.id);
  const isPublished = Boolean(deposition.record) && !asDraft;
  const people = (list: unknown) =>
    (Array.isArray(list) ? (list as Json[]) : []).map((person) => {
      const [family, given] = String(person.name).split(', ');
      return {
        person_or_org: {
          type: 'personal',
          name: person.name,
          family_name: family,
          ...(given ? { given_name: given } : {}),
          ...(person.orcid ? { identifiers: [{ scheme: 'orcid', identifier: person.orcid }] } : {}),
        },
        ...(person.affiliation ? { affiliations: [{ name: person.affiliation }] } : {}),
      };
    });
  return {
    id,
    created: deposition.created,
    updated: deposition.modified,
    is_published: isPublished,
    is_draft: !isPublished,
    pids:
      deposition.record && isPublished
        ? { doi: { identifier: deposition.record.doi, provider: 'datacite', client: 'datacite' } }
        : {},
    parent: {
      id: String(deposition.conceptrecid),
      ...(concept && concept.versions.length > 0
        ? {
            pids: {
              doi: {
                identifier: store.doiOf(deposition.conceptrecid),
                provider: 'datacite',
                client: 'datacite',
              },
            },
          }
        : {}),
    },
    metadata: {
      resource_type: { id: m.upload_type ?? 'other' },
      title: m.title ?? '',
      ...(m.publication_date ? { publication_date: m.publication_date } : {}),
      ...(m.version ? { version: m.version } : {}),
      creators: people(m.creators),
    },
    access: {
      record: 'public',
      files: m.access_right === 'open' ? 'public' : 'restricted',
      embargo: { active: m.access_right === 'embargoed', until: m.embargo_date ?? null },
    },
    files: { enabled: true, count: version.files.length },
    versions: {
      index: index === -1 ? (concept?.versions.length ?? 0) + 1 : index + 1,
      is_latest: Boolean(concept && concept.versions.at(-1) === deposition.id),
      is_latest_draft: asDraft,
    },
    links: {
      self: isPublished ? `${urls.api}/records/${id}` : `${urls.api}/records/${id}/draft`,
      self_html: isPublished ? `${urls.site}/records/${id}` : `${urls.site}/uploads/${id}`,
      versions: `${urls.api}/records/${id}/versions`,
      latest: `${urls.api}/records/${id}/versions/latest`,
      files: isPublished
        ? `${urls.api}/records/${id}/files`
        : `${urls.api}/records/${id}/draft/files`,
      publish: `${urls.api}/records/${id}/draft/actions/publish`,
    },
    revision_id: deposition.revision,
  };
}
