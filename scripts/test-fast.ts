/**
 * `npm run test:fast`: the edit-test loop. Every test file except the slow
 * ones listed in `slow` below, with the same runner as `npm test` (which
 * still runs everything and is what proves a change). The build is brought
 * up to date first, as `npm run test:only` does, since the API, command line
 * and example tests import `dist/`.
 *
 * Chosen by timing each file alone (`node --import tsx --test <file>`): what
 * is left here takes a few seconds a file. Add a file to `slow` when it takes
 * more than about five seconds on an idle two-core machine.
 *
 * Arguments are passed on to `node --test` (`npm run test:fast -- --test-only`).
 */
import {spawnSync} from 'node:child_process'
import {readdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {ensureBuilt} from './ensure-build.ts'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Test files and folders (relative to the repository, `/` at the end for a folder) that `test:fast` skips, and why. */
export const slow: Readonly<Record<string, string>> = {
  'test/browser/': 'Chromium',
  'test/vite/': 'builds the Vite example with Vite 8 and Vite 7',
  'test/astro/astro.test.ts': 'builds the Astro example site (with Node 24)',
  'test/examples/batch.test.ts': 'the batch converter on worker threads',
  'test/package.test.ts': 'reads the imports of every dist/ file with the TypeScript parser (about 5 s of CPU)',
  'test/readme-types.test.ts': 'packs the tarball and type-checks every README and docs/ example in a consumer project',
  'test/corpus.test.ts': 'sweeps the corpus',
  'test/record/provenance.test.ts': 'sweeps the corpus',
  'test/schema.test.ts': 'generates the JSON Schema from the types, and sweeps the corpus',
  'test/properties/robustness.test.ts': 'sweeps the corpus, and 1,500 property runs',
  'test/hostile.test.ts': '10 MB posts and 100,000-deep nests',
  'test/properties/hand-built.test.ts': 'property test with many runs',
  'test/properties/round-trip.test.ts': 'property test with many runs',
  'test/security/findings.test.ts': 'property test with many runs',
  'test/security/static-audit.test.ts': 'every XSS vector rendered and read with jsdom',
  'test/record/digest.test.ts': 'property test with 3,000 runs',
  'test/cli/cli.test.ts': 'starts the command line a few dozen times'
}

/** Every `*.test.ts` under `test/` that is not slow, sorted. */
export function fastTestFiles(): string[] {
  const excluded = Object.keys(slow)
  return readdirSync(path.join(root, 'test'), {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.includes('/node_modules/'))
    .filter((file) => !excluded.some((skip) => (skip.endsWith('/') ? file.startsWith(skip) : file === skip)))
    .sort()
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureBuilt()
  const args = ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...process.argv.slice(2), ...fastTestFiles()]
  const result = spawnSync(process.execPath, args, {cwd: root, stdio: 'inherit'})
  process.exitCode = result.status ?? 1
}
