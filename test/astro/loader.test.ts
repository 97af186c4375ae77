import assert from 'node:assert/strict'
import {EventEmitter} from 'node:events'
import {mkdir, mkdtemp, rm, unlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {pathToFileURL} from 'node:url'
import {parsePost} from '../../src/index.ts'
import {articleLoader, buildArticleSchema, toArticleData, type ArticleData, type ArticleEntry, type LoaderContext, type LoaderOptions, type Zod} from '../../node/astro/index.ts'

// The loader with a stand-in for Astro's context: Astro itself runs in test/astro/astro.test.ts (Node 24).

let root = ''

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'article-kit-astro-loader-'))
  await mkdir(join(root, 'posts/news'), {recursive: true})
  await writeFile(join(root, 'posts/a.html'), '---\ntitle: A\n---\n<h2>One</h2>\n<p>a</p>\n')
  await writeFile(join(root, 'posts/b.md'), '---\ntitle: B\n---\n<p><img src="x.png"></p>\n')
  await writeFile(join(root, 'posts/news/c.txt'), '---\ntitle: C\n---\n<p>c</p>\n')
  await writeFile(join(root, 'posts/.hidden.html'), '---\ntitle: Hidden\n---\n')
  await writeFile(join(root, 'posts/notes.json'), '{}')
})

after(async () => {
  await rm(root, {recursive: true, force: true})
})

interface Fake {
  context: LoaderContext
  entries: Map<string, ArticleEntry>
  logs: Array<[level: string, message: string]>
  watcher: EventEmitter & {added: string[]}
}

function fake(watch = false): Fake {
  const entries = new Map<string, ArticleEntry>()
  const logs: Fake['logs'] = []
  const watcher = Object.assign(new EventEmitter(), {added: [] as string[]})
  const context: LoaderContext = {
    config: {root: pathToFileURL(root + '/')},
    logger: {
      info: (message) => logs.push(['info', message]),
      warn: (message) => logs.push(['warn', message]),
      error: (message) => logs.push(['error', message])
    },
    store: {
      set: (entry) => Boolean(entries.set(entry.id, entry)),
      keys: () => [...entries.keys()],
      delete: (key) => void entries.delete(key)
    },
    parseData: async ({data}) => data,
    generateDigest: (value) => String(value.length),
    watcher: watch
      ? {
          add: (path: string) => watcher.added.push(path),
          on: (event, listener) => watcher.on(event, listener)
        }
      : undefined
  }
  return {context, entries, logs, watcher}
}

async function load(options: LoaderOptions, watch = false): Promise<Fake> {
  const result = fake(watch)
  await articleLoader(options).load(result.context)
  return result
}

describe('articleLoader', () => {
  it('should make an entry per post, with the id from the file name', async () => {
    const {entries} = await load({base: './posts'})
    assert.deepEqual([...entries.keys()].sort(), ['a', 'b', 'news/c'])
    const a = entries.get('a')!
    assert.equal(a.filePath, 'posts/a.html')
    assert.equal(a.data.meta.title, 'A')
    assert.equal(a.rendered.html, '<h2>One</h2>\n<p>a</p>\n')
    assert.deepEqual(a.rendered.metadata.headings, [{depth: 2, slug: 'one', text: 'One'}])
  })

  it('should store the Article without `layout` and `source`', async () => {
    const {entries} = await load({base: './posts'})
    const data = entries.get('a')!.data
    assert.equal('layout' in data, false)
    assert.equal('source' in data.sections[0]!, false)
    assert.equal('source' in data.sections[0]!.blocks[0]!, false)
    const raw = '---\ntitle: A\n---\n<h2>One</h2>\n<p>a</p>\n'
    assert.deepEqual(JSON.parse(JSON.stringify(data)), JSON.parse(JSON.stringify(toArticleData(parsePost(raw)))))
  })

  it("should keep a grouped message's `count` and `repeats` through the entry schema", async () => {
    const {z} = await import('zod')
    const schema = buildArticleSchema(z as unknown as Zod) as unknown as {parse(value: unknown): ArticleData}
    const data = toArticleData(parsePost('---\ntitle: A\n---\n<p><img src="a.png"> <img src="b.png"></p>\n'))
    const [message] = data.messages
    assert.equal(message?.count, 2)
    assert.deepEqual(schema.parse(JSON.parse(JSON.stringify(data))).messages, JSON.parse(JSON.stringify(data.messages)))
  })

  it('should log warnings with file:line:column', async () => {
    const {logs} = await load({base: './posts'})
    assert.deepEqual(logs, [['warn', 'posts/b.md:4:4: Expected an `alt` attribute on this image [image-alt-missing]']])
  })

  it('should honour `frontMatter: optional`, and list the title heading first in `headings`', async () => {
    const folder = join(root, 'editor')
    await mkdir(folder, {recursive: true})
    await writeFile(join(folder, 'e.html'), '<h1>Title</h1>\n<p>a</p>\n<h2>One</h2>\n')
    const required = await load({base: './editor'})
    assert.deepEqual(
      required.logs.map(([, message]) => message),
      ['editor/e.html:1:1: Expected front matter (`---`) at the start of the post [front-matter-missing]']
    )
    const {entries, logs} = await load({base: './editor', frontMatter: 'optional'})
    assert.deepEqual(logs, [])
    const entry = entries.get('e')!
    assert.equal(entry.data.meta.title, 'Title')
    assert.equal(entry.data.titleSource, 'heading')
    assert.deepEqual(entry.rendered.metadata.headings, [
      {depth: 1, slug: 'title', text: 'Title'},
      {depth: 2, slug: 'one', text: 'One'}
    ])
  })

  it('should honour `rules`: off is not logged, an error fails the load', async () => {
    assert.deepEqual((await load({base: './posts', rules: {'image-alt-missing': 'off'}})).logs, [])
    const result = fake()
    await assert.rejects(articleLoader({base: './posts', rules: {'image-alt-missing': 'error'}}).load(result.context), /posts\/b\.md:4:4: .*\[image-alt-missing\]/)
    assert.deepEqual(result.logs, [['error', 'posts/b.md:4:4: Expected an `alt` attribute on this image [image-alt-missing]']])
    assert.equal(result.entries.has('b'), false)
  })

  it('should honour `pattern` and `generateId`', async () => {
    const {entries} = await load({base: 'posts/', pattern: ['*.{html,md}'], generateId: (entry) => entry.toUpperCase()})
    assert.deepEqual([...entries.keys()].sort(), ['A.HTML', 'B.MD'])
  })

  it('should warn when the folder is missing or nothing matches', async () => {
    assert.deepEqual((await load({base: './nope'})).logs, [['warn', 'The folder nope does not exist']])
    assert.deepEqual((await load({base: './posts', pattern: '*.xml'})).logs, [['warn', 'No posts match *.xml in posts']])
  })

  it('should fail after logging every post with a fatal message', async () => {
    const base = join(root, 'broken')
    await mkdir(base, {recursive: true})
    await writeFile(join(base, 'x.html'), '---\ntitle: X\n<p>x</p>\n')
    await writeFile(join(base, 'y.html'), '---\ntitle: Y\n---\n<p>y</p>\n')
    const result = fake()
    await assert.rejects(articleLoader({base: './broken'}).load(result.context), /broken\/x\.html:1:1: Expected a closing `---` for the front matter \[front-matter-unclosed\]/)
    assert.deepEqual(result.logs, [['error', 'broken/x.html:1:1: Expected a closing `---` for the front matter [front-matter-unclosed]']])
    assert.deepEqual([...result.entries.keys()], ['y'])
  })

  it('should remove entries whose file is gone', async () => {
    const result = fake()
    result.entries.set('gone', result.entries.get('a')!)
    await articleLoader({base: './posts'}).load(result.context)
    assert.equal(result.entries.has('gone'), false)
  })

  it('should reload a changed post and drop a deleted one in dev', async () => {
    const {entries, logs, watcher} = await load({base: './posts'}, true)
    assert.deepEqual(watcher.added, [join(root, 'posts') + '/'])
    const file = join(root, 'posts/a.html')
    await writeFile(file, '---\ntitle: A again\n---\n<p>a</p>\n')
    watcher.emit('change', file)
    await waitFor(() => entries.get('a')?.data.meta.title === 'A again')
    assert.deepEqual(logs.at(-1), ['info', 'Reloaded posts/a.html'])
    watcher.emit('change', join(root, 'posts/notes.json'))
    await unlink(file)
    watcher.emit('unlink', file)
    assert.equal(entries.has('a'), false)
  })
})

async function waitFor(check: () => boolean): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > 5000) throw new Error('Timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
