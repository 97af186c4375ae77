import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import type {Element, Root} from 'hast'
import {hasDuplicateAttribute, maxDepth, parseBody} from '../../src/body/parse.ts'

function depth(node: Root | Element): number {
  let deepest = 0
  const children = node.type === 'element' && node.tagName === 'template' && node.content ? node.content.children : node.children
  for (const child of children) if (child.type === 'element') deepest = Math.max(deepest, depth(child))
  return deepest + (node.type === 'element' ? 1 : 0)
}

function textOf(node: Root | Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('')
}

describe('parseBody', () => {
  it('should parse a body into a positioned tree', () => {
    const {tree, flattened} = parseBody('<p>Hi</p>')
    assert.deepEqual(flattened, [])
    const p = tree.children[0] as Element
    assert.equal(p.tagName, 'p')
    assert.deepEqual([p.position!.start.offset, p.position!.end.offset], [0, 9])
  })

  it('should cap nesting at 512 elements, keeping the content in order', () => {
    assert.equal(maxDepth, 512)
    const html = '<div>'.repeat(600) + 'x<b>y</b>'
    const {tree, flattened} = parseBody(html)
    assert.deepEqual(flattened, [maxDepth * 5])
    assert.equal(depth(tree), maxDepth)
    // The tags cut out are blanked (offsets stay), their content kept in order.
    assert.equal(textOf(tree).trim(), 'x   y')
    const shallow = parseBody('<div>'.repeat(maxDepth) + 'x')
    assert.deepEqual(shallow.flattened, [])
    assert.equal(depth(shallow.tree), maxDepth)
  })

  it('should cap nesting the estimate misses (implied elements) in the tree', () => {
    // Each level is four elements to the parser (`<tbody>` is implied) and three tags to the estimate.
    const html = '<table><tr><td>'.repeat(130) + 'x'
    const {tree, flattened} = parseBody(html)
    assert.equal(flattened.length, 1)
    assert.equal(flattened[0], 1916)
    assert.ok(depth(tree) <= maxDepth + 1)
    assert.equal(textOf(tree), 'x')
    assert.deepEqual(parseBody('<table><tr><td>'.repeat(127) + 'x').flattened, [])
  })

  it('should move what lies deeper than the cap up in document order, as nodes', () => {
    const {tree, flattened} = parseBody('<table><tr><td>'.repeat(130) + '<b>1</b>2<i>3</i>4')
    assert.equal(flattened.length, 1)
    assert.equal(textOf(tree), '1234')
    // The cell at the cap (128 tables down, 4 elements each) holds several children, one with content.
    const several = parseBody('<table><tr><td>'.repeat(128) + '<b><i>1</i></b>2<i>3</i>')
    assert.equal(several.flattened.length, 1)
    assert.equal(textOf(several.tree), '123')
    const stack: Array<Root | Element> = [tree]
    while (stack.length > 0) {
      for (const child of stack.pop()!.children) {
        assert.ok(child !== null && typeof child === 'object' && ['element', 'text', 'comment'].includes(child.type))
        if (child.type === 'element') stack.push(child)
      }
    }
  })

  it('should cap nesting at an element the parser made up (no position: offset 0)', () => {
    // Two levels, then four per table (`<tbody>` implied): the 128th `<tbody>` is at the cap.
    const {tree, flattened} = parseBody('<div><div>' + '<table><tr><td>'.repeat(130) + 'x')
    assert.deepEqual(flattened, [0])
    assert.ok(depth(tree) <= maxDepth + 1)
    assert.equal(textOf(tree), 'x')
  })

  it('should cap nesting inside a template’s content', () => {
    const {tree, flattened} = parseBody('<template>' + '<div>'.repeat(600) + '</template>')
    assert.equal(flattened.length, 1)
    assert.ok(depth(tree) <= maxDepth + 1)
  })

  it('should leave an element at the cap with no grandchildren as it is', () => {
    const html = '<div>'.repeat(maxDepth - 1) + '<p>a</p><p>b</p>'
    const {flattened} = parseBody(html)
    assert.deepEqual(flattened, [])
  })

  it('should mark formatting elements the parser reopened, and drop their position', () => {
    const {tree} = parseBody('<p><b>a</p><p>b</b>')
    const [first, second] = tree.children as Element[]
    const original = first!.children[0] as Element
    const reopened = second!.children[0] as Element
    assert.equal(original.position!.start.offset, 3)
    assert.equal(original.data?.reopened, undefined)
    assert.equal(reopened.tagName, 'b')
    assert.equal(reopened.position, undefined)
    assert.equal(reopened.data?.reopened, true)
  })

  it('should say where a tag repeats an attribute, once per repeated copy', () => {
    const html = '<p><a href="x" href="y">z</a></p>'
    const {repeated} = parseBody(html)
    assert.equal(repeated.length, 1)
    // Within the second `href`, not the first.
    assert.ok(repeated[0]! > html.indexOf('href="y"') && repeated[0]! < html.indexOf('>z'), String(repeated))
    const two = parseBody('<a b=1 b=2 c=3 c=4>').repeated
    assert.equal(two.length, 2)
    assert.ok(two[0]! > 7 && two[0]! < 11 && two[1]! > 15 && two[1]! < 19, String(two))
    assert.equal(parseBody('<a b=1 B=2>').repeated.length, 1)
    for (const html of ['<a b=1 c=2>', '<a b=1><i b=2>', 'b=1 b=2', '<p>a</p>']) assert.deepEqual(parseBody(html).repeated, [], html)
  })
})

describe('hasDuplicateAttribute', () => {
  it('should be true when a tag has an attribute twice, in any case', () => {
    for (const html of ['<a href="x" href="y">z</a>', '<p>a<img src=a SRC=b></p>', '<a b=1 c=2 b=3>']) assert.equal(hasDuplicateAttribute(html), true, html)
  })

  it('should be false otherwise, even with `=` twice or another parse error', () => {
    for (const html of ['', 'a=b', '<a href="x" title="y">', '<a b=1><i b=2>', 'x=1 x=2', '<p title="a=b=c">x</p>', '<a b="1"c="2">']) assert.equal(hasDuplicateAttribute(html), false, html)
  })
})
