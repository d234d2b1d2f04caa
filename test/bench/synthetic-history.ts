import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/repo.ts';
import { BENCH_CACHE, syntheticRecord } from './synthetic-archive.ts';

/**
 * A synthetic archive repository for bench:history: records in sharded folders
 * (content/cms/<shard>/<slug>) built up over many commits by a dozen authors with pinned dates —
 * first batches of new records, then edits, moves into other shards, deletions, and merges of
 * side branches. Written with `git fast-import` (seconds, not minutes) and repacked the way a
 * server sends a clone, then cached under node_modules/.cache.
 */
export interface SyntheticHistoryOptions {
  records: number;
  commits: number;
  seed?: number;
}

export interface SyntheticHistory {
  root: string;
  records: number;
  commits: number;
}

const AUTHORS = [
  'Ada Lovelace',
  'Marie Curie',
  'Enrico Fermi',
  'Lise Meitner',
  'Paul Dirac',
  'Chien-Shiung Wu',
  'Richard Feynman',
  'Emmy Noether',
  'Satyendra Bose',
  'Vera Rubin',
  'Fabiola Gianotti',
  'Peter Higgs',
];
const START = Date.UTC(2020, 0, 1) / 1000;

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

/** Builds (once) and returns the repository. */
export async function syntheticHistory(
  options: SyntheticHistoryOptions,
): Promise<SyntheticHistory> {
  const seed = options.seed ?? 20261122;
  // The suffix names the generator's version: a change to the stream makes a new repository.
  const root = path.join(BENCH_CACHE, `history-${options.records}-${options.commits}-${seed}-3`);
  const marker = path.join(root, '.git', 'capsule-bench-complete');
  try {
    if ((await readFile(marker, 'utf8')) === 'ok') return { root, ...options };
  } catch {
    // not built yet
  }
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  git(root, ['init', '--quiet', '--initial-branch=main']);
  const stream = await fastImportStream(options, seed);
  const imported = spawnSync('git', ['fast-import', '--quiet', '--done'], {
    cwd: root,
    input: stream,
    maxBuffer: 1 << 30,
  });
  if (imported.status !== 0) throw new Error(`git fast-import failed: ${imported.stderr}`);
  // A clone arrives as one deltified pack; measure against that, not fast-import's loose packing.
  git(root, ['repack', '-a', '-d', '-f', '--depth=50', '--window=10', '--quiet']);
  git(root, ['symbolic-ref', 'HEAD', 'refs/heads/main']);
  await writeFile(marker, 'ok');
  return { root, ...options };
}

function git(cwd: string, args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/**
 * The fast-import stream: the first half of the commits add the records in batches, the second
 * half edit 1–3 records each; every 25th edit commit moves a record to another shard, every 60th
 * deletes one, and every 40th merges a side branch that edited a record in parallel.
 */
async function fastImportStream(options: SyntheticHistoryOptions, seed: number): Promise<Buffer> {
  const rand = random(seed);
  const chunks: Buffer[] = [];
  const push = (text: string) => chunks.push(Buffer.from(text, 'utf8'));
  const data = (text: string) => push(`data ${Buffer.byteLength(text)}\n${text}\n`);
  let mark = 0;
  let time = START;
  const signature = (n: number) => {
    const name = AUTHORS[n % AUTHORS.length] as string;
    const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`;
    time += 3600;
    return `${name} <${email}> ${time} +0100`;
  };

  const texts = new Map<number, string>();
  const dirs = new Map<number, string>();
  const shard = (index: number, salt = 0) =>
    ((index * 7 + salt) % 256).toString(16).padStart(2, '0');
  const slug = (index: number) => `analysis-${String(index).padStart(5, '0')}`;

  const schemaFiles = await listFiles(path.join(REPO_ROOT, 'schemas'));
  const addBatches = Math.ceil(options.commits / 2);
  const perBatch = Math.ceil(options.records / addBatches);
  let created = 0;
  const commit = (
    branch: string,
    message: string,
    author: number,
    body: () => void,
    parents: number[] = [],
  ) => {
    mark++;
    push(`commit refs/heads/${branch}\nmark :${mark}\n`);
    const sig = signature(author);
    push(`author ${sig}\ncommitter ${sig}\n`);
    data(message);
    const [from, ...merges] = parents;
    if (from) push(`from :${from}\n`);
    for (const merge of merges) push(`merge :${merge}\n`);
    body();
    push('\n');
    return mark;
  };

  let lastMain = commit('main', 'Start the archive\n', 0, () => {
    for (const file of schemaFiles) {
      const text = readFileSync(path.join(REPO_ROOT, 'schemas', file), 'utf8');
      push(`M 100644 inline schemas/${file}\n`);
      data(text);
    }
    push('M 100644 inline content/archive.yaml\n');
    data(ARCHIVE);
    push('M 100644 inline content/cms/collection.yaml\n');
    data(COLLECTION);
  });
  let commits = 1;

  for (let batch = 0; commits < addBatches && created < options.records; batch++) {
    const author = Math.floor(rand() * AUTHORS.length);
    const first = created;
    lastMain = commit(
      'main',
      `Add analyses ${first}–${Math.min(options.records, first + perBatch) - 1}\n`,
      author,
      () => {
        for (let k = 0; k < perBatch && created < options.records; k++, created++) {
          const text = syntheticRecord(created, rand);
          const dir = `content/cms/${shard(created)}/${slug(created)}`;
          texts.set(created, text);
          dirs.set(created, dir);
          push(`M 100644 inline ${dir}/record.yaml\n`);
          data(text);
        }
      },
      [lastMain],
    );
    commits++;
  }

  const live = () => [...texts.keys()];
  const pickLive = () => {
    const keys = live();
    return keys[Math.floor(rand() * keys.length)] as number;
  };
  const edit = (index: number, step: number): string => {
    const text = texts.get(index) as string;
    const kind = step % 4;
    let next: string;
    if (kind === 0) next = text.replace(/^title: .*$/m, (line) => `${line} (revised ${step})`);
    else if (kind === 1)
      next = text.replace(/^version: '(\d+)'$/m, (_, v: string) => `version: '${Number(v) + 1}'`);
    else if (kind === 2) next = text.replace(/^keywords:\n/m, `keywords:\n  - revision-${step}\n`);
    else {
      // One `updated` line, its date moving on (a second one would be a duplicate key).
      const updated = `updated: 2024-${String(1 + (step % 12)).padStart(2, '0')}-${String(1 + (step % 28)).padStart(2, '0')}`;
      next = /^updated: .*$/m.test(text)
        ? text.replace(/^updated: .*$/m, updated)
        : text.replace(/^status: published$/m, `status: published\n${updated}`);
    }
    if (next === text)
      next = text.replace(/^abstract: >\n/m, `abstract: >\n  Revised in step ${step}.\n`);
    texts.set(index, next);
    return next;
  };

  for (let step = 0; commits < options.commits; step++) {
    const author = Math.floor(rand() * AUTHORS.length);
    if (step % 40 === 39 && commits + 2 <= options.commits) {
      // A side branch from the current tip edits one record while main edits another; then merge.
      const sideRecord = pickLive();
      const sideText = edit(sideRecord, step);
      const side = commit(
        'side',
        `Update ${slug(sideRecord)}\n`,
        author + 1,
        () => {
          push(`M 100644 inline ${dirs.get(sideRecord)}/record.yaml\n`);
          data(sideText);
        },
        [lastMain],
      );
      let mainRecord = pickLive();
      while (mainRecord === sideRecord) mainRecord = pickLive();
      const mainText = edit(mainRecord, step + 1);
      lastMain = commit(
        'main',
        `Update ${slug(mainRecord)}\n`,
        author,
        () => {
          push(`M 100644 inline ${dirs.get(mainRecord)}/record.yaml\n`);
          data(mainText);
        },
        [lastMain],
      );
      lastMain = commit(
        'main',
        "Merge branch 'side'\n",
        author,
        () => {
          push(`M 100644 inline ${dirs.get(sideRecord)}/record.yaml\n`);
          data(sideText);
        },
        [lastMain, side],
      );
      commits += 3;
      continue;
    }
    if (step % 25 === 24) {
      const index = pickLive();
      const from = dirs.get(index) as string;
      const to = `content/cms/${shard(index, 1 + (step % 200))}/${slug(index)}`;
      if (to !== from) {
        dirs.set(index, to);
        lastMain = commit(
          'main',
          `Move ${slug(index)} to another shard\n`,
          author,
          () => push(`R ${from} ${to}\n`),
          [lastMain],
        );
        commits++;
        continue;
      }
    }
    if (step % 60 === 59) {
      const index = pickLive();
      const dir = dirs.get(index) as string;
      texts.delete(index);
      dirs.delete(index);
      lastMain = commit('main', `Withdraw ${slug(index)}\n`, author, () => push(`D ${dir}\n`), [
        lastMain,
      ]);
      commits++;
      continue;
    }
    const count = 1 + Math.floor(rand() * 3);
    const touched = new Set<number>();
    while (touched.size < count) touched.add(pickLive());
    lastMain = commit(
      'main',
      `Revise ${[...touched].map(slug).join(', ')}\n`,
      author,
      () => {
        for (const index of touched) {
          push(`M 100644 inline ${dirs.get(index)}/record.yaml\n`);
          data(edit(index, step));
        }
      },
      [lastMain],
    );
    commits++;
  }
  push('done\n');
  return Buffer.concat(chunks);
}

async function listFiles(dir: string, sub = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, sub), { withFileTypes: true })) {
    const relative = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, relative)));
    else out.push(relative);
  }
  return out.sort();
}

const ARCHIVE = `name: Synthetic history benchmark
description: Generated records and commits for Capsule's history benchmark.
site_url: https://bench.example.org/
forge:
  type: github
  url: https://github.com
  repository: example/bench
public_repository: false
contact_email: bench@example.org
`;

const COLLECTION = `title: CMS analyses
description: Synthetic CMS analyses.
experiment: CMS
schemas:
  - cms-analysis
default_schema: cms-analysis/1.0.0
reviewers:
  - '@example/cms-conveners'
default_access: collaboration
`;

/**
 * The synthetic history checked out as a working archive (a local clone of `syntheticHistory`),
 * for benchmarks of a site built with its record history. Cloned once and reused; the history
 * index cache (.capsule/) is the caller's to keep or remove.
 */
export async function checkedOutHistory(options: SyntheticHistoryOptions): Promise<string> {
  const history = await syntheticHistory(options);
  const root = `${history.root}-checkout`;
  const marker = path.join(root, '.git', 'capsule-bench-complete');
  try {
    if ((await readFile(marker, 'utf8')) === 'ok') return root;
  } catch {
    // not cloned yet
  }
  await rm(root, { recursive: true, force: true });
  git(path.dirname(root), ['clone', '--quiet', history.root, root]);
  await writeFile(marker, 'ok');
  return root;
}
