import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {unified} from 'unified'
import rehypeParse from 'rehype-parse'
import type {Element, Root, RootContent} from 'hast'
import {childrenOf, escapes} from '../../src/body/balance.ts'

const parser = unified().use(rehypeParse, {fragment: true}).freeze()

/** The `[start, end)` of every escape found in `html`. */
function ranges(html: string, unfinished?: number): Array<[number, number]> {
  return escapes(parser.parse(html), html, unfinished).map((escape) => [escape.start, escape.end])
}

/** The range of `part`'s first occurrence in `html`. */
function at(html: string, part: string, from = 0): [number, number] {
  const start = html.indexOf(part, from)
  assert.notEqual(start, -1, `${part} is not in ${html}`)
  return [start, start + part.length]
}

/**
 * The judge, apart from the module: parse `<div id=box>` + html +
 * `</div><i id=after></i>` and say whether the body stayed in the box and
 * nothing of it followed the box out.
 */
function staysInside(html: string): boolean {
  const tree = parser.parse(`<div id="box">${html}</div><i id="after"></i>`)
  const elements = tree.children.filter((node): node is Element => node.type === 'element')
  const [box, after] = elements
  if (elements.length !== 2 || box?.properties.id !== 'box' || after?.properties.id !== 'after') return false
  return after.children.length === 0 && tree.children.every((node: RootContent) => node.type !== 'text' || node.value.trim() === '')
}

/** Bodies that stay inside their container, and that the module leaves alone. */
function assertContained(html: string): void {
  assert.ok(staysInside(html), `the judge says ${JSON.stringify(html)} escapes`)
  assert.deepEqual(ranges(html), [], JSON.stringify(html))
}

describe('escapes', () => {
  it('should find nothing in a balanced body', () => {
    for (const html of ['', 'a', '<p>a</p>', '<p>a</p>\n<p>b</p>', '<div><p>a</p></div>', '<table><tr><td>a</td></tr></table>', '<br>', '<p>a<br>b</p><hr>', '<p>1 <2</p>']) assertContained(html)
  })

  it('should mark an unfinished tag or comment from where it starts to the end', () => {
    const html = '<p>a</p><p class="x'
    assert.deepEqual(ranges(html, 8), [[8, html.length]])
    // A place past the end (a tokenizer's offset) is the end.
    assert.deepEqual(ranges('<p>a</p>', 99), [[8, 8]])
  })

  it('should mark every stray end tag, in order', () => {
    const html = '</div><p>a</p></DIV ></article>\n<p>b</p></section>'
    assert.ok(!staysInside(html))
    assert.deepEqual(ranges(html), [at(html, '</div>'), at(html, '</DIV >'), at(html, '</article>'), at(html, '</section>')])
  })

  it('should take an end tag only as its own element’s, with any white space or a slash after the name', () => {
    for (const after of ['>', ' >', '\t>', '\n>', '\f>', '\r>', '/>']) assertContained(`<div>a</div${after}`)
    // `</divx>` is another element's end tag: it closes nothing here, and the `<div>` stays open.
    const html = '<div>a</divx>'
    assert.ok(!staysInside(html))
    assert.deepEqual(ranges(html), [[0, html.length], at(html, '</divx>')])
  })

  it('should take an element as closed only by an end tag of its own name', () => {
    // The last `</` inside the element is another element's; `</bx>` is no `</b>`.
    for (const [html, stray] of [['<div><i>a</i>  <br>', []], ['<b>a</bx><br>', ['</bx>']], ['<div title="</x>">', []], ['<div title="</divx>">', []]] as const) {
      assert.ok(!staysInside(html), html)
      assert.deepEqual(ranges(html), [[0, html.length], ...stray.map((tag) => at(html, tag))], html)
    }
  })

  it('should take any heading’s end tag as closing an open heading, and no other element', () => {
    // The HTML standard: an end tag `h1`…`h6` pops the stack up to whichever heading is open.
    for (const html of ['<h2>a</h3>', '<h1>a</H6 >', '<h6><b>a</b></h1>\n<p>b</p>', '<div><h2>a</h4></div>', '<h3>a</h2/>']) assertContained(html)
    // With no heading open, or the heading already closed, it is a stray end tag (it would close a heading the
    // page placed the post in).
    for (const [html, stray] of [['<p>a</h3>', '</h3>'], ['<h2>a</h2></h3>', '</h3>'], ['<div>a</h3></div>', '</h3>']] as const) {
      assert.deepEqual(ranges(html), [at(html, stray)], html)
    }
    // `</h7>` is no heading's: the `<h2>` stays open.
    assert.deepEqual(ranges('<h2>a</h7>'), [[0, 10], [5, 10]])
  })

  it('should find a stray end tag inside an element, and a dropped start tag inside a text', () => {
    // `</article>` closes a page's `<article>` from inside any element of the post.
    const inside = '<div>a</article>b</div>'
    assert.deepEqual(ranges(inside), [at(inside, '</article>')])
    const text = 'a<body onload="x()">b'
    assert.deepEqual(ranges(text), [at(text, '<body onload="x()">')])
    // A comment's text is no markup.
    assertContained('<!-- </div> --><p>a</p>')
  })

  it('should leave end tags that close nothing around the body', () => {
    // `</p>` and `</br>` make elements of their own; no element around a body is a void one.
    for (const html of ['<p>a</p></p>', '<p>a</br></p>', '<hr></hr>', '<p>a</img></p>', '<p>a</input></p>', '<p>1 <2</p></p>']) assertContained(html)
  })

  it('should leave `</body>` and `</html>` unless a comment follows them', () => {
    for (const html of ['<p>a</p></body></html>', '<p>a</p></body>\n</html>\n', '<p>a</p></body>x<!-- y -->', '<p>a</p></body><p>b</p><!-- y -->']) assertContained(html)
    const comments: Array<[string, string[]]> = [
      ['<p>a</p></body><!-- x -->', ['</body>']],
      ['<p>a</p></html>\t\n\f\r <!-- x -->', ['</html>']],
      ['<p>a</p></BODY></html ><?x>', ['</BODY>', '</html >']],
      ['<p>a</p></body></html foo><!x>', ['</body>', '</html foo>']],
      ['<p>a</p></body>\n</html\n>\n<!--x-->', ['</body>', '</html\n>']]
    ]
    for (const [html, tags] of comments) {
      assert.deepEqual(ranges(html), tags.map((tag) => at(html, tag)), JSON.stringify(html))
    }
  })

  it('should mark the start tags the fragment parser drops but a page applies to itself', () => {
    for (const tag of ['<body onload="x()">', '<html lang="x">', '<frameset>', '<BODY\tonload=x>']) {
      const html = `<p>a</p>${tag}<p>b</p>`
      assert.deepEqual(ranges(html), [at(html, tag)], html)
    }
    // Without attributes they give the page nothing; `<head>` in a body is ignored.
    for (const tag of ['<head>', '<body>', '<body/>', '<html>']) assertContained(`<p>a</p>${tag}<p>b</p>`)
    // Elements whose names only start so are elements.
    assertContained('<bodyguard>x</bodyguard><headline>y</headline>')
  })

  it('should find an end tag the parser dropped from inside a text', () => {
    const html = 'a</script>b'
    assert.deepEqual(ranges(html), [at(html, '</script>')])
  })

  it('should read the text of raw text elements as text', () => {
    for (const name of ['iframe', 'noembed', 'noframes', 'noscript', 'script', 'style', 'textarea', 'title', 'xmp']) {
      const html = `<${name}>a</div>b</${name}>`
      assert.deepEqual(ranges(html), [], html)
    }
    // `<plaintext>` never ends: the page's markup is its text.
    const html = '<plaintext>a</div>b'
    assert.deepEqual(ranges(html), [[0, html.length]])
  })

  it('should mark the outermost element left open whose end a page’s end tag does not imply', () => {
    for (const html of ['<table><tr><td>a', '<div class="w">\n<p>x</p>\n', '<div><span>x', '<select><option>a']) {
      assert.ok(!staysInside(html), html)
      assert.deepEqual(ranges(html), [[0, html.length]], html)
    }
    const html = '<p>a</p><div><img>'
    assert.deepEqual(ranges(html), [[8, html.length]])
    // A list the page's end tag would close quietly is marked all the same: only the elements below are looked through.
    assert.deepEqual(ranges('<ul><li>a'), [[0, 9]])
  })

  it('should look through elements a page’s end tag closes, and void elements', () => {
    for (const name of ['p', 'li', 'dd', 'dt', 'rb', 'rp', 'rt', 'rtc']) assertContained(`<${name}>x`)
    for (const html of ['<input>', '<p>a</p><img src="a.png">', '<p>a<br>', '<p>a<span>b</span>']) assertContained(html)
    const html = '<p>a<span>b'
    assert.deepEqual(ranges(html), [at(html, '<span>b')])
  })

  it('should mark an element left open inside one of the same name', () => {
    // The inner element's end tag ends both in the source, but closes only the inner one.
    for (const html of ['<div><div>x</div>', '<b><b>x</b>', '<table><tr><td><table></table>']) {
      assert.ok(!staysInside(html), html)
      assert.deepEqual(ranges(html), [[0, html.length]], html)
    }
    for (const html of ['<div><div>x</div></div>', '<b><b>x</b></b>', '<div><p>x</div>']) assertContained(html)
  })

  it('should not take an end tag inside an attribute value as the element’s own', () => {
    // `</div>` in a start tag is part of the value: the element is left open, empty or not.
    for (const html of ['<div title="</div>">x', '<div title="</div>">', "<div title='</div>'>", '<div title=</div>']) {
      assert.ok(!staysInside(html), html)
      assert.deepEqual(ranges(html), [[0, html.length]], html)
    }
    for (const html of ['<div title="</div>">x</div>', '<div title="</div>"></div>', '<div title=</div></div>']) assertContained(html)
  })

  it('should mark a formatting element a block closed, when it is reopened after the body', () => {
    for (const name of ['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u']) {
      const html = `<p><${name}>x</p>`
      assert.ok(!staysInside(html), html)
      assert.deepEqual(ranges(html), [at(html, `<${name}>x`)], html)
    }
    assertContained('<p><span>x</p>')
    // Left open at the very end, it is marked once, as an element left open.
    assert.deepEqual(ranges('<b>x'), [[0, 4]])
  })

  it('should leave a formatting element the parser does not reopen', () => {
    // The second `<a>` closes the first and takes it off the list of elements to reopen.
    for (const html of ['<a>x<a>y</a>', '<a>x<a>y</a><p>z', '<a>x<a>y</a><!--c-->']) assertContained(html)
  })

  it('should read a template’s content', () => {
    assertContained('<template><p>a</p></template>')
    const html = '<template><p>a</p></template><p>b</p></div>'
    assert.deepEqual(ranges(html), [at(html, '</div>')])
  })

  it('should tell an end tag that closed its element from one the parser ignored, where positions alone cannot', () => {
    // `</form>` takes the form off the stack and leaves the `<nobr>` in it open: consumed, not stray.
    let html = '<form><nobr></form></div>'
    assert.deepEqual(ranges(html), [[0, html.length], at(html, '</div>')])
    // Here the table is not in scope for `</form>`, which is ignored, and stray in a page.
    html = '<form><table></form></div>'
    assert.deepEqual(ranges(html), [[0, html.length], at(html, '</form>'), at(html, '</div>')])
    // At the very end an element closed by its end tag ends where one closed by the end does: here the end.
    html = '<table><td><template><body></table>'
    assert.deepEqual(ranges(html), [at(html, '</table>')])
  })

  it('should match an end tag to a foreign element in any case', () => {
    const html = '<svg><foreignObject><p>a</p></foreignobject></svg><p>b</p></div>'
    assert.deepEqual(ranges(html), [at(html, '</div>')])
  })
})

describe('childrenOf', () => {
  it('should give a template’s content, and any other node’s children', () => {
    const tree: Root = parser.parse('<template><p>a</p></template><div><p>b</p></div>')
    const [template, div] = tree.children as Element[]
    assert.ok(template?.content && div)
    assert.equal(childrenOf(template), template.content.children)
    assert.equal(childrenOf(div), div.children)
    assert.equal(childrenOf(tree), tree.children)
    assert.deepEqual(childrenOf({type: 'element', tagName: 'template', properties: {}, children: []}), [])
  })
})
