import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {parsePost, renderPost, type Article, type Block, type Section} from '../../src/index.ts'

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
