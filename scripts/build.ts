/**
 * Build `dist/` (`npm run build`).
 *
 * Why bundled: a cold `import('article-kit')` used to load ~50 modules of
 * ours plus ~25 packages from node_modules (yaml, parse5, entities, hast-util-*,
 * …), about 2.6–2.9× a bare `node -e 0`; resolving and reading that many files
 * is most of the cost. esbuild bundles every entry point of the `exports` map
 * and the `bin` into a few ESM files, dependencies inlined, with the code the
 * entries share split into `dist/chunks/` (so `article-kit/front-matter`
 * still loads no parse5 or hast code, and every entry sees the same
 * `ArticleError`). That brings the import to about 1.7× (target ≤ 2.0×).
 *
 * - JavaScript: esbuild, `platform: 'neutral'` (the core has no Node
 *   built-ins and must run in browsers; `node:*` imports of the command line
 *   and the Astro loader stay imports). Peer dependencies (vite, astro) are
 *   never inlined.
 * - Types: tsc with `emitDeclarationOnly`, as before, so the `.d.ts` files
 *   are unchanged. `dependencies` keeps only what they import (`@types/hast`,
 *   `vfile`, …); packages that are only inlined are devDependencies.
 * - `dist/THIRD-PARTY-LICENSES.md`: the licences of the inlined packages.
 *
 * `bundle(outDir)` is also used by the benchmark (bench/load.ts) to build
 * into a temporary folder.
 */
import {spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {build, type Metafile} from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))

interface PackageJson {
  exports: Record<string, string | {types?: string; default?: string}>
  bin: Record<string, string>
  peerDependencies?: Record<string, string>
}

const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageJson

/** Packages whose code must never be inlined into the front matter entry. */
const htmlPackage = /node_modules\/(?:parse5|hast-util-[^/]+|hastscript|rehype-[^/]+)\//

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
    // `neutral` reads no `main` field by default; some dependencies have only that.
    mainFields: ['module', 'main'],
    target: 'es2023',
    // The command line and the Astro loader import `article-kit` by name: the same code, shared.
    alias: {'article-kit': './src/index.ts'},
    external: ['node:*', ...Object.keys(packageJson.peerDependencies ?? {}).flatMap((name) => [name, `${name}/*`]), 'astro:*'],
    metafile: true,
    logLevel: 'warning'
  })
  checkFrontMatter(result.metafile, outDir)
  return result.metafile
}

/** Throw when `front-matter/index.js` loads, directly or through chunks, code from parse5 or a hast package. */
function checkFrontMatter(metafile: Metafile, outDir: string): void {
  const entry = path.relative(root, path.join(outDir, 'front-matter', 'index.js')).split(path.sep).join('/')
  const seen = new Set<string>()
  const stack = [entry]
  while (stack.length > 0) {
    const file = stack.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (!imported.external && imported.kind === 'import-statement') stack.push(imported.path)
    }
  }
  const inputs = [...seen].flatMap((file) => Object.keys(metafile.outputs[file]?.inputs ?? {}))
  const html = inputs.filter((input) => htmlPackage.test(input))
  if (html.length > 0) throw new Error(`${entry} loads parse5 or hast code:\n  ${html.join('\n  ')}`)
}

/** `THIRD-PARTY-LICENSES.md`: the name, version and licence text of every package inlined. */
function licenses(metafile: Metafile): string {
  const folders = new Set<string>()
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)
    if (match) folders.add(match[1]!)
  }
  const sections = [...folders]
    .map((folder) => {
      const {name, version, license} = JSON.parse(readFileSync(path.join(root, folder, 'package.json'), 'utf8')) as Record<string, string>
      const file = readdirSync(path.join(root, folder)).find((file) => /^licen[cs]e(\.|$)/i.test(file))
      const text = file ? readFileSync(path.join(root, folder, file), 'utf8').trim() : `${license} (no licence file in the package)`
      return {name: `${name}@${version}`, text: `## ${name}@${version} (${license})\n\n\`\`\`\n${text}\n\`\`\``}
    })
    .sort((a, b) => a.name.localeCompare(b.name))
  return `# Third-party licences\n\nThe files in this folder include code from these packages.\n\n${sections.map((section) => section.text).join('\n\n')}\n`
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
  writeFileSync(path.join(dist, 'THIRD-PARTY-LICENSES.md'), licenses(metafile))
  const outputs = Object.values(metafile.outputs)
  console.log(`dist/: ${outputs.length} JavaScript files, ${(outputs.reduce((sum, output) => sum + output.bytes, 0) / 1000).toFixed(1)} kB`)
  // Declarations only (`emitDeclarationOnly` in both configs); node/ resolves `article-kit` to dist/index.d.ts, so src/ first.
  tsc('tsconfig.build.json')
  tsc('tsconfig.node.json')
  copyFileSync(path.join(root, 'src/vite/client.d.ts'), path.join(dist, 'vite/client.d.ts'))
}
