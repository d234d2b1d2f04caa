import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { today } from '../records/access.ts';
import type { Audience } from '../records/access.ts';
import { loadArchive } from '../records/load-archive.ts';
import type { LoadedArchive } from '../records/load-archive.ts';
import { ARCHIVE_FILE, CONTENT_DIR } from '../records/layout.ts';
import { parseYaml } from '../yaml/index.ts';
import { TOOL_ROOT, runAstroBuild } from './astro-process.ts';
import type { AstroRun } from './astro-process.ts';
import type { HistoryOverview } from './load-history.ts';
import { ArchiveInvalidError, loadSite } from './load-site.ts';
import type { LoaderReport } from './site-source.ts';
import { forbiddenStrings } from './scan/forbidden.ts';
import { OutputScanner } from './scan/scan-output.ts';
import type { Leak, ScanReport } from './scan/scan-output.ts';
import { SEARCH_DIR, createSearchIndexer } from './search-index.ts';
import type { SearchIndexer } from './search-index.ts';
import { astroSiteAndBase, siteUrlFor } from './settings.ts';
import type { SiteBuildSettings } from './settings.ts';
import { writeRecordApi } from './write-api.ts';
import type { WriteApiResult } from './write-api.ts';

/**
 * One site build, start to finish: Astro renders the site into a staging folder (its content
 * loader validates the archive and keeps what the audience may see), Pagefind indexes it, the
 * output is scanned for every record the audience may not see, and only a clean build replaces
 * the output folder. A failed build leaves no site behind.
 *
 * Astro renders on one core. Meanwhile this process uses the other: it reads the archive once
 * (for the list of what must not appear, and through the same loader as the pages for the static
 * API), writes the API's per-record files (write-api.ts: record documents, exports, OAI-PMH) into
 * a folder of their own, checks each as it is written, and checks and indexes every page Astro
 * writes. The API folder joins the site when Astro is done (Astro empties its output folder when
 * it starts, so it cannot be written there earlier).
 */
export interface BuildSiteOptions {
  /** The archive repository. */
  root: string;
  audience: Audience;
  /** Where the site goes (default dist/<audience> under the root). */
  outDir?: string;
  env?: NodeJS.ProcessEnv;
  onStage?: (stage: BuildStage, detail: string) => void;
  /** Called as Astro writes pages and this process the API's files, with the number so far. */
  onPages?: (written: number) => void;
  /** Replaceable steps, for tests of the fail-closed behaviour. */
  steps?: Partial<BuildSteps>;
}

export type BuildStage = 'render' | 'api' | 'index' | 'scan' | 'done';

export interface BuildSteps {
  render(
    settings: SiteBuildSettings,
    projectRoot: string,
    env: NodeJS.ProcessEnv,
    onLine: (line: string) => void,
  ): Promise<AstroRun>;
  createIndexer(): Promise<SearchIndexer>;
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
      /** Whether record history was read in full; if not, why and how to fix it. */
      history: HistoryOverview;
      scan: ScanReport;
      timings: { [stage: string]: number };
    }
  | { ok: false; reason: 'invalid'; diagnostics: Diagnostic[]; records: number; message: string }
  | { ok: false; reason: 'leak'; leaks: Leak[]; scan: ScanReport }
  | { ok: false; reason: 'render'; message: string; log: string[] };

const PROJECTS = path.join(TOOL_ROOT, 'node_modules/.cache/capsule-site');

/** Astro's build.concurrency in astro.config.mjs. */
const RENDER_CONCURRENCY = 16;

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
    createIndexer: createSearchIndexer,
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
  let indexer: SearchIndexer | undefined;
  try {
    const apiDir = await mkdtemp(path.join(path.dirname(outDir), `.${path.basename(outDir)}.api-`));
    cleanup.push(apiDir);
    // Astro starts first: this process's own work (the archive, the API) waits until it runs.
    let astroStarted!: () => void;
    const astroRuns = new Promise<void>((resolve) => (astroStarted = resolve));
    let filesWritten = 0;
    const { scanner, api } = fromArchive(
      astroRuns.then(() => loadArchive(root)),
      {
        root,
        audience: options.audience,
        day,
        siteUrl: astroSiteAndBase(siteUrl).site,
        apiDir,
        onFile: () => options.onPages?.(++filesWritten),
      },
    );
    scanner.catch(() => {});
    let apiDone = false;
    const apiSettled = api
      .catch((error: unknown) => ({ ms: 0, error }))
      .finally(() => (apiDone = true));
    const searchIndex = await steps.createIndexer();
    indexer = searchIndex;

    options.onStage?.(
      'render',
      `Validating the archive, rendering the ${options.audience} site and writing its API`,
    );
    let since = performance.now();
    // Astro renders in its own process; this one checks and indexes each file as it is written.
    let checking: Promise<void> = Promise.resolve();
    const take = (file: string) => {
      const bytes = readIfFile(path.join(staging, file));
      if (!bytes) return;
      // Search first (Pagefind works in its own process), then the check (which waits for the list).
      searchIndex.offer(file, bytes);
      checking = checking.then(async () => (await scanner).check(file, bytes));
    };
    // Astro names a page when it starts rendering it and renders several at once: take a file
    // only once as many later pages have started as run at once (the final pass takes the rest).
    const rendering: string[] = [];
    const startedPage = (file: string) => {
      rendering.push(file);
      while (rendering.length > RENDER_CONCURRENCY * 2) take(rendering.shift() as string);
    };
    // Astro's root must resolve the tool's node_modules: a fresh folder under its cache.
    await mkdir(PROJECTS, { recursive: true });
    const project = await mkdtemp(path.join(PROJECTS, 'build-'));
    cleanup.push(project);
    const astro = steps.render(settings, project, env, (line) => {
      for (const file of generatedFiles(line)) {
        options.onPages?.(++filesWritten);
        startedPage(file);
      }
    });
    astroStarted();
    const run = await astro;
    for (const file of rendering.splice(0)) take(file);
    await checking;
    mark('render', since);
    // The API is usually written by now; if not, say so and wait for it. Wait even when Astro
    // failed, so that nothing still writes while the build's folders are removed.
    since = performance.now();
    if (!apiDone) options.onStage?.('api', 'Writing the rest of the static API (exports, OAI-PMH)');
    const written = await apiSettled;
    mark('api-wait', since);
    timings.api = written.ms;
    const report = readReport(settings.reportFile);
    if (report && !report.ok)
      return {
        ok: false,
        reason: 'invalid',
        diagnostics: report.diagnostics,
        records: report.records,
        message: report.message,
      };
    if ('invalid' in written && written.invalid)
      return {
        ok: false,
        reason: 'invalid',
        diagnostics: written.invalid.diagnostics,
        records: written.invalid.records,
        message: written.invalid.message,
      };
    if (run.code !== 0 || !report)
      return {
        ok: false,
        reason: 'render',
        message: `Astro failed (exit code ${run.code}).`,
        log: run.tail,
      };
    if ('error' in written) throw written.error;
    await moveInto(apiDir, staging);

    // Pagefind writes its index in its own process (into pagefind/ only); meanwhile everything
    // else is checked here, and the index once it is written.
    options.onStage?.('index', 'Writing the search index');
    since = performance.now();
    const indexing = searchIndex.finish(staging, report.visible);
    indexing.catch(() => {});
    const check = await scanner;
    const scanStarted = performance.now();
    await check.finishInTurns(staging, { except: SEARCH_DIR });
    let scanMs = performance.now() - scanStarted;
    const search = await indexing;
    mark('index', since);
    Object.assign(timings, search.timings);

    options.onStage?.('scan', 'Checking every output file for records this audience may not see');
    since = performance.now();
    const scan = check.finish(staging, { only: SEARCH_DIR });
    scanMs += performance.now() - since;
    timings.scan = Math.round(scanMs);
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
      history: report.history ?? { status: 'complete' },
      scan,
      timings,
    };
  } finally {
    await indexer?.close();
    for (const dir of [staging, work, ...cleanup]) await rm(dir, { recursive: true, force: true });
  }
}

interface ApiWritten {
  ms: number;
  result?: WriteApiResult;
  /** The archive does not validate: nothing was written. */
  invalid?: ArchiveInvalidError;
}

/**
 * From one read of the archive: the scanner (what must not appear is worked out from the archive
 * on disk, independently of the pages and the loader) and the static API's files (the loader's
 * records, as the pages get them; no history, which the API does not show), each checked by the
 * scanner as it is written.
 */
function fromArchive(
  loading: Promise<LoadedArchive>,
  options: {
    root: string;
    audience: Audience;
    day: string;
    siteUrl: string;
    apiDir: string;
    /** Called after each API file is written and checked. */
    onFile(): void;
  },
): { scanner: Promise<OutputScanner>; api: Promise<ApiWritten> } {
  const scanner = loading.then(
    (archive) =>
      new OutputScanner(forbiddenStrings(archive.records, options.audience, options.day)),
  );
  const api = loading.then(async (archive): Promise<ApiWritten> => {
    const started = performance.now();
    let site;
    try {
      site = await loadSite(options.root, {
        audience: options.audience,
        day: options.day,
        archive,
        readHistory: false,
      });
    } catch (error) {
      if (error instanceof ArchiveInvalidError)
        return { ms: Math.round(performance.now() - started), invalid: error };
      throw error;
    }
    const check = await scanner;
    const result = await writeRecordApi(site, options.apiDir, options.siteUrl, {
      onFile: (file, bytes) => {
        check.check(file, bytes);
        options.onFile();
      },
    });
    return { ms: Math.round(performance.now() - started), result };
  });
  return { scanner, api };
}

/**
 * Moves every file and folder of `from` into `to`, merging folders both have (`api/`). A file
 * both have is an error: the API's files and Astro's pages must not overlap.
 */
async function moveInto(from: string, to: string, under = ''): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const relative = under ? `${under}/${entry.name}` : entry.name;
    const target = path.join(to, entry.name);
    const existing = await stat(target).catch(() => undefined);
    if (!existing) await rename(path.join(from, entry.name), target);
    else if (entry.isDirectory() && existing.isDirectory())
      await moveInto(path.join(from, entry.name), target, relative);
    else throw new Error(`Both Astro and the static API wrote ${relative}; one of them must not.`);
  }
}

/**
 * The files an Astro log line names ("├─ /records/x/index.html (+3ms)"). Astro renders several
 * pages at once and writes the name when a page starts, so one line may name several pages
 * ("  ├─ /a.json04:54:21   ├─ /b.json (+27ms)").
 */
export function generatedFiles(line: string): string[] {
  const files: string[] = [];
  for (const match of line.matchAll(/[├└]─ \/(.+?)(?=\d{2}:\d{2}:\d{2}\s+[├└]─|\s+\(\+|\s*$)/g))
    if (match[1]) files.push(match[1].trim());
  return files;
}

function readIfFile(file: string): Uint8Array | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
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
