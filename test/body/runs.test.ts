import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {fromHtml} from 'hast-util-from-html'
import {toText} from 'hast-util-to-text'
import {micromark} from 'micromark'
import {parsePost, renderPost, type Article, type Block, type Section} from '../../src/index.ts'
import type {Flat, GapPart} from '../../src/body/flatten.ts'
import {maxChunkLength} from '../../src/body/markdown-chunks.ts'
import {readBody} from '../../src/body/normalize.ts'
import {readRuns} from '../../src/body/runs.ts'
import {defaultEmbedHosts, defaultSchema} from '../../src/body/schema.ts'
import {createCheckMemo, type SanitizeSettings} from '../../src/body/sanitize.ts'

function post(body: string): string {
  return `---\ntitle: Runs\n---\n${body}`
}

function blocksOf(article: Article): Block[] {
  const blocks: Block[] = [...article.lead]
  const walk = (sections: Section[]) => {
    for (const section of sections) {
      blocks.push(...section.blocks)
      walk(section.children)
    }
  }
  walk(article.sections)
  return blocks
}

/** Parse, and check the round trip stays byte for byte. */
function read(body: string): Article {
  const raw = post(body)
  const article = parsePost(raw)
  assert.equal(renderPost(article), raw)
  return article
}

describe('readRuns: bodies written for wpautop', () => {
  it('should make one paragraph per stretch between blank lines', () => {
    const article = read('One line\nand the next.\n\nTwo <b>bold</b>.\n\n\n  \nThree.\n')
    assert.deepEqual(
      article.lead.map((block) => [block.type, block.text]),
      [
        ['paragraph', 'One line\nand the next.'],
        ['paragraph', 'Two bold.'],
        ['paragraph', 'Three.']
      ]
    )
  })

  it('should keep each paragraph’s html as written, and place it in the raw post', () => {
    const article = read('a\nb\n\nc <i>d</i>\n')
    const [first, second] = article.lead as [Block & {html: string}, Block & {html: string}]
    assert.equal(first.html, 'a\nb')
    assert.equal(second.html, 'c <i>d</i>')
    assert.deepEqual(second.position?.start, {line: 7, column: 1, offset: 25})
  })

  it('should put a comment alone between blank lines in a gap, at the run’s edges too', () => {
    const article = read('a\n\n<!--more-->\n\nb\n\n<!--x-->\n<h2>H</h2>')
    assert.deepEqual(
      article.lead.map((block) => block.text),
      ['a', 'b']
    )
  })

  it('should not add a line break after a `<br>`', () => {
    const article = read('a<br>\nb\n\nc\n')
    assert.equal(article.lead[0]!.text, 'a\nb')
  })

  it('should take images between blank lines as images (a hero first)', () => {
    const article = read('<img src="a.png" alt="A">\n\nText.\n\n<img src="b.png" alt="B">\n\nMore.')
    assert.equal(article.hero?.src, 'a.png')
    assert.deepEqual(
      article.lead.map((block) => block.type),
      ['paragraph', 'image', 'paragraph']
    )
  })

  it('should not cut inside an element that holds a blank line', () => {
    const article = read('<b>bold\n\nstill bold</b> end\n\nnext')
    assert.deepEqual(
      article.lead.map((block) => block.text),
      ['bold still bold end', 'next']
    )
  })

  it('should leave a run without blank lines as it was read', () => {
    const article = read('<p>a</p>\nloose\ntext\n<p>b</p>')
    assert.equal(article.lead[1]!.text, 'loose text')
  })

  it('should split a run the sanitiser changed once it is read from its rewrite', () => {
    const article = parsePost(post('a\n\n<span onclick="x()">b</span>\n\nc'))
    assert.deepEqual(
      article.lead.map((block) => block.text),
      ['a', 'b', 'c']
    )
    assert.ok(article.messages.some((message) => message.ruleId === 'sanitized-attribute'))
  })

  it('should not cut a Liquid highlight block', () => {
    const article = read('Code:\n\n{% highlight java %}\nint a;\n\nint b;\n{% endhighlight %}\n\nAfter.')
    assert.deepEqual(
      article.lead.map((block) => block.text),
      ['Code:', '{% highlight java %}\nint a;\n\nint b;\n{% endhighlight %}', 'After.']
    )
  })
})

describe('readRuns: Markdown lines in HTML bodies', () => {
  it('should make `## ` lines sections, nested by rank', () => {
    const article = read('Intro.\n\n## One\n\nText of one.\n\n### One.a\n\n<p>HTML</p>\n\n## Two\n\nEnd.\n')
    assert.deepEqual(
      article.sections.map((section) => [section.heading, section.depth, section.children.map((child) => child.heading)]),
      [
        ['One', 2, ['One.a']],
        ['Two', 2, []]
      ]
    )
    assert.deepEqual(article.sections[0]!.position?.start, {line: 6, column: 1, offset: 28})
  })

  it('should make the `## ` lines of a Markdown body longer than 16 KB sections, fenced `#` lines staying code', () => {
    const topics = ['Caching', 'Queues', 'Indexes', 'Backups', 'Logging', 'Retries', 'Timeouts', 'Migrations']
    const section = (index: number) => {
      const topic = `${topics[index % topics.length]} ${index}`
      return [
        `## ${topic}`,
        `Notes on ${topic.toLowerCase()}: what went wrong the first time, and what we changed after it.`,
        `- measure before you change it\n- keep the old path until the new one is proven\n- write down why`,
        '```sh\n# a comment, not a heading\n## nor this\nmake check\n```',
        `> Said about ${topic} in review.`,
        '### Details',
        `The details of ${topic} fill this paragraph, with *emphasis* and \`code\`, long enough to look like prose.`
      ].join('\n\n')
    }
    const count = 70
    const body = `Intro paragraph.\n\n${Array.from({length: count}, (_, index) => section(index)).join('\n\n')}\n`
    assert.ok(body.length > 16_384, `the body is ${body.length} characters`)
    const article = read(body)
    assert.equal(article.sections.length, count)
    article.sections.forEach((entry, index) => {
      assert.equal(entry.heading, `${topics[index % topics.length]} ${index}`)
      assert.deepEqual(entry.children.map((child) => child.heading), ['Details'])
      assert.deepEqual(entry.blocks.map((block) => block.type), ['paragraph', 'list', 'code', 'quote'])
    })
    const last = article.sections.at(-1)!
    const offset = body.indexOf(`## ${last.heading}`)
    assert.deepEqual(last.position?.start, {line: `---\ntitle: Runs\n---\n${body.slice(0, offset)}`.split('\n').length, column: 1, offset: offset + '---\ntitle: Runs\n---\n'.length})
    const code = last.blocks[2]!
    assert.equal(code.type === 'code' && code.code, '# a comment, not a heading\n## nor this\nmake check\n')
  })

  it('should read lists, fenced code with its language, and block quotes', () => {
    const article = read('## Parts\n\n- a\n- b *c*\n\n1. one\n2. two\n\n```ts\nlet a = 1 < 2\n```\n\n> said\n')
    const blocks = article.sections[0]!.blocks
    assert.deepEqual(
      blocks.map((block) => block.type),
      ['list', 'list', 'code', 'quote']
    )
    assert.deepEqual(blocks[0]!.type === 'list' && blocks[0].items, [
      {text: 'a', html: 'a'},
      {text: 'b c', html: 'b <em>c</em>'}
    ])
    assert.equal(blocks[1]!.type === 'list' && blocks[1].ordered, true)
    assert.equal(blocks[2]!.type === 'code' && blocks[2].language, 'ts')
    assert.equal(blocks[2]!.type === 'code' && blocks[2].code, 'let a = 1 < 2\n')
    assert.equal(blocks[3]!.text, 'said')
  })

  it('should read bold and links in Markdown paragraphs, as sanitised HTML', () => {
    const article = read('## A\n\n**bold** and [a link](https://example.com) and [bad](javascript:alert(1))\n')
    const block = article.sections[0]!.blocks[0]!
    assert.equal(block.type, 'paragraph')
    assert.equal(block.type === 'paragraph' && block.html, '<strong>bold</strong> and <a href="https://example.com">a link</a> and <a>bad</a>')
    assert.equal(block.text, 'bold and a link and bad')
  })

  it('should read Markdown through the schema of the options', () => {
    const schema = {tagNames: defaultSchema.tagNames!.filter((name) => name !== 'em')}
    const raw = post('## A\n\n*x* and **y**\n')
    const article = parsePost(raw, {schema})
    const block = article.sections[0]!.blocks[0]!
    assert.equal(block.type === 'paragraph' && block.html, 'x and <strong>y</strong>')
    assert.equal(renderPost(article), raw)
  })

  it('should read HTML inside Markdown through the sanitiser', () => {
    const article = read('## <em>Title</em> here\n\n- <b>x</b>\n')
    assert.equal(article.sections[0]!.heading, 'Title here')
    const list = article.sections[0]!.blocks[0]!
    assert.equal(list.type === 'list' && list.items[0]!.html, '<b>x</b>')
  })

  it('should keep Markdown as written when the Article is not edited, and write an edited heading as HTML', () => {
    const raw = post('## One\n\ntext\n')
    const article = parsePost(raw)
    assert.equal(renderPost(article), raw)
    article.sections[0]!.heading = 'Changed'
    assert.match(renderPost(article), /<h2[^>]*>Changed<\/h2>/)
  })

  it('should leave text alone when micromark reads only paragraphs in it', () => {
    const article = read('<p>x</p>\nThe year was\n1984. A year.\n#hashtag, not a heading\n')
    assert.deepEqual(
      blocksOf(article).map((block) => [block.type, block.text]),
      [
        ['paragraph', 'x'],
        ['paragraph', 'The year was 1984. A year. #hashtag, not a heading']
      ]
    )
  })

  it('should leave a fence that another run closes as text', () => {
    const article = read('Code:\n\n```php\n<pre>echo 1;</pre>\n```\n\nAfter.')
    assert.ok(blocksOf(article).every((block) => block.type !== 'code' || block.code.includes('echo')))
    assert.ok(article.text.includes('```php'))
  })

  it('should not read indented text as code nor `---` under text as a heading', () => {
    const article = read('## A\n\n    indented text\n\nline\n---\n')
    assert.equal(article.sections.length, 1)
    assert.ok(blocksOf(article).every((block) => block.type !== 'code'))
  })
})

/** The flattened body after `readRuns`, read through the module itself (items and gaps with their source). */
function flatOf(body: string): Flat {
  const settings: SanitizeSettings = {schema: defaultSchema, embedHosts: defaultEmbedHosts, ...createCheckMemo()}
  const reading = readBody(body, settings)
  readRuns(reading.context, reading.flat, settings)
  return reading.flat
}

/** Items as their kind and source; a block read from Markdown also names its element. */
function itemsOf(body: string, flat: Flat): string[][] {
  return flat.items.map((item) => {
    const [node] = item.nodes
    const made = item.kind !== 'run' && node?.type === 'element' && !node.position ? [node.tagName] : []
    return [item.kind, body.slice(item.start, item.end), ...made]
  })
}

/** A gap part as its kind, value and source offsets. */
function partOf(part: GapPart): [string, string, number | undefined, number | undefined] {
  return [part.type, part.node.type === 'element' ? part.node.tagName : part.node.value, part.node.position?.start.offset, part.node.position?.end.offset]
}

/** Where a piece of the body is, found by its text (the first at or after `from`). */
function at(body: string, piece: string, from = 0): [number, number] {
  const start = body.indexOf(piece, from)
  assert.ok(start >= 0, `${JSON.stringify(piece)} is in the body`)
  return [start, start + piece.length]
}

describe('readRuns: the items and gaps it makes', () => {
  it('should tile the body: each gap ends where the next item starts, each item where the next gap starts', () => {
    const bodies = ['a\n\nb\n\nc', '<p>x</p>\nloose\n\ntext\n<p>y</p>', '## A\n\n- x\n- y\n\ntext <i>i</i>\n', 'a\r\n\r\nb\r\rc', '<!--x-->\n\na\n\n<!--m-->\n\nb\n\n<!--y-->']
    for (const body of bodies) {
      const flat = flatOf(body)
      assert.equal(flat.gaps.length, flat.items.length + 1)
      flat.items.forEach((item, index) => {
        assert.equal(flat.gaps[index]!.end, item.start, `${JSON.stringify(body)}: gap ${index} ends at item ${index}`)
        assert.equal(flat.gaps[index + 1]!.start, item.end, `${JSON.stringify(body)}: item ${index} ends at gap ${index + 1}`)
      })
      assert.equal(flat.gaps[0]!.start, 0)
      assert.equal(flat.gaps.at(-1)!.end, body.length)
    }
  })

  it('should cut at blank lines of LF, CRLF and CR alone, with spaces and tabs in them, as wpautop does', () => {
    const body = 'a\r\n\r\nb\r\rc\n \t\n\t\n\nd\r\r\re\n\n\rf'
    const flat = flatOf(body)
    assert.deepEqual(itemsOf(body, flat), [['run', 'a'], ['run', 'b'], ['run', 'c'], ['run', 'd'], ['run', 'e'], ['run', 'f']])
    assert.deepEqual(
      flat.gaps.map((gap) => body.slice(gap.start, gap.end)),
      ['', '\r\n\r\n', '\r\r', '\n \t\n\t\n\n', '\r\r\r', '\n\n\r', '']
    )
    assert.ok(flat.items.every((item) => item.kind === 'run' && item.breaks === true))
  })

  it('should give each piece of a cut text node its value (character references decoded, CR read as LF) and its place', () => {
    const body = 'a &amp; b\r\n\r\nc &lt; d\r\n \r\n\r\ne'
    const flat = flatOf(body)
    const texts = flat.items.map((item) => item.nodes.map((node) => [node.type === 'text' ? node.value : node.type, node.position?.start.offset, node.position?.end.offset]))
    assert.deepEqual(texts, [
      [['a & b', ...at(body, 'a &amp; b')]],
      [['c < d', ...at(body, 'c &lt; d')]],
      [['e', body.length - 1, body.length]]
    ])
    // The pieces of the blank lines: their text as the parser reads it (CR LF is one LF).
    assert.deepEqual(flat.gaps.slice(1, -1).map((gap) => gap.parts.map(partOf)), [
      [['text', '\n\n', ...at(body, '\r\n\r\n')]],
      [['text', '\n \n\n', ...at(body, '\r\n \r\n\r\n')]]
    ])
    // The first piece starts where the text node did, with its line and column; the last ends where it did.
    const first = flat.items[0]!.nodes[0]!.position!
    assert.deepEqual(first.start, {line: 1, column: 1, offset: 0})
    const last = flat.items.at(-1)!.nodes[0]!.position!
    assert.deepEqual(last.end, {line: 6, column: 2, offset: body.length})
    // Inside, a cut has only its offset: the line and column of the parser's points are not counted again.
    assert.equal(first.end.offset, 'a &amp; b'.length)
  })

  it('should leave the gap after a run cut in three what it held (nothing of the run’s own)', () => {
    const body = 'a\n\nb\n\nc\n<p>x</p>'
    const flat = flatOf(body)
    assert.deepEqual(itemsOf(body, flat), [['run', 'a'], ['run', 'b'], ['run', 'c'], ['block', '<p>x</p>']])
    // The run's own white space at its end is outside it already, with no part of its own.
    assert.deepEqual(flat.gaps[3]!.parts.map(partOf), [])
    assert.deepEqual(flat.gaps[2]!.parts.map(partOf), [['text', '\n\n', 4, 6]])
    // Nothing lies before the run's first stretch: the gap before it gets no part.
    assert.deepEqual(flat.gaps[0]!.parts.map(partOf), [])
    assert.deepEqual(flat.gaps[1]!.parts.map(partOf), [['text', '\n\n', ...at(body, '\n\n')]])
  })

  it('should cut a text node whose source is its value through the value', () => {
    const body = 'one\n\ntwo three\n\nfour'
    const flat = flatOf(body)
    assert.deepEqual(
      flat.items.map((item) => item.nodes.map((node) => node.type === 'text' && [node.value, node.position?.start.offset, node.position?.end.offset])),
      [[['one', 0, 3]], [['two three', 5, 14]], [['four', 16, 20]]]
    )
  })

  it('should leave the white space at a run’s edges out of its first and last pieces', () => {
    const body = '\n a\n\nb  \n'
    const flat = flatOf(body)
    assert.deepEqual(
      flat.items.map((item) => item.nodes.map((node) => node.type === 'text' && [node.value, node.position?.start.offset, node.position?.end.offset])),
      [[['a', 2, 3]], [['b', 5, 6]]]
    )
  })

  it('should cut a run whose stretch starts with an element', () => {
    const body = 'a\n\n<b>b</b> c'
    assert.deepEqual(itemsOf(body, flatOf(body)), [['run', 'a'], ['run', '<b>b</b> c']])
  })

  it('should put comments and the white space between them in the gap when a stretch holds nothing else', () => {
    const body = 'a\n\n<!--a-->\n \t\f<!--b-->\n\nb'
    const flat = flatOf(body)
    assert.deepEqual(itemsOf(body, flat), [['run', 'a'], ['run', 'b']])
    assert.deepEqual(flat.gaps[1]!.parts.map(partOf), [
      ['text', '\n\n', ...at(body, '\n\n')],
      ['comment', 'a', ...at(body, '<!--a-->')],
      ['text', '\n \t\f', ...at(body, '\n \t\f')],
      ['comment', 'b', ...at(body, '<!--b-->')],
      ['text', '\n\n', ...at(body, '\n\n', body.indexOf('<!--b-->'))]
    ])
  })

  it('should keep a stretch of text and a comment as an item', () => {
    const body = 'a\n\n<!--c-->x\n\nb'
    assert.deepEqual(itemsOf(body, flatOf(body)), [['run', 'a'], ['run', '<!--c-->x'], ['run', 'b']])
  })

  it('should leave a run of comments alone', () => {
    const body = '<p>x</p>\n<!--a-->\n\n<!--b-->\n<p>y</p>'
    assert.deepEqual(itemsOf(body, flatOf(body)), [['block', '<p>x</p>'], ['block', '<p>y</p>']])
  })

  it('should not cut inside an element, a Liquid highlight block, or an element inside one', () => {
    const cases: Array<[string, string[]]> = [
      ['<b>x\n\ny</b>\n\n{% highlight j %}\na\n\nb\n{% endhighlight %}\n\nc', ['<b>x\n\ny</b>', '{% highlight j %}\na\n\nb\n{% endhighlight %}', 'c']],
      ['{% highlight j %}\n<b>x</b>\n\ny\n{% endhighlight %}\n\nz', ['{% highlight j %}\n<b>x</b>\n\ny\n{% endhighlight %}', 'z']],
      ['p\n\n{%- highlight ruby linenos -%}\na\n\nb\n{%-  endhighlight  -%}\n\nq', ['p', '{%- highlight ruby linenos -%}\na\n\nb\n{%-  endhighlight  -%}', 'q']],
      ['p\n\n{%highlight x%}\na\n\t\nb\n{%endhighlight%}', ['p', '{%highlight x%}\na\n\t\nb\n{%endhighlight%}']],
      ['p\n\n{%\thighlight x\t%}\na\n\nb\n{%\tendhighlight\t%}', ['p', '{%\thighlight x\t%}\na\n\nb\n{%\tendhighlight\t%}']],
      // Not a highlight block: another tag, and an end without its start.
      ['{% highlighter %}\na\n\nb\n{% endhighlight %}', ['{% highlighter %}\na', 'b\n{% endhighlight %}']],
      ['{% highlight x %}\na\n\nb\n{% endhighlighter %}', ['{% highlight x %}\na', 'b\n{% endhighlighter %}']],
      ['{% highlight x %}\na\n\nb\n{% endhighlight %%}', ['{% highlight x %}\na', 'b\n{% endhighlight %%}']],
      // Each block ends at its own end tag.
      ['{% highlight a %}\nx\n{% endhighlight %}\n\nmid\n\n{% highlight b %}\ny\n{% endhighlight %}', ['{% highlight a %}\nx\n{% endhighlight %}', 'mid', '{% highlight b %}\ny\n{% endhighlight %}']]
    ]
    for (const [body, expected] of cases) {
      const flat = flatOf(body)
      assert.deepEqual(
        flat.items.map((item) => body.slice(item.start, item.end)),
        expected,
        JSON.stringify(body)
      )
    }
  })
})

describe('readRuns: what makes a run Markdown', () => {
  const cases: Array<[string, string[][]]> = [
    ['#\tTab', [['heading', '#\tTab', 'h1']]],
    // The run starts at its first character that is not white space: the indentation is on a later line.
    ['x\n   ### Indented three', [['block', 'x', 'p'], ['heading', '### Indented three', 'h3']]],
    ['###### Six', [['heading', '###### Six', 'h6']]],
    ['text\n## After a line', [['block', 'text', 'p'], ['heading', '## After a line', 'h2']]],
    ['```\ncode\n```', [['block', '```\ncode\n```', 'pre']]],
    ['~~~\ncode\n~~~', [['block', '~~~\ncode\n~~~', 'pre']]],
    ['x\r\n\r\n```\r\ncode\r\n```', [['block', 'x', 'p'], ['block', '```\r\ncode\r\n```', 'pre']]],
    ['x\n\n```\ncode\n   ```  \n\ny', [['block', 'x', 'p'], ['block', '```\ncode\n   ```  ', 'pre'], ['block', 'y', 'p']]],
    ['x\n\n~~~~\ncode\n~~~~~\t', [['block', 'x', 'p'], ['block', '~~~~\ncode\n~~~~~', 'pre']]],
    ['- dash\n- two', [['block', '- dash\n- two', 'ul']]],
    ['* star', [['block', '* star', 'ul']]],
    ['+\tplus', [['block', '+\tplus', 'ul']]],
    ['-  two spaces', [['block', '-  two spaces', 'ul']]],
    ['1.\t\ttwo tabs', [['block', '1.\t\ttwo tabs', 'ol']]],
    ['1) one', [['block', '1) one', 'ol']]],
    ['123456789. nine digits', [['block', '123456789. nine digits', 'ol']]],
    ['> quote', [['block', '> quote', 'blockquote']]],
    ['x\n   > indented quote', [['block', 'x', 'p'], ['block', '> indented quote', 'blockquote']]],
    ['## A\n\n***', [['heading', '## A', 'h2'], ['block', '***', 'hr']]]
  ]
  for (const [body, expected] of cases) {
    it(`should read ${JSON.stringify(body)} as Markdown`, () => {
      assert.deepEqual(itemsOf(body, flatOf(body)), expected)
    })
  }

  const plain: string[] = ['####### Seven\nx', '#hashtag\nx', '1234567890. ten digits', '-dash', 'x\n    ## four spaces', 'a ``` b', 'x\n\n+']
  for (const body of plain) {
    it(`should not read ${JSON.stringify(body)} as Markdown`, () => {
      const flat = flatOf(body)
      assert.ok(flat.items.every((item) => item.kind === 'run'), JSON.stringify(itemsOf(body, flat)))
    })
  }

  it('should leave a raw HTML block and a definition as HTML', () => {
    const body = '## A\n\n<b>\nx\n</b>\n\n[a]: https://x.example\n\n[a]'
    assert.deepEqual(itemsOf(body, flatOf(body)), [['heading', '## A', 'h2'], ['run', '<b>\nx\n</b>'], ['run', '[a]: https://x.example'], ['block', '[a]', 'p']])
  })

  it('should take a fence closed only by one of its own character, at least as long', () => {
    // CommonMark: a shorter fence or one of the other character is a line of the code, which then goes on past the run.
    // Nor is a fence that does not start its line (past three spaces) or has more than spaces and tabs after it.
    for (const body of ['Text\n\n````\ncode\n```', 'Text\n\n```\ncode\n~~~', 'Text\n\n~~~~\ncode\n~~~', 'Text\n\n```\ncode ```', 'Text\n\n```\ncode\n``` x']) {
      assert.deepEqual(itemsOf(body, flatOf(body)), [['run', 'Text'], ['run', body.slice(6)]], JSON.stringify(body))
    }
    const closed = 'Text\n\n~~~\ncode\n~~~~'
    assert.deepEqual(itemsOf(closed, flatOf(closed)), [['block', 'Text', 'p'], ['block', '~~~\ncode\n~~~~', 'pre']])
  })

  it('should not take a lone fence as a closed code block', () => {
    const body = 'Text\n\n```'
    assert.deepEqual(itemsOf(body, flatOf(body)), [['run', 'Text'], ['run', '```']])
  })

  it('should read blocks that start or end at an element’s own edges, and refuse one that ends inside an element', () => {
    const body = '## A\n\n<b>x</b> y\n\nz <i>w</i>\n'
    assert.deepEqual(itemsOf(body, flatOf(body)), [['heading', '## A', 'h2'], ['block', '<b>x</b> y', 'p'], ['block', 'z <i>w</i>', 'p']])
    const cut = '## A\n\n<b>x\n\ny</b>'
    assert.deepEqual(itemsOf(cut, flatOf(cut)), [['run', '## A'], ['run', '<b>x\n\ny</b>']])
  })

  it('should read each block alone when their HTML read together makes more elements than blocks, and not read the run as Markdown when one block alone makes more than one (a stray `</p>`)', () => {
    // micromark writes `x </p> y` as `<p>x </p> y</p>`: parse5 reads ` y` outside the paragraph, and the second `</p>` as an empty `<p>`.
    const [paragraph, ...rest] = fromHtml(micromark('x </p> y', {allowDangerousHtml: true}), {fragment: true}).children
    assert.ok(paragraph?.type === 'element' && toText(paragraph).trim() === 'x' && rest.some((node) => node.type === 'text' && node.value.includes('y')), 'one element cannot hold the block')
    for (const body of ['x </p> y\n\n## H', '## H\n\nx </p> y']) {
      const flat = flatOf(body)
      // Read as wpautop paragraphs instead: every word stays in an item, and `## H` is no heading.
      assert.deepEqual(
        flat.items.map((item) => item.kind),
        ['run', 'run'],
        JSON.stringify(body)
      )
      const text = flat.items.map((item) => toText({type: 'root', children: item.nodes})).join(' ')
      for (const word of ['x', 'y', '## H']) assert.ok(text.includes(word), `${JSON.stringify(body)} keeps ${word}`)
    }
  })

  it('should give what it makes from Markdown no position, down to the text (it would point into HTML the body does not hold)', () => {
    const body = '## A *b* [c](https://x.example)\n\n- **d**\n- e\n\n> f `g`'
    const flat = flatOf(body)
    assert.deepEqual(
      flat.items.map((item) => item.kind),
      ['heading', 'block', 'block']
    )
    const placed: string[] = []
    const walk = (node: {type: string; position?: unknown; children?: unknown[]}) => {
      if (node.position) placed.push(node.type)
      for (const child of node.children ?? []) walk(child as typeof node)
    }
    for (const item of flat.items) for (const node of item.nodes) walk(node)
    assert.deepEqual(placed, [])
  })

  it('should read a run’s Markdown blocks in one parse, and each alone only when that parse does not give one element per block', () => {
    // Each parse of HTML made from Markdown is sanitised with a copy of the settings: count the copies.
    const parses = (body: string): number => {
      const reading = readBody(body, {schema: defaultSchema, embedHosts: defaultEmbedHosts, ...createCheckMemo()})
      let reads = 0
      const settings = {embedHosts: defaultEmbedHosts, ...createCheckMemo()} as SanitizeSettings
      Object.defineProperty(settings, 'schema', {
        enumerable: true,
        get: () => {
          reads++
          return defaultSchema
        }
      })
      readRuns(reading.context, reading.flat, settings)
      return reads
    }
    assert.equal(parses('## A\n\nx *y*\n\n- a\n- b\n\n1. c\n\n> q\n\n```\nc\n```\n\n***\n\n#### B'), 1)
    assert.equal(parses('## A\n\nx\n<div>d</div>\n## B\n\ny'), 2)
    // Two blocks: one parse of both, then the first alone, which makes two elements: the run is not Markdown.
    assert.equal(parses('x </p> y\n\n## H'), 2)
    assert.equal(parses('a\n\nb'), 0)
  })

  it('should read a run too long to read as Markdown as wpautop paragraphs', () => {
    const list = '- item\n'.repeat(Math.ceil(maxChunkLength / 7) + 1)
    const body = `${list}\nafter`
    assert.deepEqual(itemsOf(body, flatOf(body)), [['run', list.slice(0, -1)], ['run', 'after']])
  })
})

describe('readRuns: Markdown lines after a lone CR', () => {
  // micromark reads `\r` alone as a line ending, as it reads `\n` and `\r\n`: so must the look that picks the runs.
  const cases: Array<[string, string[][]]> = [
    ['x\r\r## A', [['block', 'x', 'p'], ['heading', '## A', 'h2']]],
    ['x\r- a\r- b', [['block', 'x', 'p'], ['block', '- a\r- b', 'ul']]],
    ['x\r\r```\rcode\r```', [['block', 'x', 'p'], ['block', '```\rcode\r```', 'pre']]],
    ['x\r> q', [['block', 'x', 'p'], ['block', '> q', 'blockquote']]]
  ]
  for (const [body, expected] of cases) {
    it(`should read ${JSON.stringify(body)} as Markdown, as with \\n`, () => {
      assert.deepEqual(itemsOf(body, flatOf(body)), expected)
      const lf = body.replaceAll('\r', '\n')
      assert.deepEqual(itemsOf(lf, flatOf(lf)), expected.map(([kind, source, ...tag]) => [kind!, source!.replaceAll('\r', '\n'), ...tag]))
      read(body)
    })
  }
})
