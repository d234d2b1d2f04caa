import AllFields from './AllFields.astro';
import Citation from './Citation.astro';
import Code from './Code.astro';
import Datasets from './Datasets.astro';
import Documentation from './Documentation.astro';
import Experiment from './Experiment.astro';
import Exports from './Exports.astro';
import { experimentKey, experimentTitle } from './experiment.ts';
import Figures from './Figures.astro';
import { figuresOf } from './figures.ts';
import Files from './Files.astro';
import History from './History.astro';
import People from './People.astro';
import Publications from './Publications.astro';
import Related from './Related.astro';
import Results from './Results.astro';
import { hasHistoryPage } from '../../../scripts/lib/site/history-view.ts';
import { historyUrl, url } from '../../lib/urls.ts';
import type { RecordPageContext } from './types.ts';
import Workflow from './Workflow.astro';

/**
 * THE extension point of record pages: the sections, in page order. Each is a component that
 * receives the RecordPageContext, a title (for its heading and the page's table of contents)
 * and a test for whether the record has anything to show. To add a section (version history,
 * HEPData plots, exports...), write a component in this folder and add an entry here.
 */
export interface RecordSection {
  id: string;
  title: string | ((context: RecordPageContext) => string);
  // Astro components are functions of their props.
  component: (props: RecordPageContext) => unknown;
  applies(context: RecordPageContext): boolean;
}

export const RECORD_SECTIONS: RecordSection[] = [
  {
    id: 'documentation',
    title: 'Documentation',
    component: Documentation,
    applies: ({ record }) => record.documentation.length > 0,
  },
  {
    id: 'figures',
    title: 'Figures',
    component: Figures,
    applies: ({ record }) => figuresOf(record).length > 0,
  },
  {
    id: 'results',
    title: 'Results',
    component: Results,
    applies: ({ record }) =>
      Boolean(record.metadata.results?.summary || record.metadata.results?.hepdata) ||
      (record.results?.tables.length ?? 0) > 0,
  },
  {
    id: 'people',
    title: 'People',
    component: People,
    applies: ({ record }) => record.metadata.people.length > 0,
  },
  {
    id: 'publications',
    title: 'Publications and links',
    component: Publications,
    applies: ({ record }) =>
      (record.metadata.publications?.length ?? 0) + (record.metadata.links?.length ?? 0) > 0,
  },
  {
    id: 'datasets',
    title: 'Datasets',
    component: Datasets,
    applies: ({ record }) => (record.metadata.datasets?.length ?? 0) > 0,
  },
  {
    id: 'code',
    title: 'Code and software environment',
    component: Code,
    applies: ({ record }) =>
      (record.metadata.code?.length ?? 0) + (record.metadata.containers?.length ?? 0) > 0,
  },
  {
    id: 'workflow',
    title: 'Workflow',
    component: Workflow,
    applies: ({ record }) => Boolean(record.metadata.workflow || record.workflow),
  },
  {
    id: 'experiment',
    title: ({ record }) => experimentTitle(record),
    component: Experiment,
    applies: ({ record }) => experimentKey(record) !== undefined,
  },
  {
    id: 'files',
    title: 'Preserved files',
    component: Files,
    applies: ({ record }) => record.files.length > 0,
  },
  {
    id: 'related',
    title: 'Related records',
    component: Related,
    applies: ({ related }) => related.length > 0,
  },
  // Always: without history, it says why (no git repository, a shallow clone...).
  { id: 'history', title: 'Version history', component: History, applies: () => true },
  { id: 'cite', title: 'Cite this record', component: Citation, applies: () => true },
  { id: 'export', title: 'Export', component: Exports, applies: () => true },
  { id: 'metadata', title: 'All metadata', component: AllFields, applies: () => true },
];

/**
 * The second extension point: links in the record's header (exports, "edit in form"...).
 * Each gives a label and a URL for the record, or nothing when it does not apply.
 */
export interface RecordAction {
  id: string;
  label: string;
  href(context: RecordPageContext, urls: { recordApiUrl(id: string): string }): string | undefined;
}

export const RECORD_ACTIONS: RecordAction[] = [
  { id: 'cite', label: 'Cite', href: () => '#cite' },
  { id: 'export', label: 'Export', href: () => '#export' },
  { id: 'json', label: 'JSON', href: ({ record }, urls) => urls.recordApiUrl(record.id) },
  {
    id: 'history',
    label: 'History',
    href: ({ record }) => (hasHistoryPage(record.history) ? historyUrl(record.id) : undefined),
  },
  { id: 'edit', label: 'Edit in form', href: ({ record }) => url(`submit/?edit=${record.id}`) },
];

export function sectionTitle(section: RecordSection, context: RecordPageContext): string {
  return typeof section.title === 'function' ? section.title(context) : section.title;
}
