// StrykerJS: mutation testing of src/ with the node:test files, run by the TAP runner under tsx.
// Use it through `npm run test:mutation -- <src files>` (scripts/mutation.ts), which picks the
// fast test files for those modules and passes them here in STRYKER_TEST_FILES.
const testFiles = (process.env.STRYKER_TEST_FILES ?? 'test/messages.test.ts test/fixtures.test.ts').split(/\s+/).filter(Boolean)
const report = process.env.STRYKER_REPORT ?? 'mutation'

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'tap',
  plugins: ['@stryker-mutator/tap-runner'],
  tap: {
    // node:test prints TAP when stdout is not a terminal; say so anyway.
    nodeArgs: ['--test-reporter=tap', '--import', 'tsx', '-r', '{{hookFile}}', '{{testFile}}'],
    testFiles
  },
  // Two cores, shared: one test process at a time. No type checking of mutants.
  concurrency: 1,
  checkers: [],
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: {fileName: `reports/mutation/${report}.html`},
  jsonReporter: {fileName: `reports/mutation/${report}.json`},
  // Each run keeps its results: a re-run with `-- --incremental` reuses them while the test files are the same
  // (the TAP runner knows tests by file only, so a changed or added test file means a full run).
  incrementalFile: `reports/mutation/${report}.incremental.json`,
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  // The sandbox needs src/, test/, the configs, README.md and examples/sample.txt (tests read them), not the rest.
  ignorePatterns: ['/examples/astro', '/examples/vite', '/examples/playground', '/.cache', '/dist', '/bench', '/docs', '/node', '/coverage', '/.scratch', '/reports', '/test-output', '/.astro'],
  thresholds: {high: 90, low: 80, break: null}
}
