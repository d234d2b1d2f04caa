import * as path from 'node:path';

/** The Capsule repository this test suite belongs to. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** The shared real-world fixtures (CAP, HEPData, REANA, CERN Open Data, Zenodo), read in place. */
export const FIXTURES =
  process.env.CAPSULE_FIXTURES ?? path.resolve(REPO_ROOT, '../shared/fixtures');
