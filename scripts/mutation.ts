/**
 * `npm run test:mutation -- <src files> [stryker options]`: mutation testing
 * (StrykerJS, stryker.config.mjs) of the given modules with the fast test
 * files that exercise them, one test process at a time.
 *
 * The test files are picked per module: the test files that mirror them
 * (`src/body/url.ts` → `test/body/url.test.ts`), then at most two more: the
 * public-API tests of their area, then the fast tests that import them directly.
 * Browser, CLI, example, integration, property and corpus tests never run
 * here: they are slow, and the corpus ones read `../shared`, which the
 * sandbox does not have beside it. `MUTATION_TEST_FILES="a.test.ts b.test.ts"`
 * picks the test files by hand instead.
 *
 * @example
 * npm run test:mutation -- src/body/url.ts src/body/clobber.ts
 */
import {spawnSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {basename, join, relative} from 'node:path'

const root = new URL('../', import.meta.url).pathname
const args = process.argv.slice(2)
// A file may end in a line range (`src/body/url.ts:20-30`), as Stryker's `--mutate` reads it.
const targets = args.filter((arg) => !arg.startsWith('-')).map((file) => relative(root, join(process.cwd(), file)))
const files = [...new Set(targets.map((target) => target.replace(/:[\d:-]+$/, '')))]
const options = args.filter((arg) => arg.startsWith('-'))

if (files.length === 0 || files.some((file) => !file.startsWith('src/') || !existsSync(join(root, file)))) {
  console.error('Usage: npm run test:mutation -- <src files> [stryker options]\n  e.g. npm run test:mutation -- src/body/url.ts src/body/clobber.ts')
  process.exit(2)
}

/** Tests that are slow, need a browser, a build or `../shared`: never picked. */
const excluded = /^test\/(browser|astro|vite|examples|cli|properties|support)\/|^test\/(corpus|api|doc-examples|hostile)\.test\.ts$/
const readsShared = /\b(corpusFolder|archiveFolder|postFilesIn|postsIn)\b/
/** Test files picked besides the mirrors. */
const maxOthers = 2

/** Fast tests of the public API, by the folder of src/ they exercise most. */
const areaTests: Record<string, string[]> = {
  'front-matter': ['test/messages.test.ts', 'test/fixtures.test.ts'],
  post: ['test/messages.test.ts', 'test/fixtures.test.ts'],
  body: ['test/fixtures.test.ts', 'test/messages.test.ts'],
  render: ['test/render/edit.test.ts', 'test/render/verbatim.test.ts', 'test/fixtures.test.ts'],
  article: ['test/fixtures.test.ts', 'test/article/rewrite.test.ts']
}

function testFilesIn(folder: string): string[] {
  return readdirSync(join(root, folder)).flatMap((name) => {
    const path = `${folder}/${name}`
    if (statSync(join(root, path)).isDirectory()) return testFilesIn(path)
    return name.endsWith('.test.ts') ? [path] : []
  })
}

const usable = testFilesIn('test')
  .sort()
  .filter((file) => !excluded.test(file) && !readsShared.test(readFileSync(join(root, file), 'utf8')))

function pick(): string[] {
  if (process.env.MUTATION_TEST_FILES) return process.env.MUTATION_TEST_FILES.split(/\s+/).filter(Boolean)
  const mirrors: string[] = []
  const importers: string[] = []
  const area: string[] = []
  for (const file of files) {
    const mirror = file.replace(/^src\//, 'test/').replace(/\.ts$/, '.test.ts')
    if (usable.includes(mirror)) mirrors.push(mirror)
    // `from '../../src/body/url.ts'`, however deep the test file is.
    const module = `${file}'`
    for (const test of usable) if (readFileSync(join(root, test), 'utf8').includes(module)) importers.push(test)
    area.push(...(areaTests[file.split('/')[1]!] ?? []))
  }
  const others = [...new Set([...area, ...importers])].filter((file) => usable.includes(file) && !mirrors.includes(file))
  // Mirrors first: they are the fastest, and most mutants die in the first file.
  return [...new Set(mirrors), ...others.slice(0, maxOthers)]
}

const tests = pick()
const report = files.map((file) => basename(file, '.ts')).join('+') + (targets.some((target) => !files.includes(target)) ? '+lines' : '')
console.log(`Mutating ${files.join(', ')}\nwith ${tests.join(', ')}`)
const result = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs', '--mutate', targets.join(','), ...options], {
  cwd: root,
  stdio: 'inherit',
  env: {...process.env, STRYKER_TEST_FILES: tests.join(' '), STRYKER_REPORT: report}
})
process.exit(result.status ?? 1)
