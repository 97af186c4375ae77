/**
 * `npm run test:fast`: the edit-test loop. Every test file except the slow
 * ones listed in `slow` below, run as `npm test` runs them (`./test-run.ts`:
 * the quick files share two processes), and `npm test` still runs
 * everything and is what proves a change. The build is brought up to date
 * first, as `npm run test:only` does, since the API, command line and
 * example tests import `dist/`.
 *
 * Chosen by timing each file alone (`/usr/bin/time node --import tsx --test
 * <file>`, user + system CPU): what is left here takes a few tenths of a
 * second of its own besides loading. Add a file to `slow` when it takes more
 * than about five seconds of CPU on its own.
 *
 * Arguments are passed on to `node --test` (`npm run test:fast -- --test-only`).
 */
import {pathToFileURL} from 'node:url'
import {ensureBuilt} from './ensure-build.ts'
import {allTestFiles, runTests} from './test-run.ts'

/** Why a test file is slow, and what it costs. */
export interface Slow {
  /**
   * User + system CPU seconds of the file alone (`/usr/bin/time node --import tsx --test <file>`), measured on
   * the shared two-core machine; what decides the order `npm test` starts the processes in.
   */
  seconds: number
  /** What makes it slow. */
  reason: string
}

/**
 * Test files and folders (relative to the repository, `/` at the end for a
 * folder) that `test:fast` skips; `npm test` runs each in a process of its
 * own, heaviest first (`./test-run.ts`), so each entry says what it costs.
 */
export const slow: Readonly<Record<string, Slow>> = {
  'test/browser/xss.test.ts': {seconds: 133, reason: 'Chromium: every XSS vector in every placement, rendered and loaded'},
  'test/hostile.test.ts': {seconds: 87, reason: '10 MB posts and 100,000-deep nests'},
  'test/astro/astro.test.ts': {seconds: 47, reason: 'builds the Astro example site (with Node 24)'},
  'test/security/static-audit.test.ts': {seconds: 42, reason: 'every XSS vector rendered and read with jsdom'},
  'test/corpus.test.ts': {seconds: 41, reason: 'sweeps the corpus and the archive'},
  'test/cli/cli.test.ts': {seconds: 32, reason: 'starts the command line a few dozen times'},
  'test/record/provenance-corpus.test.ts': {seconds: 25, reason: 'sweeps the corpus'},
  'test/properties/robustness.test.ts': {seconds: 16, reason: 'sweeps the corpus, and 1,500 property runs'},
  'test/properties/hand-built.test.ts': {seconds: 16, reason: 'property test with many runs'},
  'test/properties/round-trip.test.ts': {seconds: 15, reason: 'property test with many runs'},
  'test/vite/vite.test.ts': {seconds: 12, reason: 'builds the Vite example with Vite 8 and Vite 7'},
  'test/examples/batch.test.ts': {seconds: 10, reason: 'the batch converter on worker threads'},
  'test/schema.test.ts': {seconds: 10, reason: 'generates the JSON Schema from the types, and sweeps the corpus'},
  'test/browser/': {seconds: 9, reason: 'Chromium'},
  'test/security/findings.test.ts': {seconds: 9, reason: 'property test with many runs'},
  'test/readme-types.test.ts': {seconds: 9, reason: 'packs the tarball and type-checks every README and docs/ example in a consumer project'},
  'test/record/digest.test.ts': {seconds: 8, reason: 'property test with 3,000 runs'},
  'test/body/markdown-chunks.test.ts': {seconds: 8, reason: 'property tests: 8,000 runs read by micromark whole and in chunks'},
  'test/package.test.ts': {seconds: 5, reason: 'reads the imports of every dist/ file with the TypeScript parser'}
}

/**
 * The `slow` entry of a test file.
 *
 * @param file - A test file, relative to the repository, with `/`.
 * @returns The entry naming it or its folder (the file's own first), or `undefined` for a quick file.
 */
export function slowEntry(file: string): Slow | undefined {
  if (Object.hasOwn(slow, file)) return slow[file]
  const folder = Object.keys(slow).find((entry) => entry.endsWith('/') && file.startsWith(entry))
  return folder === undefined ? undefined : slow[folder]
}

/**
 * Whether `test:fast` leaves a test file out (`npm test` runs it in a process of its own).
 *
 * @param file - A test file, relative to the repository, with `/`.
 * @returns True when `slow` lists it or its folder.
 */
export function isSlow(file: string): boolean {
  return slowEntry(file) !== undefined
}

/** Every `*.test.ts` under `test/` that is not slow, sorted. */
export function fastTestFiles(): string[] {
  return allTestFiles().filter((file) => !isSlow(file))
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureBuilt()
  process.exitCode = runTests(fastTestFiles(), process.argv.slice(2))
}
