import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import type {Element, ElementContent, Properties, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {h} from 'hastscript'
import {parseFragment, type DefaultTreeAdapterMap} from 'parse5'
import {
  attributesOf,
  cleanText,
  elementChildren,
  findElement,
  innerHtml,
  innerRange,
  outerHtml,
  serialize,
  stringProperty,
  stringifyProperty,
  type Context
} from '../../src/body/hast.ts'

type Parse5Element = DefaultTreeAdapterMap['element']

/** A body parsed with positions, as the parser reads it (a fragment). */
function parse(body: string): Root {
  return fromHtml(body, {fragment: true})
}

function first(tree: Root): Element {
  const node = tree.children.find((child) => child.type === 'element')
  assert.ok(node)
  return node
}

/** A context over `body` that records what it was asked and answers with `dirty`. */
function context(body: string, dirty = false): Context & {asked: Array<[number, number]>} {
  const asked: Array<[number, number]> = []
  return {
    body,
    asked,
    isDirty(start, end) {
      asked.push([start, end])
      return dirty
    }
  }
}

/** A formatting element the parser reopened: no position, marked in `data`. */
function reopened(tagName: string, children: ElementContent[]): Element {
  return {type: 'element', tagName, properties: {}, children, data: {reopened: true}} as Element
}

/** Where parse5 says the first element's content is: after its start tag, before its end tag (or its end). */
function parse5Inner(html: string): [number, number] {
  const element = parseFragment(html, {sourceCodeLocationInfo: true}).childNodes[0] as Parse5Element
  const location = element.sourceCodeLocation!
  return [location.startTag!.endOffset, location.endTag?.startOffset ?? location.endOffset]
}

describe('cleanText', () => {
  it('should collapse white space, no-break, zero-width and BOM characters to one space and trim', () => {
    assert.equal(cleanText('  a \t\n b\u00a0\u00a0c\u200bd\ufeffe  '), 'a b c d e')
    assert.equal(cleanText('\u00a0x\u200b'), 'x')
    assert.equal(cleanText('a\u200b\u00a0 \ufeffb'), 'a b')
    assert.equal(cleanText('ab'), 'ab')
  })
})

describe('serialize', () => {
  it('should write nodes as hast-util-to-html does, a node or a list of them', () => {
    const tree = parse('<p class="a b">x &amp; <b>y</b></p>\n<hr>')
    assert.equal(serialize(tree), '<p class="a b">x &#x26; <b>y</b></p>\n<hr>')
    assert.equal(serialize(tree.children), '<p class="a b">x &#x26; <b>y</b></p>\n<hr>')
    assert.equal(serialize([]), '')
  })

  it('should leave out elements the parser made up that show nothing, at any depth, without changing the tree', () => {
    // `</p>` alone makes an empty `<p>` with no place in the source.
    const tree = parse('<div><span>a</span></p>b</div>')
    const made = tree.children[0] as Element
    assert.equal((made.children[1] as Element).tagName, 'p')
    assert.equal((made.children[1] as Element).position, undefined)
    assert.equal(serialize(tree), '<div><span>a</span>b</div>')
    // The tree itself keeps it.
    assert.equal(made.children.length, 3)
    // A written empty paragraph is kept.
    assert.equal(serialize(parse('<p></p>x')), '<p></p>x')
    // An element without a place that shows something is kept.
    assert.equal(serialize([h('p', ['x'])]), '<p>x</p>')
    assert.equal(serialize([h('p', [first(parse('<img src="a.png">'))])]), '<p><img src="a.png"></p>')
  })

  it('should write a reopened element’s content without its tags, in order, however deep', () => {
    const inner = reopened('i', [{type: 'text', value: 'c'}, {type: 'text', value: 'd'}])
    const outer = reopened('b', [{type: 'text', value: 'a'}, h('u', ['b']), inner, {type: 'text', value: 'e'}])
    const nodes: ElementContent[] = [h('p', ['0']), h('div', [outer]), {type: 'text', value: 'f'}]
    assert.equal(serialize(nodes), '<p>0</p><div>a<u>b</u>cde</div>f')
    // The nodes given are not changed.
    assert.equal((nodes[1] as Element).children[0], outer)
    assert.equal(outer.children.length, 4)
    // A reopened element with one child, at the top.
    assert.equal(serialize([reopened('b', [{type: 'text', value: 'x'}]), {type: 'text', value: 'y'}]), 'xy')
  })

  it('should keep the newline a parser drops after <pre>, <textarea> and <listing>', () => {
    for (const tagName of ['pre', 'textarea', 'listing']) {
      const body = `<div><${tagName}>\n\nx</${tagName}></div>`
      const tree = parse(body)
      const written = serialize(tree)
      // Read again, the text is what it was.
      const text = (node: Element) => ((node.children[0] as Element).children[0] as {value: string}).value
      assert.equal(text(first(parse(written))), '\nx', tagName)
      assert.equal(written, `<div><${tagName}>\n\nx</${tagName}></div>`, tagName)
      // The tree given is not changed.
      assert.equal(text(first(tree)), '\nx')
    }
    // Every such element, not just the first found.
    assert.equal(serialize([h('pre', ['\na']), h('pre', ['\nb'])]), '<pre>\n\na</pre><pre>\n\nb</pre>')
  })

  it('should leave other elements and other first children alone', () => {
    assert.equal(serialize([h('div', ['\nx'])]), '<div>\nx</div>')
    // Also beside a `<pre>` that needs it.
    assert.equal(serialize(parse('<div>\nx</div><pre>\n\ny</pre><p>\nz</p>')), '<div>\nx</div><pre>\n\ny</pre><p>\nz</p>')
    assert.equal(serialize([h('pre', ['x\n'])]), '<pre>x\n</pre>')
    assert.equal(serialize([h('pre', ['\rx'])]), '<pre>\rx</pre>')
    assert.equal(serialize([h('pre', [h('b', ['\nx'])])]), '<pre><b>\nx</b></pre>')
    assert.equal(serialize(parse('<pre></pre>')), '<pre></pre>')
    assert.equal(serialize([h('pre', [{type: 'comment', value: 'c'}, '\nx'])]), '<pre><!--c-->\nx</pre>')
  })
})

describe('outerHtml', () => {
  it('should give the source as written when the element is clean, asking about its exact range', () => {
    const body = 'a<P CLASS=x>y</P>b'
    const node = first(parse(body))
    const clean = context(body)
    assert.equal(outerHtml(clean, node), '<P CLASS=x>y</P>')
    assert.deepEqual(clean.asked, [[1, 17]])
  })

  it('should serialise an element the sanitiser changed or one without a place', () => {
    const body = 'a<P CLASS=x>y</P>b'
    const node = first(parse(body))
    assert.equal(outerHtml(context(body, true), node), '<p class="x">y</p>')
    const made = context(body)
    assert.equal(outerHtml(made, h('p', {className: ['x']}, ['y'])), '<p class="x">y</p>')
    assert.deepEqual(made.asked, [])
    // A place with one offset only is no place.
    const half = {...node, position: {start: node.position!.start, end: {line: 1, column: 18}}}
    assert.equal(outerHtml(context(body), half), '<p class="x">y</p>')
    const other = {...node, position: {start: {line: 1, column: 2}, end: node.position!.end}}
    assert.equal(outerHtml(context(body), other), '<p class="x">y</p>')
  })
})

describe('innerHtml', () => {
  it('should give the content as written when the element is clean', () => {
    const body = '<UL title="a>b"><li>x &amp; <B>y</B></UL \n>z'
    const node = first(parse(body))
    const clean = context(body)
    assert.equal(innerHtml(clean, node), '<li>x &amp; <B>y</B>')
    assert.deepEqual(clean.asked, [[0, body.length - 1]])
    // An end tag with attributes (ignored by a browser) is no content.
    const odd = '<p>x</p class="a>b">'
    assert.equal(innerHtml(context(odd), first(parse(odd))), 'x')
  })

  it('should serialise the children when the element was changed or has no place', () => {
    const body = '<ul><li>x &amp; <B>y</B></ul>'
    const node = first(parse(body))
    assert.equal(innerHtml(context(body, true), node), '<li>x &#x26; <b>y</b></li>')
    assert.equal(innerHtml(context(body), h('ul', [h('li', ['x'])])), '<li>x</li>')
  })

  it('should serialise the children when the start tag does not end inside the element', () => {
    // A place that ends before the start tag does (a hand-built or shifted position).
    const body = '<p title="a">x</p>'
    const node = first(parse(body))
    const short = {...node, position: {start: node.position!.start, end: {line: 1, column: 5, offset: 4}}}
    assert.equal(innerHtml(context(body), short), 'x')
  })
})

describe('innerRange', () => {
  it('should agree with parse5 on where an element’s content is', () => {
    const cases = [
      '<p>x</p>',
      '<p></p>',
      '<p class="a>b">inner</P \n>',
      '<b>x</B>',
      '<a href=x>y</A\t>',
      '<p>x</p></div>',
      '<p>x</p><p>y</p>',
      '<div><p>x</p></div>',
      '<ul><li>a</ul>',
      '<em>x</em >',
      '<q>a</q>',
      // An end tag may hold attributes and `/`, which a browser ignores.
      '<p>x</p x>',
      '<p>x</p/>',
      '<p>x</P\tclass="a>b">',
      '<p>x</p / >',
      '<b>x</b y=1 >z',
      // An end tag's text inside the start tag, an end tag cut off by the end of input.
      '<p a=</p>',
      '<p>x</p y="1'
    ]
    for (const html of cases) {
      const element = parseFragment(html, {sourceCodeLocationInfo: true}).childNodes[0] as Parse5Element
      const end = element.sourceCodeLocation!.endOffset
      assert.deepEqual(innerRange(html, element.tagName, 0, end), parse5Inner(html), html)
    }
  })

  it('should fold only ASCII capitals, A to Z, in the end tag', () => {
    // Custom names read from a fragment, so the letters at both ends of the range are used.
    for (const [html, name] of [
      ['<x-a>y</X-A>', 'x-a'],
      ['<x-z>y</X-Z>', 'x-z'],
      ['<x-a>y</x-a>', 'x-a']
    ] as const) {
      assert.deepEqual(innerRange(html, name, 0, html.length), parse5Inner(html), html)
    }
    // `@` and `[` are next to `A` and `Z` but are no capitals: no end tag of `x-\``` or `x-{`.
    assert.deepEqual(innerRange('<x-`>y</x-@>', 'x-`', 0, 12), [5, 12])
    assert.deepEqual(innerRange('<x-{>y</x-[>', 'x-{', 0, 12), [5, 12])
  })

  it('should read the start tag from the element’s own start, whatever comes before it', () => {
    // A `>` just before the element is not where its start tag ends.
    assert.deepEqual(innerRange('a><p>x</p>', 'p', 2, 10), [5, 6])
    assert.deepEqual(innerRange('"><b title=">">y</b>', 'b', 2, 20), [15, 16])
  })

  it('should take the whole rest when the last end tag is another element’s or is longer', () => {
    assert.deepEqual(innerRange('<p>x</pre>', 'p', 0, 10), [3, 10])
    assert.deepEqual(innerRange('<p>x</px', 'p', 0, 8), [3, 8])
    // Nothing after the name but the end.
    assert.deepEqual(innerRange('<p>x</p', 'p', 0, 7), [3, 7])
  })

  it('should give nothing when the start tag does not end, or ends past the element', () => {
    assert.equal(innerRange('<p title="x', 'p', 0, 11), undefined)
    assert.equal(innerRange('<p title="x">y</p>', 'p', 0, 5), undefined)
    // A start tag ending exactly at the element's end is all of it.
    assert.deepEqual(innerRange('<br>', 'br', 0, 4), [4, 4])
  })
})

describe('attributesOf', () => {
  it('should write properties as HTML attributes, leaving out what is not set', () => {
    const node = h('img', {
      className: ['a', 'b'],
      accept: ['x', 'y'],
      dataKeSize: 'size16',
      width: 10,
      hidden: true,
      title: '',
      alt: null,
      src: undefined,
      draggable: false
    })
    const properties = node.properties as Record<string, unknown>
    properties.alt = null
    properties.draggable = false
    assert.deepEqual(attributesOf(node), {class: 'a b', accept: 'x, y', 'data-ke-size': 'size16', width: '10', hidden: '', title: ''})
  })

  it('should give undefined when nothing is set', () => {
    assert.equal(attributesOf(h('p')), undefined)
    const node = h('p')
    node.properties = {hidden: false, title: null, id: undefined} as unknown as Properties
    assert.equal(attributesOf(node), undefined)
  })
})

describe('stringifyProperty and stringProperty', () => {
  it('should write a value as an attribute string', () => {
    assert.equal(stringifyProperty(true), '')
    assert.equal(stringifyProperty(['a', 'b']), 'a b')
    assert.equal(stringifyProperty(['a', 'b'], true), 'a, b')
    assert.equal(stringifyProperty(['a', 'b'], false), 'a b')
    assert.equal(stringifyProperty(3), '3')
    assert.equal(stringifyProperty('x'), 'x')
    assert.equal(stringifyProperty(null), '')
    assert.equal(stringifyProperty(undefined), '')
  })

  it('should read a property as a string, srcSet with commas, nothing when unset', () => {
    const node = h('img', {srcSet: ['a.png 1x', 'b.png 2x'], className: ['a', 'b'], width: 5, hidden: true})
    const properties = node.properties as Record<string, unknown>
    properties.alt = null
    properties.draggable = false
    assert.equal(stringProperty(node, 'srcSet'), 'a.png 1x, b.png 2x')
    assert.equal(stringProperty(node, 'className'), 'a b')
    assert.equal(stringProperty(node, 'width'), '5')
    assert.equal(stringProperty(node, 'hidden'), '')
    assert.equal(stringProperty(node, 'alt'), undefined)
    assert.equal(stringProperty(node, 'draggable'), undefined)
    assert.equal(stringProperty(node, 'title'), undefined)
  })
})

describe('elementChildren and findElement', () => {
  it('should keep element children only, in order', () => {
    const node = h('ul', ['\n', h('li', ['a']), {type: 'comment', value: 'c'}, h('li', ['b'])])
    assert.deepEqual(
      elementChildren(node).map((child) => child.children),
      [[{type: 'text', value: 'a'}], [{type: 'text', value: 'b'}]]
    )
  })

  it('should find the first descendant by name, breadth first, never the element itself', () => {
    const node = h('div', [h('span', [h('b', {id: 'deep'})]), 'x', h('b', {id: 'shallow'}), h('b', {id: 'later'})])
    assert.equal(findElement(node, 'b')?.properties.id, 'shallow')
    assert.equal(findElement(node, 'span')?.tagName, 'span')
    assert.equal(findElement(h('b', [h('i')]), 'b'), undefined)
    assert.equal(findElement(h('div', [h('p', [h('span', [h('i', {id: 'x'})])])]), 'i')?.properties.id, 'x')
    assert.equal(findElement(node, 'table'), undefined)
  })
})
