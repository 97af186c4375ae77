import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {VFile} from 'vfile'
import {checkPost, parsePost, renderHtml, renderPost, type Article} from '../../src/index.ts'
import {fileToArticle} from '../../src/unified/index.ts'

/*
 * A post's only `<h1>`, before every other heading, is its title: the
 * Article's `titleHeading`, never a section, written back where it was.
 */

const outline = (article: Article) => article.sections.map((section) => `${section.depth}:${section.heading}[${section.children.map((child) => child.heading).join(',')}]`)

const newsBot = '---\ntitle: 속보 제목\n---\n\n<p><img src="/hero.jpg" alt="속보" /></p>\n\n<h1>사건 안내</h1>\n\n<p>첫 문단</p>\n\n<h2>입장</h2>\n\n<p>b</p>\n\n<h2>지원</h2>\n\n<p>c</p>\n'

describe('the title heading', () => {
  it('should read a lone first `<h1>` as the title heading, not a section, and keep the round trip', () => {
    const article = parsePost(newsBot)
    assert.equal(article.titleHeading?.text, '사건 안내')
    assert.equal(article.titleHeading?.id, '사건-안내')
    assert.equal(article.titleHeading?.position?.start.line, 7)
    assert.deepEqual(outline(article), ['2:입장[]', '2:지원[]'])
    assert.deepEqual(article.lead.map((block) => block.text), ['첫 문단'])
    assert.equal(article.hero?.src, '/hero.jpg')
    // The front matter's title wins; the heading's text stays in the text, as a reader reads it.
    assert.equal(article.meta.title, '속보 제목')
    assert.equal(article.titleSource, 'front-matter')
    assert.match(article.text, /^사건 안내\n\n첫 문단/)
    assert.equal(renderPost(article), newsBot)
    assert.equal(renderPost(JSON.parse(JSON.stringify(article)) as Article), newsBot)
  })

  it('should take `meta.title` from it when the front matter has none, and not write it into the front matter', () => {
    const raw = '---\ntags: [a]\n---\n<h1>The title</h1>\n<p>a</p>\n<h2>One</h2>\n<p>b</p>\n'
    const article = parsePost(raw)
    assert.equal(article.meta.title, 'The title')
    assert.equal(article.titleSource, 'heading')
    assert.equal(renderPost(article), raw)
    assert.equal(renderPost(JSON.parse(JSON.stringify(article)) as Article), raw)
    // An edited title is the author's: it goes into the front matter.
    const edited = renderPost({...article, meta: {...article.meta, title: 'New'}})
    assert.match(edited, /^---\ntags: \[a\]\ntitle: New\n---\n<h1>The title<\/h1>/)
    assert.equal(parsePost(edited).titleSource, 'front-matter')
  })

  it('should say when a post has no title at all', () => {
    const article = parsePost('---\ntags: [a]\n---\n<h2>One</h2>\n<p>b</p>\n')
    assert.equal(article.meta.title, null)
    assert.equal(article.titleSource, null)
    assert.equal(article.titleHeading, null)
  })

  it('should take an image after the title heading as the hero', () => {
    const article = parsePost('---\ntitle: t\n---\n<h1>Title</h1>\n<p><img src="/a.jpg" alt="a"></p>\n<p>x</p>\n<h2>One</h2>\n')
    assert.equal(article.hero?.src, '/a.jpg')
    assert.deepEqual(article.lead.map((block) => block.type), ['paragraph'])
  })

  it('should keep other `<h1>`s as top-level sections', () => {
    const cases: Array<[string, string[]]> = [
      ['<h1>A</h1><h2>x</h2><h1>B</h1><h2>y</h2>', ['1:A[x]', '1:B[y]']],
      ['<h2>x</h2><h1>B</h1><h2>y</h2>', ['2:x[]', '1:B[y]']],
      ['<h1></h1><h2>x</h2>', ['1:[x]']],
      [`<p>${'긴 글 '.repeat(60)}</p><h1>Big</h1><h2>x</h2>`, ['1:Big[x]']]
    ]
    for (const [body, expected] of cases) {
      const article = parsePost('---\ntitle: t\n---\n' + body)
      assert.equal(article.titleHeading, null, body)
      assert.deepEqual(outline(article), expected, body)
    }
  })

  it('should allow a line or two of text before it (a source line, a greeting)', () => {
    const article = parsePost('---\ntitle: t\n---\n<p>출처: 뉴스다오</p>\n<hr>\n<h1>Title</h1>\n<h2>x</h2>\n')
    assert.equal(article.titleHeading?.text, 'Title')
    assert.deepEqual(outline(article), ['2:x[]'])
  })

  it('should write a hand-built or edited title heading from its fields, safely', () => {
    const article = parsePost(newsBot)
    const html = renderHtml({...article, titleHeading: {...article.titleHeading!, text: '<script>alert(1)</script>'}})
    assert.match(html, /<h1>&#x3C;script>alert\(1\)&#x3C;\/script><\/h1>/)
    const handBuilt: Article = {
      ...parsePost('---\ntitle: t\n---\n'),
      titleHeading: {text: 'Hi', id: 'hi', attributes: {onclick: 'alert(1)', id: 'x'}},
      sections: [{heading: 'One', id: 'one', depth: 2, blocks: [], children: []}],
      layout: {bom: false, eol: '\n', frontMatter: null, gaps: []}
    }
    const written = renderHtml(handBuilt)
    assert.match(written, /^<h1 id="user-content-x">Hi<\/h1>|^<h1 id="x">Hi<\/h1>/)
    assert.doesNotMatch(written, /onclick/)
    assert.equal(parsePost('---\ntitle: t\n---\n' + written).titleHeading?.text, 'Hi')
  })
})

describe('the `frontMatter` option', () => {
  const editorExport = '<h1>에디터 제목</h1>\n<p>a</p>\n<h2>하나</h2>\n<p>b</p>\n'

  it('should give a post without front matter its title from the title heading', () => {
    const article = parsePost(editorExport)
    assert.equal(article.meta.title, '에디터 제목')
    assert.equal(article.titleSource, 'heading')
    assert.equal(renderPost(article), editorExport)
  })

  it('should leave out `front-matter-missing` when front matter is optional, and only then', () => {
    const rules = (options?: Parameters<typeof checkPost>[1]) => checkPost(editorExport, options).map((message) => message.ruleId)
    assert.deepEqual(rules(), ['front-matter-missing'])
    assert.deepEqual(rules({frontMatter: 'required'}), ['front-matter-missing'])
    assert.deepEqual(rules({frontMatter: 'optional'}), [])
    assert.deepEqual(parsePost(editorExport, {frontMatter: 'optional'}).messages, [])
    // Unclosed front matter is still an error.
    assert.deepEqual(checkPost('---\ntitle: x\n<p>a</p>\n', {frontMatter: 'optional'}).map((message) => message.ruleId), ['front-matter-unclosed'])
  })

  it('should be honoured by a sanitised post too (its Article comes from a rewrite)', () => {
    const raw = '<h1>T</h1>\n<p onclick="x()">a</p>\n'
    assert.deepEqual(checkPost(raw, {frontMatter: 'optional'}).map((message) => message.ruleId), ['sanitized-attribute'])
  })

  it('should be honoured by the unified adapter', () => {
    const file = new VFile({value: editorExport})
    const article = fileToArticle(file, {frontMatter: 'optional'})
    assert.equal(article.meta.title, '에디터 제목')
    assert.deepEqual(file.messages.map((message) => message.ruleId), [])
    const warned = new VFile({value: editorExport})
    fileToArticle(warned)
    assert.deepEqual(warned.messages.map((message) => message.ruleId), ['front-matter-missing'])
  })
})
