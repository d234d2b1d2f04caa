import { createHash } from 'node:crypto';
import { cp } from 'node:fs/promises';
import * as path from 'node:path';
import { ADA, EMMY, GRACE, makeGitArchive } from '../helpers/git-repo.ts';
import type { GitArchive } from '../helpers/git-repo.ts';
import { REPO_ROOT } from '../helpers/repo.ts';

/**
 * The sample archive plus records that must never leak, each carrying canary strings in its
 * title, abstract, README and a file name, and a hostile record whose every free-text field
 * tries to run script. Built in a temporary git repository with pinned authors and dates;
 * content/ is not touched. Its history holds one more secret: a record written for the
 * collaboration (canaries in its title, abstract, file, README, folder, commit message and an
 * email address) that a later commit moved and made public under another title.
 */
export const CANARIES = {
  collaboration: {
    id: 'atlas/zq-collab-canary',
    title: 'zqcollabtitle731',
    abstract: 'zqcollababstract731',
    readme: 'zqcollabreadme731',
    file: 'zqcollabfile731',
    table: 'zqcollabtable731',
  },
  restricted: {
    id: 'alice/zq-restricted-canary',
    title: 'zqrestrictedtitle731',
    abstract: 'zqrestrictedabstract731',
    readme: 'zqrestrictedreadme731',
    file: 'zqrestrictedfile731',
    table: 'zqrestrictedtable731',
  },
  embargoed: {
    id: 'general/zq-embargo-canary',
    title: 'zqembargotitle731',
    abstract: 'zqembargoabstract731',
    readme: 'zqembargoreadme731',
    file: 'zqembargofile731',
    table: 'zqembargotable731',
  },
} as const;

/** The record that was collaboration-only before it became public, and what it was then. */
export const BECAME_PUBLIC = {
  id: 'general/zq-went-public',
  title: 'Measurement of the resonance once kept inside',
  early: {
    id: 'general/zq-early-slug731',
    title: 'zqearlytitle731',
    abstract: 'zqearlyabstract731',
    readme: 'zqearlyreadme731',
    file: 'zqearlyfile731',
    message: 'zqearlymessage731',
    email: 'zqearly731@example.org',
  },
} as const;

export const EMBARGO_UNTIL = '2027-01-15';
export const HOSTILE_ID = 'general/hostile-markup';
export const HOSTILE_TITLE =
  'Hostile </script><script>alert("title")</script> <img src=x onerror=alert(1)> record';

const sha256 = (content: string) => createHash('sha256').update(content).digest('hex');

function fileEntry(relative: string, content: string, extra = ''): string {
  return `  - path: ${relative}\n    size: ${Buffer.byteLength(content)}\n    sha256: ${sha256(content)}\n${extra}`;
}

function canaryRecord(
  kind: keyof typeof CANARIES,
  schema: string,
  access: string,
  experiment: string,
  extra = '',
): { [file: string]: string } {
  const canary = CANARIES[kind];
  const fileName = `files/${canary.file}.txt`;
  const table = hepdataTable(canary.table);
  const fileContent = `notes for ${canary.title}\n`;
  return {
    [`content/${canary.id}/record.yaml`]: `$schema: ${schema}
title: Search for a new resonance ${canary.title}
abstract: An analysis that must stay hidden from the public, ${canary.abstract}.
version: '1'
created: 2026-10-01
experiment: ${experiment}
access:
${access}
people:
  - given_name: Quinn
    family_name: Zed
    email: quinn.zed@example.org
files:
${fileEntry(fileName, fileContent)}results:
  hepdata:
    path: hepdata
${extra}`,
    [`content/${canary.id}/README.md`]: `# Notes\n\nDo not publish ${canary.readme}.\n`,
    [`content/${canary.id}/${fileName}`]: fileContent,
    [`content/${canary.id}/hepdata/submission.yaml`]: table.submission,
    [`content/${canary.id}/hepdata/${canary.table}.yaml`]: table.data,
  };
}

/** A HEPData submission of one table whose name and data file carry the canary. */
function hepdataTable(name: string): { submission: string; data: string } {
  return {
    submission: `---
comment: Results of ${name}
---
name: ${name}
description: Yields of ${name}
keywords:
  - {name: observables, values: [N]}
data_file: ${name}.yaml
`,
    data: `independent_variables:
  - header: {name: Bin ${name}}
    values: [{low: 0, high: 10}, {low: 10, high: 20}]
dependent_variables:
  - header: {name: Events ${name}}
    values:
      - {value: 12, errors: [{symerror: 3.5, label: stat}]}
      - {value: 7, errors: [{symerror: 2.6, label: stat}]}
`,
  };
}

const EVIL_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(\'svg\')"><script>alert("svg")</script><rect width="10" height="10"/></svg>\n';
const EVIL_HTML = '<!doctype html><script>alert("html")</script>\n';

export async function accessArchive(): Promise<GitArchive> {
  const archive = await makeGitArchive();
  await cp(path.join(REPO_ROOT, 'content'), path.join(archive.root, 'content'), {
    recursive: true,
  });
  const files: { [file: string]: string } = {
    ...canaryRecord(
      'collaboration',
      'atlas-analysis/1.0.0',
      '  level: collaboration\n  groups:\n    - atlas-higgs',
      'ATLAS',
    ),
    ...canaryRecord(
      'restricted',
      'alice-analysis/1.0.0',
      '  level: restricted\n  groups:\n    - alice-pwg-hf',
      'ALICE',
    ),
    ...canaryRecord(
      'embargoed',
      'analysis/1.0.0',
      `  level: public\n  embargo_until: ${EMBARGO_UNTIL}`,
      'Belle II',
    ),
    [`content/${HOSTILE_ID}/record.yaml`]: `$schema: analysis/1.0.0
title: '${HOSTILE_TITLE.replace(/'/g, "''")}'
abstract: >-
  An abstract with <script>alert("abstract")</script>, a [link](javascript:alert('abstract-link')),
  a [second](JaVaScRiPt:alert('case')) and <img src="x" onerror="alert('abstract-img')">.
version: '1'
created: 2024-05-01
experiment: '<svg onload=alert("experiment")>'
access:
  level: public
people:
  - given_name: '<img src=x onerror=alert("given")>'
    family_name: 'O''Hostile </script><script>alert("family")</script>'
keywords:
  - '"><script>alert("keyword")</script>'
final_states:
  - '<b onmouseover=alert("state")>mu mu</b>'
results:
  summary: 'Summary <iframe src="javascript:alert(1)"></iframe> [x](vbscript:msgbox(1))'
  hepdata:
    path: hepdata
  figures:
    - file: files/evil.svg
      caption: '<b onmouseover=alert("caption")>caption</b>'
files:
${fileEntry('files/evil.svg', EVIL_SVG, '    kind: figure\n    media_type: image/svg+xml\n')}${fileEntry('files/evil.html', EVIL_HTML)}`,
    [`content/${HOSTILE_ID}/README.md`]: `# Hostile <script>alert('readme')</script>

[js](javascript:alert('readme-link')) [js2](JaVaScRiPt:alert(1)) [data](data:text/html,<script>alert(1)</script>)
[relative escape](../../../etc/passwd) ![image](javascript:alert('img'))

<a href="javascript:alert('raw-a')">raw link</a>
<img src=x onerror="alert('raw-img')">
<iframe src="javascript:alert('frame')"></iframe>
<style>body { display: none }</style>
<svg><script>alert('svg')</script></svg>
`,
    [`content/${HOSTILE_ID}/hepdata/submission.yaml`]: `---
name: '</title></svg><script>alert(1)</script><b onclick=alert(2)>'
description: '<svg onload=alert("description")>'
location: '<script>alert("location")</script>'
keywords:
  - {name: observables, values: ['<img src=x onerror=alert("kw")>']}
data_file: evil.yaml
`,
    [`content/${HOSTILE_ID}/hepdata/evil.yaml`]: `independent_variables:
  - header: {name: '</text><script>alert("x")</script>'}
    values: [{value: '<img src=x onerror=alert("cat")>'}, {value: 'b'}]
dependent_variables:
  - header: {name: '<svg onload=alert("y")>', units: '</tspan><script>alert(1)</script>'}
    qualifiers: [{name: '<b onmouseover=alert(1)>q</b>', value: '<script>alert("q")</script>'}]
    values:
      - {value: 1, errors: [{symerror: 0.5, label: '<script>alert("err")</script>'}]}
      - {value: 2, errors: [{symerror: 0.5, label: stat}]}
`,
    [`content/${HOSTILE_ID}/files/evil.svg`]: EVIL_SVG,
    [`content/${HOSTILE_ID}/files/evil.html`]: EVIL_HTML,
  };
  for (const [file, content] of Object.entries(files)) await archive.write(file, content);
  archive.commit('Import the sample archive and the canaries', ADA, '2026-08-01T09:00:00+02:00');
  await becamePublic(archive);
  return archive;
}

/** The record's folder: metadata, README and one preserved file. */
function wentPublicFiles(
  id: string,
  fields: { title: string; abstract: string; level: string; email: string; note: string },
): { [file: string]: string } {
  const notes = `${fields.note}\n`;
  return {
    [`content/${id}/record.yaml`]: `$schema: analysis/1.0.0
title: ${fields.title}
abstract: ${fields.abstract}
version: '1'
created: 2026-09-01
experiment: Belle II
access:
  level: ${fields.level}
people:
  - given_name: Quinn
    family_name: Zed
    email: ${fields.email}
keywords:
  - resonance
  - dijet
  - bump hunt
final_states:
  - jets
collision:
  system: ee
  sqrt_s_tev: 0.0106
files:
${fileEntry(`files/${fields.note}.txt`, notes)}`,
    [`content/${id}/README.md`]: `# Notes\n\n${fields.note} is in files/.\n`,
    [`content/${id}/files/${fields.note}.txt`]: notes,
  };
}

/**
 * Written for the collaboration, then moved and made public under another title with another
 * file and README, then edited in public.
 */
async function becamePublic(archive: GitArchive): Promise<void> {
  const { early } = BECAME_PUBLIC;
  const first = wentPublicFiles(early.id, {
    title: `Search for ${early.title}`,
    abstract: `A search kept inside the collaboration, ${early.abstract}.`,
    level: 'collaboration',
    email: early.email,
    note: early.file,
  });
  first[`content/${early.id}/README.md`] = `# Notes\n\nDo not publish ${early.readme}.\n`;
  for (const [file, content] of Object.entries(first)) await archive.write(file, content);
  archive.commit(
    `Add ${early.message}, for the collaboration only`,
    GRACE,
    '2026-09-01T10:00:00+02:00',
  );

  await archive.remove(`content/${early.id}`);
  const published = wentPublicFiles(BECAME_PUBLIC.id, {
    title: BECAME_PUBLIC.title,
    abstract: 'A search for a resonance in dijet events, now public.',
    level: 'public',
    email: 'quinn.zed@example.org',
    note: 'public-notes',
  });
  for (const [file, content] of Object.entries(published)) await archive.write(file, content);
  archive.commit('Make the resonance search public', EMMY, '2026-10-01T10:00:00+02:00');

  published[`content/${BECAME_PUBLIC.id}/record.yaml`] = (
    published[`content/${BECAME_PUBLIC.id}/record.yaml`] as string
  ).replace('  - bump hunt\n', '  - bump hunt\n  - narrow width\n');
  for (const [file, content] of Object.entries(published)) await archive.write(file, content);
  archive.commit('Add a keyword to the resonance search', ADA, '2026-10-15T10:00:00+02:00');
}
