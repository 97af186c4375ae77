import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import type {Element, Text} from 'hast'
import {markdownHero} from '../../src/article/markdown-hero.ts'
import type {Flat} from '../../src/body/flatten.ts'
import {readBody} from '../../src/body/normalize.ts'
import {defaultEmbedHosts, defaultSchema, parsePost, renderPost} from '../../src/index.ts'

// Every expectation is written from the input by hand: CommonMark's image syntax, alone on the first
// line, and the offsets of its parts in the body (`indexOf`, lengths), never read from a run of the code.

const settings = {schema: defaultSchema, embedHosts: defaultEmbedHosts}

/** The first reading of a body, then its Markdown hero (the reading's flat body is split in place). */
function read(body: string) {
  const reading = readBody(body, settings)
  const hero = markdownHero(reading.context, reading.flat)
  return {hero, flat: reading.flat}
}

/** Items as kind, start, end and their nodes' text or tag name with their source offsets. */
function items(flat: Flat) {
  return flat.items.map((item) => [item.kind, item.start, item.end, item.nodes.map(nodeOf)])
}

function nodeOf(node: Flat['items'][number]['nodes'][number]) {
  const name = node.type === 'text' ? node.value : node.type === 'element' ? `<${node.tagName}>` : node.type
  return [name, node.position?.start.offset, node.position?.end.offset]
}

/** A flat body of one run of one text node, built by hand (what flatten never makes). */
function oneRun(value: string, start: number, end: number, position: Text['position']): Flat {
  const node: Text = {type: 'text', value}
  if (position) node.position = position
  return {items: [{kind: 'run', nodes: [node], start, end}], gaps: [{start: 0, end: start, parts: []}, {start: end, end, parts: []}]} as Flat
}

const clean = (body: string) => ({body, isDirty: () => false})
const point = (offset: number | undefined) => ({line: 1, column: (offset ?? 0) + 1, ...(offset === undefined ? {} : {offset})})

describe('markdownHero', () => {
  it('should take an image line alone as the hero, with its title only when written', () => {
    assert.deepEqual(read('![a b](/img/a.png)').hero, {image: {src: '/img/a.png', alt: 'a b'}})
    assert.deepEqual(read('![](/a.png "The title")').hero, {image: {src: '/a.png', alt: '', title: 'The title'}})
    // An empty title is a title.
    assert.deepEqual(read('![a](/a.png "")').hero, {image: {src: '/a.png', alt: 'a', title: ''}})
    // White space inside the parentheses, a tab before the title, `<…>` around the destination.
    assert.deepEqual(read('![a]( /a.png \t"t" )').hero, {image: {src: '/a.png', alt: 'a', title: 't'}})
    assert.deepEqual(read('![a](<1.png>)').hero, {image: {src: '1.png', alt: 'a'}})
    assert.deepEqual(read('![a](/a.png>)').hero, {image: {src: '/a.png', alt: 'a'}})
    // Without white space before it, a quote is part of the destination.
    assert.deepEqual(read('![a](/a.png"t")').hero, {image: {src: '/a.png"t"', alt: 'a'}})
  })

  it('should leave a body alone whose first line is no image line', () => {
    for (const body of [
      '',
      '<h2>x</h2>\n![a](/a.png)',
      '<b>x</b>![a](/a.png)',
      '<p>![a](/a.png)</p>',
      '![a](/a.png) x',
      '![a](/a.png)x',
      '![a](/a.png)<br>b',
      'x ![a](/a.png)',
      '\u00a0![a](/a.png)',
      '![a]](/a.png)',
      '![a\nb](/a.png)',
      '![a\rb](/a.png)',
      '![a](/(a).png)',
      '![a](/a).png)',
      '![a](/a png)',
      '![a](/a.png "t\nu")',
      '![a](/a.png "t\ru")',
      '![a](/a.png "t"u")',
      '![a](/a.png "t" u)',
      '![a](/a.png \'t\')',
      '![a]()',
      '![a] (/a.png)',
      '[a](/a.png)',
      '!![a](/a.png)'
    ]) {
      const {hero, flat} = read(body)
      assert.equal(hero, undefined, JSON.stringify(body))
      // Nothing is split.
      assert.deepEqual(items(flat), items(readBody(body, settings).flat), JSON.stringify(body))
    }
  })

  it('should refuse an image line with a character reference or `&`, or one the sanitiser changed or that holds markup', () => {
    for (const body of ['![a &amp; b](/a.png)', '![a](/a.png?x=1&y=2)', '![a](/a.png "x<script>y</script>z")', '![a](/a.png "x<b>y</b>")', 'x<script>y</script>![a](/a.png)']) {
      assert.equal(read(body).hero, undefined, body)
    }
    // A removed element before the line is in the gap before the run: the line is as written.
    const body = '<script>x</script>![a](/a.png)'
    const {hero, flat} = read(body)
    assert.deepEqual(hero, {image: {src: '/a.png', alt: 'a'}})
    assert.deepEqual(items(flat), [['run', body.indexOf('!'), body.length, [['![a](/a.png)', body.indexOf('!'), body.length]]]])
  })

  it('should end the run at the image line when nothing else is in it', () => {
    const {flat} = read('![a](/a.png)')
    assert.deepEqual(items(flat), [['run', 0, 12, [['![a](/a.png)', 0, 12]]]])
    assert.deepEqual(flat.gaps.map((gap) => [gap.start, gap.end]), [[0, 0], [12, 12]])
    // The line node keeps the text node's own start point.
    assert.deepEqual((flat.items[0]!.nodes[0] as Text).position?.start, {line: 1, column: 1, offset: 0})
  })

  it('should give the rest of a run that is no HTML white space (a no-break space) to the gap after the line', () => {
    const body = '![a](/a.png)\n\u00a0'
    const {hero, flat} = read(body)
    assert.deepEqual(hero, {image: {src: '/a.png', alt: 'a'}})
    assert.deepEqual(items(flat), [['run', 0, 12, [['![a](/a.png)', 0, 12]]]])
    assert.deepEqual(flat.gaps.map((gap) => [gap.start, gap.end]), [[0, 0], [12, body.length]])
  })

  it('should read the line after the blank lines that open a body', () => {
    const body = '\n\n![a](/a.png)\n\nrest'
    const {hero, flat} = read(body)
    assert.deepEqual(hero, {image: {src: '/a.png', alt: 'a'}})
    const line = body.indexOf('!')
    const rest = body.indexOf('rest')
    assert.deepEqual(items(flat), [
      ['run', line, line + 12, [['![a](/a.png)', line, line + 12]]],
      ['run', rest, body.length, [['rest', rest, body.length]]]
    ])
    assert.deepEqual(flat.gaps.map((gap) => [gap.start, gap.end, gap.parts]), [[0, line, []], [line + 12, rest, []], [body.length, body.length, []]])
  })

  it('should split the rest of the run off as a run of its own, after the line break (LF, CRLF or CR) and blank lines', () => {
    for (const [body, lineEnd] of [
      ['![a](/a.png)\nhello', 12],
      ['![a](/a.png)\r\nhello', 12],
      ['![a](/a.png)\rhello', 12],
      ['![a](/a.png)\n\n  hello', 12],
      ['![a](/a.png "t")  \t\nhello', 19]
    ] as const) {
      const {hero, flat} = read(body)
      assert.ok(hero, body)
      const rest = body.indexOf('hello')
      assert.deepEqual(
        items(flat),
        [
          ['run', 0, lineEnd, [[body.slice(0, lineEnd), 0, lineEnd]]],
          ['run', rest, body.length, [['hello', rest, body.length]]]
        ],
        JSON.stringify(body)
      )
      assert.deepEqual(flat.gaps[1], {start: lineEnd, end: rest, parts: []}, JSON.stringify(body))
      assert.equal(flat.gaps.length, 3)
    }
  })

  it('should keep the elements of the rest in its run, after the rest of the text node if any', () => {
    const element = read('![a](/a.png)\n<b>b</b>')
    assert.deepEqual(items(element.flat), [
      ['run', 0, 12, [['![a](/a.png)', 0, 12]]],
      ['run', 13, 21, [['<b>', 13, 21]]]
    ])
    const body = '![a](/a.png)\nhello <b>b</b> <i>i</i>'
    const both = read(body)
    const bold = body.indexOf('<b>')
    const italic = body.indexOf('<i>')
    assert.deepEqual(items(both.flat), [
      ['run', 0, 12, [['![a](/a.png)', 0, 12]]],
      ['run', 13, body.length, [['hello ', 13, bold], ['<b>', bold, bold + 8], [' ', bold + 8, italic], ['<i>', italic, body.length]]]
    ])
  })

  it('should take the rest from the text node when the sanitiser merged removed tags into it, else from the source', () => {
    const body = '![a](/a.png)\nhello<script>x</script> world'
    const {hero, flat} = read(body)
    assert.deepEqual(hero, {image: {src: '/a.png', alt: 'a'}})
    assert.deepEqual(items(flat), [
      ['run', 0, 12, [['![a](/a.png)', 0, 12]]],
      ['run', 13, body.length, [['hello world', 13, body.length]]]
    ])
    // Decoded already: a character reference in a rewritten rest is no reason to refuse the hero.
    const decoded = '![a](/a.png)\nx<script>y</script>z &amp; w'
    assert.deepEqual(items(read(decoded).flat)[1], ['run', 13, decoded.length, [['xz & w', 13, decoded.length]]])
    // As written, the rest would have to be decoded: the line is left in its paragraph.
    assert.equal(read('![a](/a.png)\nTom &amp; Jerry').hero, undefined)
    assert.equal(read('![a](/a.png)\nTom &amp; Jerry').flat.items.length, 1)
  })

  it('should read a run built by hand only where its text node is placed and starts it', () => {
    const line = '![a](/a.png)'
    // No position, no start offset: no hero.
    assert.equal(markdownHero(clean(line), oneRun(line, 0, 12, undefined)), undefined)
    assert.equal(markdownHero(clean(line), oneRun(line, 0, 12, {start: point(undefined), end: point(12)})), undefined)
    // A text node that starts after its run, or with text before the run that is not white space.
    assert.equal(markdownHero(clean(line), oneRun(line, 0, 12, {start: point(5), end: point(12)})), undefined)
    assert.equal(markdownHero(clean(`x ${line}`), oneRun(`x ${line}`, 2, 14, {start: point(0), end: point(14)})), undefined)
    assert.deepEqual(markdownHero(clean(` \t\f${line}`), oneRun(` \t\f${line}`, 3, 15, {start: point(0), end: point(15)})), {image: {src: '/a.png', alt: 'a'}})
    // A first item that is no run, or a run that starts with an element.
    const heading: Element = {type: 'element', tagName: 'h2', properties: {}, children: [], position: {start: point(0), end: point(12)}}
    assert.equal(markdownHero(clean(line), {items: [{kind: 'heading', nodes: [heading], start: 0, end: 12}], gaps: []} as unknown as Flat), undefined)
    assert.equal(markdownHero(clean(line), {items: [{kind: 'run', nodes: [heading], start: 0, end: 12}], gaps: []} as unknown as Flat), undefined)
    assert.equal(markdownHero(clean(line), {items: [{kind: 'run', nodes: [], start: 0, end: 12}], gaps: []} as unknown as Flat), undefined)
  })

  it('should read a text node without an end offset as ending where its run starts, and take its line as its own node', () => {
    const line = '![a](/a.png)'
    // Without an end, the node cannot be shown to hold the line.
    assert.equal(markdownHero(clean(line), oneRun(line, 0, 12, {start: point(0), end: point(undefined)})), undefined)
    // Opened by blank lines: the line node starts where the run does (no line or column is known there).
    const flat = oneRun(`\n\n${line}`, 2, 14, {start: point(0), end: point(14)})
    assert.ok(markdownHero(clean(`\n\n${line}`), flat))
    assert.deepEqual(flat.items[0]!.nodes[0], {type: 'text', value: line, position: {start: {line: 0, column: 0, offset: 2}, end: {line: 0, column: 0, offset: 14}}})
  })

  it('should come back byte for byte from renderPost, the rest a paragraph of its own', () => {
    for (const body of ['![a](/a.png)\n', '\n![a](/a.png "t")\nrest of it\n', '![a](/a.png)\r\n\r\n<b>b</b> c\r\n', '![a](/a.png)\n\u00a0\n', '![a](/a.png)\nTom &amp; Jerry\n']) {
      const raw = `---\ntitle: T\n---\n${body}`
      const article = parsePost(raw)
      assert.equal(renderPost(article), raw, JSON.stringify(body))
      assert.equal(article.hero?.markdown === true, !body.includes('&amp;'), JSON.stringify(body))
    }
    const article = parsePost('---\ntitle: T\n---\n![a](/a.png)\nrest of <b>it</b>\n')
    assert.deepEqual(
      article.lead.map((block) => [block.type, 'text' in block ? block.text : undefined]),
      [['paragraph', 'rest of it']]
    )
  })
})
