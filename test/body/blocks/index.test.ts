import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import type {Element, ElementContent} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toBlock} from '../../../src/body/blocks/index.ts'
import type {Item} from '../../../src/body/flatten.ts'
import {textOf, type Context} from '../../../src/body/hast.ts'

/** A body of one element, read as a `block` item with positions. */
function block(body: string): {context: Context; item: Item} {
  const node = fromHtml(body, {fragment: true}).children[0] as Element
  assert.ok(node?.type === 'element', 'no element')
  return {context: {body, isDirty: () => false}, item: {kind: 'block', nodes: [node], start: 0, end: body.length}}
}

function read(body: string) {
  const {context, item} = block(body)
  return toBlock(context, item)
}

describe('toBlock: one element', () => {
  it('should hand each element with a block type of its own to its reader', () => {
    assert.equal(read('<p>a</p>').type, 'paragraph')
    assert.equal(read('<figure><img src="a.png"></figure>').type, 'figure')
    assert.deepEqual(read('<ul><li>a</li></ul>'), {type: 'list', ordered: false, text: 'a', items: [{text: 'a', html: 'a'}]})
    assert.deepEqual(read('<ol><li>a</li></ol>'), {type: 'list', ordered: true, text: 'a', items: [{text: 'a', html: 'a'}]})
    assert.equal(read('<table><tr><td>a</td></tr></table>').type, 'table')
    assert.deepEqual(read('<blockquote>a</blockquote>'), {type: 'quote', text: 'a', html: 'a'})
    assert.deepEqual(read('<pre>a</pre>'), {type: 'code', text: 'a', code: 'a', language: null})
    assert.deepEqual(read('<hr>'), {type: 'rule', text: '', style: null})
    assert.deepEqual(read('<iframe src="https://www.youtube.com/embed/x"></iframe>'), {type: 'embed', text: '', src: 'https://www.youtube.com/embed/x', host: 'www.youtube.com', title: null, attributes: {src: 'https://www.youtube.com/embed/x'}})
  })

  it('should keep any other element as an html block, the whole element as written', () => {
    for (const body of ['<section><b>a</b></section>', '<h2>a</h2>', '<dl><dt>a</dt></dl>', '<span>a</span>', '<details><summary>a</summary>b</details>']) {
      const result = read(body)
      assert.equal(result.type, 'html', body)
      assert.ok(result.type === 'html', 'no html block')
      assert.equal(result.html, body)
    }
  })

  it('should read a <div> of inline content only (Blogger, WordPress) as a paragraph', () => {
    for (const name of ['a', 'abbr', 'b', 'big', 'cite', 'code', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var']) {
      const body = `<div>x <${name}>y</${name}> z</div>`
      assert.deepEqual(read(body), {type: 'paragraph', text: 'x y z', html: `x <${name}>y</${name}> z`}, name)
    }
    assert.deepEqual(read('<div>a<br>b<wbr>c</div>'), {type: 'paragraph', text: 'a\nbc', html: 'a<br>b<wbr>c'})
    assert.deepEqual(read('<div><img src="a.png"></div>'), {type: 'image', text: '', src: 'a.png', alt: ''})
    assert.deepEqual(read('<div>text<!-- c --></div>'), {type: 'paragraph', text: 'text', html: 'text<!-- c -->'})
    assert.deepEqual(read('<div></div>'), {type: 'spacer', text: '', html: ''})
  })

  it('should keep a <div> holding any block element an html block', () => {
    for (const inner of ['<p>a</p>', '<div>a</div>', 'a<ul><li>b</li></ul>', '<b>a</b><table></table>', '<h3>a</h3>', '<video></video>', '<button>a</button>']) {
      const body = `<div>${inner}</div>`
      assert.deepEqual(read(body), {type: 'html', text: read(body).text, html: body}, body)
    }
  })

  it('should not read another element of inline content as a paragraph', () => {
    assert.equal(read('<section>a <b>b</b></section>').type, 'html')
    assert.equal(read('<center>a</center>').type, 'html')
  })

  it('should give a block the attributes of its element, and none when it has none', () => {
    assert.deepEqual(read('<p class="a b" data-ke-size="size16">x</p>'), {type: 'paragraph', text: 'x', html: 'x', attributes: {class: 'a b', 'data-ke-size': 'size16'}})
    assert.deepEqual(read('<hr data-ke-style="style1">'), {type: 'rule', text: '', style: 'style1', attributes: {'data-ke-style': 'style1'}})
    assert.equal('attributes' in read('<p>x</p>'), false)
  })

  it('should give an html block no attributes: they are in its html', () => {
    assert.deepEqual(read('<section class="a">x</section>'), {type: 'html', text: 'x', html: '<section class="a">x</section>'})
    assert.deepEqual(read('<div class="a"><p>x</p></div>'), {type: 'html', text: 'x', html: '<div class="a"><p>x</p></div>'})
  })
})

describe('toBlock: several nodes (foster parenting)', () => {
  it('should keep them together as HTML: the source as written, or serialised when changed', () => {
    const body = '<b>a</b><table><tr><td>b</td></tr></table>'
    const nodes = fromHtml(body, {fragment: true}).children as ElementContent[]
    assert.equal(nodes.length, 2)
    const item: Item = {kind: 'block', nodes, start: 0, end: body.length}
    const text = textOf(nodes)
    assert.deepEqual(toBlock({body, isDirty: () => false}, item), {type: 'html', text, html: body})
    const slice: Item = {kind: 'block', nodes, start: 3, end: 8}
    assert.deepEqual(toBlock({body, isDirty: () => false}, slice), {type: 'html', text, html: body.slice(3, 8)})
    let asked: number[] = []
    const changed: Context = {
      body,
      isDirty(start, end) {
        asked = [start, end]
        return true
      }
    }
    assert.deepEqual(toBlock(changed, item), {type: 'html', text, html: '<b>a</b><table><tbody><tr><td>b</td></tr></tbody></table>'})
    assert.deepEqual(asked, [0, body.length])
  })
})

describe('toBlock: runs', () => {
  it('should read a run as an implicit paragraph, with breaks only when the item says so', () => {
    const body = 'a\nb'
    const nodes = fromHtml(body, {fragment: true}).children as ElementContent[]
    const context: Context = {body, isDirty: () => false}
    assert.deepEqual(toBlock(context, {kind: 'run', nodes, start: 0, end: 3}), {type: 'paragraph', text: 'a b', html: 'a\nb', implicit: true})
    assert.deepEqual(toBlock(context, {kind: 'run', nodes, start: 0, end: 3, breaks: false}), {type: 'paragraph', text: 'a b', html: 'a\nb', implicit: true})
    assert.deepEqual(toBlock(context, {kind: 'run', nodes, start: 0, end: 3, breaks: true}), {type: 'paragraph', text: 'a\nb', html: 'a\nb', implicit: true})
  })

  it('should read a run of one element as a run, not by its element’s reader', () => {
    const body = '<pre>a</pre>'
    const nodes = fromHtml(body, {fragment: true}).children as ElementContent[]
    assert.deepEqual(toBlock({body, isDirty: () => false}, {kind: 'run', nodes, start: 0, end: body.length}), {type: 'paragraph', text: 'a', html: body, implicit: true})
  })
})
