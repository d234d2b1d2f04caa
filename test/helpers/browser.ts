import { chromium } from 'playwright';
import type { Browser } from 'playwright';

/** Debian's Chromium (test/setup/ensure-chromium.ts installs it), as the browser tests and benchmarks drive it. */
export const CHROMIUM = process.env.CAPSULE_CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
