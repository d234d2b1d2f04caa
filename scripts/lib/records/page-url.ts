/**
 * The address of a record's page on the archive's site: `<site_url>records/<collection>/<slug>/`.
 * It is the record's stable web identity: DOI metadata cites it as an alternate identifier, and
 * the publisher uses it to recognise its own Zenodo drafts, so it must not depend on the version.
 */
export function recordPageUrl(siteUrl: string, recordId: string): string {
  const base = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
  return `${base}records/${recordId}/`;
}
