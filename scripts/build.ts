/**
 * Build `dist/` (`npm run build`).
 *
 * - JavaScript: esbuild bundles our own modules, one file per entry point of
 *   the `exports` map and the `bin`, with the code the entries share split
 *   into `dist/chunks/` (so every entry sees the same `ArticleError`). Every
 *   package (`packages: 'external'`) and `node:*` built-in stays an import:
 *   nothing from node_modules is inlined, so consumers install, audit and
 *   update yaml, parse5 and the hast utilities themselves, and an error's
 *   `cause` is their own yaml's `YAMLParseError`. `article-kit/front-matter`
 *   must import no parse5 or hast package, directly or through a chunk.
 *   `platform: 'neutral'`: the core has no Node built-ins and must run in
 *   browsers; only the command line and the Astro loader (node/) use them.
 *   Why esbuild rather than tsc's own `.js`: our ~60 modules load as a few
 *   files instead of one each.
 * - Types: tsc with `emitDeclarationOnly`, so the `.d.ts` files are tsc's.
 * - `dependencies` in package.json: exactly the packages dist/ imports (and
 *   the types packages its `.d.ts` files need); `test/package.test.ts`
 *   checks both ways.
 *
 * `bundle(outDir)` is also used by the benchmark (bench/load.ts) to build
 * into a temporary folder.
 */
import {spawnSync} from 'node:child_process'
import {chmodSync, copyFileSync, existsSync, readFileSync, rmSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {build, type Metafile} from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))

interface PackageJson {
  exports: Record<string, string | {types?: string; default?: string}>
  bin: Record<string, string>
}

const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageJson

/** Packages the front matter entry must never import: the HTML side. */
const htmlPackage = /^(?:parse5|hast-util-[^/]+|hastscript|rehype-[^/]+|unified|property-information)(?:\/|$)/

/**
 * Entry points, `dist/` path (without `.js`) to source: every JavaScript
 * target of the `exports` map and the `bin`, from `src/` or, for the
 * Node-only ones, `node/`.
 */
export function entryPoints(): Record<string, string> {
  const targets = [
    ...Object.values(packageJson.exports).map((target) => (typeof target === 'string' ? target : target.default)),
    ...Object.values(packageJson.bin)
  ].filter((target): target is string => target !== undefined && target.startsWith('./dist/') && target.endsWith('.js'))
  const entries: Record<string, string> = {}
  for (const target of targets) {
    const name = target.slice('./dist/'.length, -'.js'.length)
    const source = ['src', 'node'].map((folder) => `${folder}/${name}.ts`).find((file) => existsSync(path.join(root, file)))
    if (!source) throw new Error(`No source for ${target} (looked for src/${name}.ts and node/${name}.ts)`)
    entries[name] = source
  }
  return entries
}

/** Bundle the JavaScript of every entry point into `outDir`; resolve with esbuild's metafile. */
export async function bundle(outDir: string): Promise<Metafile> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.entries(entryPoints()).map(([out, source]) => ({in: source, out})),
    outdir: outDir,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'neutral',
    target: 'es2023',
    // The command line and the Astro loader import `article-kit` by name: the same code, shared
    // (aliases apply before `packages: 'external'`).
    alias: {'article-kit': './src/index.ts'},
    // Dependencies, peer dependencies and built-ins are imported, never inlined.
    packages: 'external',
    external: ['node:*', 'astro:*'],
    metafile: true,
    logLevel: 'warning'
  })
  checkInlined(result.metafile)
  checkFrontMatter(result.metafile, outDir)
  for (const target of Object.values(packageJson.bin)) {
    const file = path.join(outDir, target.slice('./dist/'.length))
    if (existsSync(file)) chmodSync(file, 0o755)
  }
  return result.metafile
}

/** Throw when a file from node_modules made it into the output. */
function checkInlined(metafile: Metafile): void {
  const inlined = Object.keys(metafile.inputs).filter((input) => input.includes('node_modules/'))
  if (inlined.length > 0) throw new Error(`dist/ inlines third-party code:\n  ${inlined.join('\n  ')}`)
}

/** Throw when `front-matter/index.js` imports, directly or through chunks, parse5 or a hast package. */
function checkFrontMatter(metafile: Metafile, outDir: string): void {
  const entry = path.relative(root, path.join(outDir, 'front-matter', 'index.js')).split(path.sep).join('/')
  const seen = new Set<string>()
  const html = new Set<string>()
  const stack = [entry]
  while (stack.length > 0) {
    const file = stack.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.kind !== 'import-statement') continue
      if (!imported.external) stack.push(imported.path)
      else if (htmlPackage.test(imported.path)) html.add(`${imported.path} (from ${file})`)
    }
  }
  if (html.size > 0) throw new Error(`${entry} imports parse5 or hast code:\n  ${[...html].join('\n  ')}`)
}

function tsc(project: string): void {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', project], {cwd: root, stdio: 'inherit'})
  if (result.status !== 0) throw new Error(`tsc -p ${project} failed`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dist = path.join(root, 'dist')
  rmSync(dist, {recursive: true, force: true})
  // JavaScript first: a type error fails the build but, as tsc's own emit did, leaves a usable dist/.
  const metafile = await bundle(dist)
  const outputs = Object.values(metafile.outputs)
  console.log(`dist/: ${outputs.length} JavaScript files, ${(outputs.reduce((sum, output) => sum + output.bytes, 0) / 1000).toFixed(1)} kB`)
  // Declarations only (`emitDeclarationOnly` in both configs); node/ resolves `article-kit` to dist/index.d.ts, so src/ first.
  tsc('tsconfig.build.json')
  tsc('tsconfig.node.json')
  copyFileSync(path.join(root, 'src/vite/client.d.ts'), path.join(dist, 'vite/client.d.ts'))
}
