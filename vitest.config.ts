import { defineConfig } from 'vitest/config';

// vitest 4 only excludes node_modules and .git by default: without `include`, compiled tests in
// dist/ would run too.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Whole-run setups (a CLI run over samples/) take seconds; a loaded machine must not fail them.
    hookTimeout: 60_000,
    // test/infer/retention.test.ts measures the heap after a full collection (global.gc).
    execArgv: ['--expose-gc'],
  },
});
