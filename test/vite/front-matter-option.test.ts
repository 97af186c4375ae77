import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {article} from '../../src/vite/index.ts'

// The transform hook alone, in process, with a stand-in for Rollup's plugin context: the builds run in vite.test.ts.

interface Transform {
  handler(this: unknown, code: string, id: string): {code: string}
}

function transform(options: Parameters<typeof article>[0], code: string): {warnings: string[]; post: {meta: {title: string | null}; titleSource: string | null}} {
  const warnings: string[] = []
  const context = {addWatchFile() {}, warn: (warning: {message: string}) => warnings.push(warning.message), error: (error: unknown) => { throw error }}
  const hook = article(options).transform as unknown as Transform
  const result = hook.handler.call(context, code, '/site/posts/e.html?article')
  const json = /JSON\.parse\((".*")\);/.exec(result.code)![1]!
  return {warnings, post: JSON.parse(JSON.parse(json) as string) as {meta: {title: string | null}; titleSource: string | null}}
}

describe('article (Vite plugin) options', () => {
  const editorExport = '<h1>Title</h1>\n<p>a</p>\n'

  it('should warn about a post without front matter by default', () => {
    assert.deepEqual(transform(undefined, editorExport).warnings, ['/site/posts/e.html:1:1: Expected front matter (`---`) at the start of the post [front-matter-missing]'])
  })

  it('should not with `frontMatter: optional`, and take the title from the title heading', () => {
    const {warnings, post} = transform({frontMatter: 'optional'}, editorExport)
    assert.deepEqual(warnings, [])
    assert.equal(post.meta.title, 'Title')
    assert.equal(post.titleSource, 'heading')
  })
})
