/**
 * Build `dist/` when it is older than what it is built from, so a test run
 * after an edit never tests a stale build (the API, command line, examples
 * and integration tests import the built package). `npm run test:only` runs
 * this first; `npm test` always builds.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/** What `dist/` is built from. */
const inputs = ['src', 'node', 'scripts/build.ts', 'package.json', 'tsconfig.json', 'tsconfig.build.json', 'tsconfig.node.json']

/** The newest modification time under a file or folder (0 when missing). */
function newest(target: string): number {
  if (!existsSync(target)) return 0
  const stats = statSync(target)
  if (!stats.isDirectory()) return stats.mtimeMs
  let time = stats.mtimeMs
  for (const entry of readdirSync(target, {recursive: true, withFileTypes: true})) {
    if (entry.isFile()) time = Math.max(time, statSync(path.join(entry.parentPath, entry.name)).mtimeMs)
  }
  return time
}

/**
 * Whether `dist/` is missing or older than one of its inputs.
 *
 * @returns True when `npm run build` must run before the built package is tested.
 */
export function isBuildStale(): boolean {
  if (!existsSync(path.join(root, 'dist', 'index.js'))) return true
  const built = newest(path.join(root, 'dist'))
  return inputs.some((input) => newest(path.join(root, input)) > built)
}

/**
 * Build `dist/` when it is stale.
 *
 * @throws {Error} When the build fails (its output is on stderr).
 */
export function ensureBuilt(): void {
  if (!isBuildStale()) return
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'build.ts')], {cwd: root, stdio: ['ignore', 'ignore', 'inherit']})
  if (result.status !== 0) throw new Error('npm run build failed')
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const stale = isBuildStale()
  ensureBuilt()
  if (stale) console.log('dist/ was older than src/: built it again')
}
