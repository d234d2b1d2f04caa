import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { today } from '../records/access.ts';
import type { Audience } from '../records/access.ts';
import { loadArchive } from '../records/load-archive.ts';
import { ARCHIVE_FILE, CONTENT_DIR } from '../records/layout.ts';
import { parseYaml } from '../yaml/index.ts';
import { TOOL_ROOT, isGeneratedLine, runAstroBuild } from './astro-process.ts';
import type { AstroRun } from './astro-process.ts';
import type { LoaderReport } from './content-loaders.ts';
import { forbiddenStrings } from './scan/forbidden.ts';
import { scanOutput } from './scan/scan-output.ts';
import type { Leak, ScanReport } from './scan/scan-output.ts';
import { buildSearchIndex } from './search-index.ts';
import { siteUrlFor } from './settings.ts';
import type { SiteBuildSettings } from './settings.ts';

/**
 * One site build, start to finish: Astro renders the site into a staging folder (its content
 * loader validates the archive and keeps what the audience may see), Pagefind indexes it, the
 * output is scanned for every record the audience may not see, and only a clean build replaces
 * the output folder. A failed build leaves no site behind.
 */
export interface BuildSiteOptions {
  /** The archive repository. */
  root: string;
  audience: Audience;
  /** Where the site goes (default dist/<audience> under the root). */
  outDir?: string;
  env?: NodeJS.ProcessEnv;
  onStage?: (stage: BuildStage, detail: string) => void;
  /** Called as Astro writes pages, with the number written so far. */
  onPages?: (written: number) => void;
  /** Replaceable steps, for tests of the fail-closed behaviour. */
  steps?: Partial<BuildSteps>;
}

export type BuildStage = 'render' | 'index' | 'scan' | 'done';

export interface BuildSteps {
  render(
    settings: SiteBuildSettings,
    projectRoot: string,
    env: NodeJS.ProcessEnv,
    onLine: (line: string) => void,
  ): Promise<AstroRun>;
  index(siteDir: string): Promise<{ pages: number }>;
}

export type BuildResult =
  | {
      ok: true;
      outDir: string;
      siteUrl: string;
      day: string;
      records: { total: number; visible: number };
      searchPages: number;
      warnings: Diagnostic[];
      scan: ScanReport;
      timings: { [stage: string]: number };
    }
  | { ok: false; reason: 'invalid'; diagnostics: Diagnostic[]; records: number; message: string }
  | { ok: false; reason: 'leak'; leaks: Leak[]; scan: ScanReport }
  | { ok: false; reason: 'render'; message: string; log: string[] };

const PROJECTS = path.join(TOOL_ROOT, 'node_modules/.cache/capsule-site');

/** The marker a site build leaves in its folder: only such a folder is ever replaced. */
const MARKER = '.capsule-site';

export class OutputDirError extends Error {}

export async function buildSite(options: BuildSiteOptions): Promise<BuildResult> {
  const root = path.resolve(options.root);
  const env = options.env ?? process.env;
  const outDir = path.resolve(root, options.outDir ?? path.join('dist', options.audience));
  checkOutputDir(root, outDir);
  const steps: BuildSteps = {
    render: runAstroBuild,
    index: buildSearchIndex,
    ...options.steps,
  };
  const day = today(env);
  const siteUrl = siteUrlFor(readArchiveConfig(root), options.audience);
  const timings: { [stage: string]: number } = {};
  const started = performance.now();
  const mark = (stage: string, since: number) =>
    (timings[stage] = Math.round(performance.now() - since));

  await mkdir(path.dirname(outDir), { recursive: true });
  const staging = await mkdtemp(
    path.join(path.dirname(outDir), `.${path.basename(outDir)}.building-`),
  );
  const work = await mkdtemp(path.join(tmpdir(), 'capsule-site-'));
  const settings: SiteBuildSettings = {
    root,
    audience: options.audience,
    day,
    outDir: staging,
    cacheDir: path.join(work, 'cache'),
    siteUrl,
    reportFile: path.join(work, 'loader-report.json'),
  };
  const cleanup: string[] = [];
  try {
    // What must not appear is worked out from the archive on disk while Astro renders.
    const forbidden = loadArchive(root).then((archive) =>
      forbiddenStrings(archive.records, options.audience, day),
    );
    forbidden.catch(() => {});

    options.onStage?.(
      'render',
      `Validating the archive and rendering the ${options.audience} site`,
    );
    let since = performance.now();
    let pages = 0;
    // Astro's root must resolve the tool's node_modules: a fresh folder under its cache.
    await mkdir(PROJECTS, { recursive: true });
    const project = await mkdtemp(path.join(PROJECTS, 'build-'));
    cleanup.push(project);
    const run = await steps.render(settings, project, env, (line) => {
      if (isGeneratedLine(line)) options.onPages?.(++pages);
    });
    mark('render', since);
    const report = readReport(settings.reportFile);
    if (report && !report.ok)
      return {
        ok: false,
        reason: 'invalid',
        diagnostics: report.diagnostics,
        records: report.records,
        message: report.message,
      };
    if (run.code !== 0 || !report)
      return {
        ok: false,
        reason: 'render',
        message: `Astro failed (exit code ${run.code}).`,
        log: run.tail,
      };

    options.onStage?.('index', 'Indexing record pages for search');
    since = performance.now();
    const search = await steps.index(staging);
    mark('index', since);

    options.onStage?.('scan', 'Checking every output file for records this audience may not see');
    since = performance.now();
    const scan = scanOutput(staging, await forbidden);
    mark('scan', since);
    if (scan.leaks.length > 0) return { ok: false, reason: 'leak', leaks: scan.leaks, scan };

    await writeFile(path.join(staging, MARKER), `${options.audience}\n`);
    await rm(outDir, { recursive: true, force: true });
    await rename(staging, outDir);
    timings.total = Math.round(performance.now() - started);
    options.onStage?.('done', outDir);
    return {
      ok: true,
      outDir,
      siteUrl,
      day,
      records: { total: report.total, visible: report.visible },
      searchPages: search.pages,
      warnings: report.warnings,
      scan,
      timings,
    };
  } finally {
    for (const dir of [staging, work, ...cleanup]) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The output folder is emptied before the new site goes in: refuse anything that is not a
 * previous site build or an empty folder, and anything that holds the archive itself.
 */
function checkOutputDir(root: string, outDir: string): void {
  const inside = (parent: string, child: string) =>
    child === parent || child.startsWith(`${parent}${path.sep}`);
  if (
    inside(outDir, root) ||
    inside(path.join(root, CONTENT_DIR), outDir) ||
    inside(path.join(root, 'schemas'), outDir)
  )
    throw new OutputDirError(
      `--out ${outDir} would hold or sit inside the archive itself; choose a folder of its own, such as dist/public.`,
    );
  if (!existsSync(outDir) || existsSync(path.join(outDir, MARKER))) return;
  if (readdirSync(outDir).length > 0)
    throw new OutputDirError(
      `${outDir} is not empty and is not a Capsule site build; it is not replaced. Choose another --out folder or empty this one.`,
    );
}

function readArchiveConfig(root: string): unknown {
  try {
    return parseYaml(readFileSync(path.join(root, CONTENT_DIR, ARCHIVE_FILE), 'utf8'), {
      tree: false,
    }).value;
  } catch {
    return undefined;
  }
}

function readReport(file: string): LoaderReport | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LoaderReport;
  } catch {
    return undefined;
  }
}
