import { readFileSync, writeFileSync } from 'node:fs';

/**
 * `npm ci` needs an entry in package-lock.json for every optional platform package (Astro's
 * compiler bindings, Pagefind's binaries), including those for other systems. When the registry
 * a lock file is made against does not serve some of them (a partial mirror), npm leaves them
 * out and `npm ci` then refuses the lock everywhere. This adds the missing entries from what
 * their parents declare (version, os, cpu, libc), exactly as npm records them.
 *
 *   node scripts/dev/complete-lockfile.ts          complete package-lock.json
 *   node scripts/dev/complete-lockfile.ts --check  exit 1 if entries are missing
 */
interface LockEntry {
  version?: string;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: { [name: string]: string };
}

const PLATFORM = /(android|darwin|linux|win32|windows|freebsd)-(arm64|x64)/;

export function missingEntries(packages: { [key: string]: LockEntry }): Array<[string, LockEntry]> {
  const out: Array<[string, LockEntry]> = [];
  for (const entry of Object.values(packages)) {
    for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
      const key = `node_modules/${name}`;
      if (packages[key] || out.some(([existing]) => existing === key)) continue;
      const stub: LockEntry = { version, optional: true };
      const platform = PLATFORM.exec(name);
      if (platform) {
        stub.os = [platform[1] === 'windows' ? 'win32' : (platform[1] as string)];
        stub.cpu = [platform[2] as string];
      } else if (name.includes('wasm32')) {
        stub.cpu = ['wasm32'];
      }
      if (name.includes('musl')) stub.libc = ['musl'];
      else if (/-gnu\b/.test(name)) stub.libc = ['glibc'];
      out.push([key, stub]);
    }
  }
  return out;
}

const file = new URL('../../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8')) as { packages: { [key: string]: LockEntry } };
const missing = missingEntries(lock.packages);
if (process.argv.includes('--check')) {
  for (const [key] of missing)
    console.error(`package-lock.json lacks ${key}; run \`node scripts/dev/complete-lockfile.ts\`.`);
  process.exitCode = missing.length > 0 ? 1 : 0;
} else {
  for (const [key, stub] of missing) lock.packages[key] = stub;
  const ordered = Object.fromEntries(
    Object.entries(lock.packages).sort(([a], [b]) =>
      a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0,
    ),
  );
  writeFileSync(file, JSON.stringify({ ...lock, packages: ordered }, null, 2) + '\n');
  console.log(
    missing.length === 0
      ? 'package-lock.json is complete.'
      : `Added ${missing.length} optional platform entries.`,
  );
}
