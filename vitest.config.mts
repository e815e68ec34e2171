import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Rebuilds dist/ when it is older than src/: several tests run the bundles.
    globalSetup: ['tests/bundles.setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
