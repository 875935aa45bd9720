import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests spawn git and the built CLI; two workers fit the CI machine's two cores.
    maxWorkers: 2,
    coverage: {
      // `npm test` measures coverage of the library code; `os2level check .` then reads
      // coverage/lcov.info (declared in os2.yaml) as evidence for tests.coverage.
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'lcov', 'cobertura'],
      reportsDirectory: 'coverage',
      // The figure is evidence of its own; a failing test must not also hide the measurement.
      reportOnFailure: true,
    },
  },
});
