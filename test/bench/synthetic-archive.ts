import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { orcidCheckCharacter } from '../../scripts/lib/identifiers/orcid.ts';
import { REPO_ROOT } from '../helpers/repo.ts';

/**
 * A synthetic archive for the benchmarks: N valid cms-analysis records of about 4 KB each, in
 * sharded folders (content/cms/<shard>/<slug>), generated from a fixed seed so every run and every
 * machine measures the same archive. Written once and reused (benchmarks of the build and the
 * history index use it too).
 */
export interface SyntheticOptions {
  records: number;
  seed?: number;
}

export const BENCH_CACHE = path.join(REPO_ROOT, 'node_modules/.cache/capsule-bench');

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const THEMES = [
  'higgs',
  'top',
  'electroweak',
  'qcd',
  'b-physics',
  'susy',
  'exotica',
  'dark-matter',
  'standard-model',
];
const STATES = [
  'tau tau',
  'mu mu',
  'e mu',
  '4 leptons',
  'gamma gamma',
  'bb + MET',
  'jets + MET',
  'l + jets',
];
const GIVEN = [
  'Ada',
  'Marie',
  'Enrico',
  'Lise',
  'Paul',
  'Chien-Shiung',
  'Richard',
  'Emmy',
  'Satyendra',
  'Vera',
];
const FAMILY = [
  'Lovelace',
  'Curie',
  'Fermi',
  'Meitner',
  'Dirac',
  'Wu',
  'Feynman',
  'Noether',
  'Bose',
  'Rubin',
];
const GROUPS = ['HIG', 'TOP', 'SMP', 'SUS', 'EXO', 'BPH', 'B2G'];
const WORDS =
  'measurement search cross section coupling decay boson quark lepton jet missing transverse momentum resonance production asymmetry mass width branching fraction limit'.split(
    ' ',
  );

function orcid(n: number): string {
  const base = String(15_000_000 + n).padStart(15, '0');
  const digits = base + orcidCheckCharacter(base);
  return `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8, 12)}-${digits.slice(12)}`;
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function sentence(rand: () => number, words: number): string {
  return Array.from({ length: words }, () => pick(rand, WORDS)).join(' ');
}

export function syntheticRecord(index: number, rand: () => number): string {
  const group = pick(rand, GROUPS);
  const year = 2012 + (index % 13);
  const cadi = `${group}-${String(year % 100).padStart(2, '0')}-${String(index % 1000).padStart(3, '0')}`;
  const people = Array.from({ length: 6 }, (_, k) => {
    const n = index * 6 + k;
    return [
      `  - given_name: ${GIVEN[n % GIVEN.length]}`,
      `    family_name: ${FAMILY[(n * 7) % FAMILY.length]}`,
      `    orcid: ${orcid(n)}`,
      '    affiliations:',
      '      - name: CERN',
      '        ror: 01ggx4157',
      `    roles:\n      - ${k === 0 ? 'contact' : 'analyst'}`,
    ].join('\n');
  }).join('\n');
  const arxiv = `${String(year % 100).padStart(2, '0')}${String(1 + (index % 12)).padStart(2, '0')}.${String(
    index % 100000,
  )
    .padStart(year >= 2015 ? 5 : 4, '0')
    .slice(-(year >= 2015 ? 5 : 4))}`;
  return `$schema: cms-analysis/1.0.0
title: Synthetic ${sentence(rand, 8)} ${index}
abstract: >
  ${sentence(rand, 40)}.
  ${sentence(rand, 40)}.
  ${sentence(rand, 40)}.
  ${sentence(rand, 40)}.
version: '1'
status: published
created: ${year}-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}
experiment: CMS
collaboration: CMS
access:
  level: ${index % 10 === 0 ? 'collaboration' : 'public'}
people:
${people}
keywords:
  - ${pick(rand, WORDS)}
  - ${pick(rand, WORDS)} ${index}
physics_themes:
  - ${pick(rand, THEMES)}
final_states:
  - ${pick(rand, STATES)}
collision:
  system: pp
  sqrt_s_tev: 13
  integrated_luminosity:
    value: ${(35.9 + (index % 100)).toFixed(1)}
    unit: fb-1
publications:
  - type: article
    title: ${sentence(rand, 10)}
    arxiv: '${arxiv}'
    doi: 10.1007/JHEP${String((index % 12) + 1).padStart(2, '0')}(${year})${String(index % 1000).padStart(3, '0')}
    year: ${year}
datasets:
  - title: /SingleMuon/Run${year}B-UL${year}_MiniAODv2-v${1 + (index % 3)}/MINIAOD
    kind: collision-data
    events: ${100000 + index * 37}
  - title: /DYJetsToLL_M-50_TuneCP5_13TeV-madgraphMLM-pythia8/RunIISummer20UL${year % 100}MiniAODv2/MINIAODSIM
    kind: simulation
code:
  - url: https://gitlab.cern.ch/cms-analysis/${group.toLowerCase()}/analysis-${index}
    tag: v1.${index % 10}
    commit: '${((index * 2654435761) >>> 0).toString(16).padStart(8, '0').repeat(5)}'
links:
  - title: Public results page
    url: https://cms-results.web.cern.ch/cms-results/public-results/publications/${cadi}/
  - title: Analysis twiki
    url: https://twiki.cern.ch/twiki/bin/view/CMS/${cadi.replace(/-/g, '')}
cms:
  cadi_id: ${cadi}
  cmssw_release: CMSSW_10_6_${index % 40}
  physics_objects:
    - object: muon
      pt_min_gev: ${20 + (index % 10)}
      eta_max: 2.4
    - object: jet
      pt_min_gev: 30
      eta_max: 4.7
`;
}

/** Writes the archive (once per size and seed) and returns its root. */
export async function syntheticArchive(options: SyntheticOptions): Promise<string> {
  const seed = options.seed ?? 20261122;
  const root = path.join(BENCH_CACHE, `archive-${options.records}-${seed}-2`);
  const marker = path.join(root, '.complete');
  try {
    if ((await readFile(marker, 'utf8')) === 'ok') return root;
  } catch {
    // not generated yet
  }
  await rm(root, { recursive: true, force: true });
  await cp(path.join(REPO_ROOT, 'schemas'), path.join(root, 'schemas'), { recursive: true });
  await mkdir(path.join(root, 'content/cms'), { recursive: true });
  await writeFile(
    path.join(root, 'content/archive.yaml'),
    `name: Synthetic benchmark archive
description: ${options.records} generated records for Capsule's benchmarks.
site_url: https://bench.example.org/
forge:
  type: github
  url: https://github.com
  repository: example/bench
public_repository: false
contact_email: bench@example.org
`,
  );
  await writeFile(
    path.join(root, 'content/cms/collection.yaml'),
    `title: CMS analyses
description: Synthetic CMS analyses.
experiment: CMS
schemas:
  - cms-analysis
default_schema: cms-analysis/1.0.0
reviewers:
  - '@example/cms-conveners'
default_access: collaboration
`,
  );
  const rand = random(seed);
  for (let index = 0; index < options.records; index++) {
    const shard = (index % 256).toString(16).padStart(2, '0');
    const dir = path.join(root, 'content/cms', shard, `analysis-${String(index).padStart(5, '0')}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'record.yaml'), syntheticRecord(index, rand));
  }
  await writeFile(marker, 'ok');
  return root;
}
