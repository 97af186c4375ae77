import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {keptFrontMatter, keptLayout} from '../../src/record/provenance.ts'
import {defaultEmbedHosts, schemaWithDefaults} from '../../src/body/schema.ts'
import {ArticleError, checkPost, computeStats, defaultSchema, parsePost, renderHtml, renderPost, type Message} from '../../src/index.ts'

/*
 * `parsePost` and `checkPost` as the pipeline's entry: options, strictness,
 * grouping, where messages are placed (by hand from the raw post), and the
 * Article's text, stats and layout.
 */

const front = '---\ntitle: t\n---\n'
const ids = (messages: Message[]) => messages.map((message) => message.ruleId)
/** Rule and place of each message; each must say something (wording itself is not pinned). */
const places = (messages: Message[]) =>
  messages.map((message) => {
    assert.notEqual(message.reason.trim(), '', message.ruleId)
    return [message.ruleId, message.line, message.column]
  })
const thrown = (run: () => unknown): unknown => {
  try {
    run()
  } catch (error) {
    return error
  }
  assert.fail('Expected an error')
}

describe('parsePost', () => {
  it('should refuse what is not a string, naming what it is', () => {
    for (const [value, name] of [[null, 'null'], [undefined, 'undefined'], [1, 'number'], [{}, 'object']] as const) {
      // @ts-expect-error: check how a value that is not a string is handled
      assert.throws(() => parsePost(value), (error: unknown) => error instanceof TypeError && error.message.endsWith(`not ${name}`))
      // @ts-expect-error: as above
      assert.throws(() => checkPost(value), (error: unknown) => error instanceof TypeError && error.message.endsWith(`not ${name}`))
    }
  })

  it('should refuse an unknown rule before reading the post, however it is read', () => {
    for (const options of [{}, {groupMessages: false}, {strict: true}]) {
      // @ts-expect-error: check how an unknown rule is handled
      assert.throws(() => parsePost('', {...options, rules: {'no-such-rule': 'warn'}}), TypeError)
    }
  })

  it('should group messages by rule and thing, unless told not to', () => {
    const raw = front + '<p><img src="a.png"></p>\n<p><img src="b.png"></p>'
    const grouped = parsePost(raw).messages
    assert.deepEqual(places(grouped), [['image-alt-missing', 4, 4]])
    assert.equal(grouped[0]!.count, 2)
    assert.equal(grouped[0]!.repeats?.length, 1)
    assert.deepEqual(places(parsePost(raw, null).messages), [['image-alt-missing', 4, 4]])
    const each = parsePost(raw, {groupMessages: false}).messages
    assert.deepEqual(places(each), [['image-alt-missing', 4, 4], ['image-alt-missing', 5, 4]])
    assert.equal(each[0]!.count, undefined)
  })

  it('should give the messages in the order of their place in the raw post', () => {
    // The image is reported after the headings are read, and comes first in the post.
    const raw = front + '<p><img src="a.png"></p>\n<h2></h2>\n<p onclick="x()">a</p>'
    assert.deepEqual(places(parsePost(raw, {groupMessages: false}).messages), [['image-alt-missing', 4, 4], ['heading-empty', 5, 1], ['sanitized-attribute', 6, 1]])
  })

  it('should apply `rules` to every message', () => {
    const raw = front + '<p><img src="a.png"></p>\n<h2></h2>'
    const messages = parsePost(raw, {rules: {'heading-empty': 'off', 'image-alt-missing': 'error'}}).messages
    assert.deepEqual(ids(messages), ['image-alt-missing'])
    assert.equal(messages[0]!.fatal, true)
  })

  describe('front matter', () => {
    it('should want it unless told it is optional', () => {
      assert.deepEqual(ids(parsePost('<p>a</p>').messages), ['front-matter-missing'])
      assert.deepEqual(ids(parsePost('<p>a</p>', {frontMatter: 'required'}).messages), ['front-matter-missing'])
      assert.deepEqual(parsePost('<p>a</p>', {frontMatter: 'optional'}).messages, [])
      // Only that message goes: the body's and the front matter's others stay.
      assert.deepEqual(ids(parsePost('<p><img src="a.png"></p>', {frontMatter: 'optional'}).messages), ['image-alt-missing'])
      assert.deepEqual(ids(parsePost('---\ntitle: t\ndate: someday\n---\n<p>a</p>', {frontMatter: 'optional'}).messages), ['front-matter-date'])
    })

    it('should keep the block as written and say where the body starts', () => {
      const article = parsePost(front + '<p>a</p>')
      assert.equal(article.layout.frontMatter, front)
      assert.equal(parsePost('<p>a</p>').layout.frontMatter, null)
      assert.equal(article.lead[0]!.position!.start.offset, front.length)
    })
  })

  describe('strict', () => {
    const unclosed = '---\ntitle: t\n<p><img src="a.png"></p>\n<p><img src="b.png"></p>'
    const yaml = "---\ntitle: 'never closed\n---\n<p><img src=\"a.png\"></p>\n<p><img src=\"b.png\"></p>"

    it('should throw at a fatal front matter message before reading the body', () => {
      const error = thrown(() => parsePost(yaml, {strict: true}))
      assert.ok(error instanceof ArticleError)
      assert.equal(error.ruleId, 'front-matter-yaml')
      assert.ok(error.cause instanceof Error)
      assert.deepEqual(ids(error.messages), ['front-matter-yaml'])
      const lenient = parsePost(yaml)
      assert.deepEqual(ids(lenient.messages), ['front-matter-yaml', 'image-alt-missing'])
      assert.equal(lenient.messages[0]!.fatal, true)
    })

    it('should not throw at a message `rules` turns down, nor without `strict`', () => {
      assert.doesNotThrow(() => parsePost(yaml, {strict: true, rules: {'front-matter-yaml': 'warn'}}))
      assert.doesNotThrow(() => parsePost(yaml, {strict: false}))
      assert.doesNotThrow(() => parsePost(unclosed, {strict: null}))
    })

    it('should throw at a message of the body `rules` makes an error, with every message, grouped, and no cause', () => {
      const options = {strict: true, rules: {'front-matter-yaml': 'warn', 'image-alt-missing': 'error'}} as const
      const error = thrown(() => parsePost(yaml, options))
      assert.ok(error instanceof ArticleError)
      assert.equal(error.ruleId, 'image-alt-missing')
      assert.equal(error.line, 4)
      assert.equal(error.cause, undefined)
      assert.deepEqual(ids(error.messages), ['front-matter-yaml', 'image-alt-missing'])
      assert.equal(error.messages[1]!.count, 2)
      const each = thrown(() => parsePost(yaml, {...options, groupMessages: false}))
      assert.ok(each instanceof ArticleError)
      assert.equal(each.line, 4)
      assert.deepEqual(ids(each.messages), ['front-matter-yaml', 'image-alt-missing', 'image-alt-missing'])
    })

    it('should take its fields from the fatal message, not from one placed with it', () => {
      // The handler's removal is placed where the image is, and comes first.
      const raw = front + '<p><img src="a.png" onclick="x()"></p>'
      const error = thrown(() => parsePost(raw, {strict: true, rules: {'image-alt-missing': 'error'}}))
      assert.ok(error instanceof ArticleError)
      assert.equal(error.ruleId, 'image-alt-missing')
      assert.deepEqual(ids(error.messages), ['sanitized-attribute', 'image-alt-missing'])
      assert.equal(error.messages[0]!.place.start.offset, error.place.start.offset)
    })

    it('should give the error of a front matter never closed, which has no dependency error', () => {
      const error = thrown(() => parsePost(unclosed, {strict: true}))
      assert.ok(error instanceof ArticleError)
      assert.equal(error.ruleId, 'front-matter-unclosed')
      assert.equal(error.cause, undefined)
    })

    it('should keep the dependency error of the alias limit', () => {
      const bomb = '---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\n<p>a</p>'
      const error = thrown(() => parsePost(bomb, {strict: true}))
      assert.ok(error instanceof ArticleError)
      assert.equal(error.ruleId, 'front-matter-alias-limit')
      assert.ok(error.cause instanceof Error)
    })
  })

  describe('the body', () => {
    it('should say where elements nested too deep were moved up', () => {
      const raw = front + '<div>'.repeat(600) + 'x'
      const messages = parsePost(raw).messages
      const deep = messages.find((message) => message.ruleId === 'nesting-too-deep')!
      // The 513th `<div>` is the first deeper than 512.
      assert.equal(deep.place.start.offset, front.length + 512 * 5)
      assert.equal(deep.place.end.offset, deep.place.start.offset)
      assert.notEqual(deep.reason.trim(), '')
    })

    it('should report each change of the sanitiser where it was written', () => {
      const raw = front + '<p>a</p>\n<p onclick="x()">b</p>'
      const messages = parsePost(raw).messages
      assert.deepEqual(places(messages), [['sanitized-attribute', 5, 1]])
      assert.equal(messages[0]!.place.start.offset, raw.indexOf('<p onclick'))
    })

    it('should report an element whose tags alone were removed once, at its start tag', () => {
      const raw = front + '<p><label>a</label></p>'
      const messages = parsePost(raw, {groupMessages: false}).messages
      assert.deepEqual(places(messages), [['sanitized-element', 4, 4]])
    })

    it('should say where markup was rewritten to be kept', () => {
      const raw = front + '<p>Text</p>\n</script>\n<p>More</p>'
      const messages = parsePost(raw).messages
      assert.deepEqual(places(messages), [['rewritten-markup', 5, 1]])
      assert.deepEqual([messages[0]!.place.start.offset, messages[0]!.place.end.offset], [raw.indexOf('</script>'), raw.indexOf('</script>') + 9])
    })

    it('should sanitise with the schema given, merged over the default one', () => {
      const raw = front + '<p><b>a</b></p>'
      assert.deepEqual(parsePost(raw).messages, [])
      const schema = {tagNames: defaultSchema.tagNames!.filter((name) => name !== 'b')}
      const article = parsePost(raw, {schema})
      assert.deepEqual(places(article.messages), [['sanitized-element', 4, 4]])
      assert.equal(article.lead[0]!.text, 'a')
    })

    it('should keep iframes of the hosts it is told to allow, besides the default ones', () => {
      const raw = front + '<iframe src="https://video.example/x"></iframe>'
      assert.deepEqual(parsePost(raw).lead.map((block) => block.type), [])
      assert.deepEqual(parsePost(raw, {allowEmbedHosts: ['video.example']}).lead.map((block) => block.type), ['embed'])
      const youtube = front + '<iframe src="https://www.youtube.com/embed/x"></iframe>'
      assert.deepEqual(parsePost(youtube, {allowEmbedHosts: ['video.example']}).lead.map((block) => block.type), ['embed'])
    })

    it('should build the text from the title, headings and blocks, and count it', () => {
      const article = parsePost(front + '<h1>Title</h1><p>a b</p><h2>Head</h2><ul><li>x</li><li>y</li></ul>')
      assert.equal(article.text, 'Title\n\na b\n\nHead\n\nx\ny')
      assert.deepEqual(article.stats, computeStats('Title\n\na b\n\nHead\n\nx\ny'))
      assert.equal(article.stats.words, 6)
    })

    it('should keep the layout: byte order mark, line ending, gaps', () => {
      const bom = parsePost('\ufeff' + front + '<p>a</p>')
      assert.equal(bom.layout.bom, true)
      assert.equal(bom.meta.title, 't')
      assert.equal(parsePost(front + '<p>\ufeff</p>').layout.bom, false)
      assert.equal(parsePost('---\r\ntitle: t\r\n---\r\n<p>a</p>\r\n<p>b</p>').layout.eol, '\r\n')
      assert.deepEqual(parsePost(front + '<p>a</p>\n\n<p>b</p>\n').layout.gaps, ['', '\n\n', '\n'])
    })

    it('should keep a post\'s lone carriage returns in what it rewrites', () => {
      const raw = '---\rtitle: t\r---\r<p onclick="x()">a\rb</p>\r<p>c</p>'
      const article = parsePost(raw)
      assert.equal(article.lead[0]!.source!.html, '<p>a\rb</p>')
      assert.equal(renderPost(article), '---\rtitle: t\r---\r<p>a\rb</p>\r<p>c</p>')
      // With a line feed anywhere, the rewrite is the parser's (and the carriage returns end no front matter).
      assert.equal(parsePost('<p onclick="x()">a\rb</p>\r<p>c</p>').lead[0]!.source!.html, '<p>a\rb</p>')
      assert.equal(parsePost('<p onclick="x()">a\rb</p>\n<p>c</p>').lead[0]!.source!.html, '<p>a\nb</p>')
    })

    it('should hand the renderer a body it read as written, and no other', () => {
      const raw = front + '<p class=x>a</p>\n'
      const article = parsePost(raw)
      // The unquoted attribute comes back as written only from what was read.
      assert.equal(renderHtml(article), '<p class=x>a</p>\n')
      assert.equal(renderPost(article), raw)
      const sanitised = parsePost(front + '<p class=x onclick="y()">a</p>\n')
      assert.equal(renderHtml(sanitised), '<p class="x">a</p>\n')
    })

    it('should remember the body it was built from and the front matter block, for the renderer', () => {
      const policy = {schema: schemaWithDefaults(undefined), embedHosts: defaultEmbedHosts}
      const clean = parsePost(front + '<p>a</p>\n')
      assert.equal(keptLayout(clean.layout, policy)?.body, '<p>a</p>\n')
      assert.equal(keptFrontMatter(clean.meta, clean.layout.frontMatter), front)
      // A rewritten post's Article is built from its rewrite, and remembers that.
      const rewritten = parsePost(front + '<p onclick="x()">a</p>\n')
      assert.equal(keptLayout(rewritten.layout, policy)?.body, '<p>a</p>\n')
      // A post without a line feed: its block's lone carriage returns end its lines.
      const cr = parsePost('---\rtitle: t\r---\r<p>a</p>')
      assert.equal(keptFrontMatter(cr.meta, cr.layout.frontMatter), '---\rtitle: t\r---\r')
    })

    it('should give the title from the title heading when the front matter has none', () => {
      const article = parsePost('---\ntags: [a]\n---\n<h1>Big</h1><p>x</p>')
      assert.deepEqual([article.meta.title, article.titleSource, article.titleHeading?.text], ['Big', 'heading', 'Big'])
      assert.equal(parsePost(front + '<h1>Big</h1>').titleSource, 'front-matter')
    })
  })

  describe('a post the sanitiser rewrote', () => {
    const rewritten = (body: string) => parsePost(front + '<p onclick="x()">z</p>\n' + body, {groupMessages: false})

    it('should report what its content says, from the rewrite, placed in the raw post', () => {
      const raw = front + '<p onclick="x()">z</p>\n<h3>a</h3>\n<h2>b</h2>\n<h2></h2>\n<h2>b</h2>\n<h4>c</h4>'
      assert.deepEqual(places(parsePost(raw, {groupMessages: false}).messages), [
        ['sanitized-attribute', 4, 1],
        ['heading-order', 5, 1],
        ['heading-empty', 7, 1],
        ['heading-duplicate', 8, 1],
        ['heading-order', 9, 1]
      ])
    })

    it('should report an empty body, a summary\'s stray row and left-out section, an ad slot', () => {
      assert.deepEqual(ids(parsePost(front + '<p onclick="x()">&nbsp;</p>', {groupMessages: false}).messages), ['sanitized-attribute', 'body-empty'])
      const sections = '<h2>Planning</h2>\n<p>a</p>\n<h2>Booking</h2>\n<p>b</p>\n<h2>Packing</h2>\n<p>c</p>\n'
      const table = '<table><tbody><tr><td>In this post</td></tr><tr><td>Planning</td></tr><tr><td>Booking</td></tr><tr><td>Something else entirely</td></tr></tbody></table>'
      assert.deepEqual(places(rewritten(sections + table).messages), [['sanitized-attribute', 4, 1], ['summary-unmatched', 11, 1], ['summary-missing-section', 9, 1]].sort((a, b) => (a[1] as number) - (b[1] as number)))
      assert.deepEqual(places(rewritten('<figure data-ke-type="revenue"></figure>').messages), [['sanitized-attribute', 4, 1], ['revenue-slot', 5, 1]])
    })

    it('should report the front matter\'s disagreements with the body', () => {
      const raw = '---\ntitle: t\nexcerpt: The council approved the budget.\nfeature_text: A storm hit the coast overnight.\nimage: /b.jpg\n---\n<p onclick="x()"><img src="/a.jpg" alt="a"></p>'
      assert.deepEqual(places(parsePost(raw, {groupMessages: false}).messages), [['excerpt-mismatch', 1, 1], ['sanitized-attribute', 7, 1], ['image-mismatch', 7, 1]])
    })

    it('should report the images without `alt` of the post as written', () => {
      assert.deepEqual(places(rewritten('<p><img src="a.png"></p>').messages), [['sanitized-attribute', 4, 1], ['image-alt-missing', 5, 4]])
    })

    it('should place every item in the raw post', () => {
      const raw = front + '<p onclick="x()">z</p>\n<h2>b</h2>\n<p>c</p>'
      const article = parsePost(raw)
      const section = article.sections[0]!
      assert.deepEqual([section.position!.start.line, section.position!.start.column, section.position!.end.column], [5, 1, 11])
      assert.equal(raw.slice(section.blocks[0]!.position!.start.offset, section.blocks[0]!.position!.end.offset), '<p>c</p>')
      assert.equal(raw.slice(article.lead[0]!.position!.start.offset, article.lead[0]!.position!.end.offset), '<p onclick="x()">z</p>')
    })
  })
})

describe('checkPost', () => {
  it('should give parsePost\'s messages and never throw for `strict`', () => {
    const raw = "---\ntitle: 'never closed\n---\n<p><img src=\"a.png\"></p>"
    assert.deepEqual(checkPost(raw, {strict: true}), parsePost(raw).messages)
    assert.deepEqual(ids(checkPost(raw, {strict: true, groupMessages: false, rules: {'image-alt-missing': 'off'}})), ['front-matter-yaml'])
    assert.deepEqual(checkPost('<p>no front matter</p>'), parsePost('<p>no front matter</p>').messages)
  })
})
