import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import type {Element, ElementContent, Nodes, Root, RootContent} from 'hast'
import fc from 'fast-check'
import {flatten, isArtifact, isBlockLevel, isReopened, isTransparent, type Flat} from '../../src/body/flatten.ts'
import {parseBody} from '../../src/body/parse.ts'
import {parsePost, renderHtml, renderPost} from '../../src/index.ts'

// The body as flatten cuts it: gaps and items alternate, each as its source (an item with its kind).
function cut(body: string, flat: Flat = flatten(parseBody(body).tree, body)): string[] {
  const out: string[] = []
  flat.items.forEach((item, index) => {
    out.push(body.slice(flat.gaps[index]!.start, flat.gaps[index]!.end), `${item.kind}:${body.slice(item.start, item.end)}`)
  })
  const last = flat.gaps.at(-1)!
  out.push(body.slice(last.start, last.end))
  return out
}

/** What each gap holds: `text`, `comment`, `<name>` for an open part, `</name>` for a close part. */
function parts(flat: Flat): string[][] {
  return flat.gaps.map((gap) =>
    gap.parts.map((part) => (part.type === 'open' ? `<${part.node.tagName}>` : part.type === 'close' ? `</${part.node.tagName}>` : `${part.type}:${part.node.value}`))
  )
}

function read(body: string): Flat {
  return flatten(parseBody(body).tree, body)
}

const at = (start: number, end: number) => ({start: {line: 1, column: start + 1, offset: start}, end: {line: 1, column: end + 1, offset: end}})

function element(tagName: string, children: ElementContent[] = [], placed?: [number, number]): Element {
  const node: Element = {type: 'element', tagName, properties: {}, children}
  if (placed) node.position = at(...placed)
  return node
}
const text = (value: string, placed?: [number, number]): ElementContent => (placed ? {type: 'text', value, position: at(...placed)} : {type: 'text', value})

describe('isBlockLevel', () => {
  it('should take the elements that start a block of their own, and nothing else', () => {
    const blocks = ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'table', 'ul', 'ol', 'dl', 'blockquote', 'pre', 'figure', 'hr', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'address', 'center', 'details', 'hgroup', 'iframe', 'video', 'audio', 'picture']
    for (const name of blocks) assert.equal(isBlockLevel(element(name)), true, name)
    for (const name of ['span', 'b', 'a', 'img', 'br', 'font', 'li', 'td', 'tr', 'figcaption', 'summary', 'label', 'object', 'P']) assert.equal(isBlockLevel(element(name)), false, name)
    assert.equal(isBlockLevel({type: 'text', value: 'p'}), false)
    assert.equal(isBlockLevel({type: 'comment', value: 'p'}), false)
  })
})

describe('isReopened', () => {
  it('should be true only for an element marked as reopened by the parser', () => {
    const reopened = element('b', [text('x')])
    reopened.data = {reopened: true} as Element['data']
    assert.equal(isReopened(reopened), true)
    assert.equal(isReopened(element('b', [text('x')])), false)
    const other = element('b')
    other.data = {} as Element['data']
    assert.equal(isReopened(other), false)
    assert.equal(isReopened({type: 'text', value: 'x', data: {reopened: true}} as Nodes), false)
    assert.equal(isReopened({type: 'root', children: []}), false)
  })

  it('should find the formatting element parse5 reopens after a paragraph', () => {
    // `<b>` is open when `</p>` closes the paragraph: the next text is inside a copy of it (the adoption of formatting elements).
    const {tree} = parseBody('<p><b>x</p>y')
    const [p, copy] = tree.children as Element[]
    assert.equal(isReopened(p!), false)
    assert.equal(isReopened(p!.children[0]!), false)
    assert.equal(copy!.tagName, 'b')
    assert.equal(isReopened(copy!), true)
  })
})

describe('isArtifact', () => {
  it('should take an element without a place that shows nothing', () => {
    assert.equal(isArtifact(element('p')), true)
    assert.equal(isArtifact(element('b', [text(' \t\n\f\r')])), true)
    assert.equal(isArtifact(element('b', [element('i', [text('\n')]), {type: 'comment', value: 'c'}])), true)
  })

  it('should not take an element that was written, or that shows something', () => {
    assert.equal(isArtifact(element('p', [], [0, 7])), false)
    assert.equal(isArtifact(text('')), false)
    assert.equal(isArtifact({type: 'comment', value: ''}), false)
    assert.equal(isArtifact(element('b', [text('x')])), false)
    assert.equal(isArtifact(element('b', [text(' x ')])), false)
    // Non-breaking spaces show.
    assert.equal(isArtifact(element('b', [text('\u00A0')])), false)
    // A written element inside, however blank.
    assert.equal(isArtifact(element('b', [element('span', [], [3, 16])])), false)
    for (const name of ['img', 'hr', 'iframe', 'br']) assert.equal(isArtifact(element('b', [element(name)])), false, name)
    assert.equal(isArtifact(element('b', [element('span'), element('i', [element('span', [text('x')])])])), false)
    assert.equal(isArtifact(element('b', [element('span', [element('img')])])), false)
  })

  it('should take the empty paragraph the parser makes for a stray `</p>`', () => {
    const {tree} = parseBody('<p>x</p></p>y')
    const made = tree.children[1]!
    assert.equal(made.type === 'element' && made.tagName, 'p')
    assert.equal(isArtifact(made), true)
    assert.equal(isArtifact(tree.children[0]!), false)
  })
})

describe('isTransparent', () => {
  it('should look through a layout container that holds a block, directly or inside containers', () => {
    assert.equal(isTransparent(element('div', [element('p', [text('x')])])), true)
    assert.equal(isTransparent(element('div', [text('a'), element('p', [], [1, 8])])), true)
    assert.equal(isTransparent(element('div', [element('font', [element('span', [element('h2', [], [0, 9])])])])), true)
    assert.equal(isTransparent(element('b', [element('b', [element('table', [], [3, 18])])])), true)
  })

  it('should not look through a container of inline content only', () => {
    assert.equal(isTransparent(element('div')), false)
    assert.equal(isTransparent(element('div', [text('a'), element('b', [text('b')]), element('img')])), false)
    assert.equal(isTransparent(element('span', [element('font', [element('a', [text('x')])])])), false)
  })

  it('should not look through an element that is not a layout container', () => {
    for (const name of ['p', 'blockquote', 'li', 'td', 'figure', 'label', 'object', 'table']) assert.equal(isTransparent(element(name, [element('p')])), false, name)
  })

  it('should not count a block inside an element that is no container', () => {
    assert.equal(isTransparent(element('div', [element('label', [element('p')])])), false)
    assert.equal(isTransparent(element('div', [element('li', [element('p')])])), false)
  })

  it('should not count a block the parser made up that shows nothing', () => {
    // `<div>a</p>b</div>`: the stray `</p>` gives an empty `<p>` without a place.
    assert.equal(isTransparent(element('div', [text('a'), element('p'), text('b')])), false)
    assert.equal(isTransparent(element('div', [element('p', [text('x')])])), true)
  })
})

describe('flatten', () => {
  it('should make each heading and block an item, with the text between in gaps', () => {
    assert.deepEqual(cut('<p>a</p>\n<h2>b</h2>'), ['', 'block:<p>a</p>', '\n', 'heading:<h2>b</h2>', ''])
    assert.deepEqual(cut('\n\n<h3>t</h3>  <!-- c -->\n<ul><li>x</li></ul>\n'), ['\n\n', 'heading:<h3>t</h3>', '  <!-- c -->\n', 'block:<ul><li>x</li></ul>', '\n'])
    assert.deepEqual(parts(read('<p>a</p>\n<!--c-->\n<p>b</p>')), [[], ['text:\n', 'comment:c', 'text:\n'], []])
    assert.deepEqual(cut(''), [''])
    assert.deepEqual(cut(' \n '), [' \n '])
    for (const depth of [1, 2, 3, 4, 5, 6]) assert.deepEqual(cut(`<h${depth}>t</h${depth}>`), ['', `heading:<h${depth}>t</h${depth}>`, ''])
  })

  it('should make a block of each block-level element, between runs', () => {
    const bodies: Record<string, string> = {
      p: '<p>x</p>', div: '<div>x</div>', table: '<table><tr><td>x</td></tr></table>', ul: '<ul><li>x</li></ul>', ol: '<ol><li>x</li></ol>',
      dl: '<dl><dt>x</dt><dd>y</dd></dl>', blockquote: '<blockquote>x</blockquote>', pre: '<pre>x</pre>', figure: '<figure><img src="a.png"></figure>',
      hr: '<hr>', section: '<section>x</section>', article: '<article>x</article>', main: '<main>x</main>', header: '<header>x</header>',
      footer: '<footer>x</footer>', aside: '<aside>x</aside>', nav: '<nav>x</nav>', address: '<address>x</address>', center: '<center>x</center>',
      details: '<details><summary>s</summary>x</details>', hgroup: '<hgroup>x</hgroup>', iframe: '<iframe src="https://example.com/"></iframe>',
      video: '<video src="a.mp4"></video>', audio: '<audio src="a.mp3"></audio>', picture: '<picture><img src="a.png"></picture>'
    }
    for (const [name, html] of Object.entries(bodies)) {
      assert.deepEqual(cut(`a ${html} b`), ['', 'run:a', ' ', `block:${html}`, ' ', 'run:b', ''], name)
    }
  })

  it('should keep inline content, comments and white space inside one run', () => {
    assert.deepEqual(cut('x <!--c--> y  <p>z</p>'), ['', 'run:x <!--c--> y', '  ', 'block:<p>z</p>', ''])
    assert.deepEqual(cut('<b>a</b>\n<i>b</i> <!--c--> <img src="x.png"> c<br>d'), ['', 'run:<b>a</b>\n<i>b</i> <!--c--> <img src="x.png"> c<br>d', ''])
    // A comment at a run's end stays in it, and the white space before it too.
    const commented = read('<b>x</b> <!--c--><p>z</p>')
    assert.deepEqual(cut('<b>x</b> <!--c--><p>z</p>', commented), ['', 'run:<b>x</b> <!--c-->', '', 'block:<p>z</p>', ''])
    assert.deepEqual(parts(commented), [[], [], []])
    assert.equal(commented.items[0]!.nodes.length, 3)
    // A comment of white space is no white space: it stays at the run's end.
    const blank = read('x<!-- -->\n<p>a</p>')
    assert.deepEqual(cut('x<!-- -->\n<p>a</p>', blank), ['', 'run:x<!-- -->', '\n', 'block:<p>a</p>', ''])
    assert.deepEqual(parts(blank), [[], ['text:\n'], []])
    const flat = read('<b>a</b>\n<i>b</i>')
    assert.deepEqual(flat.items[0]!.nodes.map((node) => node.type === 'element' ? node.tagName : node.type), ['b', 'text', 'i'])
  })

  it('should give a run\'s white space at its edges to the gaps', () => {
    assert.deepEqual(cut('<p>a</p>  x  '), ['', 'block:<p>a</p>', '  ', 'run:x', '  '])
    assert.deepEqual(cut(' \n\tx\f'), [' \n\t', 'run:x', '\f'])
    // A white-space node at a run's end leaves it for the gap.
    const flat = read('<b>x</b>\n<p>y</p>')
    assert.deepEqual(cut('<b>x</b>\n<p>y</p>', flat), ['', 'run:<b>x</b>', '\n', 'block:<p>y</p>', ''])
    assert.deepEqual(parts(flat), [[], ['text:\n'], []])
    assert.equal(flat.items[0]!.nodes.length, 1)
    // White space from inside a reopened `<b>` and after it: both go to the gap, in order.
    const across = '<p><b>x</p>y<p>z</p>w<i>i</i> </b>\n<p>v</p>'
    const twice = read(across)
    assert.deepEqual(cut(across, twice), ['', 'block:<p><b>x</p>', '', 'run:y', '', 'block:<p>z</p>', '', 'run:w<i>i</i>', ' </b>\n', 'block:<p>v</p>', ''])
    assert.deepEqual(parts(twice), [[], [], [], [], ['text: ', 'text:\n'], []])
    assert.equal(twice.items[3]!.nodes.length, 2)
    // At the end of the body too.
    const end = read('x <b>y</b> \n')
    assert.deepEqual(cut('x <b>y</b> \n', end), ['', 'run:x <b>y</b>', ' \n'])
    assert.deepEqual(parts(end), [[], ['text: \n']])
  })

  it('should leave stray end tags at a run\'s edges to the gaps', () => {
    assert.deepEqual(cut('</div>text'), ['</div>', 'run:text', ''])
    // End tags in capitals, and white space before the tag.
    assert.deepEqual(cut('x</DIV>'), ['', 'run:x', '</DIV>'])
    assert.deepEqual(cut('x </div>'), ['', 'run:x', ' </div>'])
    assert.deepEqual(cut('<p>a</p>\n</DIV> x'), ['', 'block:<p>a</p>', '\n</DIV> ', 'run:x', ''])
    assert.deepEqual(cut('text</div>'), ['', 'run:text', '</div>'])
    // The text node's source starts with the white space and the stray tag before it.
    assert.deepEqual(cut('<p>a</p>\n</div>x\n</span></div>'), ['', 'block:<p>a</p>', '\n</div>', 'run:x', '\n</span></div>'])
    // Several, with white space between.
    assert.deepEqual(cut('<p>a</p></i> </b>x</i> </b>'), ['', 'block:<p>a</p>', '</i> </b>', 'run:x', '</i> </b>'])
    // A stray end tag at the end of a text node's source, white space after it (the text node goes on through both).
    assert.deepEqual(cut('x</div>\n'), ['', 'run:x', '</div>\n'])
    assert.deepEqual(cut('x </DIV>\n'), ['', 'run:x', ' </DIV>\n'])
    assert.deepEqual(cut('x</b>y</i>\n'), ['', 'run:x</b>y', '</i>\n'])
    assert.deepEqual(cut('x</i></b>\n'), ['', 'run:x', '</i></b>\n'])
    assert.deepEqual(cut('x</>\n'), ['', 'run:x</>', '\n'])
    assert.deepEqual(cut('x</div title="</b>">\n'), ['', 'run:x', '</div title="</b>">\n'])
    assert.deepEqual(cut('x</div title="</b></i>">\n'), ['', 'run:x', '</div title="</b></i>">\n'])
    // An end tag whose "attributes" hold `</` and `>`, as a browser reads it.
    assert.deepEqual(cut('x</div title="</b>">'), ['', 'run:x', '</div title="</b>">'])
    assert.deepEqual(cut('x</div title="</b></i>">'), ['', 'run:x', '</div title="</b></i>">'])
    assert.deepEqual(cut('x</div title=">"></span a="</b>">'), ['', 'run:x', '</div title=">"></span a="</b>">'])
  })

  it('should keep in a run what only looks like an end tag', () => {
    // `</>` is no tag (the tokenizer drops it: its characters stay in the text node's source), `a>b` text.
    assert.deepEqual(cut('<p>a</p>x</>'), ['', 'block:<p>a</p>', '', 'run:x</>', ''])
    assert.deepEqual(cut('x a&gt;b>'), ['', 'run:x a&gt;b>', ''])
    assert.deepEqual(cut('<p>a</p>\n</>x'), ['', 'block:<p>a</p>', '\n', 'run:</>x', ''])
    // `</1>` is a comment (a bogus one): a run keeps a comment at its end.
    assert.deepEqual(cut('x</1>'), ['', 'run:x</1>', ''])
    // A run ending in an element's `>` keeps it: only text swallows stray tags.
    assert.deepEqual(cut('x <b>y</b>'), ['', 'run:x <b>y</b>', ''])
    assert.deepEqual(cut('<b>y</b> x'), ['', 'run:<b>y</b> x', ''])
  })

  it('should look through layout containers that hold blocks, their tags in the gaps', () => {
    const body = '<div class="w"><h2>T</h2>\n<p>x</p></div>'
    const flat = read(body)
    assert.deepEqual(cut(body, flat), ['<div class="w">', 'heading:<h2>T</h2>', '\n', 'block:<p>x</p>', '</div>'])
    assert.deepEqual(parts(flat), [['<div>'], ['text:\n'], ['</div>']])
    assert.equal((flat.gaps[0]!.parts[0]!.node as Element).properties.className?.toString(), 'w')
    const nested = read('<div><font><p>x</p></font></div>')
    assert.deepEqual(cut('<div><font><p>x</p></font></div>', nested), ['<div><font>', 'block:<p>x</p>', '</font></div>'])
    assert.deepEqual(parts(nested), [['<div>', '<font>'], ['</font>', '</div>']])
  })

  it('should look through every layout and formatting container', () => {
    const containers = ['div', 'section', 'article', 'main', 'header', 'footer', 'center', 'aside', 'nav', 'hgroup', 'address', 'font', 'span', 'a', 'b', 'strong', 'i', 'em', 'u', 's', 'strike', 'del', 'ins', 'small', 'big', 'mark', 'sub', 'sup', 'tt', 'code', 'cite', 'q', 'abbr', 'dfn', 'kbd', 'samp', 'var', 'time']
    for (const name of containers) {
      const body = `<${name}><p>x</p></${name}>`
      const flat = read(body)
      assert.deepEqual(cut(body, flat), [`<${name}>`, 'block:<p>x</p>', `</${name}>`], name)
      assert.deepEqual(parts(flat), [[`<${name}>`], [`</${name}>`]], name)
    }
  })

  it('should keep other elements that hold blocks whole', () => {
    for (const body of ['<blockquote><p>x</p></blockquote>', '<figure><p>x</p></figure>', '<details><p>x</p></details>']) assert.deepEqual(cut(body), ['', `block:${body}`, ''])
    // An inline element that is no container joins a run, blocks and all.
    assert.deepEqual(cut('<label><p>x</p></label>'), ['', 'run:<label><p>x</p></label>', ''])
    // A container whose block is inside a non-container is one block.
    assert.deepEqual(cut('<div><label><p>x</p></label></div>'), ['', 'block:<div><label><p>x</p></label></div>', ''])
    // A container of inline content only.
    assert.deepEqual(cut('<div>a <b>b</b></div><span>c</span>'), ['', 'block:<div>a <b>b</b></div>', '', 'run:<span>c</span>', ''])
    // The empty `<p>` of a stray `</p>` makes no block of a container.
    assert.deepEqual(cut('<div>a</p>b</div>'), ['', 'block:<div>a</p>b</div>', ''])
  })

  it('should end runs at a container\'s edges', () => {
    const body = 'a<div>b<p>c</p>d</div>e'
    const flat = read(body)
    assert.deepEqual(cut(body, flat), ['', 'run:a', '<div>', 'run:b', '', 'block:<p>c</p>', '', 'run:d', '</div>', 'run:e', ''])
    assert.deepEqual(parts(flat), [[], ['<div>'], [], [], ['</div>'], []])
  })

  it('should go through a formatting element the parser reopened without tags of its own', () => {
    // `\n` after `</p>` reopens `<b>`, which then holds the next paragraph: it has no tags in the source.
    const body = '<p><b>x</p>\n<p>z</p>\ny'
    const flat = read(body)
    assert.deepEqual(cut(body, flat), ['', 'block:<p><b>x</p>', '\n', 'block:<p>z</p>', '\n', 'run:y', ''])
    // The last `\n` and `y` are one text node: the run's, trimmed.
    assert.deepEqual(parts(flat), [[], ['text:\n'], [], []])
    // A run goes on through its edges.
    const run = '<p><b>x</p>y<p>z</p>w'
    assert.deepEqual(cut(run), ['', 'block:<p><b>x</p>', '', 'run:y', '', 'block:<p>z</p>', '', 'run:w', ''])
    const inline = '<p><b>x</p>y <i>z</i>'
    const onlyInline = read(inline)
    assert.deepEqual(cut(inline, onlyInline), ['', 'block:<p><b>x</p>', '', 'run:y <i>z</i>', ''])
    assert.equal(onlyInline.items[1]!.nodes.length, 1)
    assert.equal(isReopened(onlyInline.items[1]!.nodes[0]!), true)
  })

  it('should put what the parser made up that shows nothing into the gaps, or into the run it is in', () => {
    const body = '<p>a</p>\n</p>\n<p>b</p>'
    const flat = read(body)
    assert.deepEqual(cut(body, flat), ['', 'block:<p>a</p>', '\n</p>\n', 'block:<p>b</p>', ''])
    // The made-up `<p>` is an empty text part: its source, `</p>`, is layout read as it is.
    assert.deepEqual(parts(flat), [[], ['text:\n', 'text:', 'text:\n'], []])
    assert.equal(flat.gaps[1]!.parts[1]!.node.type, 'text')
    const inRun = read('<p>x</p></p>y')
    assert.deepEqual(cut('<p>x</p></p>y', inRun), ['', 'block:<p>x</p>', '</p>', 'run:y', ''])
    const middle = read('a <b>b</b></p> c')
    assert.deepEqual(cut('a <b>b</b></p> c', middle), ['', 'run:a <b>b</b></p> c', ''])
    assert.equal(middle.items[0]!.nodes.some(isArtifact), true)
  })

  it('should make one block of what the parser moved out of a table and the table', () => {
    assert.deepEqual(cut('<table>x<tr><td>a</td></tr>y</table>'), ['', 'block:<table>x<tr><td>a</td></tr>y</table>', ''])
    const body = '<h2>t</h2><table>x<p>p</p>y<tr><td>a</td></tr></table><p>b</p>'
    const flat = read(body)
    assert.deepEqual(cut(body, flat), ['', 'heading:<h2>t</h2>', '', 'block:<table>x<p>p</p>y<tr><td>a</td></tr></table>', '', 'block:<p>b</p>', ''])
    assert.deepEqual(flat.items[1]!.nodes.map((node) => (node.type === 'element' ? node.tagName : node.type)), ['text', 'p', 'text', 'table'])
    // A heading moved out of a table makes no section of its own: it is in the table's block.
    const heading = '<p>a</p>\n<table><h2>h</h2><tr><td>c</td></tr></table>\n<p>b</p>'
    const joined = read(heading)
    assert.deepEqual(cut(heading, joined), ['', 'block:<p>a</p>', '\n', 'block:<table><h2>h</h2><tr><td>c</td></tr></table>', '\n', 'block:<p>b</p>', ''])
    assert.deepEqual(parts(joined), [[], ['text:\n'], ['text:\n'], []])
  })

  it('should not look through a container whose start tag is inside the item before it: that item takes it whole', () => {
    // parse5's adoption agency ends the outer `<a>` where the `<div>` starts and copies it around the `<p>`: the `<div>`'s
    // start tag lies inside the source of the first `<a>`, which runs to the `</p>`.
    const body = '<a href="/x"><div class="d"><p>a</p><a href="/y">b</a></div>'
    const flat = read(body)
    assert.deepEqual(cut(body, flat), ['', `block:${body}`, ''])
    assert.deepEqual(parts(flat), [[], []])
    assert.deepEqual(flat.items[0]!.nodes.map((node) => (node as Element).tagName), ['a', 'div'])
    // A container that starts after the item before is looked through as usual.
    assert.deepEqual(cut('<a href="/x">a</a><div><p>b</p></div>'), ['', 'run:<a href="/x">a</a>', '<div>', 'block:<p>b</p>', '</div>'])
  })

  it('should give back such a body as written, and keep its container and link when a rewrite is needed', () => {
    const post = (body: string) => '---\ntitle: t\n---\n' + body
    const clean = '<a href="/x"><div class="d"><p>a</p><a href="/y">b</a></div>'
    assert.equal(renderPost(parsePost(post(clean))), post(clean))
    const dirty = '<a href="/x"><div class="d"><p onclick="y()">a</p><a href="/y">b</a></div>'
    const html = renderHtml(parsePost(post(dirty)))
    assert.equal(html, '<a href="/x"></a><div class="d"><a href="/x"><p>a</p></a><a href="/y">b</a></div>')
  })

  it('should not look through a container the parser moved out of a table: the table\'s item takes it whole', () => {
    // parse5 puts `<a>` (and its `<p>`) before the `<table>` whose source holds it: its tags are inside the table's.
    const body = '<p>a</p><table><a href="/x"><p>b</p></a><tr><td>c</td></tr></table>'
    const flat = read(body)
    assert.deepEqual(cut(body, flat), ['', 'block:<p>a</p>', '', 'block:<table><a href="/x"><p>b</p></a><tr><td>c</td></tr></table>', ''])
    assert.deepEqual(parts(flat), [[], [], []])
    assert.deepEqual(flat.items[1]!.nodes.map((node) => (node as Element).tagName), ['a', 'table'])
    // After a block moved out too, and inside a container that is looked through.
    const inside = '<div><table><p>a</p><span><p>b</p></span></table></div>'
    const both = read(inside)
    assert.deepEqual(cut(inside, both), ['<div>', 'block:<table><p>a</p><span><p>b</p></span></table>', '</div>'])
    assert.deepEqual(parts(both), [['<div>'], ['</div>']])
    assert.deepEqual(both.items[0]!.nodes.map((node) => (node as Element).tagName), ['p', 'span', 'table'])
    // First in the body, and beside an element without a place (the empty `<p>` of a stray `</p>`).
    const first = '<table><a href="/x"><p>b</p></a><tr><td>c</td></tr></table>'
    const alone = read(first)
    assert.deepEqual(cut(first, alone), ['', `block:${first}`, ''])
    assert.deepEqual(alone.items[0]!.nodes.map((node) => (node as Element).tagName), ['a', 'table'])
    assert.deepEqual(cut('<p>a</p></p><div><p>b</p></div>'), ['', 'block:<p>a</p>', '</p><div>', 'block:<p>b</p>', '</div>'])
    // A container after the table is looked through as usual.
    assert.deepEqual(cut('<table><tr><td>c</td></tr></table><div><p>d</p></div>'), ['', 'block:<table><tr><td>c</td></tr></table>', '<div>', 'block:<p>d</p>', '</div>'])
  })

  it('should join a table only with the items its source reaches back into', () => {
    const body = '<p>a</p><p>b</p><p>c</p><table>x<tr><td>y</td></tr></table><p>d</p>'
    assert.deepEqual(cut(body), ['', 'block:<p>a</p>', '', 'block:<p>b</p>', '', 'block:<p>c</p>', '', 'block:<table>x<tr><td>y</td></tr></table>', '', 'block:<p>d</p>', ''])
  })

  it('should end a gap where a table that took in earlier items starts', () => {
    // Inside a container, the gap before the table holds the container's tag and white space.
    const body = '<div><p>a</p></div>\n<table><p>x</p><tr><td>c</td></tr></table>'
    const flat = read(body)
    assert.deepEqual(cut(body, flat), ['<div>', 'block:<p>a</p>', '</div>\n', 'block:<table><p>x</p><tr><td>c</td></tr></table>', ''])
    assert.deepEqual(parts(flat), [['<div>'], ['</div>', 'text:\n'], []])
  })

  it('should give a made-up element the edges of what it holds', () => {
    // A hand-built tree: a `<b>` without a place around placed text.
    const body = '  hello  '
    const tree: Root = {type: 'root', children: [element('b', [text('hello', [2, 7])])]}
    assert.deepEqual(cut(body, flatten(tree, body)), ['  ', 'run:hello', '  '])
    // Nothing placed inside: the run starts where the last one ended.
    const none: Root = {type: 'root', children: [element('p', [], [0, 7]), element('b', [text('x')])]}
    assert.deepEqual(cut('<p></p>', flatten(none, '<p></p>')), ['', 'block:<p></p>', '', 'run:', ''])
    // An empty run is not trimmed past its start, even after white space.
    const spaced: Root = {type: 'root', children: [element('p', [], [0, 8]), element('b', [text('x')])]}
    const empty = flatten(spaced, '<p></p> ').items[1]!
    assert.deepEqual([empty.kind, empty.start, empty.end], ['run', 8, 8])
    const before: Root = {type: 'root', children: [element('p', [], [0, 7]), element('b', [text('x')])]}
    const still = flatten(before, '<p></p>  ').items[1]!
    assert.deepEqual([still.kind, still.start, still.end], ['run', 7, 7])
    // After a container, a run without a place starts where the container's end tag ends.
    const closed: Root = {type: 'root', children: [element('div', [element('p', [text('a', [8, 9])], [5, 13])], [0, 19]), element('b', [text('x')])]}
    assert.deepEqual(cut('<div><p>a</p></div>', flatten(closed, '<div><p>a</p></div>')), ['<div>', 'block:<p>a</p>', '</div>', 'run:', ''])
    // The first placed descendant starts it, the last ends it, however deep.
    const deep = '<p>a</p><b>c</b><i>d</i>'
    const nested: Root = {
      type: 'root',
      children: [element('span', [element('em', [element('b', [text('c', [11, 12])], [8, 16]), element('i', [text('d', [19, 20])], [16, 24])]), element('em')])]
    }
    assert.deepEqual(cut(deep, flatten(nested, deep)), ['<p>a</p>', 'run:<b>c</b><i>d</i>', ''])
    const blocky: Root = {type: 'root', children: [element('h2', [element('b', [text('c', [11, 12])], [8, 16]), element('i', [text('d', [19, 20])], [16, 24])])]}
    assert.deepEqual(cut(deep, flatten(blocky, deep)), ['<p>a</p>', 'heading:<b>c</b><i>d</i>', ''])
  })

  it('should skip a doctype', () => {
    const tree: Root = {type: 'root', children: [{type: 'doctype'}, element('p', [text('x', [3, 4])], [0, 8])]}
    assert.deepEqual(cut('<p>x</p>', flatten(tree, '<p>x</p>')), ['', 'block:<p>x</p>', ''])
  })
})

/** Every node of a tree, in document order. */
function documentOrder(tree: Root): Array<Element | RootContent> {
  const out: RootContent[] = []
  const pending: RootContent[] = [...tree.children].reverse()
  while (pending.length > 0) {
    const node = pending.pop()!
    out.push(node)
    if (node.type === 'element') for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index]!)
  }
  return out
}

/** The visible text and comments of nodes, in document order. */
function words(nodes: RootContent[]): string[] {
  const out: string[] = []
  for (const node of nodes) {
    for (const inner of documentOrder({type: 'root', children: [node]})) {
      if (inner.type === 'comment') out.push(`<!--${inner.value}-->`)
      else if (inner.type === 'text' && /[^ \t\n\f\r]/.test(inner.value)) out.push(inner.value)
    }
  }
  return out
}

const piece = fc.constantFrom(
  '<p>a</p>', '<h2>t</h2>', 'text', ' ', '\n', '\n\n', '<!--c-->', '<b>', '</b>', '<i>x</i>', '<div>', '</div>', '<div class=w>', '<span>', '</span>', '</p>', '<p>',
  '<table>', '<tr><td>c', '</td></tr>', '</table>', '<img src=x>', '<hr>', '<br>', '</i>', '<ul><li>l', '</ul>', '<font>', '</font>', '<section>', '</section>',
  '<blockquote>', '</blockquote>', '<a href=x>', '</a>', 'w</x>', '</div title="</b>">', '<label>', '<h3>', '</h3>'
)

describe('flatten (generated bodies)', () => {
  it('should cut the whole body into gaps and items, in order, and lose no text, comment or container', () => {
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 14}), (pieces) => {
        const body = pieces.join('')
        const {tree} = parseBody(body)
        const flat = flatten(tree, body)
        const {items, gaps} = flat
        assert.equal(gaps.length, items.length + 1)
        assert.equal(gaps[0]!.start, 0)
        assert.equal(gaps.at(-1)!.end, body.length)
        items.forEach((item, index) => {
          assert.equal(gaps[index]!.end, item.start)
          assert.equal(gaps[index + 1]!.start, item.end)
          assert.ok(item.start <= item.end)
          if (item.kind === 'heading') assert.match((item.nodes[0] as Element).tagName, /^h[1-6]$/)
          if (item.kind === 'run') {
            assert.ok(!item.nodes.some((node) => isBlockLevel(node) && !isArtifact(node)))
            assert.doesNotMatch(body.slice(item.start, item.end), /^[ \t\n\f\r]|[ \t\n\f\r]$/)
          }
        })
        for (const gap of gaps) assert.ok(gap.start <= gap.end)
        // Where the parser moved content so that sources overlap (foster parenting, the adoption agency:
        // `<font><p>a</p><!--c--><div></font>`), an item takes in earlier ones with their gaps: still nothing is lost.
        // Texts and comments of the tree, in order: each in one gap or one item.
        const seen: RootContent[] = []
        const opened: Element[] = []
        for (let index = 0; index < gaps.length; index++) {
          for (const part of gaps[index]!.parts) {
            if (part.type === 'open') opened.push(part.node)
            else if (part.type === 'close') {
              assert.equal(opened.pop(), part.node)
            }
            else seen.push(part.node)
          }
          if (items[index]) seen.push(...items[index]!.nodes)
        }
        assert.deepEqual(opened, [])
        assert.deepEqual(words(seen), words(tree.children))
        // The containers in the gaps are the looked-through ones with tags of their own.
        const walked = documentOrder(tree).filter((node): node is Element => node.type === 'element' && !isReopened(node) && isTransparent(node))
        const inGaps = gaps.flatMap((gap) => gap.parts.filter((part) => part.type === 'open').map((part) => part.node))
        const insideItems = new Set(items.flatMap((item) => documentOrder({type: 'root', children: item.nodes})))
        assert.deepEqual(inGaps, walked.filter((node) => !insideItems.has(node)))
      }),
      {seed: 20261207, numRuns: 200}
    )
  })
})

describe('flatten (an item that takes in earlier ones keeps their gaps)', () => {
  const names = (flat: Flat, index: number) => flat.items[index]!.nodes.map((node) => (node.type === 'element' ? node.tagName : node.type))

  it('should take in a container closed in the join from its start tag, with the comment between', () => {
    // The adoption agency ends `<font>` at the `<div>`, whose start tag lies inside the font's source.
    const body = '<font><p>a</p><!--c--><div></font>'
    const flat = read(body)
    assert.deepEqual(cut(body, flat), ['', `block:${body}`, ''])
    assert.deepEqual(parts(flat), [[], []])
    assert.deepEqual(names(flat, 0), ['font', 'div'])
    assert.deepEqual(words(flat.items[0]!.nodes), ['a', '<!--c-->'])
  })

  it('should keep the comment when such a post is rewritten', () => {
    const post = '---\ntitle: t\n---\n<p onclick="x()">z</p>\n<font><p>a</p><!--c--><div></font>'
    const html = renderHtml(parsePost(post))
    assert.match(html, /<font><p>a<\/p><!--c--><\/font>/)
    assert.equal(renderPost(parsePost(renderPost(parsePost(post)))), renderPost(parsePost(post)))
  })

  it('should take in whole a container still being walked, and walk no more of it', () => {
    // The `<a>` copy the adoption agency makes around `<h3>` has no place; the `<h3>` starts inside the `<b>`.
    const body = '<b><a href=x><h3><br></b>x'
    const flat = read(body)
    assert.deepEqual(cut(body, flat), ['', `block:${body}`, ''])
    assert.deepEqual(parts(flat), [[], []])
    assert.deepEqual(names(flat, 0), ['b', 'a'])
    assert.deepEqual(words(flat.items[0]!.nodes), ['x'])
  })

  it('should keep the gaps outside the join as they were', () => {
    const body = '<p>0</p>\n<font><p>a</p>\n<!--c--><div></font></div>\n<p>b</p>'
    const flat = read(body)
    assert.deepEqual(cut(body, flat), ['', 'block:<p>0</p>', '\n', 'block:<font><p>a</p>\n<!--c--><div></font></div>', '\n', 'block:<p>b</p>', ''])
    assert.deepEqual(parts(flat), [[], ['text:\n'], ['text:\n'], []])
  })
})
