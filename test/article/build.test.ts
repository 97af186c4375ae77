import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {buildBody, rewrittenMarkup, titled, type BodyParts} from '../../src/article/build.ts'
import {readBody} from '../../src/body/normalize.ts'
import {createCheckMemo, type SanitizeSettings} from '../../src/body/sanitize.ts'
import {defaultEmbedHosts, schemaWithDefaults} from '../../src/body/schema.ts'
import {LineIndex} from '../../src/diagnostics/line-index.ts'
import {digest} from '../../src/record/digest.ts'
import {parsePost, type Article, type Block, type Message, type Meta, type Section} from '../../src/index.ts'

/*
 * `buildBody` takes a body as `parsePost` reads it (here through `readBody`,
 * after a front matter of `front`'s length) and builds the Article's body
 * parts. Expectations are read off the HTML by hand.
 */

const front = '---\ntitle: t\n---\n'
const sanitize: SanitizeSettings = {schema: schemaWithDefaults(undefined), embedHosts: defaultEmbedHosts, ...createCheckMemo()}

function build(body: string, sanitized?: boolean): {parts: BodyParts; messages: Message[]} {
  const reading = readBody(body, sanitize)
  const messages: Message[] = []
  const lines = new LineIndex(front + body)
  const parts = buildBody({context: reading.context, lines, bodyStart: front.length, messages, sanitize, sanitized: sanitized ?? reading.changes.length > 0}, reading.flat)
  return {parts, messages}
}

const outline = (sections: Section[]): string[] => sections.map((section) => `${section.depth}:${section.heading}[${outline(section.children).join(',')}]`)
/** Rule and place of each message; each must say something (wording itself is not pinned). */
const rules = (messages: Message[]) =>
  messages.map((message) => {
    assert.notEqual(message.reason.trim(), '', message.ruleId)
    return [message.ruleId, message.line, message.column]
  })
/** What a source holds, with the digest of the item without its position and source. */
const withoutSource = (item: object) => {
  const {position: _position, source: _source, ...rest} = item as {position?: unknown; source?: unknown}
  return rest
}

describe('buildBody', () => {
  it('should nest sections by rank: a heading closes every open one of its rank or lower', () => {
    const {parts} = build('<h2>a</h2><h3>b</h3><h3>c</h3><h4>d</h4><h3>e</h3><h2>f</h2><h4>g</h4><h2>h</h2>')
    assert.deepEqual(outline(parts.sections), ['2:a[3:b[],3:c[4:d[]],3:e[]]', '2:f[4:g[]]', '2:h[]'])
    assert.deepEqual(parts.sections.map((section) => section.depth), [2, 2, 2])
    assert.deepEqual(parts.lead, [])
  })

  it('should put blocks before the first heading in the lead and the rest in their section', () => {
    const {parts} = build('<p>lead</p>\n<h2>One</h2>\n<p>one</p>\n<h3>Two</h3>\n<p>two</p>\n<h2>Three</h2>\n<p>three</p>')
    assert.deepEqual(parts.lead.map((block) => block.text), ['lead'])
    const [one, three] = parts.sections
    assert.deepEqual(one!.blocks.map((block) => block.text), ['one'])
    assert.deepEqual(one!.children[0]!.blocks.map((block) => block.text), ['two'])
    assert.deepEqual(three!.blocks.map((block) => block.text), ['three'])
    // The text is each heading's and block's text, in order.
    assert.deepEqual(parts.texts, ['lead', 'One', 'one', 'Two', 'two', 'Three', 'three'])
  })

  it('should take an explicit id, slug the others uniquely, and keep a heading\'s attributes', () => {
    const {parts} = build('<h2 id="own" class="c">Same</h2><h2>Same</h2><h2>Same</h2>')
    assert.deepEqual(parts.sections.map((section) => section.id), ['own', 'same', 'same-1'])
    assert.deepEqual(parts.sections[0]!.attributes, {id: 'own', class: 'c'})
    assert.equal('attributes' in parts.sections[1]!, false)
  })

  it('should give each item its position in the raw post and its source: index, HTML as written and digest', () => {
    const body = '<p>lead</p>\n\n<h2 class="x">One</h2>\n<p>a <b>b</b></p>'
    const {parts} = build(body)
    const section = parts.sections[0]!
    const block = section.blocks[0]!
    const lead = parts.lead[0]!
    assert.deepEqual([section.position!.start.line, section.position!.start.column, section.position!.end.line, section.position!.end.column], [6, 1, 6, 23])
    assert.equal(section.position!.start.offset, front.length + body.indexOf('<h2'))
    assert.equal(block.position!.end.offset, front.length + body.length)
    assert.deepEqual([section.source!.index, section.source!.html], [1, '<h2 class="x">One</h2>'])
    assert.deepEqual([block.source!.index, block.source!.html], [2, '<p>a <b>b</b></p>'])
    assert.deepEqual([lead.source!.index, lead.source!.html], [0, '<p>lead</p>'])
    for (const item of [section, block, lead]) assert.equal(item.source!.digest, digest(withoutSource(item)))
  })

  it('should place a rewritten item where it was written, with the HTML it is written as', () => {
    const body = '<p>a</p>\n<p onclick="x()">b</p>'
    const {parts} = build(body)
    const block = parts.lead[1]!
    assert.equal(block.source!.html, '<p>b</p>')
    assert.equal(block.position!.start.offset, front.length + body.indexOf('<p onclick'))
    assert.equal(block.position!.end.offset, front.length + body.length)
  })

  describe('the hero', () => {
    it('should be the first image before any section, and only the first', () => {
      const {parts} = build('<p><img src="/a.jpg" alt="A" title="T" class="c"></p>\n<p><img src="/b.jpg" alt="B"></p>\n<h2>One</h2>')
      const {position, source, ...hero} = parts.hero!
      assert.deepEqual(hero, {src: '/a.jpg', alt: 'A', title: 'T'})
      assert.equal(source!.index, 0)
      assert.equal(source!.html, '<p><img src="/a.jpg" alt="A" title="T" class="c"></p>')
      assert.equal(source!.digest, digest(hero))
      assert.equal(position!.start.offset, front.length)
      assert.deepEqual(parts.lead.map((block) => block.type), ['image'])
      assert.equal((parts.lead[0] as Block & {src: string}).src, '/b.jpg')
      // An image has no text: nothing is added for the hero.
      assert.deepEqual(parts.texts, ['One'])
    })

    it('should not be an image after a heading, nor after the first section has ended', () => {
      assert.equal(build('<h2>One</h2><p><img src="/a.jpg" alt="A"></p>').parts.hero, null)
      assert.equal(build('<h1>Title</h1><p>x</p><h1>Other</h1><p><img src="/a.jpg" alt="A"></p>').parts.hero, null)
    })

    it('should be a figure\'s image with its caption, whose caption is text', () => {
      const {parts} = build('<figure><img src="/a.jpg" alt="A"><figcaption>Cap</figcaption></figure>\n<p>x</p>')
      const {position: _position, source: _source, ...hero} = parts.hero!
      assert.deepEqual(hero, {src: '/a.jpg', alt: 'A', caption: 'Cap'})
      assert.deepEqual(parts.texts, ['Cap', 'x'])
      assert.deepEqual(parts.lead.map((block) => block.text), ['x'])
    })

    it('should be a figure\'s image without a caption key when it has none', () => {
      const {parts} = build('<figure><img src="/a.jpg" alt="A"></figure>')
      const {position: _position, source: _source, ...hero} = parts.hero!
      assert.deepEqual(hero, {src: '/a.jpg', alt: 'A'})
    })

    it('should never be an emoticon, an ad slot or a figure without an image', () => {
      for (const body of [
        '<figure data-ke-type="emoticon"><img src="/e.png" alt="e"></figure>',
        '<figure data-ke-type="revenue"><img src="/ad.png" alt="ad"></figure>',
        '<figure><figcaption>only words</figcaption></figure>',
        // A link card has an image too, a URL string: it is no hero.
        '<figure data-ke-type="opengraph" data-og-url="https://a.example/" data-og-image="https://a.example/i.jpg"><a href="https://a.example/">A</a></figure>',
        '<p>text</p>'
      ]) {
        const {parts} = build(body)
        assert.equal(parts.hero, null, body)
        assert.equal(parts.lead.length, 1, body)
      }
    })

    it('should be a Markdown image line opening the body', () => {
      const {parts} = build('![An image](/a.jpg "Its title")\n\n<p>x</p>')
      const {position, source, ...hero} = parts.hero!
      assert.deepEqual(hero, {src: '/a.jpg', alt: 'An image', title: 'Its title', markdown: true})
      assert.equal(source!.index, 0)
      assert.equal(source!.html, '![An image](/a.jpg "Its title")')
      assert.equal(position!.start.offset, front.length)
      assert.deepEqual(parts.lead.map((block) => block.text), ['x'])
    })

    it('should not take a Markdown image line that is not the first item', () => {
      const {parts} = build('<p>x</p>\n![An image](/a.jpg)')
      assert.equal(parts.hero, null)
    })

    it('should not take a Markdown image line of a run that was rewritten', () => {
      // The run is dirty (the NUL): it is read again from its serialisation, so its pieces are not the body's.
      const {parts} = build('![An image](/a.jpg)\u0000\n<p>x</p>', false)
      assert.equal(parts.hero?.markdown, undefined)
    })
  })

  describe('the title heading', () => {
    it('should be the only `<h1>`, first among headings, with its id, attributes and text', () => {
      const {parts, messages} = build('<p>by me</p><h1 class="big">The  title</h1><p>lead</p><h2>One</h2>')
      const {position, source, ...heading} = parts.titleHeading!
      assert.deepEqual(heading, {text: 'The title', id: 'the-title', attributes: {class: 'big'}})
      assert.equal(source!.index, 1)
      assert.equal(source!.html, '<h1 class="big">The  title</h1>')
      assert.equal(position!.start.offset, front.length + '<p>by me</p>'.length)
      assert.deepEqual(parts.lead.map((block) => block.text), ['by me', 'lead'])
      assert.deepEqual(outline(parts.sections), ['2:One[]'])
      assert.deepEqual(parts.texts, ['by me', 'The title', 'lead', 'One'])
      assert.deepEqual(messages, [])
    })

    it('should take an explicit id and leave out attributes when it has none', () => {
      const {parts} = build('<h1 id="start">T</h1><h2>T</h2>')
      assert.deepEqual(withoutSource(parts.titleHeading!), {text: 'T', id: 'start', attributes: {id: 'start'}})
      // The section's slug is unique beside it.
      assert.equal(parts.sections[0]!.id, 't')
      const bare = build('<h1>T</h1>').parts.titleHeading!
      assert.deepEqual(withoutSource(bare), {text: 'T', id: 't'})
    })

    it('should not be an `<h1>` after another heading, one of two, an empty one, or one after more than 200 characters of text', () => {
      const cases = [
        '<h2>a</h2><h1>b</h1>',
        '<h1>a</h1><p>x</p><h1>b</h1>',
        '<h1>a</h1><h2>x</h2><h1>b</h1>',
        '<h1> </h1><p>x</p>',
        `<p>${'x'.repeat(201)}</p><h1>b</h1>`,
        `<p>${'x'.repeat(150)}</p><p>${'y'.repeat(51)}</p><h1>b</h1>`
      ]
      for (const body of cases) assert.equal(build(body).parts.titleHeading, null, body)
    })

    it('should be one after at most 200 characters of text, counted as clean text', () => {
      const cases = [`<p>${'x'.repeat(200)}</p><h1>b</h1>`, `<p>${'x'.repeat(100)}</p><p>${'y'.repeat(100)}</p><h1>b</h1>`, `<p>${'x '.repeat(100)}   </p><h1>b</h1>`, '<h1>b</h1>']
      for (const body of cases) assert.equal(build(body).parts.titleHeading?.text, 'b', body)
    })

    it('should leave the `<h1>` a section when it is not the title', () => {
      const {parts, messages} = build('<h1> </h1><p>x</p>')
      assert.deepEqual(outline(parts.sections), ['1:[]'])
      assert.deepEqual(rules(messages), [['heading-empty', 4, 1]])
    })
  })

  describe('heading messages', () => {
    it('should want an `<h2>` before a deeper heading without a parent, when the post has an `<h2>`', () => {
      const {messages} = build('<h3>a</h3>\n<h2>b</h2>\n<h4>c</h4>')
      assert.deepEqual(rules(messages), [['heading-order', 4, 1], ['heading-order', 6, 1]])
      assert.equal(messages[0]!.place.end.offset, front.length + '<h3>a</h3>'.length)
      assert.deepEqual(build('<h3>a</h3>\n<h4>b</h4>\n<h3>c</h3>').messages, [])
      // A heading of the same rank before it is no parent.
      assert.deepEqual(rules(build('<h3>a</h3>\n<h3>b</h3>\n<h2>c</h2>').messages), [['heading-order', 4, 1], ['heading-order', 5, 1]])
      // An `<h1>` is not an `<h2>`.
      assert.deepEqual(build('<h3>a</h3><p>x</p><h1>b</h1><h1>c</h1>').messages, [])
    })

    it('should not count a heading moved out of a table (one `html` block with it) as an `<h2>` or a title', () => {
      // The parser moves the `<h2>` before the table (foster parenting): the two are one item, not a heading.
      const {parts, messages} = build('<h3>a</h3><table><tr><td>x</td></tr><h2>b</h2></table>')
      assert.deepEqual(messages, [])
      assert.deepEqual(outline(parts.sections), ['3:a[]'])
      assert.deepEqual(parts.sections[0]!.blocks.map((block) => block.type), ['html'])
      assert.equal(build('<table><tr><td>x</td></tr><h1>b</h1></table><p>y</p>').parts.titleHeading, null)
    })

    it('should want no skipped rank under a parent', () => {
      const {messages} = build('<h2>a</h2>\n<h4>b</h4>\n<h3>c</h3>\n<h4>d</h4>\n<h6>e</h6>')
      assert.deepEqual(rules(messages), [['heading-order', 5, 1], ['heading-order', 8, 1]])
      assert.deepEqual(build('<h1>a</h1><p>x</p><h1>a2</h1><h3>b</h3>').messages.map((message) => message.ruleId), ['heading-order'])
      assert.deepEqual(build('<h1>a</h1><p>x</p><h1>a2</h1><h2>b</h2>').messages, [])
    })

    it('should want text in a heading, and say so once, not as a duplicate', () => {
      const {messages} = build('<h2></h2>\n<h2> </h2>\n<h2>a</h2>')
      assert.deepEqual(rules(messages), [['heading-empty', 4, 1], ['heading-empty', 5, 1]])
    })

    it('should want unique headings, whatever their case', () => {
      const {parts, messages} = build('<h2>Intro</h2>\n<h2>intro</h2>\n<h3>INTRO</h3>\n<h2>Other</h2>')
      assert.deepEqual(rules(messages), [['heading-duplicate', 5, 1], ['heading-duplicate', 6, 1]])
      assert.match(messages[0]!.reason, /intro-1/)
      assert.deepEqual(parts.sections.map((section) => section.id), ['intro', 'intro-1', 'other'])
    })

    it('should compare headings in lower case, as Unicode lowers them', () => {
      // Upper case would make `ß` `SS`; lower case keeps `ß` apart from `ss`.
      assert.deepEqual(build('<h2>STRASSE</h2><h2>Straße</h2>').messages, [])
      assert.deepEqual(rules(build('<h2>ΣΟΦΙΑ</h2>\n<h2>σοφια</h2>').messages), [['heading-duplicate', 5, 1]])
    })
  })

  describe('verbatim', () => {
    it('should be true for a body the sanitiser left alone', () => {
      for (const body of ['', '<p>a</p>', '\n<p>a</p>\n\n<h2>b</h2>text\n', '<div><p>a</p></div>']) assert.equal(build(body).parts.verbatim, true, body)
    })

    it('should be false when anything was sanitised', () => {
      assert.equal(build('<p onclick="x()">a</p>').parts.verbatim, false)
      assert.equal(build('<p>a</p>', true).parts.verbatim, false)
    })

    it('should be false when an item was read again from its rewrite', () => {
      assert.equal(build('<p>a</p>\n<p onclick="x()">b</p>', false).parts.verbatim, false)
    })

    it('should be false when a gap was rewritten, though every item is as written', () => {
      assert.equal(build('<p>a</p><style>x</style><p>b</p>', false).parts.verbatim, false)
      assert.equal(build('<p>a</p><p>b</p><style>x</style>', false).parts.verbatim, false)
      assert.equal(build('<style>x</style><p>a</p>', false).parts.verbatim, false)
      // Written again with its attributes quoted and the handler left out, the wrapper's start tag is as long as it was: the items stay in place.
      const wrapper = '<div title=a lang=b dir=ltr class=d onclick><p>a</p></div>'
      const {parts} = build(wrapper, false)
      assert.equal(parts.gaps[0]!.length, wrapper.indexOf('<p>'))
      assert.notEqual(parts.gaps[0], wrapper.slice(0, wrapper.indexOf('<p>')))
      assert.equal(parts.verbatim, false)
    })

    it('should be false when an item was read again, even where its rewrite is as long as it was', () => {
      const item = '<p title=a lang=b dir=ltr class=d onclick>a</p>'
      const {parts} = build(item + '<p>b</p>', false)
      assert.equal(parts.lead[0]!.source!.html.length, item.length)
      assert.equal(parts.verbatim, false)
    })
  })

  it('should give the gaps between items', () => {
    assert.deepEqual(build('<div>\n<p>a</p>\n\n<p>b</p>\n</div>').parts.gaps, ['<div>\n', '\n\n', '\n</div>'])
  })
})

describe('the summary', () => {
  const sections = '<h2>Planning</h2>\n<p>a</p>\n<h2>Booking</h2>\n<p>b</p>\n<h2>Packing</h2>\n<p>c</p>\n'
  const table = (...rows: string[]) => `<table><tbody>${rows.map((row) => `<tr><td>${row}</td></tr>`).join('')}</tbody></table>`

  it('should take a one-column table naming the sections out of its section, with its position and source', () => {
    const summary = table('In this post', 'Planning', 'Booking', 'Packing')
    const body = sections + summary + '\n<p>d</p>'
    const {parts, messages} = build(body)
    const last = parts.sections[2]!
    assert.deepEqual(last.blocks.map((block) => block.text), ['c', 'd'])
    assert.equal(parts.summary!.title, 'In this post')
    assert.deepEqual(parts.summary!.items.map((item) => item.sectionId), ['planning', 'booking', 'packing'])
    assert.equal(parts.summary!.rows.length, 4)
    assert.equal(parts.summary!.source!.html, summary)
    assert.equal(parts.summary!.source!.index, 6)
    assert.equal(parts.summary!.position!.start.offset, front.length + sections.length)
    assert.equal(parts.summary!.source!.digest, digest(withoutSource(parts.summary!)))
    assert.deepEqual(messages, [])
  })

  it('should be null without a table, without a section, or without a table that names them', () => {
    assert.equal(build(sections).parts.summary, null)
    assert.equal(build(table('Planning', 'Booking', 'Packing')).parts.summary, null)
    assert.equal(build(sections + table('x', 'y', 'z')).parts.summary, null)
  })

  it('should take a summary in the lead out of the lead', () => {
    const {parts} = build('<p>x</p>' + table('Planning', 'Booking', 'Packing') + sections)
    assert.deepEqual(parts.lead.map((block) => block.type), ['paragraph'])
    assert.equal(parts.summary?.items.length, 3)
  })

  it('should take the table naming the most sections, the later one of two naming as many', () => {
    const first = table('Planning', 'Booking')
    const second = table('Booking', 'Packing')
    const third = table('Planning', 'Booking', 'Packing')
    const {parts} = build(first + second + third + sections)
    assert.equal(parts.summary?.source?.html, third)
    assert.equal(parts.lead.length, 2)
    const tie = build(first + second + sections).parts
    assert.equal(tie.summary?.source?.html, second)
    assert.deepEqual(tie.lead.map((block) => block.source?.html), [first])
    const fewer = build(third + first + sections).parts
    assert.equal(fewer.summary?.source?.html, third)
  })

  it('should say which rows name no section, but not a title or an empty row', () => {
    const body = sections + table('In this post', 'Planning', 'Booking', 'Packing', '', 'Something else entirely')
    const {messages} = build(body)
    assert.deepEqual(rules(messages), [['summary-unmatched', 10, 1]])
    assert.equal(messages[0]!.place.end.offset, front.length + body.length)
    // Without the empty row, the stray one alone is reported.
    assert.deepEqual(rules(build(sections + table('Planning', 'Booking', 'Packing', 'Something else entirely')).messages), [['summary-unmatched', 10, 1]])
  })

  it('should not take description rows for rows naming no section', () => {
    const post = ['정치 경력', '정책 방향', '청년 정치인 지원'].map((heading) => `<h2>${heading}</h2><p>x</p>`).join('')
    const summary = table(
      '인터뷰 요약',
      '정치 경력',
      '대학생위원회 위원장으로 정계에 들어와 두 번의 총선에 후보로 나섰다',
      '정책 방향',
      '저출산과 주택처럼 청년의 삶에 닿는 문제부터 풀겠다는 뜻을 밝혔다',
      '청년 정치인 지원',
      '청년 정치인이 당에 모일 수 있도록 예측 가능한 길을 마련하겠다고 했다'
    )
    const {parts, messages} = build(post + summary)
    assert.equal(parts.summary?.items.filter((item) => item.isDescription).length, 3)
    assert.deepEqual(messages, [])
  })

  it('should say which sections at the rank it lists it leaves out, at the section', () => {
    const body = sections + '<h3>Deeper</h3>\n' + table('In this post', 'Planning', 'Booking')
    const {messages} = build(body)
    assert.deepEqual(rules(messages), [['summary-missing-section', 8, 1]])
    assert.equal(messages[0]!.place.end.offset, front.length + body.indexOf('</h2>\n<p>c') + 5)
  })

  it('should match a row by a section\'s text and its subsections, not by its one-column tables', () => {
    const headings = ['한국 축구의 현황', '이동국의 발언', '대한축구협회의 대응', '현직 선수들의 반응', '감독 선임 과정의 불투명성']
    const texts = ['대표팀 감독을 정하는 방식을 두고 말이 많습니다.', '', '협회는 폭로한 선수에게 법적 조치를 예고했습니다.', '선수들도 감독 선임을 비판했습니다.', '선임 절차가 불투명하다는 지적입니다.']
    const summary = table('<b>주요 포인트</b>', '감독 선임에 대한 불만', '대한축구협회의 법적 조치', '감독 선임 과정의 불투명성')
    const post = (second: string) => headings.map((heading, index) => `<h2>${heading}</h2><p>${index === 1 ? second : texts[index]}</p>`).join('\n') + summary
    const ids = (body: string) => build(body).parts.summary?.items.map((item) => item.sectionId)
    // The second section's text says what the row says.
    assert.deepEqual(ids(post('이동국은 협회의 감독 선임 과정에 불만을 털어놓았습니다.')), ['이동국의-발언', '대한축구협회의-대응', '감독-선임-과정의-불투명성'])
    // As its subsection's text, with the subsection's heading.
    assert.deepEqual(ids(post('x</p><h3>소제목</h3><p>이동국은 협회의 감독 선임 과정에 불만을 털어놓았습니다.')), ['이동국의-발언', '대한축구협회의-대응', '감독-선임-과정의-불투명성'])
    // A subsection's heading is its own line of the text.
    // Here the subsection's heading alone holds one of the row's words, and no other free section's text any.
    const glued = post('x</p><h3>여러 가지 불만</h3><p>다음 이야기').replace(texts[0]!, '대표팀 이야기입니다.')
    assert.deepEqual(ids(glued), ['이동국의-발언', '대한축구협회의-대응', '감독-선임-과정의-불투명성'])
    // In a one-column table, it is not the section's text: the first section's text, which says "감독", is left.
    assert.deepEqual(ids(post(`x</p>${table('감독 선임 과정에 불만')}<p>y`)), ['한국-축구의-현황', '대한축구협회의-대응', '감독-선임-과정의-불투명성'])
    // In a table of two columns, it is text.
    assert.deepEqual(ids(post('x</p><table><tr><td>감독 선임 과정에 불만</td><td>1</td></tr></table><p>y')), ['이동국의-발언', '대한축구협회의-대응', '감독-선임-과정의-불투명성'])
    // In a table with any row of two cells, too.
    assert.deepEqual(ids(post('x</p><table><tr><td>감독 선임 과정에 불만</td><td>1</td></tr><tr><td>2</td></tr></table><p>y')), ['이동국의-발언', '대한축구협회의-대응', '감독-선임-과정의-불투명성'])
  })
})

describe('rewrittenMarkup', () => {
  it('should be a `rewritten-markup` message at the given offsets', () => {
    const lines = new LineIndex('ab\ncd')
    const message = rewrittenMarkup(lines, 3, 5)
    assert.equal(message.ruleId, 'rewritten-markup')
    assert.notEqual(message.reason.trim(), '')
    assert.deepEqual([message.place.start.line, message.place.start.column, message.place.end.line, message.place.end.column], [2, 1, 2, 3])
  })
})

describe('titled', () => {
  const meta = (title: string | null) => ({...parsePost('---\ntitle: x\n---\n').meta, title}) as Meta
  const heading = {text: 'From the heading', id: 'from-the-heading'}

  it('should keep the front matter\'s title', () => {
    const own = meta('Own')
    assert.deepEqual(titled(own, heading), {meta: own, titleSource: 'front-matter'})
    assert.equal(titled(own, heading).meta, own)
  })

  it('should take the title heading\'s text when the front matter has none, leaving its meta alone', () => {
    const none = meta(null)
    const result = titled(none, heading)
    assert.deepEqual(result, {meta: {...none, title: 'From the heading'}, titleSource: 'heading'})
    assert.equal(none.title, null)
  })

  it('should give no title and no source without either', () => {
    const none = meta(null)
    assert.deepEqual(titled(none, null), {meta: none, titleSource: null})
  })

  it('should be what parsePost gives', () => {
    const article: Article = parsePost('---\ntags: [a]\n---\n<h1>Big</h1><p>x</p>')
    assert.deepEqual([article.meta.title, article.titleSource], ['Big', 'heading'])
  })
})
