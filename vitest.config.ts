import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests spawn git and the built CLI; two workers fit the CI machine's two cores.
    maxWorkers: 2,
  },
});
