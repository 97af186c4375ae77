/**
 * Check the package as it would be published, after `npm run build`:
 *
 * 1. publint: `package.json` fields against the packed files;
 * 2. @arethetypeswrong/cli (`--profile esm-only`): types resolve for
 *    `node16` ESM and bundlers;
 * 3. `npm pack --dry-run`: the tarball holds only `dist/`, `README.md`,
 *    `LICENSE`, `CHANGELOG.md`, `package.json` and `schema.json`;
 * 4. types: packages the packed `.d.ts` files import should be dependencies
 *    (a warning: consumers otherwise get `any` or errors);
 * 5. bundle figures: esbuild (minified ESM for browsers) of `src/index.ts`
 *    and `src/front-matter/index.ts`, gzipped, and whether the front matter
 *    entry pulls in parse5 or a hast-util package (it must not).
 *
 * Prints a Markdown table for the README; exits with 1 when a check fails.
 *
 * Usage: `npm run check:package [-- <package folder>]` (default: this one).
 */
import {execFile} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {promisify} from 'node:util'
import {gzipSync} from 'node:zlib'
import {build} from 'esbuild'
import {publint} from 'publint'
import {formatMessage} from 'publint/utils'
import ts from 'typescript'

interface PackageJson {
  name: string
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
}

interface AttwProblem {
  kind: string
  entrypoint?: string
  resolutionKind?: string
}

const run = promisify(execFile)
const directory = resolve(process.argv[2] ?? '.')
const packageJson = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as PackageJson
// What the tarball may hold; `package.json` is always added by npm.
const allowed = [/^dist\//, /^README\.md$/, /^LICENSE$/, /^CHANGELOG\.md$/, /^package\.json$/, /^schema\.json$/]
const required = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'schema.json', 'dist/index.js', 'dist/index.d.ts']
// `--profile esm-only` ignores these resolution modes: the package has no CommonJS entry.
const ignoredResolutions = new Set(['node10', 'node16-cjs'])
const failures: string[] = []
const warnings: string[] = []

if (!existsSync(join(directory, 'dist', 'index.js'))) {
  console.error('No dist/index.js: run `npm run build` first.')
  process.exit(1)
}

await checkPublint()
await checkTypes()
const files = await checkTarball()
checkTypeDependencies(files)
const table = await bundleTable()

console.log('\n## Bundle size\n')
console.log(table)
for (const warning of warnings) console.log(`\nwarning: ${warning}`)
if (failures.length > 0) {
  console.error(`\n${failures.length} check(s) failed:\n${failures.map((failure) => `- ${failure}`).join('\n')}`)
  process.exitCode = 1
} else {
  console.log('\nAll package checks passed.')
}

async function checkPublint(): Promise<void> {
  const {messages, pkg} = await publint({pkgDir: directory, level: 'suggestion', pack: 'npm'})
  for (const message of messages) {
    const text = `publint ${message.type}: ${formatMessage(message, pkg) ?? message.code}`
    if (message.type === 'suggestion') warnings.push(text)
    else failures.push(text)
  }
  report('publint', messages.filter((message) => message.type !== 'suggestion').length === 0, `${messages.length} message(s)`)
}

async function checkTypes(): Promise<void> {
  const attw = join(directory, 'node_modules', '.bin', 'attw')
  let stdout: string
  let passed = true
  try {
    ;({stdout} = await run(attw, ['--pack', '.', '--profile', 'esm-only', '--format', 'json'], {cwd: directory, maxBuffer: 64 * 1024 * 1024}))
  } catch (error) {
    // attw exits with 1 when it finds problems; the JSON is still on stdout.
    stdout = (error as {stdout?: string}).stdout ?? ''
    passed = false
    if (!stdout.trim().startsWith('{')) {
      failures.push(`attw did not run: ${(error as Error).message}`)
      return
    }
  }
  const result = JSON.parse(stdout) as {problems?: Record<string, AttwProblem[]>}
  const problems = Object.values(result.problems ?? {}).flat()
  const counted = problems.filter((problem) => !problem.resolutionKind || !ignoredResolutions.has(problem.resolutionKind))
  for (const problem of counted) failures.push(`attw: ${problem.kind} for \`${problem.entrypoint ?? '?'}\` (${problem.resolutionKind ?? 'all resolutions'})`)
  if (!passed && counted.length === 0) failures.push('attw failed (run `npx attw --pack . --profile esm-only` to see why)')
  report('attw --profile esm-only', passed && counted.length === 0, `${counted.length} problem(s), ${problems.length - counted.length} ignored (node10, node16 from CJS)`)
}

async function checkTarball(): Promise<string[]> {
  const {stdout} = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: directory, maxBuffer: 64 * 1024 * 1024})
  const [pack] = JSON.parse(stdout) as Array<{files: Array<{path: string}>; size: number; unpackedSize: number}>
  const files = pack!.files.map((file) => file.path).sort()
  const extra = files.filter((file) => !allowed.some((pattern) => pattern.test(file)))
  const missing = required.filter((file) => !files.includes(file))
  for (const file of extra) failures.push(`tarball: unexpected file \`${file}\``)
  for (const file of missing) failures.push(`tarball: missing \`${file}\``)
  // Source maps and declaration maps point into src/, which is not published.
  const maps = files.filter((file) => file.endsWith('.map'))
  if (maps.length > 0 && !files.some((file) => file.startsWith('src/'))) {
    warnings.push(`${maps.length} .map files are packed but point to src/, which is not: ship src/ or drop the maps`)
  }
  report('npm pack', extra.length === 0 && missing.length === 0, `${files.length} files, ${kilobytes(pack!.size)} packed, ${kilobytes(pack!.unpackedSize)} unpacked`)
  return files
}

/** Packages the published types import must be installed for consumers: dependencies or peer dependencies. */
function checkTypeDependencies(files: string[]): void {
  const declared = new Set(Object.keys({...packageJson.dependencies, ...packageJson.peerDependencies, ...packageJson.optionalDependencies}))
  const missing = new Map<string, string[]>()
  for (const file of files.filter((name) => name.endsWith('.d.ts'))) {
    const {importedFiles} = ts.preProcessFile(readFileSync(join(directory, file), 'utf8'), true, true)
    for (const {fileName} of importedFiles) {
      if (fileName.startsWith('.') || fileName.startsWith('node:')) continue
      const name = fileName.startsWith('@') ? fileName.split('/').slice(0, 2).join('/') : fileName.split('/')[0]!
      if (name === packageJson.name || declared.has(name) || declared.has(`@types/${name}`)) continue
      missing.set(name, [...new Set([...(missing.get(name) ?? []), file])])
    }
  }
  for (const [name, from] of missing) {
    warnings.push(`types: \`${name}\` is imported by ${from.join(', ')} but is not a dependency or peer dependency${name === 'hast' ? ' (add `@types/hast`)' : ''}`)
  }
  report('type imports', true, missing.size === 0 ? 'all declared' : `${missing.size} undeclared (see warnings)`)
}

async function bundleTable(): Promise<string> {
  const entries: Array<[label: string, path: string]> = [
    ['`article-kit`', 'src/index.ts'],
    ['`article-kit/front-matter`', 'src/front-matter/index.ts']
  ]
  const rows = ['| Entry point | Minified | Gzipped | parse5 | hast-util-* packages |', '| --- | --: | --: | :-: | --- |']
  for (const [label, path] of entries) {
    const result = await build({
      absWorkingDir: directory,
      entryPoints: [path],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      metafile: true,
      logLevel: 'silent'
    })
    const code = result.outputFiles[0]!.contents
    const inputs = Object.keys(result.metafile.inputs)
    const hasParse5 = inputs.some((input) => /(?:^|\/)node_modules\/parse5\//.test(input))
    const hastUtils = [...new Set(inputs.flatMap((input) => /(?:^|\/)node_modules\/(hast-util-[^/]+)\//.exec(input)?.[1] ?? []))].sort()
    rows.push(`| ${label} | ${kilobytes(code.byteLength)} | ${kilobytes(gzipSync(code, {level: 9}).byteLength)} | ${hasParse5 ? 'yes' : 'no'} | ${hastUtils.length > 0 ? hastUtils.join(', ') : 'none'} |`)
    if (path.includes('front-matter') && (hasParse5 || hastUtils.length > 0)) {
      failures.push(`bundle: ${label} pulls in ${[hasParse5 ? 'parse5' : '', ...hastUtils].filter(Boolean).join(', ')}`)
    }
  }
  return rows.join('\n')
}

function report(name: string, passed: boolean, detail: string): void {
  console.log(`${passed ? '✓' : '✗'} ${name}: ${detail}`)
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`
}
