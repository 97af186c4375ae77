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
 * a test is); each slow file keeps a process of its own. Every file runs,
 * and every test in it; `node --test` still runs the processes, reports and
 * sets the exit code.
 *
 * With two cores the wall time is bound by how the processes fall on them:
 * a long file started last runs on alone while the other core idles. So the
 * processes start heaviest first (the CPU seconds `slow` gives, and
 * `groupSeconds` for a group), and each core takes the next when it is free.
 * `node --test` starts files in the order of their paths, whatever order
 * they are given in, so each process has an entry in `.cache/test-groups/`
 * (ignored, written on each run) whose name starts with its place in that
 * order: a slow file is a group of one.
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {ensureBuilt, isBuildStale} from './ensure-build.ts'
import {isSlow, slowEntry} from './test-fast.ts'

const root = fileURLToPath(new URL('..', import.meta.url))

/** How many processes the quick files share: the cores `--test-concurrency` is matched to. */
export const groups = 2

/**
 * CPU seconds of one group's process in `npm test` (the quick files, dealt
 * in `groups` lists): where the groups fall among the slow files in the
 * start order.
 */
export const groupSeconds = 30

/**
 * Slow files that run in one process, in this order, because the later ones
 * take work the earlier ones did from it. The static audit takes the
 * documents the browser sweep rendered (`renderVectors` in
 * `test/support/xss-vectors.ts`) instead of rendering 14 placements of
 * every vector again. When a run has only some of a list's files, those run
 * as if the others were not listed.
 */
export const together: ReadonlyArray<readonly string[]> = [['test/browser/xss.test.ts', 'test/security/static-audit.test.ts']]

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
  /** Files run in a process each. */
  alone: string[]
  /** Files run together, one list per process. */
  shared: string[][]
  /** Every process (slow files alone or `together`, or a shared list), heaviest first: the order they start in. */
  order: string[][]
}

/**
 * Split test files into those that run alone (the slow ones) and `groups`
 * lists of quick ones, dealt in turn so each gets a like share, and order
 * the processes heaviest first.
 *
 * @param files - Test files, relative to the repository.
 * @returns The plan; every file is in it exactly once.
 */
export function plan(files: readonly string[]): Plan {
  const alone = files.filter(isSlow)
  const quick = files.filter((file) => !isSlow(file))
  const shared: string[][] = Array.from({length: Math.min(groups, quick.length)}, () => [])
  quick.forEach((file, index) => shared[index % shared.length]!.push(file))
  const joined = together.map((list) => list.filter((file) => alone.includes(file))).filter((list) => list.length > 0)
  const single = alone.filter((file) => !joined.some((list) => list.includes(file))).map((file) => [file])
  // A stable sort: processes of like cost keep the order of their paths.
  const order = [...joined, ...single, ...shared].sort((a, b) => processSeconds(b) - processSeconds(a))
  return {alone, shared, order}
}

/**
 * The CPU seconds a process is expected to take: those `slow` gives its
 * files, or `groupSeconds` for a group of quick files.
 *
 * @param list - The test files of one process.
 * @returns Seconds.
 */
export function processSeconds(list: readonly string[]): number {
  return list.every(isSlow) ? list.reduce((sum, file) => sum + slowEntry(file)!.seconds, 0) : groupSeconds
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
 * Name the entry of each process so that the order of the names is the
 * order of the processes (`node --test` starts files in path order).
 *
 * @param order - The processes, in the order they are to start (`Plan.order`).
 * @returns A file name and the test files of each process, in that order.
 */
export function entryNames(order: readonly string[][]): Array<{name: string; files: string[]}> {
  const width = String(order.length).length
  let group = 0
  return order.map((list, index) => {
    const label = list.every(isSlow) ? list.map((file) => path.basename(file, '.test.ts')).join('+') : 'group-' + ++group
    return {name: String(index + 1).padStart(width, '0') + '-' + label + '.mjs', files: [...list]}
  })
}

/**
 * Run test files with `node --test` as `plan` splits and orders them.
 *
 * @param files - Test files, relative to the repository.
 * @param args - More arguments for `node --test` (`--test-only`, `--test-name-pattern=…`).
 * @returns The exit code of `node --test`.
 */
export function runTests(files: readonly string[], args: readonly string[]): number {
  rmSync(groupFolder, {recursive: true, force: true})
  mkdirSync(groupFolder, {recursive: true})
  const entries = entryNames(plan(files).order).map(({name, files: list}) => {
    const entry = path.join(groupFolder, name)
    writeFileSync(entry, groupSource(list))
    return entry
  })
  const nodeArgs = ['--import', 'tsx', '--test', '--test-concurrency=' + groups, '--test-reporter=spec', ...args, ...entries]
  const result = spawnSync(process.execPath, nodeArgs, {cwd: root, stdio: 'inherit'})
  return result.status ?? 1
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (isBuildStale()) console.log('dist/ was older than src/: building it again')
  ensureBuilt()
  process.exitCode = runTests(allTestFiles(), process.argv.slice(2))
}
