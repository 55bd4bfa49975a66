import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    testTimeout: 30_000,
    // One worker runs many test files without a fresh module graph for each: starting one costs
    // about a second per file on a 2-core machine (Vitest's own count), more than most files run.
    // Safe while no test mocks a module or stubs a global (none does): one that must, restores it
    // in afterAll (vi.restoreAllMocks, vi.unstubAllGlobals) so the next file in the worker is clean.
    isolate: false,
  },
});
