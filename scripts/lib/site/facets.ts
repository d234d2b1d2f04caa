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
  { name: 'doi', label: 'Record DOI' },
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
    workflow: [hasWorkflow(metadata) ? 'With workflow' : 'Without workflow'],
    doi: [metadata.doi ? 'With DOI' : 'Without DOI'],
  };
}
