import assert from 'node:assert/strict'
import {cp, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {fileURLToPath} from 'node:url'
import {build, createServer, type Plugin, type Rolldown} from 'vite'
import {article} from '../../src/vite/index.ts'

const example = fileURLToPath(new URL('../../examples/vite/', import.meta.url))

let temp = ''

before(async () => {
  temp = await mkdtemp(join(tmpdir(), 'article-kit-vite-'))
})

after(async () => {
  await rm(temp, {recursive: true, force: true})
})

/** Build `root` into a fresh folder under `temp`; resolve with the output JS and the warnings. */
async function buildRoot(root: string, inline: boolean): Promise<{js: string; warnings: string[]}> {
  const outDir = await mkdtemp(join(temp, 'out-'))
  const warnings: string[] = []
  await build({
    root,
    logLevel: 'silent',
    // A copy in the temp folder cannot import `vite` from its config: give the plugin inline.
    ...(inline ? {configFile: false as const, plugins: [article()]} : {}),
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      rolldownOptions: {
        onwarn(warning: Rolldown.RollupLog) {
          warnings.push(warning.message)
        }
      }
    }
  })
  const assets = join(outDir, 'assets')
  const files = (await readdir(assets)).filter((name) => name.endsWith('.js'))
  const js = (await Promise.all(files.map((name) => readFile(join(assets, name), 'utf8')))).join('\n')
  return {js, warnings}
}

/** A copy of the example in the temp folder, with `main.ts` replaced when given. */
async function copyExample(main?: string): Promise<string> {
  const root = await mkdtemp(join(temp, 'example-'))
  await cp(example, root, {recursive: true, filter: (source) => !source.includes('node_modules') && !source.endsWith('dist')})
  if (main !== undefined) await writeFile(join(root, 'main.ts'), main)
  return root
}

describe('article', () => {
  it('should build the example with the Articles and their HTML in the output', async () => {
    const {js} = await buildRoot(example, false)
    assert.match(js, /First light at the observatory/)
    assert.match(js, /<h2>What it saw<\/h2>/)
    assert.match(js, /<h2>The window<\/h2>/)
    assert.match(js, /Forty minutes between two fronts\./)
  })

  it('should report warnings with file:line:column in their text', async () => {
    const {warnings} = await buildRoot(example, false)
    assert.deepEqual(warnings, ['posts/first.html:13:4: Expected an `alt` attribute on this image [image-alt-missing]'])
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
    const json = code.slice('JSON.parse('.length, code.indexOf(');'))
    const article = JSON.parse(JSON.parse(json) as string) as {meta: {extra: Array<[string, Record<string, unknown>]>}}
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
    const server = await createServer({
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
      assert.ok(Object.keys(server.watcher.getWatched()).includes(join(root, 'posts')), 'the file is watched')

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

async function waitFor(check: () => boolean, timeout = 5000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error('Timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
