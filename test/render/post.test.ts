import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {parsePost, renderPost, type Article} from '../../src/index.ts'
import {emptyMeta} from '../../src/front-matter/normalize.ts'
import {assemblePost} from '../../src/render/post.ts'
import {policyOf} from '../../src/render/policy.ts'
import {safeHtml} from '../../src/render/safe.ts'
import {defaultEmbedHosts, defaultSchema} from '../../src/body/schema.ts'

const meta = (fields: Partial<Article['meta']> = {}): Article['meta'] => ({...emptyMeta(), ...fields})

describe('assemblePost', () => {
  it('should join a hand-built front matter and body with a blank line', () => {
    assert.equal(assemblePost(meta({title: 'Hi'}), undefined, '<p>a</p>\n'), '---\ntitle: Hi\n---\n\n<p>a</p>\n')
    assert.equal(assemblePost(meta({title: 'Hi'}), undefined, ''), '---\ntitle: Hi\n---\n')
    assert.equal(assemblePost(meta(), undefined, '<p>a</p>\n'), '<p>a</p>\n')
  })

  it('should write the layout’s byte order mark and line endings', () => {
    const layout = {bom: true, eol: '\r\n', gaps: []} as unknown as Article['layout']
    assert.equal(assemblePost(meta({title: 'Hi'}), layout, '<p>a</p>'), '\ufeff---\r\ntitle: Hi\r\n---\r\n\r\n<p>a</p>')
    const mac = {bom: false, eol: '\r', gaps: []} as unknown as Article['layout']
    assert.equal(assemblePost(meta({title: 'Hi'}), mac, '<p>a</p>'), '---\ntitle: Hi\n---\n\n<p>a</p>')
  })

  it('should add no blank line when the layout has gaps of its own', () => {
    const layout = {bom: false, eol: '\n', gaps: ['\n', '']} as unknown as Article['layout']
    assert.equal(assemblePost(meta({title: 'Hi'}), layout, '\n<p>a</p>'), '---\ntitle: Hi\n---\n\n<p>a</p>')
  })

  it('should guard a body that would read as front matter', () => {
    assert.equal(assemblePost(meta(), undefined, '---\ntitle: x\n---\n<p>a</p>'), '---\n---\n---\ntitle: x\n---\n<p>a</p>')
    assert.equal(parsePost(assemblePost(meta(), undefined, '---\ntitle: x\n---\n<p>a</p>')).meta.title, null)
    const crlf = {bom: false, eol: '\r\n', gaps: []} as unknown as Article['layout']
    assert.equal(assemblePost(meta(), crlf, '---\r\n---\r\n'), '---\r\n---\r\n---\r\n---\r\n')
    assert.equal(assemblePost(meta(), undefined, '--- not a fence'), '--- not a fence')
  })
})

describe('renderPost', () => {
  it('should give an unmodified post back byte for byte', () => {
    for (const raw of ['---\ntitle: Hi\n---\n\n<p>a</p>\n', '\ufeff---\r\ntitle: Hi # c\r\n---\r\n<h2>A</h2>\r\n<p>b</p>', '<p>no front matter</p>\n', '---\n---\n\n---\nx: 1\n---\n']) {
      assert.equal(renderPost(parsePost(raw)), raw, JSON.stringify(raw))
    }
  })
})

describe('policyOf', () => {
  it('should give the default policy without options', () => {
    for (const options of [undefined, null, {}, {schema: null, allowEmbedHosts: null}]) {
      const policy = policyOf(options)
      assert.equal(policy.schema, defaultSchema)
      assert.equal(policy.embedHosts, defaultEmbedHosts)
      assert.equal(policyOf(options), policy)
    }
  })

  it('should add embed hosts to the defaults, and merge a schema over the default one key at a time', () => {
    const schema = {tagNames: ['p']}
    assert.deepEqual(policyOf({allowEmbedHosts: ['a.example']}), {schema: defaultSchema, embedHosts: [...defaultEmbedHosts, 'a.example']})
    const withSchema = policyOf({schema})
    assert.deepEqual(withSchema.schema, {...defaultSchema, tagNames: ['p']})
    // The same merged object every time, so what parsePost checked under it is known to the renderer.
    assert.equal(policyOf({schema}).schema, withSchema.schema)
    assert.equal(withSchema.embedHosts, defaultEmbedHosts)
  })
})

describe('safeHtml', () => {
  const policy = policyOf(undefined)
  it('should give safe HTML back as it is', () => {
    for (const html of ['<p class="a" >x</p>', 'a &amp b', '']) assert.equal(safeHtml(html, policy), html)
  })

  it('should sanitise anything else', () => {
    assert.equal(safeHtml('<p onclick="x()">a<script>b</script></p>', policy), '<p>a</p>')
    assert.equal(safeHtml('<p>a</p><!--a>b-->', policy), '<p>a</p>')
  })

  it('should give nothing for what is not a string', () => {
    for (const value of [undefined, null, 1, {}]) assert.equal(safeHtml(value as unknown as string, policy), '')
  })
})
