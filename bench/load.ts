/**
 * Load figures: a whole Node process that imports the built package against
 * a bare `node -e 0`, and bundle sizes with esbuild (minified, gzipped).
 */
import {spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdtempSync, rmSync, symlinkSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {gzipSync} from 'node:zlib'
import {build, type Metafile} from 'esbuild'
import {bundle as bundlePackage} from '../scripts/build.ts'
import {median} from './measure.ts'
import {root} from './inputs.ts'

/** A built copy of the package, where `import('article-kit')` resolves through its exports map. */
export interface BuiltPackage {
  directory: string
  cleanup: () => void
}

/**
 * Bundle the package's JavaScript as `npm run build` does (`bundle` from
 * scripts/build.ts: esbuild, our modules only, dependencies imported; no
 * `.d.ts`), but into a temporary folder, so that `dist/` (which tests of
 * other work in progress use) is never removed under them. The folder links
 * to this project's node_modules, where the dependencies resolve as they
 * would in a consumer's. With `useDist`, measure the existing `dist/`
 * instead (run `npm run build` first).
 */
export async function buildPackage(useDist: boolean): Promise<BuiltPackage | string> {
  if (useDist) {
    if (!existsSync(path.join(root, 'dist', 'index.js'))) return 'dist/index.js is missing: run `npm run build` first'
    return {directory: root, cleanup: () => {}}
  }
  const directory = mkdtempSync(path.join(os.tmpdir(), 'article-kit-bench-'))
  const cleanup = () => rmSync(directory, {recursive: true, force: true})
  try {
    await bundlePackage(path.join(directory, 'dist'))
  } catch (error) {
    cleanup()
    return `the build failed: ${String(error instanceof Error ? error.message : error).slice(0, 500)}`
  }
  copyFileSync(path.join(root, 'package.json'), path.join(directory, 'package.json'))
  symlinkSync(path.join(root, 'node_modules'), path.join(directory, 'node_modules'), 'junction')
  return {directory, cleanup}
}

/** Wall times of whole processes, in ms. */
export interface ProcessTimes {
  bare: number[]
  imported: number[]
}

/**
 * Start `node -e 0` and `node -e "import('article-kit')"` in turn, `runs`
 * times each (after one warm-up each), timing each process from spawn to exit.
 */
export function timeProcesses(directory: string, runs: number): ProcessTimes | string {
  const env = {...process.env}
  delete env['NODE_OPTIONS']
  const spawn = (code: string) => {
    const start = performance.now()
    const result = spawnSync(process.execPath, ['-e', code], {cwd: directory, env, encoding: 'utf8'})
    const time = performance.now() - start
    if (result.status !== 0) throw new Error(`node -e ${JSON.stringify(code)} failed: ${result.stderr.trim().split('\n').slice(0, 4).join(' ')}`)
    return time
  }
  const importCode = "import('article-kit').then((m) => { if (typeof m.parsePost !== 'function') process.exit(3) })"
  try {
    spawn('0')
    spawn(importCode)
    const times: ProcessTimes = {bare: [], imported: []}
    for (let run = 0; run < runs; run++) {
      // Alternate which goes first, so neither always follows the other.
      if (run % 2 === 0) {
        times.bare.push(spawn('0'))
        times.imported.push(spawn(importCode))
      } else {
        times.imported.push(spawn(importCode))
        times.bare.push(spawn('0'))
      }
    }
    return times
  } catch (error) {
    return String(error instanceof Error ? error.message : error)
  }
}

/** Size of one bundle. */
export interface BundleSize {
  name: string
  minified: number
  gzipped: number
  /** Input files (paths relative to the project). */
  inputs: string[]
}

async function bundle(name: string, options: {entry?: string; contents?: string; external?: boolean}): Promise<BundleSize> {
  const result = await build({
    ...(options.entry ? {entryPoints: [path.join(root, options.entry)]} : {stdin: {contents: options.contents ?? '', resolveDir: root, loader: 'ts', sourcefile: `${name}.ts`}}),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    ...(options.external ? {packages: 'external' as const} : {})
  })
  const code = result.outputFiles[0]!.contents
  return {name, minified: code.byteLength, gzipped: gzipSync(code, {level: 9}).byteLength, inputs: Object.keys((result.metafile as Metafile).inputs)}
}

/** The bundles the targets are about, plus the floor's dependencies for scale. */
export async function bundleSizes(): Promise<{whole: BundleSize; ours: BundleSize; frontMatter: BundleSize; floor: BundleSize}> {
  const [whole, ours, frontMatter, floor] = await Promise.all([
    bundle('src/index.ts', {entry: 'src/index.ts'}),
    bundle('src/index.ts, dependencies external', {entry: 'src/index.ts', external: true}),
    bundle('front-matter entry', {
      contents: "export * from './src/front-matter/parse.ts'\nexport * from './src/front-matter/render.ts'\n"
    }),
    bundle('floor: unified + rehype-parse + yaml', {
      contents: "export {unified} from 'unified'\nexport {default as rehypeParse} from 'rehype-parse'\nexport {parse} from 'yaml'\n"
    })
  ])
  return {whole, ours, frontMatter, floor}
}

/** Inputs of a bundle that come from parse5 or the hast utilities (hast-util-*, hastscript). */
export function htmlInputs(size: BundleSize): string[] {
  return size.inputs.filter((input) => /node_modules\/(?:parse5|hast-util-[^/]+|hastscript|rehype-[^/]+)\//.test(input))
}

export {median}
