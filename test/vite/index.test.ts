import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {parsePost, renderHtml} from '../../src/index.ts'
import articleDefault, {article, type Options} from '../../src/vite/index.ts'

// The plugin's hooks in process, with a stand-in for Rollup's plugin context and Vite's resolved config:
// the real builds run in vite.test.ts (too slow for mutation runs).

interface Hook<Args extends unknown[], Result> {
  filter: {id: RegExp}
  handler(this: unknown, ...args: Args): Result
}

interface Warning {
  message: string
  id: string
  loc: {file: string; line: number; column: number}
}

interface Calls {
  watched: string[]
  read: Array<[string, unknown]>
  warnings: Warning[]
  errors: Warning[]
}

function context(files: Record<string, string> = {}) {
  const calls: Calls = {watched: [], read: [], warnings: [], errors: []}
  const value = {
    addWatchFile(file: string) {
      calls.watched.push(file)
    },
    warn(warning: Warning) {
      calls.warnings.push(warning)
    },
    error(error: Warning): never {
      calls.errors.push(error)
      throw new Error(error.message)
    },
    fs: {
      async readFile(file: string, options: unknown) {
        calls.read.push([file, options])
        return files[file]
      }
    }
  }
  return {calls, value}
}

/** The plugin, its config resolved as Vite would (only `root` and `assetsInclude` are read). */
function plugin(options?: Options | null, config?: {root: string; assetsInclude: (file: string) => boolean}) {
  const instance = article(options)
  if (config) (instance.configResolved as (config: unknown) => void)(config)
  return {
    instance,
    load: instance.load as unknown as Hook<[string], Promise<{code: string; moduleType: string} | null>>,
    transform: instance.transform as unknown as Hook<[string, string], {code: string; map: unknown; moduleType: string}>
  }
}

function transform(code: string, id: string, options?: Options | null, root?: string) {
  const {transform} = plugin(options, root === undefined ? undefined : {root, assetsInclude: () => false})
  const {calls, value} = context()
  let result: ReturnType<typeof transform.handler> | undefined
  let thrown: unknown
  try {
    result = transform.handler.call(value, code, id)
  } catch (error) {
    thrown = error
  }
  return {calls, result, thrown}
}

/** Evaluate the module the transform wrote, as Vite would. */
async function evaluate(code: string): Promise<Record<string, unknown>> {
  return (await import('data:text/javascript,' + encodeURIComponent(code))) as Record<string, unknown>
}

const post = '---\ntitle: A\n---\n<p>x <img src="a.png"></p>\n'

describe('article (Vite plugin)', () => {
  it('should be the default export too, named, and run before Vite’s own plugins', () => {
    assert.equal(articleDefault, article)
    const {instance} = plugin()
    assert.equal(instance.name, 'article-kit')
    assert.equal(instance.enforce, 'pre')
  })

  it('should take the ids whose query has `article` as a parameter of its own', () => {
    const {load, transform} = plugin()
    const taken = ['/p/a.html?article', '/p/a.html?article&html', '/p/a.html?import&article&t=1', '/p/a.html?x=1&article']
    const left = ['/p/a.html', '/p/article.html', '/p/a.html?articles', '/p/a.html?x=article', '/p/a.html?article=1', '/p/a.html?myarticle', '/p/a.html?html']
    for (const filter of [load.filter.id, transform.filter.id]) {
      for (const id of taken) assert.ok(filter.test(id), id)
      for (const id of left) assert.ok(!filter.test(id), id)
    }
  })
})

describe('article (Vite plugin) load', () => {
  const config = {root: '/site', assetsInclude: (file: string) => file.endsWith('.txt')}

  it('should read an asset-typed file itself, as UTF-8, without its query or hash, and watch it', async () => {
    const {load} = plugin(null, config)
    const {calls, value} = context({'/site/posts/a.txt': post})
    const result = await load.handler.call(value, '/site/posts/a.txt?article&html#top')
    assert.deepEqual(result, {code: post, moduleType: 'js'})
    assert.deepEqual(calls.read, [['/site/posts/a.txt', {encoding: 'utf8'}]])
    assert.deepEqual(calls.watched, ['/site/posts/a.txt'])
  })

  it('should strip a query that holds a line break', async () => {
    const {load} = plugin(null, config)
    const {calls, value} = context({'/site/a.txt': post})
    await load.handler.call(value, '/site/a.txt?article&x=1\n2')
    assert.deepEqual(calls.read.map(([file]) => file), ['/site/a.txt'])
  })

  it('should leave other files to Vite’s loader', async () => {
    const {load} = plugin(null, config)
    const {calls, value} = context({'/site/posts/a.html': post})
    assert.equal(await load.handler.call(value, '/site/posts/a.html?article'), null)
    assert.deepEqual(calls, {watched: [], read: [], warnings: [], errors: []})
  })

  it('should leave every file to Vite’s loader before the config is resolved', async () => {
    const {load} = plugin()
    const {calls, value} = context({'/site/posts/a.txt': post})
    assert.equal(await load.handler.call(value, '/site/posts/a.txt?article'), null)
    assert.deepEqual(calls.read, [])
  })
})

describe('article (Vite plugin) transform', () => {
  it('should export the Article and the HTML `renderHtml` writes', async () => {
    const {calls, result} = transform(post, '/site/posts/a.html?article', null, '/site')
    assert.ok(result)
    assert.deepEqual(result.map, {mappings: ''})
    assert.equal(result.moduleType, 'js')
    const module = await evaluate(result.code)
    const expected = parsePost(post)
    assert.deepEqual(module['default'], JSON.parse(JSON.stringify(expected)))
    assert.equal(module['html'], renderHtml(expected))
    assert.match(String(module['html']), /<img/)
    assert.deepEqual(calls.watched, ['/site/posts/a.html'])
  })

  it('should export only the HTML for `?article&html`, wherever `html` is in the query', async () => {
    for (const id of ['/site/a.html?article&html', '/site/a.html?html&article', '/site/a.html?t=1&article&html=']) {
      const {result} = transform(post, id)
      const module = await evaluate(result!.code)
      assert.deepEqual(Object.keys(module), ['default'], id)
      assert.equal(module['default'], renderHtml(parsePost(post)), id)
    }
    const {result} = transform(post, '/site/a.html?article&htmlx')
    assert.deepEqual(Object.keys(await evaluate(result!.code)).sort(), ['default', 'html'])
  })

  it('should keep a `__proto__` key of the front matter as data', async () => {
    const {result} = transform('---\ntitle: A\n__proto__: {polluted: true}\n---\n<p>b</p>\n', '/a.html?article')
    const module = await evaluate(result!.code)
    const meta = (module['default'] as {meta: {extra: unknown}}).meta
    assert.deepEqual(meta.extra, [['__proto__', {polluted: true}]])
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined)
  })

  it('should warn with `file:line:column` relative to the root, and a 0-based column in `loc`', () => {
    const {calls} = transform(post, '/site/posts/a.html?article#x', null, '/site')
    // `<img` is on line 4, after `<p>x ` (5 characters): column 6.
    assert.deepEqual(calls.warnings, [
      {
        message: 'posts/a.html:4:6: ' + parsePost(post).messages[0]!.reason + ' [image-alt-missing]',
        id: '/site/posts/a.html',
        loc: {file: '/site/posts/a.html', line: 4, column: 5}
      }
    ])
    assert.deepEqual(calls.errors, [])
  })

  it('should name a file outside the root, or with no root, by its absolute path', () => {
    for (const [id, root] of [
      ['/elsewhere/a.html?article', '/site'],
      ['/sitemap/a.html?article', '/site'],
      ['/site/a.html?article', undefined]
    ] as const) {
      const {calls} = transform(post, id, null, root)
      assert.equal(calls.warnings.length, 1)
      assert.ok(calls.warnings[0]!.message.startsWith(id.replace('?article', '') + ':4:6: '), calls.warnings[0]!.message)
    }
  })

  it('should fail with the rule’s note and url on their own lines, and `loc`, on a fatal message', () => {
    const raw = '---\ntitle: Hi\n<p>a</p>\n'
    const {calls, thrown} = transform(raw, '/site/b.html?article', null, '/site')
    assert.ok(thrown instanceof Error)
    const [message] = parsePost(raw).messages.filter((message) => message.fatal === true)
    assert.ok(message)
    assert.equal(calls.errors.length, 1)
    assert.deepEqual(calls.errors[0], {
      message: `b.html:1:1: ${message.reason} [front-matter-unclosed]\n${message.note}\n${message.url}`,
      id: '/site/b.html',
      loc: {file: '/site/b.html', line: 1, column: 0}
    })
    assert.match(calls.errors[0]!.message, /\nhttps:\/\/github\.com\/article-kit\/article-kit\/blob\/main\/docs\/rules\.md#front-matter-unclosed$/)
  })

  it('should neither warn nor fail on an informational message, which stays in `messages`', async () => {
    const raw = '---\ntitle: A\nexcerpt: One thing\nfeature_text: Another\n---\n<p>Body text here.</p>\n'
    const {calls, result} = transform(raw, '/a.html?article')
    assert.deepEqual([calls.warnings, calls.errors], [[], []])
    const module = await evaluate(result!.code)
    const messages = (module['default'] as {messages: Array<{ruleId: string}>}).messages
    assert.deepEqual(messages.map((message) => message.ruleId), ['excerpt-mismatch'])
  })

  it('should parse and render with the options (`allowEmbedHosts`, `schema`)', async () => {
    const raw = '---\ntitle: A\n---\n<p>a</p><iframe src="https://embed.example.com/v/1"></iframe>\n'
    const kept = await evaluate(transform(raw, '/a.html?article', {allowEmbedHosts: ['embed.example.com']}).result!.code)
    assert.match(String(kept['html']), /<iframe[^>]* src="https:\/\/embed\.example\.com\/v\/1"/)
    const dropped = await evaluate(transform(raw, '/a.html?article').result!.code)
    assert.doesNotMatch(String(dropped['html']), /iframe/)
  })
})
