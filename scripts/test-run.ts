/**
 * How `npm test` (through `npm run test:only`) and `npm run test:fast` hand
 * the test files to `node --test`.
 *
 * `node --test` starts one process per file, and each process loads tsx and,
 * through its loader thread, the part of `src/` the file imports: about
 * 1.5 s of CPU before the first test, for files whose own tests take a few
 * tenths of a second. So the quick files (all but the ones `slow` lists in
 * `./test-fast.ts`) run in `groups` processes, each importing its files one
 * `describe` per file (named after the file, so the report still says where
 * a test is); each slow file keeps a process of its own, as before. Every
 * file runs, and every test in it; `node --test` still runs the processes,
 * reports and sets the exit code. (It starts them in the order of their
 * paths, whatever order they are given in.)
 *
 * The group entries are written to `.cache/test-groups/` (ignored) on each
 * run.
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {ensureBuilt, isBuildStale} from './ensure-build.ts'
import {isSlow} from './test-fast.ts'

const root = fileURLToPath(new URL('..', import.meta.url))

/** How many processes the quick files share: the cores `--test-concurrency` is matched to. */
export const groups = 2

/** Where the group entries are written. */
export const groupFolder = path.join(root, '.cache', 'test-groups')

/** Every `*.test.ts` under `test/` (relative to the repository, with `/`), sorted. */
export function allTestFiles(): string[] {
  return readdirSync(path.join(root, 'test'), {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.split('/').includes('node_modules'))
    .sort()
}

/** What `node --test` is given for some test files. */
export interface Plan {
  /** Files run in a process each, in the order they are started. */
  alone: string[]
  /** Files run together, one list per process. */
  shared: string[][]
}

/**
 * Split test files into those that run alone (the slow ones) and `groups`
 * lists of quick ones, dealt in turn so each gets a like share.
 *
 * @param files - Test files, relative to the repository.
 * @returns The plan; every file is in it exactly once.
 */
export function plan(files: readonly string[]): Plan {
  const alone = files.filter(isSlow)
  const quick = files.filter((file) => !isSlow(file))
  const shared: string[][] = Array.from({length: Math.min(groups, quick.length)}, () => [])
  quick.forEach((file, index) => shared[index % shared.length]!.push(file))
  return {alone, shared}
}

/**
 * The source of a group entry: each file imported inside a `describe` named
 * after it, so its tests, hooks included, are that suite's.
 *
 * @param files - Test files, relative to the repository.
 * @returns JavaScript for `node --import tsx`.
 */
export function groupSource(files: readonly string[]): string {
  const entries = files.map((file) => [file, pathToFileURL(path.join(root, file)).href])
  return (
    '// Written by scripts/test-run.ts: these test files in one process.\n' +
    "import {describe} from 'node:test'\n" +
    'for (const [file, url] of ' + JSON.stringify(entries, null, 1) + ') {\n' +
    '  describe(file, async () => {\n' +
    '    await import(url)\n' +
    '  })\n' +
    '}\n'
  )
}

/**
 * Run test files with `node --test` as `plan` splits them.
 *
 * @param files - Test files, relative to the repository.
 * @param args - More arguments for `node --test` (`--test-only`, `--test-name-pattern=…`).
 * @returns The exit code of `node --test`.
 */
export function runTests(files: readonly string[], args: readonly string[]): number {
  const {alone, shared} = plan(files)
  rmSync(groupFolder, {recursive: true, force: true})
  mkdirSync(groupFolder, {recursive: true})
  const entries = shared.map((list, index) => {
    const entry = path.join(groupFolder, 'group-' + (index + 1) + '.mjs')
    writeFileSync(entry, groupSource(list))
    return entry
  })
  const nodeArgs = ['--import', 'tsx', '--test', '--test-concurrency=' + groups, '--test-reporter=spec', ...args, ...alone, ...entries]
  const result = spawnSync(process.execPath, nodeArgs, {cwd: root, stdio: 'inherit'})
  return result.status ?? 1
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (isBuildStale()) console.log('dist/ was older than src/: building it again')
  ensureBuilt()
  process.exitCode = runTests(allTestFiles(), process.argv.slice(2))
}
