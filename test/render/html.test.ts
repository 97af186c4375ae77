import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {parsePost, renderHtml, type Article, type Block, type Hero, type ParagraphBlock, type Section, type Summary, type TitleHeading} from '../../src/index.ts'

// Every expected string here is written out by hand from the input: the gaps a post was read
// with, what a new item looks like in the editor's style (`test/render/fields.test.ts`), and
// the separator rule (the most common blank-only gap between items, else a blank line).

const frontMatter = '---\ntitle: T\n---\n'

function read(body: string): Article {
  return parsePost(frontMatter + body)
}

/** A copy without anything `parsePost` recorded on the objects, as a JSON round trip gives. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/** A new paragraph, as a caller adds one. */
function paragraph(text: string): ParagraphBlock {
  return {type: 'paragraph', text, html: text}
}

/** How a new paragraph is written: the editor's font size, no source. */
const newParagraph = (text: string) => `<p data-ke-size="size16">${text}</p>`

/** A hand-built item's source: its index, with HTML and digest that do not match it (so it is written from its fields). */
function at(index: unknown): {index: number; html: string; digest: string} {
  return {index: index as number, html: '', digest: ''}
}

/** A hand-built Article; what is not given is empty, and there is no layout unless given. */
function built(fields: Record<string, unknown>): Article {
  return {lead: [], sections: [], hero: null, titleHeading: null, summary: null, ...fields} as unknown as Article
}

function section(heading: string, depth: number, blocks: Block[] = [], children: Section[] = []): Section {
  return {heading, depth, id: '', blocks, children} as Section
}

describe('renderHtml: order', () => {
  it('should write the lead, then sections depth first, with a blank line between new items and none around them', () => {
    const article = built({
      lead: [paragraph('a')],
      sections: [section('S', 2, [paragraph('b')], [section('T', 3, [paragraph('c')])]), section('U', 2)]
    })
    const expected = [newParagraph('a'), '<h2 data-ke-size="size26">S</h2>', newParagraph('b'), '<h3 data-ke-size="size23">T</h3>', newParagraph('c'), '<h2 data-ke-size="size26">U</h2>'].join('\n\n')
    assert.equal(renderHtml(article), expected)
  })

  it('should skip what is not an item in a hand-built Article', () => {
    const article = built({lead: [null, paragraph('a'), 'x', 3], sections: [undefined, {...section('S', 2), blocks: 'no', children: [null]}], layout: {gaps: 'no', eol: '\n'}})
    assert.equal(renderHtml(article), `${newParagraph('a')}\n\n<h2 data-ke-size="size26">S</h2>`)
  })

  it('should put a new title heading and hero first and a new summary last', () => {
    const article = built({
      lead: [paragraph('a')],
      hero: {src: 'https://e.example/h.png', alt: 'h'} satisfies Hero,
      titleHeading: {text: 'Title', id: 'title'} satisfies TitleHeading,
      summary: {title: 'Sum', items: [{text: 'x', sectionId: null}], rows: []} satisfies Summary
    })
    const expected = [
      '<h1>Title</h1>',
      '<p><img src="https://e.example/h.png" alt="h"></p>',
      newParagraph('a'),
      '<table><tbody><tr><td style="text-align: center;"><b>Sum</b></td></tr><tr><td style="text-align: center;"><b>x</b></td></tr></tbody></table>'
    ].join('\n\n')
    assert.equal(renderHtml(article), expected)
  })

  it('should write a Markdown hero and a hero with a caption from their fields', () => {
    const markdown = built({hero: {src: 'https://e.example/h.png', alt: 'h', markdown: true}, lead: [paragraph('a')]})
    assert.equal(renderHtml(markdown), `![h](https://e.example/h.png)\n\n${newParagraph('a')}`)
    const figure = built({hero: {src: 'https://e.example/h.png', alt: 'h', caption: 'c'}})
    assert.equal(renderHtml(figure), '<figure><img src="https://e.example/h.png" alt="h"><figcaption>c</figcaption></figure>')
  })

  it('should put a title heading, hero and summary by their source index among the other items', () => {
    const source = (index: number) => ({...paragraph(`i${index}`), source: at(index)})
    const article = built({
      lead: [source(1), source(3)],
      sections: [{...section('S', 2, [source(6)]), source: at(5)}],
      titleHeading: {text: 'Title', id: 't', source: at(2)},
      hero: {src: 'https://e.example/h.png', alt: 'h', source: at(0)},
      summary: {title: null, items: [{text: 'x', sectionId: null}], rows: [], source: at(4)}
    })
    // No layout: the indices order the items, and new ones are separated by a blank line.
    const expected = [
      '<p><img src="https://e.example/h.png" alt="h"></p>',
      '<p>i1</p>',
      '<h1>Title</h1>',
      '<p>i3</p>',
      '<table><tbody><tr><td style="text-align: center;"><b>x</b></td></tr></tbody></table>',
      '<h2>S</h2>',
      '<p>i6</p>'
    ].join('\n\n')
    assert.equal(renderHtml(article), expected)
  })

  it('should put an item read at the same index as another after it, and one without a numeric index in its default place', () => {
    const source = (index: number) => ({...paragraph(`i${index}`), source: at(index)})
    const tie = built({lead: [source(0), source(1)], hero: {src: 'https://e.example/h.png', alt: 'h', source: at(0)}})
    assert.equal(renderHtml(tie), ['<p>i0</p>', '<p><img src="https://e.example/h.png" alt="h"></p>', '<p>i1</p>'].join('\n\n'))
    for (const index of ['1', null, undefined]) {
      const article = built({lead: [source(0), source(1)], titleHeading: {text: 'Title', id: 't', source: {html: '', digest: '', index}}, summary: {title: 'Sum', items: [], rows: [], source: {html: '', digest: '', index}}})
      const expected = ['<h1>Title</h1>', '<p>i0</p>', '<p>i1</p>', '<table><tbody><tr><td style="text-align: center;"><b>Sum</b></td></tr></tbody></table>'].join('\n\n')
      assert.equal(renderHtml(article), expected, String(index))
    }
  })

  it('should write an edited table block from its fields, not as a trimmed summary', () => {
    const article = read('<h2>S</h2>\n<table><tbody><tr><td>a</td><td>b</td></tr></tbody></table>\n')
    const table = article.sections[0]!.blocks[0]!
    assert.equal(table.type, 'table')
    if (table.type === 'table') table.rows[0]![0]!.html = 'z'
    assert.equal(renderHtml(article), '<h2>S</h2>\n<table><tbody><tr><td>z</td><td>b</td></tr></tbody></table>\n')
  })
})

describe('renderHtml: kept items and gaps', () => {
  const wrapped = '<p>a</p>\n<div class="w">\n<p>b</p>\n</div>\n<p>c</p>\n'
  const wrappedAtEnd = '<p>a</p>\n<div class="w">\n<p>b</p>\n</div>\n'

  it('should give a JSON copy of a parsed Article its body back byte for byte', () => {
    // Unquoted attributes: written from its fields, the item would read `class="x"`.
    for (const body of [wrapped, wrappedAtEnd, '<p class=x>a</p>\n<h2 class=y>S</h2>\n', '<p>a</p>\r\n<div>\r\n<p>b</p>\r\n</div>\r\n', '<h1>T</h1>\n<p><img src="https://e.example/a.png" alt=""></p>\n<h2>S</h2>\n\n<p>x</p>\n']) {
      const article = read(body)
      assert.equal(renderHtml(article), body)
      assert.equal(renderHtml(copy(article)), body)
    }
  })

  it('should keep the tags of the gaps around a removed item, not their blank lines', () => {
    for (const article of [read(wrapped), copy(read(wrapped))]) {
      assert.deepEqual(article.layout.gaps, ['', '\n<div class="w">\n', '\n</div>\n', '\n'])
      article.lead.splice(1, 1)
      assert.equal(renderHtml(article), '<p>a</p><div class="w">\n</div>\n<p>c</p>\n')
    }
  })

  it('should keep every tag of a gap before a removed item, in order', () => {
    const article = read('<div>\n<p>a</p>\n</div>\n<div>\n<p>b</p>\n</div>\n<div>\n<p>c</p>\n</div>\n')
    article.lead.splice(1, 1)
    assert.equal(renderHtml(article), '<div>\n<p>a</p></div><div>\n</div>\n<div>\n<p>c</p>\n</div>\n')
  })

  it('should keep the tags of the gaps after a removed last item', () => {
    for (const article of [read(wrappedAtEnd), copy(read(wrappedAtEnd))]) {
      article.lead.pop()
      assert.equal(renderHtml(article), '<p>a</p><div class="w">\n</div>\n')
    }
  })

  it('should drop a removed item with the blank line before it', () => {
    const article = read('<p>a</p>\n<p>b</p>\n<p>c</p>\n')
    article.lead.splice(1, 1)
    assert.equal(renderHtml(article), '<p>a</p>\n<p>c</p>\n')
    const last = read('<p>a</p>\n<p>b</p>\n<p>c</p>\n')
    last.lead.pop()
    assert.equal(renderHtml(last), '<p>a</p>\n<p>b</p>\n')
    const first = read(wrapped)
    first.lead.shift()
    assert.equal(renderHtml(first), '\n<div class="w">\n<p>b</p>\n</div>\n<p>c</p>\n')
  })

  it('should write moved items each with the separator where they no longer follow their gap', () => {
    const body = '<p>a</p>\n<p>b</p>\n<p>c</p>\n'
    const orders: Array<[number[], string]> = [
      [[2, 1, 0], '\n<p>c</p>\n<p>b</p>\n<p>a</p>\n'],
      [[1, 2, 0], '\n<p>b</p>\n<p>c</p>\n<p>a</p>\n'],
      [[1, 0, 2], '\n<p>b</p>\n<p>a</p>\n<p>c</p>\n']
    ]
    for (const [order, expected] of orders) {
      const article = read(body)
      const lead = article.lead
      article.lead = order.map((index) => lead[index]!)
      assert.equal(renderHtml(article), expected, order.join())
      const copied = copy(read(body))
      copied.lead = order.map((index) => copied.lead[index]!)
      assert.equal(renderHtml(copied), expected, order.join())
    }
  })

  it('should write an item twice, with the separator before the second', () => {
    const article = read('<p>a</p>\n\n<p>b</p>\n')
    article.lead.splice(1, 0, article.lead[0]!)
    assert.equal(renderHtml(article), '<p>a</p>\n\n<p>a</p>\n\n<p>b</p>\n')
    const copied = read('<p>a</p>\n\n<p>b</p>\n')
    copied.lead.splice(1, 0, copy(copied.lead[0]!))
    assert.equal(renderHtml(copied), '<p>a</p>\n\n<p>a</p>\n\n<p>b</p>\n')
  })

  it('should write the items of another parse in this layout’s gaps', () => {
    const article = read('<p>a</p>\n<p>b</p>\n<p>c</p>\n')
    article.lead = read('<p>x</p>\n\n<p>y</p>\n\n<p>z</p>\n').lead
    assert.equal(renderHtml(article), '<p>x</p>\n<p>y</p>\n<p>z</p>\n')
  })

  it('should write kept items without an index (from their source) with separators between them', () => {
    const [a, b, c] = copy(read('<p>a</p>\n<p>b</p>\n<p>c</p>\n').lead)
    for (const item of [a, b, c]) delete (item!.source as {index?: number}).index
    assert.equal(renderHtml(built({lead: [a, b, c]})), '<p>a</p>\n\n<p>b</p>\n\n<p>c</p>')
  })

  it('should write an item from its fields when its source HTML is no string, even with the digest it was read with', () => {
    const article = copy(read('<p>a</p>\n<p>b</p>\n'))
    ;(article.lead[0]!.source as {html: unknown}).html = 5
    assert.equal(renderHtml(article), '<p>a</p>\n<p>b</p>\n')
    ;(article.lead[0] as ParagraphBlock).html = 'a2'
    assert.equal(renderHtml(article), '<p>a2</p>\n<p>b</p>\n')
  })

  it('should write gaps that are not strings as nothing', () => {
    const article = built({lead: [{...paragraph('a'), source: at(0)}, {...paragraph('b'), source: at(1)}], layout: {eol: '\n', gaps: [null, 7, {}]}})
    assert.equal(renderHtml(article), '<p>a</p><p>b</p>')
    const removed = built({lead: [{...paragraph('b'), source: at(2)}], layout: {eol: '\n', gaps: [null, 7, undefined, '\n']}})
    assert.equal(renderHtml(removed), '<p>b</p>\n')
    // Nor as a separator, whatever its string would be.
    const separated = built({lead: [paragraph('a'), paragraph('b')], layout: {eol: '\n', gaps: ['', [' \n'], [' \n'], '']}})
    assert.equal(renderHtml(separated), `${newParagraph('a')}\n\n${newParagraph('b')}`)
  })

  it('should take an index only when it is an integer from 0 to the number of items read', () => {
    const gaps = ['<div>', '<hr>', '</div>']
    const article = (index: unknown) => built({lead: [{...paragraph('x'), source: at(0)}, {...paragraph('y'), source: at(index)}], layout: {eol: '\n', gaps}})
    assert.equal(renderHtml(article(1)), '<div><p>x</p><hr><p>y</p></div>')
    // No place in the layout: after the previous item with a separator (no blank-only gap: a blank line); the removed gap's tags at the end.
    for (const index of [1.5, '1', 2, 3, 99, -1, Number.NaN, null]) assert.equal(renderHtml(article(index)), '<div><p>x</p>\n\n<p>y</p><hr></div>', String(index))
  })
})

describe('renderHtml: separators', () => {
  it('should separate a new item by the most common blank-only gap between items', () => {
    const tie = read('<p>a</p> \n<p>b</p>\n<p>c</p>\n')
    assert.deepEqual(tie.layout.gaps, ['', ' \n', '\n', '\n'])
    tie.lead.push(paragraph('d'))
    // ` \n` and `\n` once each between items (the last gap does not count): the first one wins.
    assert.equal(renderHtml(tie), `<p>a</p> \n<p>b</p>\n<p>c</p> \n${newParagraph('d')}\n`)

    const most = read('<p>a</p> \n<p>b</p>\n<p>c</p>\n<p>d</p>\n')
    most.lead.push(paragraph('e'))
    assert.equal(renderHtml(most), `<p>a</p> \n<p>b</p>\n<p>c</p>\n<p>d</p>\n${newParagraph('e')}\n`)

    const after = read('<p>a</p>\n<p>b</p>\t\n<p>c</p>\t\n<p>d</p>\n')
    after.lead.push(paragraph('e'))
    assert.equal(renderHtml(after), `<p>a</p>\n<p>b</p>\t\n<p>c</p>\t\n<p>d</p>\t\n${newParagraph('e')}\n`)
  })

  it('should not take a gap with tags, nor the first or last gap, as a separator', () => {
    const body = '<div>\n<p>a</p>\n</div>\n<div>\n<p>b</p>\n</div>\n<div>\n<p>c</p>\n</div>\n'
    const article = read(body)
    assert.deepEqual(article.layout.gaps, ['<div>\n', '\n</div>\n<div>\n', '\n</div>\n<div>\n', '\n</div>\n'])
    article.lead.push(paragraph('d'))
    assert.equal(renderHtml(article), body.replace(/\n<\/div>\n$/, `\n\n${newParagraph('d')}\n</div>\n`))

    const ends = read('\n \n<p>a</p>\n<p>b</p>\n \n')
    assert.deepEqual(ends.layout.gaps, ['\n \n', '\n', '\n \n'])
    ends.lead.push(paragraph('c'))
    assert.equal(renderHtml(ends), `\n \n<p>a</p>\n<p>b</p>\n${newParagraph('c')}\n \n`)
  })

  it('should separate new items by two of the layout’s line endings when no gap between items is blank', () => {
    const items = [paragraph('a'), paragraph('b')]
    for (const [eol, separator] of [['\r\n', '\r\n\r\n'], ['\r', '\r\r'], ['\n', '\n\n'], ['x', '\n\n'], [undefined, '\n\n']] as const) {
      const article = built({lead: items, layout: {eol, gaps: []}})
      assert.equal(renderHtml(article), newParagraph('a') + separator + newParagraph('b'), JSON.stringify(eol))
    }
    const crlf = parsePost('---\r\ntitle: T\r\n---\r\n<p>a</p>\r\n')
    crlf.lead.push(paragraph('b'))
    assert.equal(renderHtml(crlf), `<p>a</p>\r\n\r\n${newParagraph('b')}\r\n`)
    const cr = parsePost('---\rtitle: T\r---\r<p>a</p>\r')
    assert.equal(cr.layout.eol, '\r')
    cr.lead.push(paragraph('b'))
    assert.equal(renderHtml(cr), `<p>a</p>\r\r${newParagraph('b')}\r`)
  })
})
