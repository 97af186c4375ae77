import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
import {cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {runInNewContext} from 'node:vm'
import * as vite8 from 'vite'
import type {Plugin, Rolldown} from 'vite'
import {article} from '../../src/vite/index.ts'

// The plugin's peer range is `^7.1.0 || ^8.0.0`: every test runs with the
// lowest version of the range, Vite 7.1.0 (installed once into the ignored
// .cache/vite7 at test time), and with the newest, the Vite 8 of
// devDependencies. Vite 7 builds with Rollup, Vite 8 with Rolldown. (Vite 7.0
// gives no `this.fs` to plugins in dev, which loads asset-typed posts.)

type Vite = typeof vite8

const repo = fileURLToPath(new URL('../../', import.meta.url))
const example = join(repo, 'examples/vite')
const lowest = '7.1.0'
const vite7Folder = join(repo, '.cache/vite7')

let temp = ''

before(async () => {
  temp = await mkdtemp(join(tmpdir(), 'article-kit-vite-'))
})

after(async () => {
  await rm(temp, {recursive: true, force: true})
})

/** Vite `lowest` from .cache/vite7, installed there with npm when missing. */
async function loadVite7(): Promise<Vite> {
  const manifest = join(vite7Folder, 'node_modules/vite/package.json')
  const installed = existsSync(manifest) ? (JSON.parse(await readFile(manifest, 'utf8')) as {version: string}).version : ''
  if (installed !== lowest) {
    await mkdir(vite7Folder, {recursive: true})
    await writeFile(join(vite7Folder, 'package.json'), '{"private": true}\n')
    const result = await npm(['install', '--no-audit', '--no-fund', '--save-exact', '--prefix', vite7Folder, `vite@${lowest}`], vite7Folder)
    assert.equal(result.code, 0, result.output)
  }
  return (await import(pathToFileURL(join(vite7Folder, 'node_modules/vite/dist/node/index.js')).href)) as Vite
}

/** Run npm without the npm variables of `npm test` (its prefix among them: a nested npm would install into the repository). */
function npm(args: string[], cwd: string): Promise<{code: number | null; output: string}> {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|INIT_CWD$)/i.test(key)) env[key] = value
  }
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, {cwd, env, stdio: ['ignore', 'pipe', 'pipe']})
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({code, output}))
  })
}

/** A copy of the example in the temp folder, with `main.ts` replaced when given. */
async function copyExample(main?: string): Promise<string> {
  const root = await mkdtemp(join(temp, 'example-'))
  await cp(example, root, {recursive: true, filter: (source) => !source.includes('node_modules') && !source.endsWith('dist')})
  if (main !== undefined) await writeFile(join(root, 'main.ts'), main)
  return root
}

for (const [name, load] of [
  ['Vite 8', async () => vite8],
  [`Vite ${lowest}`, loadVite7]
] as const) {
  describe(`article (${name})`, () => {
    let vite: Vite = vite8
    const rolldown = name === 'Vite 8'

    before(async () => {
      vite = await load()
    })

    /**
     * Build `root` into a fresh folder under `temp`; resolve with the output JS and the warnings.
     * `inline`: give the plugin inline instead of the root's config file (always with Vite 7:
     * the example's config imports `defineConfig` from the repository's Vite 8).
     */
    async function buildRoot(root: string, inline: boolean): Promise<{js: string; warnings: string[]}> {
      const outDir = await mkdtemp(join(temp, 'out-'))
      const warnings: string[] = []
      const onwarn = (warning: Rolldown.RollupLog) => {
        warnings.push(warning.message)
      }
      await vite.build({
        root,
        logLevel: 'silent',
        // A copy in the temp folder cannot import `vite` from its config: give the plugin inline.
        ...(inline || !rolldown ? {configFile: false as const, plugins: [article()]} : {}),
        build: {
          outDir,
          emptyOutDir: true,
          minify: false,
          // Vite 8 calls Rolldown's options `rolldownOptions`, Vite 7 Rollup's `rollupOptions`.
          ...(rolldown ? {rolldownOptions: {onwarn}} : ({rollupOptions: {onwarn}} as object))
        }
      })
      const assets = join(outDir, 'assets')
      const files = (await readdir(assets)).filter((name) => name.endsWith('.js'))
      const js = (await Promise.all(files.map((name) => readFile(join(assets, name), 'utf8')))).join('\n')
      return {js, warnings}
    }

    it('should build the example with the Articles and their HTML in the output', async () => {
      const {js} = await buildRoot(example, false)
      assert.match(js, /First light at the observatory/)
      assert.match(js, /<h2>What it saw<\/h2>/)
      assert.match(js, /<h2>The window<\/h2>/)
      assert.match(js, /Forty minutes between two fronts\./)
    })

    it('should report warnings with file:line:column in their text', async () => {
      const {warnings} = await buildRoot(example, false)
      const text = 'posts/first.html:13:4: Expected an `alt` attribute on this image [image-alt-missing]'
      // Rollup (Vite 7) puts the plugin, the id and the 0-based `loc` before a warning's message.
      assert.deepEqual(warnings, [rolldown ? text : `[plugin article-kit] examples/vite/posts/first.html?article (13:3): ${text}`])
    })

    it('should give only the HTML for `?article&html`, and load asset-typed files such as `.txt`', async () => {
      const root = await copyExample(
        [
          "import html from './posts/second.md?article&html'",
          "import post from './posts/third.txt?article'",
          'console.log(html, post.meta.title)'
        ].join('\n')
      )
      await writeFile(join(root, 'posts/third.txt'), '---\ntitle: A plain text post\n---\n\n<p>Written in a .txt file.</p>\n')
      const {js, warnings} = await buildRoot(root, true)
      assert.match(js, /A plain text post/)
      assert.match(js, /Written in a \.txt file\./)
      assert.match(js, /<h2>The window<\/h2>/)
      // Only the HTML of the `&html` import: its title is not bundled.
      assert.doesNotMatch(js, /Notes from the night shift/)
      assert.deepEqual(warnings, [])
    })

    it('should keep a `__proto__` key of the front matter as data', async () => {
      const root = await copyExample("import post from './posts/proto.html?article'\nconsole.log(post.meta.extra[0][1].__proto__.x)\n")
      await writeFile(join(root, 'posts/proto.html'), '---\ntitle: Proto\nnested: {__proto__: {x: 1}}\n---\n<p>a</p>\n')
      const {js} = await buildRoot(root, true)
      const code = js.slice(js.indexOf('JSON.parse('))
      // The string literal given to `JSON.parse`: Rolldown writes it with double quotes, Rollup with single ones.
      const literal = code.slice('JSON.parse('.length, code.indexOf(');'))
      const article = JSON.parse(runInNewContext(literal) as string) as {meta: {extra: Array<[string, Record<string, unknown>]>}}
      assert.ok(Object.hasOwn(article.meta.extra[0]![1], '__proto__'))
    })

    it('should fail the build with a clear message on a fatal message', async () => {
      const root = await copyExample("import post from './posts/broken.html?article'\nconsole.log(post)\n")
      await writeFile(join(root, 'posts/broken.html'), '---\ntitle: Never closed\n\n<p>Body</p>\n')
      await assert.rejects(buildRoot(root, true), (error: unknown) => {
        assert.ok(error instanceof Error)
        assert.match(error.message, /posts\/broken\.html:1:1: Expected a closing `---` for the front matter \[front-matter-unclosed\]/)
        return true
      })
    })

    it('should load asset-typed files such as `.txt` in dev', async () => {
      const root = await copyExample()
      await writeFile(join(root, 'posts/third.txt'), '---\ntitle: A plain text post\n---\n\n<p>Written in a .txt file.</p>\n')
      const server = await vite.createServer({root, configFile: false, logLevel: 'silent', plugins: [article()], server: {port: 0, strictPort: false}})
      try {
        const result = await server.transformRequest('/posts/third.txt?article')
        assert.match(result?.code ?? '', /A plain text post/)
      } finally {
        await server.close()
      }
    })

    it('should re-transform an edited post in dev (HMR)', async () => {
      const root = await copyExample()
      const file = join(root, 'posts/first.html')
      const hotUpdates: string[][] = []
      const recorder: Plugin = {
        name: 'record-hot-updates',
        hotUpdate(options) {
          hotUpdates.push(options.modules.map((module) => module.id ?? ''))
        }
      }
      const server = await vite.createServer({
        root,
        configFile: false,
        logLevel: 'silent',
        plugins: [article(), recorder],
        server: {port: 0, strictPort: false}
      })
      try {
        await server.listen()
        const before = await server.transformRequest('/posts/first.html?article')
        assert.match(before?.code ?? '', /First light at the observatory/)

        const graph = server.environments.client.moduleGraph
        const ids = [...(graph.getModulesByFile(file) ?? [])].map((module) => module.id)
        assert.ok(ids.includes(file + '?article'), 'the `?article` module belongs to its file')
        // The watcher scans the root in the background (Vite 7.1 has not reached `posts/` yet here).
      const watched = () => Object.keys(server.watcher.getWatched()).includes(join(root, 'posts'))
      await waitFor(watched).catch(() => undefined)
      assert.ok(watched(), 'the file is watched')

        const changed = new Promise((resolve) => server.watcher.once('change', resolve))
        await writeFile(file, (await readFile(file, 'utf8')).replace('First light', 'Second light'))
        assert.equal(await changed, file)
        // Let Vite's own change handler run (it invalidates the module and sends the update).
        await waitFor(() => hotUpdates.length > 0)
        assert.ok(hotUpdates.flat().includes(file + '?article'))

        const after = await server.transformRequest('/posts/first.html?article')
        assert.match(after?.code ?? '', /Second light at the observatory/)
        assert.doesNotMatch(after?.code ?? '', /First light/)
      } finally {
        await server.close()
      }
    })
  })
}

async function waitFor(check: () => boolean, timeout = 5000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error('Timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
