import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {defaultTreeAdapter, Parser, parseFragment, type DefaultTreeAdapterMap} from 'parse5'
import {joinTextRuns, readRunsWhole} from '../../src/body/text-runs.ts'
import {corpusFolder, postsIn} from '../support/shared.ts'


type Fragment = DefaultTreeAdapterMap['documentFragment']

/** parse5's own fragment parse, with text runs joined. */
function joined(html: string): Fragment {
  const parser = Parser.getFragmentParser(null, {sourceCodeLocationInfo: true, treeAdapter: defaultTreeAdapter})
  joinTextRuns(parser)
  readRunsWhole(parser)
  parser.tokenizer.write(html, true)
  return parser.getFragment()
}

/** A tree as plain data: no parent links, templates' content in place. */
function plain(node: object): unknown {
  const {parentNode: _parent, childNodes, content, ...rest} = node as {parentNode?: unknown; childNodes?: object[]; content?: object}
  return {...rest, ...(childNodes ? {childNodes: childNodes.map(plain)} : {}), ...(content ? {content: plain(content)} : {})}
}

function check(html: string, label = JSON.stringify(html)): void {
  const expected = plain(parseFragment(html, {sourceCodeLocationInfo: true}))
  try {
    assert.deepStrictEqual(plain(joined(html)), expected)
  } catch (error) {
    throw new Error(`Trees differ for ${label}: ${(error as Error).message.slice(0, 3000)}`)
  }
}

// Where white space and other text are handled alike, and where they are not.
const edgeCases = [
  '한 문장 두 문장\n세 문장\t네 문장',
  '<p>  leading and trailing  </p>  between  <p> x </p>',
  '<pre>\n a b</pre><pre>\n\n a</pre><pre>x\n y</pre><listing>\n a b</listing><textarea>\n a b</textarea>',
  '<pre>\na</pre><pre>a b\n</pre><textarea>a\n b</textarea>',
  '<table> a b <tr> c d <td> e f </td> g h </tr></table>',
  '<table>   <tr>   <td> x y </td>   </tr>   </table>',
  '<table><caption> a b </caption><colgroup> c d <col> </colgroup></table>',
  '<select> a b <option> c d </option> e </select><table><tr><td><select> f g </select></td></tr></table>',
  '<svg> a b <text> c d </text></svg><math><mi> x y </mi><mtext> z </mtext></math>',
  '<svg><foreignObject> a <p> b c </p></foreignObject></svg>',
  'a\u0000 b \u0000\u0000 c <p>\u0000 \u0000</p><svg>\u0000 a \u0000</svg>',
  'a &amp; b &lt; c &notin d &#x41; e',
  '<template> a b <p> c d </p></template><template><tr> e f </tr></template>',
  '<title> a b </title><style> a b </style><script> a b </script><xmp> a b </xmp><noembed> a b </noembed>',
  '<frameset> a b <frame> </frameset> c d',
  '<b>one <i>two</b> three</i> four <p><b> five</p> six',
  'a\r\n b \r c\n\r d',
  '<html> a <head> b </head> c <body> d </body> e </html> f',
  // Characters the data state reads one at a time, inside runs it takes whole.
  'a😀b 😀 \ud800 x \udc00 y 😀\ud800',
  'tab\tand\fform feed\u00a0nbsp\u3000ideographic \u0001\u007f\ufffe\uffff\ufdd0 end',
  'a&amp;b&c &lt;d&gt; &#128512;e &notit; f',
  'line\r\nbreaks\rin\nruns\r\r\n\n',
  '<p>text, then EOF',
  'text then a lone <',
  '<textarea>a b\r\nc</textarea><title>a&amp;b c</title><plaintext>a b <p> c',
  // Attribute values, taken whole up to their quote.
  '<img alt="한 장의 사진, 😀 \ud800 끝" title=\'작은 "따옴표" 안\' src=a.png data-x="a&amp;b &lt; c &notit; d" data-y=\'\u0000 e\'>',
  '<a href="line\r\nbreak\rin\nvalue" title="\t\ftabs">x</a><a title="unclosed value to the end',
  '<p class="a\'b" id=\'c"d\' style="color: red; background: url(&quot;x&quot;)">y</p>',
  // Longer than parse5's 64 K buffer, which is cut down while parsing.
  '<p>' + '가나다 라마바 '.repeat(6000) + '</p><p>' + 'abc def '.repeat(6000) + '</p>' + '<b>x</b> y '.repeat(3000),
  `<img srcset="${'https://example.com/image.png 1x, '.repeat(3000)}" alt='${'긴 대체 텍스트 '.repeat(5000)}'>`
]

describe('joinTextRuns', () => {
  it('should build the same parse5 tree, with the same locations, on the edge cases', () => {
    for (const html of edgeCases) check(html)
  })

  it('should keep a Korean paragraph one text node', () => {
    const text = '북한과 러시아가 군사, 외교, 경제 분야에서'
    const paragraph = joined(`<p>${text}</p>`).childNodes[0] as DefaultTreeAdapterMap['element']
    assert.equal(paragraph.childNodes.length, 1)
    const location = paragraph.childNodes[0]!.sourceCodeLocation!
    assert.deepEqual([location.startOffset, location.endOffset], [3, 3 + text.length])
  })

  it('should take over the tokenizer of parse5 itself, with one function for every parser', () => {
    const first = Parser.getFragmentParser(null, {sourceCodeLocationInfo: true, treeAdapter: defaultTreeAdapter})
    const second = Parser.getFragmentParser(null, {sourceCodeLocationInfo: true, treeAdapter: defaultTreeAdapter})
    for (const parser of [first, second]) {
      joinTextRuns(parser)
      readRunsWhole(parser)
    }
    for (const method of ['_ensureCharacterToken', '_stateData', '_stateAttributeValueDoubleQuoted', '_stateAttributeValueSingleQuoted']) {
      assert.ok(Object.hasOwn(first.tokenizer, method), method)
      // The same function object: a closure made per parse led V8 to allocate parse5's nodes where dead trees outlive their parse.
      assert.equal((first.tokenizer as unknown as Record<string, unknown>)[method], (second.tokenizer as unknown as Record<string, unknown>)[method])
    }
  })

  it('should leave a parser without the method it wraps as it is', () => {
    const parser = Parser.getFragmentParser(null, {sourceCodeLocationInfo: true, treeAdapter: defaultTreeAdapter})
    const tokenizer = parser.tokenizer as unknown as {_ensureCharacterToken?: unknown}
    Object.defineProperty(tokenizer, '_ensureCharacterToken', {value: undefined, configurable: true})
    joinTextRuns(parser)
    assert.equal(tokenizer._ensureCharacterToken, undefined)
  })

  it('should build the same tree on the shared corpus', () => {
    for (const {name, raw} of postsIn(corpusFolder)) check(raw, name)
  })

  it('should build the same tree on random markup heavy with white space', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '<p>', '</p>', '<b>', '</b>', '<i>', '</i>', '<pre>', '</pre>', '<listing>', '<textarea>', '</textarea>',
        '<table>', '</table>', '<caption>', '<colgroup>', '<col>', '<tr>', '<td>', '</td>', '<select>', '<option>',
        '</select>', '<svg>', '</svg>', '<foreignObject>', '<math>', '<mtext>', '</math>', '<template>', '</template>',
        '<title>', '</title>', '<script>', '</script>', '<frameset>', '<frame>', '<html>', '<head>', '<body>', '</body>',
        '<!--c-->', '&amp;', '&notin', '&#x41;', '\u0000', '\r\n', '\r', '\n', '\t', '\f', ' ', '  ', '😀', '\ud800',
        '<a title="', '<img alt=\'', '<p class=', '"', "'", '">', "'>", '=', ' x="y"'
      ),
      fc.string({unit: fc.constantFrom('a', '가', ' ', '\n', '\t', '\r', '\u0000', '&', '<', '/', '>', '\udc00', '\u00a0', '"', "'", '=')})
    )
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 40}), (pieces) => check(pieces.join(''))),
      {numRuns: 3000, seed: 20261205}
    )
  })
})
