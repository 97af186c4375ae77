import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {readBody, rewriteBody, settle} from '../../src/body/normalize.ts'
import {parseFragment} from 'parse5'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import {readTree, reread, type Piece} from '../../src/body/reread.ts'
import {compareRereading, rereadSettings} from '../support/reread.ts'
import {defaultSchema} from '../../src/body/schema.ts'

const settings = rereadSettings
const compare = compareRereading

const clean = fc.constantFrom(
  '<p>text</p>', '<p>a <b>b</b> <a href="/x">c</a></p>', '<h2>T</h2>', '<h3 id="x">x</h3>', '<ul><li>a</li><li>b</li></ul>', '<table><tr><td>c</td></tr></table>',
  'loose text', 'more <i>inline</i>', '<img src="a.png" alt="a">', '<hr>', '<br>', '<blockquote><p>q</p></blockquote>', '<pre>\n\ncode</pre>', '<figure><img src=y alt=z></figure>',
  '<p>text', '<p>&amp; &nbsp;&lt;</p>', 'x &amp y', '<div>plain</div>', '<span>s</span>', '<ol><li><p>n</p></li></ol>', '<svg><circle r=1></circle></svg>', '<template><p>t</p></template>', '<b>bold</b> tail'
)
const dirty = fc.constantFrom(
  '<p onclick="x()">a</p>', '<script>a()</script>', '<style>p{}</style>', '</span>', '</div>', '</b>', '</a>', '</p>', '</br>', '<h2>y</h3>', '<img src="a.png" onerror=x>', '<p style="behavior:url(x)">s</p>',
  '<p id="submit">d</p>', '<custom>c</custom>', '<object>o</object>', '<iframe src="https://evil.example/"></iframe>', '<p title=a title=b>r</p>', '<li>bare</li>', '<td>cell</td>', '<body>', '<head>',
  '<b>', '<font>', '<nobr>n', '<p><b>x</p>', '<a><a>x</a></a>', 'a\0b', '<!-- c -->', '<form>f</form>', '<textarea>t', '<table><tr><td>', '<table>t</table>', '<h2>unclosed', '<div onclick=z>',
  '<section><li>x</li></section>', '<p>a<script>x</script>b</p>', '<b><p onclick=y>z</p></b>', '<a href="javascript:x">j</a>', '<math><mi>x</mi></math>', '<svg><foreignObject><li>l</li></foreignObject></svg>'
)
const space = fc.constantFrom('', '\n', '\n\n', ' ', '\r\n')
const container = fc.constantFrom('div class="w "', 'div', 'section', 'font color=red', 'center', 'b', 'article')
const piece: fc.Arbitrary<string> = fc.oneof(
  {weight: 6, arbitrary: clean},
  {weight: 1, arbitrary: dirty},
  {
    weight: 1,
    arbitrary: fc.tuple(container, fc.array(fc.oneof(clean, dirty), {maxLength: 4}), space).map(([open, inner, between]) => `<${open}>${inner.join(between)}</${open.split(' ')[0]}>`)
  }
)
/** Bodies mostly clean, with a few things the sanitiser or the container checks change. */
const body = fc.array(fc.tuple(piece, space), {maxLength: 20}).map((pieces) => pieces.map(([html, after]) => html + after).join(''))

// `readTree`'s mutants change the whole reading and the partial one alike, so the comparisons below cannot see them:
// these read it directly, against rehype-parse and parse5's own reading.
describe('readTree', () => {
  it('should give the tree rehype-parse gives a clean body, with nothing changed', () => {
    const body = '<p>a <b>b</b></p>\n<ul><li>x</li></ul><img src=a alt=b>\r\n<h2 id=x>c</h2>'
    const read = readTree(body, settings())
    assert.deepEqual(read.tree, unified().use(rehypeParse, {fragment: true}).parse(body))
    assert.deepEqual({changes: read.changes, flattened: read.flattened, imagesWithoutAlt: read.imagesWithoutAlt, escapes: read.escapes, orphans: read.orphans}, {changes: [], flattened: [], imagesWithoutAlt: [], escapes: 0, orphans: 0})
  })

  it('should give a bare list item a list the schema allows, as a change over the item', () => {
    const body = '<li>x</li>'
    const read = readTree(body, settings())
    assert.equal(read.orphans, 1)
    assert.deepEqual(read.changes.map(({ruleId, start, end}) => ({ruleId, start, end})), [{ruleId: 'rewritten-markup', start: 0, end: body.length}])
    assert.equal(read.tree.children[0]?.type === 'element' && read.tree.children[0].tagName, 'ul')
    // A schema without `<ul>` gets no `<ul>`; one without a list of tag names allows every home.
    const withoutUl = readTree(body, {...settings(), schema: {...defaultSchema, tagNames: defaultSchema.tagNames!.filter((name) => name !== 'ul')}})
    assert.equal(withoutUl.tree.children[0]?.type === 'element' && withoutUl.tree.children[0].tagName, 'div')
    const anyName = readTree(body, {...settings(), schema: {...defaultSchema, tagNames: undefined}})
    assert.equal(anyName.tree.children[0]?.type === 'element' && anyName.tree.children[0].tagName, 'ul')
  })

  it('should report a repeated attribute where parse5 finds it, one character long', () => {
    const body = '<p title=a title=b>r</p>'
    const offsets: number[] = []
    parseFragment(body, {onParseError: (error) => void (error.code === 'duplicate-attribute' && offsets.push(error.startOffset))})
    assert.equal(offsets.length, 1)
    const read = readTree(body, settings())
    assert.deepEqual(read.changes, [{ruleId: 'sanitized-attribute', reason: 'Removed a repeated attribute: browsers read only its first copy', start: offsets[0], end: offsets[0]! + 1}])
  })

  it('should count what reaches out of the body and sort every change by its start', () => {
    // The stray `</div>` is found after the sanitiser's changes to the `<p>` that follows it.
    const body = '</div><p onclick=x>a</p>'
    const read = readTree(body, settings())
    assert.equal(read.escapes, 1)
    assert.deepEqual(read.changes.map(({ruleId, start}) => [ruleId, start]), [['rewritten-markup', 0], ['sanitized-attribute', 6], ['sanitized-attribute', body.lastIndexOf('>')]])
    assert.equal(read.changes[0]!.end, '</div>'.length)
    assert.equal(readTree('<b>x', settings()).escapes, 1)
  })

  it('should rewrite each NUL, and the text after it up to the next tag short of its white space', () => {
    const nul = 'Rewrote a NUL character as a parser reads it'
    const cases: Array<[string, Array<[number, number, string]>]> = [
      ['a\0b  <p>c', [[1, 2, nul], [2, 3, '']]],
      ['a\0bc', [[1, 2, nul], [2, 4, '']]],
      ['a\0 \n<p>c', [[1, 2, nul]]],
      ['a\0', [[1, 2, nul]]],
      // Up to the next tag, or the body's end: the second NUL is in the first one's text.
      ['\0x\0', [[0, 1, nul], [1, 3, ''], [2, 3, nul]]],
      // A `<` before the NUL starts no tag (parse5 reads `<` then a NUL as text): the text runs to the `<p>`.
      ['a<\0b<p>c', [[2, 3, nul], [3, 4, '']]]
    ]
    for (const [body, expected] of cases) {
      const changes = readTree(body, settings()).changes
      assert.deepEqual(changes.map(({start, end, reason}) => [start, end, reason]), expected, JSON.stringify(body))
      assert.ok(changes.every((change) => change.ruleId === 'rewritten-markup'), JSON.stringify(body))
    }
  })
})

describe('reread', () => {
  it('should read a rewrite as reading it whole does, positions included (generated bodies)', () => {
    let read = 0
    let runs = 0
    fc.assert(
      fc.property(body, fc.boolean(), (html, lone) => {
        // A post without `\n` is rewritten with `\r` for every line feed.
        const given = lone ? html.replaceAll('\n', '\r') : html
        runs++
        if (compare(given, lone && !given.includes('\n') ? '\r' : undefined)) read++
      }),
      {seed: Number(process.env['FUZZ_SEED'] ?? 4242), numRuns: Number(process.env['FUZZ_RUNS'] ?? 1500)}
    )
    // A fallback on every body would pass the comparison and prove nothing.
    assert.ok(read > runs / 10, `read ${read} of ${runs}`)
  })

  it('should read only the rewritten item of a post with one dirty paragraph', () => {
    assert.ok(compare('<div class="tt">\n<p>a</p>\n<p onclick="x()">b <b>c</b></p>\n<p>d</p>\n</div>'))
    assert.ok(compare('<p>a</p>\n<script>x()</script>\n<p>b</p>'))
    // Pasted whole pages: the ignored `<head>` and `<body>` leave the parser's first mode as the `<div>` does.
    assert.ok(compare('<head></head>\n<body class="">\n<div id="wrap">\n<p>a</p>\n</div>'))
    // Nothing left: the root of an empty rewrite has no position.
    assert.ok(compare('<style>p{}</style><html>'))
  })

  it('should leave to the whole reading what a rewritten piece changes around it', () => {
    for (const html of [
      // The stray `</font>` took the `<font>` off the list of active formatting elements.
      '<p>text<font color=red><p>text</p></font><p>text</p>',
      // `</br>` made the `<br>` of a kept run; the rewritten gap drops it.
      '<br></font></br>',
      // `<head>` took the parser out of its first mode, where `</br>` is ignored.
      '<head></h2><</br>',
      // After a NUL, parse5 places the text of `&amp;` at its `;`.
      '\0&amp;'
    ]) {
      assert.equal(compare(html), false, html)
    }
  })

  it('should read alone a rewritten item that reads the same alone as in place', () => {
    for (const html of [
      '<p onclick=1>x</p>\n<p>y</p>\n',
      // Inside a layout container whose start tag is rewritten from its node, and beside a kept comment.
      '<div onclick=1>\n<!-- a -->\n<p>x</p>\n</div>\n',
      '<div style="color: red; position: fixed">\n<p>x</p>\n</div>\n',
      // A run's text nodes reach into the white space of the kept gaps around it.
      '<p>a</p>\ntext <i onclick=1>x</i> more\n<p>c</p>\n',
      // Left open in the post, closed by its own end tag in the rewrite.
      '<p>a</p>\n<p onclick=1>b\n<p>c</p>',
      '<p>a</p>\n<ul onclick=1><li>a<li>b</ul>\n<p>c</p>',
      // Bare list items inside a `<nav>`, where the search for an open `li` stops alike in both.
      '<nav>\n<li onclick=1>l</li>\n</nav>\n',
      // Lines counted through `\r\n` and a lone `\r`.
      '<p>a</p>\r\n<p onclick=1>b</p>\r<p>c</p>\n',
      // Read alone: a table with the row group the parser makes, a link holding a block, a link the next one closes.
      '<p>a</p>\n<table onclick=1><tr><td>x</td></tr></table>\n<p>b</p>\n',
      '<p>a</p>\n<a href=1 onclick=1>x<div>y</div></a>\n<p>b</p>\n',
      '<p>a</p>\n<p onclick=1>x<a href=1>y<a href=2>z</a></a></p>\n<p>b</p>\n',
    ]) {
      assert.equal(compare(html), true, html)
    }
    // A post without `\n`, rewritten with `\r` for every line feed.
    assert.equal(compare('<p>a</p>\r<p onclick=1>b</p>\r<p>c</p>\r', '\r'), true)
  })

  it('should place the images without alt of kept and rewritten pieces as the whole reading does', () => {
    for (const html of [
      // A kept image right after a rewritten item (its start is where the empty gap and the image start) and right before one (its end is where the rewritten item starts).
      '<p onclick=1>x</p><img src=r>',
      '<img src=r><p onclick=1>x</p>\n',
      // Kept images around a rewritten one, and an image in a rewritten item dropped from the kept ones.
      '<p>a <img src=q></p>\n<p onclick=1>x <img src=s></p>\n<img src=r>',
      // Images read alone come before kept ones: the list is sorted by start.
      '<p onclick=1><img src=q></p>\n<p><img src=r></p>\n<p onclick=1><img src=t> <img src=u></p>\n'
    ]) {
      assert.ok(readBody(html, settings()).imagesWithoutAlt.length > 0, html)
      assert.equal(compare(html), true, html)
    }
  })

  it('should read alone a rewritten item beside kept elements closed without their end tags, and beside rewritten gaps', () => {
    for (const html of [
      // List items and a paragraph closed by what follows them: only a formatting element so closed matters.
      '<ul><li>a<li>b</ul>\n<p onclick=1>x</p>\n',
      '<p>a\n<p onclick=1>x</p>\n',
      // A run whose first and last text nodes reach into kept gaps that hold container tags before the white space.
      '<div>\n<p>a</p>\n</div>\ntext <i onclick=1>x</i> more\n<div>\n<p>c</p>\n</div>\n',
      // A rewritten item after, or before, a rewritten gap that changes length.
      '<p>a</p><script>x</script><p onclick=1>b</p>\n',
      '<p onclick=1>b</p><script>x</script><p>a</p>',
      '<p>a</p><script>x</script>\ntext <i onclick=1>x</i> more<script>y</script>\n<p>c</p>',
      // A kept table with the row group the parser made.
      '<table><tr><td>c</td></tr></table>\n<p onclick=1>x</p>\n'
    ]) {
      assert.equal(compare(html), true, html)
    }
  })

  it('should leave to the whole reading each case the short reading cannot argue', () => {
    for (const [html, why] of [
      ['<p>a</p>\n<b>', 'a change reaches the end of the body'],
      ['<tr onclick=1><td>x</td></tr>\n<p>y</p>\n', 'the rewrite leaves the template mode later than the body did'],
      // Before any start tag, the fragment parser ignores `</p>` and `</br>`; a `<p>` read alone makes them elements.
      ['</br>\n<p onclick=1>x</p>\n', 'a kept `</br>` before the first start tag'],
      ['</p>\n<p onclick=1>x</p>\n<p>y</p>', 'a kept `</p>` before the first start tag'],
      ['a\0b ', 'a NUL'],
      ['<p>x</p>\n<b><p onclick=y>z</p></b>\n<p>y</p>', 'a rewritten item inside a formatting element'],
      ['<nav>\n<p onclick=1>a<li>l</li></p>\n</nav>\n', 'an element the parser made, outside kept items'],
      ['<a><a>x</a></a>\n', 'a formatting element closed by something but its own end tag'],
      ['<b><font><div></b>\n<p onclick=1>x</p>\n</div>\n<p>y</p>', 'a node in a rewritten piece whose place is not known'],
      ['<td>cell</td>\n', 'a bare table cell given a table'],
      ['<dd>d</dd>\n', 'a bare definition given a list'],
      ['<p title="<form" onclick=1>x</p>\n<p>y</p>\n', 'a rewritten item holding `<form`'],
      ['<section>\n<p>a</p>\n<li onclick=1>l</li>\n</section>\n', 'a bare list item that is one alone, not inside a `<section>`'],
      ['<b>x<div>\n<p onclick=1>y</p>\n</div></b>\n<p>z</p>\n', 'a rewritten item inside a formatting container']
    ]) {
      assert.equal(compare(html!), false, why)
    }
  })

  it('should leave to the whole reading a schema that makes list items or table parts depend on a layout or formatting element', () => {
    for (const name of ['div', 'span', 'b', 'section']) {
      const given = {...settings(), schema: {...defaultSchema, ancestors: {...defaultSchema.ancestors, li: ['ul', 'ol', name]}}}
      assert.equal(compareRereading('<p onclick=1>x</p>\n<p>y</p>\n', undefined, given), false, name)
    }
    const given = {...settings(), schema: {...defaultSchema, ancestors: {...defaultSchema.ancestors, li: ['ul', 'ol', 'menu']}}}
    assert.equal(compareRereading('<p onclick=1>x</p>\n<p>y</p>\n', undefined, given), true)
  })

  it('should refuse pieces that do not tile the body and its rewrite as `rewriteBody` gives them', () => {
    type Reading = ReturnType<typeof readBody>
    /** Read `body`, rewrite it, change the pieces (or the reading) by hand, and read the rewrite with them. */
    const tampered = (body: string, tamper: (pieces: Piece[], first: Reading) => void = () => {}) => {
      const given = settings()
      const first = readBody(body, given)
      const {html, pieces} = rewriteBody(first)
      tamper(pieces, first)
      return reread(first, pieces, html, given)
    }
    // Pieces: gap 0–0, `<p>x</p>` 0–8, gap 8–9, the rewritten `<p>` 9–27 (9–17 in the rewrite), gap, `<p>z</p>`, gap.
    const body = '<p>x</p>\n<p onclick=1>y</p>\n<p>z</p>\n'
    const cases: Array<[why: string, tamper: (pieces: Piece[], first: Reading) => void]> = [
      ['a piece too many', (pieces) => pieces.push({from: 37, to: 37, start: 27, end: 27, kept: true})],
      ['a piece starting after the one before it in the body', (pieces) => (pieces[2]!.from = 9)],
      ['a piece starting after the one before it in the rewrite', (pieces) => (pieces[2]!.start = 9)],
      ['a piece ending before it starts', (pieces) => {
        pieces[2]!.to = 7
        pieces[3]!.from = 7
      }],
      ['a last piece short of the body’s end', (pieces) => (pieces[6]!.to = 36)],
      ['a last piece short of the rewrite’s end', (pieces) => (pieces[6]!.end = 26)],
      ['an item without nodes', (_, first) => (first.flat.items[2]!.nodes = [])]
    ]
    assert.ok(tampered(body))
    for (const [why, tamper] of cases) assert.equal(tampered(body, tamper), undefined, why)
    // A kept `<p>` said not to close itself, before the gap that loses the `<script>`.
    assert.ok(tampered('<p>x</p>\n<script>y</script>\n<p>z</p>\n'))
    assert.equal(tampered('<p>x</p>\n<script>y</script>\n<p>z</p>\n', (pieces) => (pieces[1]!.closes = false)), undefined)
  })

  it('should give settle the reading of the whole rewrite', () => {
    const html = '<p>a</p>\n<p onclick="x()">b</p>\n<p>c</p>'
    const {reading, map} = settle(readBody(html, settings()), settings(), () => {})
    const whole = readBody(reading.body, settings())
    assert.equal(reading.body, '<p>a</p>\n<p>b</p>\n<p>c</p>')
    assert.deepEqual({tree: reading.tree, flat: reading.flat, changes: reading.changes}, {tree: whole.tree, flat: whole.flat, changes: whole.changes})
    assert.equal(map?.(reading.body.indexOf('<p>c'), false), html.indexOf('<p>c'))
  })
})

// `switchesAlike` and `firstStartTag`: the fragment parser starts in the template mode, where end tags are
// ignored and head start tags (per the HTML spec's "in template" insertion mode) keep it there; any other start
// tag takes it out. A kept piece holding markup is read alike in the body and the rewrite only if both leave that
// mode before it, or at the same tag of it; the check reads only the first start tag and gives up on a head one.
describe('reread: the first mode of the fragment parser', () => {
  const rest = '<p onclick=1>x</p>\n<p>y</p>\n'

  it('should leave to the whole reading a body whose first start tag keeps the template mode (each head start tag)', () => {
    // The spec's list of start tags "in template" reads "in head": base, basefont, bgsound, link, meta, noframes, script, style, template, title.
    for (const head of ['<base href=/>', '<basefont>', '<bgsound>', '<link rel=x>', '<meta>', '<noframes>n</noframes>', '<script>s</script>', '<style>s</style>', '<template><p>t</p></template>', '<title>t</title>']) {
      assert.equal(compare(head + rest), false, head)
    }
    // Tag names are read without case, up to white space, `/` or `>`.
    for (const head of ['<META>', '<meta/>', '<link\trel=x>', '<link\nrel=x>', '<Style>s</Style>']) assert.equal(compare(head + rest), false, head)
  })

  it('should read alone a rewritten item when the first start tag is not a head one, before or at the kept markup', () => {
    for (const html of [
      // The first start tag, rewritten, comes before the kept `<p>y</p>` in both texts.
      rest,
      '<custom></custom>' + rest,
      // A name that only starts like a head one.
      '<metadata></metadata>' + rest,
      '<titles>t</titles>' + rest,
      // The kept markup is the first start tag, in both texts; the kept text before it holds no markup.
      'text\n<p>y</p>\n<p onclick=1>x</p>\n',
      '<p>y</p>\n<p onclick=1>x</p>\n',
      // A kept gap with no markup between the rewritten item and the kept markup.
      '<p onclick=1>x</p>\ntext\n<p>y</p>\n',
      // No kept markup at all.
      '<p onclick=1>x</p>\ntext\n'
    ]) {
      assert.equal(compare(html), true, html)
    }
  })

  it('should look past the stray end tags before the first start tag, with white space or digits in them', () => {
    // `</h2 >` and `</h3\n>` are end tags (ignored in the template mode, rewritten away), so the kept `<p>a</p>` is the first start tag in both texts.
    for (const html of ['</h2 ><p>a</p>\n<p onclick=1>x</p>\n', '</h2\t></h3\n><p>a</p>\n<p onclick=1>x</p>\n', '</h2\f><p>a</p>\n<p onclick=1>x</p>\n', '</h2\r><p>a</p>\n<p onclick=1>x</p>\n', '</span>' + rest, '</h2 ><p onclick=1>x</p>\n<p>a</p>\n']) {
      assert.equal(compare(html), true, JSON.stringify(html))
    }
    // Not simple end tags: one with an attribute, and `</ h2>`, a bogus comment; the check gives up on them.
    for (const html of ['</h2 x><p>a</p>\n<p onclick=1>x</p>\n', '</ h2><p>a</p>\n<p onclick=1>x</p>\n', '<!-- c --><p onclick=1>x</p>\n<p>a</p>\n', '</h2 ></p x><p onclick=1>x</p>\n<p>a</p>\n']) {
      assert.equal(compare(html), false, JSON.stringify(html))
    }
  })

  it('should leave to the whole reading a body whose first start tag the rewrite drops before the kept markup', () => {
    // The body leaves the template mode at `<custom>`, the rewrite only at the kept `<p>`: not "before it" in the rewrite.
    assert.equal(compare('<custom></custom><p>y</p>\n<p onclick=1>x</p>\n'), false)
    // The rewrite's first start tag comes after a kept comment, which the check does not look past.
    assert.equal(compare('<custom></custom><!-- c --><p onclick=1>x</p>\n<p>y</p>\n'), false)
  })

  it('should find the kept markup and the first start tag wherever they stand, not only at the start of the body', () => {
    // A kept `</p>` one character in, before the first start tag.
    assert.equal(compare(' </p>\n<p onclick=1>x</p>\n<p>y</p>\n'), false)
    // A head start tag after stray end tags: its name is read where it stands.
    assert.equal(compare('</h2 ><meta><p onclick=1>x</p>\n<p>y</p>\n'), false)
    // An end tag with an attribute one character in: not a simple one.
    assert.equal(compare('x</h2 x><p>a</p>\n<p onclick=1>x</p>\n'), false)
    assert.equal(compare('x</h2 ><p>a</p>\n<p onclick=1>x</p>\n'), true)
  })
})
