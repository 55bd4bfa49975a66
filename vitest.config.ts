import { defineConfig } from 'vitest/config';

/** Test files that mock a module (a made-up stage in the registry): they run in a module graph of their own. */
const ISOLATED = 'tests/unit/**/*.isolated.*.test.ts';

export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: [ISOLATED],
          // One worker runs many test files without a fresh module graph for each: starting one costs
          // about a second per file on a 2-core machine (Vitest's own count), more than most files run.
          // Safe because no file here mocks a module or stubs a global: one that must is named
          // `*.isolated.*.test.ts` and runs in the project below.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: [ISOLATED], isolate: true } },
    ],
  },
});
