import { createHash } from 'node:crypto';
import { cp } from 'node:fs/promises';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/repo.ts';
import { makeArchive } from '../helpers/temp-archive.ts';
import type { TempArchive } from '../helpers/temp-archive.ts';

/**
 * The sample archive plus records that must never leak, each carrying canary strings in its
 * title, abstract, README and a file name, and a hostile record whose every free-text field
 * tries to run script. Built in a temporary copy; content/ is not touched.
 */
export const CANARIES = {
  collaboration: {
    id: 'atlas/zq-collab-canary',
    title: 'zqcollabtitle731',
    abstract: 'zqcollababstract731',
    readme: 'zqcollabreadme731',
    file: 'zqcollabfile731',
  },
  restricted: {
    id: 'alice/zq-restricted-canary',
    title: 'zqrestrictedtitle731',
    abstract: 'zqrestrictedabstract731',
    readme: 'zqrestrictedreadme731',
    file: 'zqrestrictedfile731',
  },
  embargoed: {
    id: 'general/zq-embargo-canary',
    title: 'zqembargotitle731',
    abstract: 'zqembargoabstract731',
    readme: 'zqembargoreadme731',
    file: 'zqembargofile731',
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
${fileEntry(fileName, fileContent)}${extra}`,
    [`content/${canary.id}/README.md`]: `# Notes\n\nDo not publish ${canary.readme}.\n`,
    [`content/${canary.id}/${fileName}`]: fileContent,
  };
}

const EVIL_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(\'svg\')"><script>alert("svg")</script><rect width="10" height="10"/></svg>\n';
const EVIL_HTML = '<!doctype html><script>alert("html")</script>\n';

export async function accessArchive(): Promise<TempArchive> {
  const archive = await makeArchive();
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
    [`content/${HOSTILE_ID}/files/evil.svg`]: EVIL_SVG,
    [`content/${HOSTILE_ID}/files/evil.html`]: EVIL_HTML,
  };
  for (const [file, content] of Object.entries(files)) await archive.write(file, content);
  return archive;
}
