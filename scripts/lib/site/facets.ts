import type { RecordMetadata } from '../records/types.ts';

/**
 * The search facets of a record, as filter name → values. The search page lists them in FACETS
 * order with these labels; record pages emit them for the index.
 */
export const FACETS = [
  { name: 'collection', label: 'Collection' },
  { name: 'experiment', label: 'Experiment' },
  { name: 'year', label: 'Year' },
  { name: 'theme', label: 'Physics theme' },
  { name: 'final_state', label: 'Final state' },
  { name: 'workflow', label: 'Workflow' },
  { name: 'doi', label: 'DOI' },
] as const;

export type FacetName = (typeof FACETS)[number]['name'];

const THEME_LABELS: { [theme: string]: string } = {
  higgs: 'Higgs',
  top: 'Top quark',
  electroweak: 'Electroweak',
  qcd: 'QCD',
  'b-physics': 'B physics',
  flavour: 'Flavour',
  'heavy-ions': 'Heavy ions',
  'standard-model': 'Standard Model',
  'beyond-standard-model': 'Beyond the Standard Model',
  susy: 'Supersymmetry',
  exotica: 'Exotica',
  'dark-matter': 'Dark matter',
  forward: 'Forward physics',
  jets: 'Jets',
  neutrino: 'Neutrinos',
  spectroscopy: 'Spectroscopy',
  'detector-performance': 'Detector performance',
};

export function themeLabel(theme: string): string {
  return THEME_LABELS[theme] ?? theme;
}

/** The year a record is filed under: its main publication's, else the year it was created. */
export function recordYear(metadata: RecordMetadata): string {
  const published = metadata.publications?.find((publication) => publication.year)?.year;
  return published ? String(published) : metadata.created.slice(0, 4);
}

export function hasWorkflow(metadata: RecordMetadata): boolean {
  return Boolean(metadata.workflow);
}

export function recordFacets(
  metadata: RecordMetadata,
  collectionTitle: string,
): { [facet in FacetName]: string[] } {
  return {
    collection: [collectionTitle],
    experiment: [metadata.experiment],
    year: [recordYear(metadata)],
    theme: (metadata.physics_themes ?? []).map(themeLabel),
    final_state: metadata.final_states ?? [],
    // Yes/no facets carry only their "yes": a filter listing every record costs every search
    // that uses it a download the size of the archive.
    workflow: hasWorkflow(metadata) ? ['Has a workflow'] : [],
    doi: metadata.doi ? ['Has a DOI'] : [],
  };
}

/** Every facet's values with the number of records holding each, for the search page. */
export function facetTotals(
  records: ReadonlyArray<{ metadata: RecordMetadata; collectionTitle: string }>,
): Array<{ name: FacetName; label: string; values: Array<{ value: string; count: number }> }> {
  const counts = new Map<FacetName, Map<string, number>>(
    FACETS.map((facet) => [facet.name, new Map()]),
  );
  for (const record of records) {
    const facets = recordFacets(record.metadata, record.collectionTitle);
    for (const facet of FACETS)
      for (const value of facets[facet.name]) {
        const values = counts.get(facet.name) as Map<string, number>;
        values.set(value, (values.get(value) ?? 0) + 1);
      }
  }
  return FACETS.map((facet) => ({
    name: facet.name,
    label: facet.label,
    values: [...(counts.get(facet.name) as Map<string, number>).entries()]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) =>
        facet.name === 'year'
          ? b.value.localeCompare(a.value)
          : b.count - a.count || a.value.localeCompare(b.value),
      ),
  })).filter((facet) => facet.values.length > 0);
}
