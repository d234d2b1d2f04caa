import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The browser tests drive Debian's Chromium (Playwright cannot download its own browser here).
 * `npm test` runs this first: it installs the package when it is missing and this user may,
 * and otherwise says exactly what to do.
 */
export const CHROMIUM = process.env.CAPSULE_CHROMIUM ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    console.error(
      `The browser tests need Chromium at ${CHROMIUM}, and it is not there.\n` +
        'Install it with `sudo apt-get install chromium` (Debian/Ubuntu), or point CAPSULE_CHROMIUM at a Chromium binary.',
    );
    process.exitCode = 1;
  } else {
    console.error("Installing Debian's chromium for the browser tests (apt-get)…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [
      ['update', '-qq'],
      ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'],
    ]) {
      const result = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
      if (result.status !== 0) {
        console.error(`apt-get ${args.join(' ')} failed (exit ${result.status}).`);
        process.exitCode = 1;
        break;
      }
    }
  }
}
