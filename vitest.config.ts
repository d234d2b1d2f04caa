import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration and e2e tests start servers, browsers and child processes: keep the machine's two cores for them.
    pool: 'forks',
    maxWorkers: 2,
    // Browser tests run axe over several pages; a loaded 2-core CI machine needs room (a hang still fails).
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
