import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import type {Element, ElementContent, Root} from 'hast'
import {h, s} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import {adoptOrphans} from '../../src/body/orphans.ts'

/** Parse a fragment, adopt its orphans: the HTML after, and the changes as [start, end]. */
function adopt(html: string, allows: (tagName: string) => boolean = () => true) {
  const tree = unified().use(rehypeParse, {fragment: true}).parse(html)
  const found = adoptOrphans(tree, html.length, allows)
  for (const escape of found) assert.ok(escape.reason.length > 0)
  return {html: toHtml(tree), ranges: found.map(({start, end}) => [start, end]), tree}
}

/** Adopt the orphans of a hand-built tree (no positions): the HTML after, and how many changes. */
function adoptBuilt(children: ElementContent[]) {
  const tree: Root = {type: 'root', children}
  const found = adoptOrphans(tree, 10, () => true)
  return {html: toHtml(tree), count: found.length, ranges: found.map(({start, end}) => [start, end])}
}

/** The HTML standard's special elements (not `address`, `div`, `p`), without the table parts and items, which are orphans themselves. */
const specialContainers = [
  'applet', 'area', 'article', 'aside', 'base', 'basefont', 'bgsound', 'blockquote', 'body', 'br', 'button', 'center',
  'details', 'dir', 'dl', 'embed', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frame', 'frameset', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'iframe', 'img', 'input', 'keygen', 'link', 'listing',
  'main', 'marquee', 'menu', 'meta', 'nav', 'noembed', 'noframes', 'noscript', 'object', 'ol', 'param', 'plaintext', 'pre',
  'script', 'search', 'section', 'select', 'source', 'style', 'summary', 'table', 'template', 'textarea', 'title', 'track',
  'ul', 'wbr', 'xmp'
]

describe('adoptOrphans', () => {
  it('should put a bare `<li>` in a new `<ul>`, a bare `<dd>` or `<dt>` in a new `<dl>`, and mark the items’ span', () => {
    assert.deepEqual(pick(adopt('<li>a</li>')), ['<ul><li>a</li></ul>', [[0, 10]]])
    const list = adopt('<p>x</p><li>a</li>')
    assert.equal(list.html, '<p>x</p><ul><li>a</li></ul>')
    assert.deepEqual(list.ranges, [[8, 18]])
    // The new list has no place in the source.
    assert.equal((list.tree.children[1] as Element).position, undefined)
    assert.deepEqual(adopt('<dt>t</dt><dd>d</dd>').ranges, [[0, 20]])
    assert.equal(adopt('<dt>t</dt><dd>d</dd>').html, '<dl><dt>t</dt><dd>d</dd></dl>')
  })

  it('should take the items that follow, past white space only, into the same home', () => {
    assert.deepEqual(pick(adopt('<li>a</li><li>b</li>')), ['<ul><li>a</li><li>b</li></ul>', [[0, 20]]])
    assert.deepEqual(pick(adopt('<li>a</li>\n <li>b</li>\n')), ['<ul><li>a</li>\n <li>b</li></ul>\n', [[0, 22]]])
    assert.deepEqual(pick(adopt('<li>a</li> x <li>b</li>')), ['<ul><li>a</li></ul> x <ul><li>b</li></ul>', [[0, 10], [13, 23]]])
    assert.deepEqual(pick(adopt('<li>a</li><!--c--><li>b</li>')), ['<ul><li>a</li></ul><!--c--><ul><li>b</li></ul>', [[0, 10], [18, 28]]])
    // A comment is no white space, even one that holds only white space.
    assert.deepEqual(pick(adopt('<li>a</li><!-- --><li>b</li>')), ['<ul><li>a</li></ul><!-- --><ul><li>b</li></ul>', [[0, 10], [18, 28]]])
    // A no-break space is no HTML white space.
    assert.deepEqual(pick(adopt('<li>a</li>\u00A0<li>b</li>')), ['<ul><li>a</li></ul>\u00A0<ul><li>b</li></ul>', [[0, 10], [11, 21]]])
    // Items of another home start their own.
    assert.deepEqual(pick(adopt('<li>a</li><dd>b</dd><dt>c</dt><li>d</li>')), ['<ul><li>a</li></ul><dl><dd>b</dd><dt>c</dt></dl><ul><li>d</li></ul>', [[0, 10], [10, 30], [30, 40]]])
    assert.deepEqual(pick(adopt('<li>a</li><p>b</p><li>c</li>')), ['<ul><li>a</li></ul><p>b</p><ul><li>c</li></ul>', [[0, 10], [18, 28]]])
  })

  it('should mark an item or part without a place at the nearest place around it', () => {
    const placed: Element = {...h('div', [h('span', [h('li', 'a')])]), position: {start: {line: 1, column: 6, offset: 5}, end: {line: 1, column: 31, offset: 30}}}
    const tree: Root = {type: 'root', children: [placed, h('li', 'b'), h('tr', [h('td', 'c')])]}
    const found = adoptOrphans(tree, 40, () => true)
    assert.deepEqual(found.map(({start, end}) => [start, end]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!), [[0, 40], [0, 40], [0, 40], [5, 30]])
    // A run whose last item has no place ends where its first does.
    const first: Element = {...h('li', 'a'), position: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 11, offset: 10}}}
    const run = adoptOrphans({type: 'root', children: [first, {type: 'text', value: '\n'}, h('li', 'b')]}, 30, () => true)
    assert.deepEqual(run.map(({start, end}) => [start, end]), [[0, 10]])
  })

  it('should write an item as a `<div>` with its global attributes when the schema does not allow its home', () => {
    const asked: string[] = []
    const allows = (name: string) => {
      asked.push(name)
      return false
    }
    const item = '<li id="a" class="b" style="color: red" title="t" lang="en" dir="rtl" role="note" data-x="1" aria-label="l" value="2" type="a" onclick="x">i</li>'
    const result = adopt(item + '<dd>d</dd>', allows)
    assert.equal(result.html, '<div id="a" class="b" style="color: red" title="t" lang="en" dir="rtl" role="note" data-x="1" aria-label="l">i</div><div>d</div>')
    assert.deepEqual(result.ranges, [[0, item.length], [item.length, item.length + '<dd>d</dd>'.length]])
    assert.deepEqual(asked, ['ul', 'dl'])
  })

  it('should keep only the global properties of a renamed item, by their hast names (`data` or `aria` alone, or before a lower-case letter, are neither)', () => {
    const item: Element = {type: 'element', tagName: 'li', properties: {data: '1', datax: '2', dataY: '3', aria: '4', ariaHidden: 'true', value: 2, className: ['c'], metadataY: '5', mariaZ: '6'} as unknown as Element['properties'], children: []}
    const tree: Root = {type: 'root', children: [item]}
    adoptOrphans(tree, 5, () => false)
    assert.deepEqual((tree.children[0] as Element).properties, {dataY: '3', ariaHidden: 'true', className: ['c']})
    assert.equal((tree.children[0] as Element).tagName, 'div')
  })

  it('should write a table part outside a table as a `<div>`, and remove `<col>` and `<colgroup>`, keeping what they hold', () => {
    assert.deepEqual(pick(adopt('<tr><td class="x" colspan="2"><li>x</li></td></tr>')), ['<div><div class="x"><ul><li>x</li></ul></div></div>', [[0, 50], [4, 45], [30, 40]]])
    assert.deepEqual(pick(adopt('<colgroup><col></colgroup><p>after</p>')), ['<p>after</p>', [[0, 26], [10, 15]]])
    for (const name of ['caption', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th']) {
      assert.deepEqual(adoptBuilt([h(name, 'x')]), {html: '<div>x</div>', count: 1, ranges: [[0, 10]]}, name)
    }
    // Hand-built, a `<colgroup>` may hold text: it stays where it was.
    assert.deepEqual(adoptBuilt([h('p', 'a'), h('colgroup', ['b', h('col')]), h('p', 'c')]), {html: '<p>a</p>b<p>c</p>', count: 2, ranges: [[0, 10], [0, 10]]})
    // Parts rewritten give no further home to the parts they held: those are divs too.
    assert.equal(adoptBuilt([h('table', [h('tr', [h('td', 'a')])]), h('tr', [h('td', 'b')])]).html, '<table><tr><td>a</td></tr></table><div><div>b</div></div>')
  })

  it('should leave items inside a list or any other special element, and table parts inside a table', () => {
    for (const html of ['<ul><li>a</li></ul>', '<ol><div><li>a</li></div></ol>', '<blockquote><li>a</li></blockquote>', '<dl><dt>a<dd>b</dl>', '<table><caption>c</caption><colgroup><col></colgroup><tr><td><p>a</p></td></tr></table>', '<template><li>y</li></template>']) {
      const unchanged = toHtml(unified().use(rehypeParse, {fragment: true}).parse(html))
      assert.deepEqual(pick(adopt(html)), [unchanged, []], html)
    }
    for (const name of specialContainers) assert.equal(adoptBuilt([h(name, [h('li', 'a'), h('dd', 'b')])]).count, 0, name)
    // `address`, `div` and `p` are special too, but do not stop the search; nor do other elements.
    for (const name of ['address', 'div', 'p', 'span', 'a', 'font']) {
      assert.deepEqual(adoptBuilt([h(name, [h('li', 'a'), h('dd', 'b')])]), {html: `<${name}><ul><li>a</li></ul><dl><dd>b</dd></dl></${name}>`, count: 2, ranges: [[0, 10], [0, 10]]}, name)
    }
    // A table anywhere around a part, however deep.
    assert.equal(adoptBuilt([h('table', [h('div', [h('span', [h('tr', [h('td', 'a')])])])])]).count, 0)
  })

  it('should give a home to what a template holds, in its content', () => {
    const result = adopt('<template><tr><td>x</td></tr><li>y</li></template>')
    assert.equal(result.html, '<template><div><div>x</div></div><li>y</li></template>')
    assert.deepEqual(result.ranges, [[10, 29], [14, 24]])
    const template = result.tree.children[0] as Element
    assert.deepEqual(template.children, [])
    assert.equal(template.content?.children.length, 2)
    // What is removed from it (a `<col>`) is removed from its content.
    const removed = adopt('<template><col></template>')
    assert.equal(removed.html, '<template></template>')
    assert.deepEqual((removed.tree.children[0] as Element).children, [])
  })

  it('should look into foreign content only inside its HTML integration points, which stop the search for an item’s list', () => {
    const html = (children: ElementContent[]) => adoptBuilt([s('svg', children)])
    // SVG's own `tr` and `li` are no HTML elements.
    assert.equal(html([s('g', [s('tr'), s('li')]), s('tr')]).count, 0)
    for (const point of ['foreignObject', 'desc', 'title']) {
      const result = html([s(point, [h('li', 'a'), h('tr', 'b')])])
      assert.equal(result.count, 1, point)
      assert.match(result.html, /<div>b<\/div>/, point)
      assert.match(result.html, /<li>a<\/li>/, point)
    }
    // SVG again inside an integration point.
    assert.equal(html([s('foreignObject', [s('svg', [s('tr')])])]).count, 0)
    const math = (name: string) => adoptBuilt([h('math', [h(name, [h('li', 'a'), h('tr', 'b')])])])
    for (const point of ['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml']) {
      assert.equal(math(point).count, 1, point)
      assert.match(math(point).html, /<div>b<\/div>/, point)
    }
    for (const name of ['mrow', 'math', 'foreignObject', 'semantics']) assert.equal(math(name).count, 0, name)
    assert.equal(adoptBuilt([h('math', [h('li', 'a'), h('tr', 'b')])]).count, 0)
  })

  it('should find nothing more when run again on its own result', () => {
    for (const html of ['<li>a</li> <li>b</li>', '<tr><td><li>x</li></td></tr>', '<dt>a<dd>b', '<p>a</p>', '<colgroup><col></colgroup>', '<template><tr><td>x</td></tr></template>']) {
      const tree = unified().use(rehypeParse, {fragment: true}).parse(html)
      adoptOrphans(tree, html.length, () => true)
      const once = toHtml(tree)
      assert.deepEqual(adoptOrphans(tree, html.length, () => true), [], html)
      assert.equal(toHtml(tree), once, html)
    }
  })
})

function pick(result: {html: string; ranges: number[][]}): [string, number[][]] {
  return [result.html, result.ranges]
}
