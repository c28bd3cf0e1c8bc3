import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The page tests poll for what a person would wait for; on a loaded 2-core machine a view
    // can take longer than vitest's default second to settle.
    expect: { poll: { timeout: 15_000 } },
  },
});
