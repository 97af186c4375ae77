import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import type {Element, Root} from 'hast'
import {sanitize} from 'hast-util-sanitize'
import {toHtml} from 'hast-util-to-html'
import {parsePost, renderPost} from '../../src/index.ts'
import {parseBody} from '../../src/body/parse.ts'
import {checkProperty, createCheckMemo, isAllowedSandbox, isSafeComment, sanitizeTree, srcsetUrls, type SanitizeSettings} from '../../src/body/sanitize.ts'
import {defaultEmbedHosts, defaultSchema, embedSandbox, type Schema} from '../../src/body/schema.ts'

/** Sanitise a body: the HTML left, the changes as [ruleId, start, end], the images without alt. */
function clean(html: string, settings: Partial<SanitizeSettings> = {}) {
  const {tree} = parseBody(html)
  const result = sanitizeTree(tree, {schema: defaultSchema, embedHosts: defaultEmbedHosts, source: html, ...settings})
  return {html: toHtml(tree), tree, changes: result.changes.map(({ruleId, start, end}) => [ruleId, start, end]), images: result.imagesWithoutAlt}
}

describe('sanitizeTree', () => {
  it('should leave a clean body as it is', () => {
    const html = '<h2 id="a">T</h2><p class="x" data-ke-size="1" style="color: red">a <a href="https://a.example/" rel="nofollow" target="_blank">b</a> <img src="c.png" alt="c" width="10" srcset="c.png 1x, d.png 2x"></p><!--more--><ul><li>i</li></ul><table border="1"><tbody><tr><td>d</td></tr></tbody></table>'
    const result = clean(html)
    assert.deepEqual(result.changes, [])
    assert.deepEqual(result.images, [])
    assert.equal(result.html, html)
  })

  it('should remove a `strip` element with its content, and join the texts around it', () => {
    const result = clean('<p>a<script>x</script>b</p>')
    assert.equal(result.html, '<p>ab</p>')
    assert.deepEqual(result.changes, [['sanitized-element', 4, 22]])
    const p = result.tree.children[0] as import('hast').Element
    assert.equal(p.children.length, 1)
    assert.deepEqual(p.children[0]!.position, {start: {line: 1, column: 4, offset: 3}, end: {line: 1, column: 24, offset: 23}})
  })

  it('should unwrap an element that is not allowed, marking only its tags', () => {
    const result = clean('<blink>x<b>y</b></blink>')
    assert.equal(result.html, 'x<b>y</b>')
    assert.deepEqual(result.changes, [['sanitized-element', 0, 1], ['sanitized-element', 23, 24]])
  })

  it('should mark the parent of a node removed at an empty range', () => {
    assert.deepEqual(clean('<p>a<script>').changes, [['sanitized-element', 0, 1], ['sanitized-element', 4, 4]])
    // The mark is at the parent's start, and gives no second reason.
    const {tree} = parseBody('<p>x</p><p>a<script>')
    const changes = sanitizeTree(tree, {schema: defaultSchema, embedHosts: defaultEmbedHosts, source: '<p>x</p><p>a<script>'}).changes
    assert.deepEqual(changes.map(({start, end}) => [start, end]), [[8, 9], [12, 12]])
    assert.equal(changes.filter((change) => change.reason).length, 1)
  })

  it('should keep only safe comments written as comments', () => {
    const result = clean('<!--more--><!--a>b--><?php x ?><!----><!-- a -- b -->')
    assert.equal(result.html, '<!--more--><!---->')
    assert.deepEqual(result.changes, [['sanitized-comment', 11, 21], ['sanitized-comment', 21, 31], ['sanitized-comment', 38, 53]])
    // Without the source, a safe comment cannot be told from a bogus one, and is kept.
    assert.equal(clean('<?php x ?>', {source: undefined}).html, '<!--?php x ?-->')
    assert.equal(clean('<!--more-->', {schema: {...defaultSchema, allowComments: false}}).html, '')
  })

  it('should drop a comment with no position when the source is known', () => {
    const tree: Root = {type: 'root', children: [{type: 'comment', value: 'more'}]}
    const result = sanitizeTree(tree, {schema: defaultSchema, embedHosts: [], source: '<!--more-->'})
    assert.deepEqual(tree.children, [])
    assert.deepEqual(result.changes.map((change) => [change.ruleId, change.start, change.end]), [['sanitized-comment', 0, 0]])
  })

  it('should drop raw and doctype nodes, and say so', () => {
    const tree: Root = {type: 'root', children: [{type: 'raw', value: '<b>x</b>'} as never, {type: 'doctype'} as never, {type: 'text', value: 't'}]}
    assert.deepEqual(sanitizeTree(tree, {schema: defaultSchema, embedHosts: []}).changes.map((change) => change.ruleId), ['sanitized-element', 'sanitized-element'])
    assert.deepEqual(tree.children.map((node) => node.type), ['text'])
  })

  it('should remove unsafe attributes and say which', () => {
    const html = '<a href="javascript:x" onclick="y" id="location" name=" cookie" style="color: red; position: fixed">t</a>'
    const result = clean(html)
    assert.equal(result.html, '<a style="color: red">t</a>')
    assert.deepEqual(
      result.changes.filter(([, start]) => start === 0).map(([rule]) => rule),
      ['sanitized-attribute', 'sanitized-attribute', 'sanitized-attribute', 'sanitized-attribute', 'sanitized-style']
    )
    assert.equal(result.changes.length, 10)
    assert.ok(result.changes.every(([, start, end]) => (start === 0 && end === 1) || (start === html.length - 1 && end === html.length)))
  })

  it('should drop a style attribute left empty', () => {
    const result = clean('<span style="position: fixed">s</span>')
    assert.equal(result.html, '<span>s</span>')
    assert.deepEqual(result.changes, [['sanitized-style', 0, 1], ['sanitized-style', 37, 38]])
  })

  it('should keep ids and names that clobber nothing', () => {
    assert.deepEqual(clean('<h2 id="location-map">a</h2><a name="intro">b</a>').changes, [])
  })

  it('should check every URL of a srcset', () => {
    const result = clean('<img srcset="a.png 1x, javascript:x 2x" alt=""><img srcset="a.png 1x, b.png 2x" alt="">')
    assert.equal(result.html, '<img alt=""><img srcset="a.png 1x, b.png 2x" alt="">')
    assert.deepEqual(result.changes, [['sanitized-attribute', 0, 1], ['sanitized-attribute', 46, 47]])
  })

  it('should check a srcset with the src protocols of the schema, or http(s)', () => {
    const img = '<img srcset="ftp://a/x.png 1x" alt="">'
    assert.equal(clean(img).html, '<img alt="">')
    assert.equal(clean(img, {schema: {...defaultSchema, protocols: {...defaultSchema.protocols, src: ['ftp']}}}).html, img)
    assert.equal(clean('<img srcset="https://a/x.png 1x" alt="">', {schema: {...defaultSchema, protocols: {}}}).html, '<img srcset="https://a/x.png 1x" alt="">')
    assert.equal(clean(img, {schema: {...defaultSchema, protocols: {}}}).html, '<img alt="">')
  })

  it('should list the images without alt', () => {
    assert.deepEqual(clean('<p>x<img src="a.png"><img src="b.png" alt=""></p>').images, [[4, 21]])
  })

  it('should keep iframes from the embed hosts, sandboxed', () => {
    const youtube = clean('<iframe src="https://www.youtube.com/embed/x"></iframe>')
    assert.equal(youtube.html, `<iframe src="https://www.youtube.com/embed/x" sandbox="${embedSandbox}"></iframe>`)
    assert.deepEqual(youtube.changes, [['sanitized-embed', 0, 1], ['sanitized-embed', 54, 55]])
    const sandboxed = '<iframe src="//player.vimeo.com/x" sandbox="allow-scripts"></iframe>'
    assert.deepEqual(clean(sandboxed).changes, [])
    assert.equal(clean(sandboxed).html, sandboxed)
    const wide = clean('<iframe src="//player.vimeo.com/x" sandbox="allow-scripts allow-top-navigation"></iframe>')
    assert.equal(wide.html, `<iframe src="//player.vimeo.com/x" sandbox="${embedSandbox}"></iframe>`)
    assert.deepEqual(wide.changes, [['sanitized-embed', 0, 1], ['sanitized-embed', 88, 89]])
  })

  it('should remove the content of a kept iframe, with a change over that content', () => {
    const fallback = clean('<iframe src="https://www.youtube.com/embed/x">fallback</iframe>')
    assert.equal(fallback.html, `<iframe src="https://www.youtube.com/embed/x" sandbox="${embedSandbox}"></iframe>`)
    assert.deepEqual(fallback.changes, [['sanitized-embed', 0, 1], ['sanitized-embed', 46, 54], ['sanitized-embed', 62, 63]])
    // Raw text: the markup in it was never parsed, so never sanitised.
    const markup = '<iframe src="//player.vimeo.com/x" sandbox="allow-scripts"><img src=x onerror=alert(1)></iframe>'
    assert.equal(clean(markup).html, '<iframe src="//player.vimeo.com/x" sandbox="allow-scripts"></iframe>')
    assert.deepEqual(clean(markup).changes, [['sanitized-embed', 59, 87]])
    const reason = sanitizeTree(parseBody(markup).tree, {schema: defaultSchema, embedHosts: defaultEmbedHosts}).changes[0]!.reason
    assert.match(reason, /^Removed the content of the `<iframe>` from `player\.vimeo\.com`/)
  })

  it('should keep white space in a kept iframe, without a change', () => {
    const spaced = '<iframe src="//player.vimeo.com/x" sandbox="allow-scripts">\n  \t</iframe>'
    assert.deepEqual(clean(spaced).changes, [])
    assert.equal(clean(spaced).html, spaced)
    // Written again when the iframe is rewritten (here for its sandbox), so nothing is lost unsaid.
    assert.equal(clean('<iframe src="//player.vimeo.com/x">\n</iframe>').html, `<iframe src="//player.vimeo.com/x" sandbox="${embedSandbox}">\n</iframe>`)
  })

  it('should remove iframes from other hosts, without a src, or when iframes are not allowed', () => {
    assert.deepEqual(clean('<iframe src="https://evil.example/x"></iframe><iframe></iframe>').changes, [['sanitized-embed', 0, 46], ['sanitized-embed', 46, 63]])
    assert.equal(clean('<iframe src="https://evil.example/x"></iframe>').html, '')
    assert.equal(clean('<iframe src="https://a.example/x"></iframe>', {embedHosts: ['a.example']}).html, `<iframe src="https://a.example/x" sandbox="${embedSandbox}"></iframe>`)
    const noIframes = {...defaultSchema, tagNames: defaultSchema.tagNames!.filter((name) => name !== 'iframe')}
    assert.equal(clean('<iframe src="https://www.youtube.com/embed/x"></iframe>', {schema: noIframes}).html, '')
  })

  it('should filter the attributes of a kept iframe', () => {
    assert.equal(clean('<iframe src="https://www.youtube.com/x" onload="x" sandbox="allow-scripts"></iframe>').html, '<iframe src="https://www.youtube.com/x" sandbox="allow-scripts"></iframe>')
  })

  it('should allow an element under its listed ancestors only', () => {
    const schema: Schema = {...defaultSchema, ancestors: {li: ['ul', 'ol']}}
    const tree = (): Root => ({type: 'root', children: [
      {type: 'element', tagName: 'li', properties: {}, children: [{type: 'text', value: 'a'}]},
      {type: 'element', tagName: 'ul', properties: {}, children: [{type: 'element', tagName: 'div', properties: {}, children: [{type: 'element', tagName: 'li', properties: {}, children: []}]}]}
    ]})
    const root = tree()
    const result = sanitizeTree(root, {schema, embedHosts: []})
    assert.equal(toHtml(root), 'a<ul><div><li></li></div></ul>')
    assert.equal(result.changes.length, 1)
  })

  it('should refuse an element named `*` or with no name, and tags outside the list', () => {
    const root: Root = {type: 'root', children: [
      {type: 'element', tagName: '*', properties: {}, children: [{type: 'text', value: 'a'}]},
      {type: 'element', tagName: '', properties: {}, children: [{type: 'text', value: 'b'}]}
    ]}
    assert.equal(sanitizeTree(root, {schema: {tagNames: ['*', '']}, embedHosts: []}).changes.length, 2)
    assert.equal(toHtml(root), 'ab')
  })

  it('should read URL schemes in any case, as browsers do (hast-util-sanitize compares them as written)', () => {
    const upper = clean('<p><img src="HTTPS://a.example/a.png" alt="a" onerror="x"></p>')
    assert.equal(upper.html, '<p><img src="https://a.example/a.png" alt="a"></p>')
    // One change, for `onerror` (its two ends); `src` stays.
    assert.deepEqual(upper.changes, [['sanitized-attribute', 3, 4], ['sanitized-attribute', 57, 58]])
    assert.equal(clean('<p><a href="MAILTO:x@y.z">m</a></p>').changes.length, 0)
  })

  it('should report every property hast-util-sanitize removes, even one our checks would keep', () => {
    // A schema whose `src` allow list refuses what our URL check accepts: removed, and said so.
    const schema: Schema = {...defaultSchema, attributes: {...defaultSchema.attributes, img: [['src', /^https:\/\/b\./], 'alt']}}
    const {tree} = parseBody('<p><img src="https://a.example/a.png" alt="a"></p>')
    const result = sanitizeTree(tree, {schema, embedHosts: defaultEmbedHosts})
    assert.equal(toHtml(tree), '<p><img alt="a"></p>')
    assert.ok(result.changes.some((change) => /^Removed `src=/.test(change.reason)), JSON.stringify(result.changes))
  })

  it('should read a schema over hast-util-sanitize\'s default, key by key, as that package does', () => {
    // `{}` is GitHub's schema: an unknown element is unwrapped (its `strip` list names only `script`).
    const unknown: Root = {type: 'root', children: [{type: 'element', tagName: 'x-y', properties: {}, children: [{type: 'text', value: 'a'}]}]}
    const result = sanitizeTree(unknown, {schema: {}, embedHosts: []})
    assert.deepEqual(result.changes.map((change) => change.ruleId), ['sanitized-element'])
    assert.equal(toHtml(unknown), 'a')
    // An empty `strip` list: a disallowed element goes with its content, and the message says so.
    const stripped: Root = {type: 'root', children: [{type: 'element', tagName: 'x-y', properties: {}, children: [{type: 'text', value: 'a'}]}]}
    const gone = sanitizeTree(stripped, {schema: {strip: undefined}, embedHosts: []})
    assert.equal(toHtml(stripped), '')
    assert.match(gone.changes[0]!.reason, /with its content/)
  })

  it('should add required properties the element lacks, and keep those it has', () => {
    const schema: Schema = {...defaultSchema, required: {a: {rel: ['nofollow'], target: '_blank'}}}
    assert.equal(clean('<a href="/x" target="_self">x</a>', {schema}).html, '<a href="/x" target="_self" rel="nofollow">x</a>')
  })

  it('should remove comments too short to be written as `<!--…-->`', () => {
    // `<!-->` and `<!--->` are comments to a parser, but no `<!--` and `-->` of their own.
    for (const html of ['<!-->x', '<!--->x']) {
      const result = clean(html)
      assert.equal(result.html, 'x', html)
      assert.deepEqual(result.changes, [['sanitized-comment', 0, html.length - 1]], html)
    }
    // However far into the body.
    assert.equal(clean('abc<!-->x').html, 'abcx')
    // A comment left open at the end has no `-->` of its own.
    const open = clean('<p>a</p><!-- x')
    assert.equal(open.html, '<p>a</p>')
    assert.ok(open.changes.some(([ruleId, start]) => ruleId === 'sanitized-comment' && start === 8), JSON.stringify(open.changes))
  })

  it('should lower the case of a URL property\'s scheme only', () => {
    assert.equal(clean('<a href="Https://a.example/A">a</a>').html, '<a href="https://a.example/A">a</a>')
    for (const html of ['<p title="HTTPS://X">a</p>', '<a href="/A/HTTP:X">a</a>', '<a href="HTTP">a</a>', '<a href="https://a.example/HTTP:X">a</a>']) {
      const result = clean(html)
      assert.equal(result.html, html, html)
      assert.deepEqual(result.changes, [], html)
    }
  })

  it('should report an element removed with its content once, not what it held', () => {
    const inner: Element = {type: 'element', tagName: 'p', properties: {onClick: 'x'}, children: [{type: 'element', tagName: 'blink', properties: {}, children: []}]}
    const tree: Root = {type: 'root', children: [{type: 'element', tagName: 'object', properties: {}, children: [inner, {type: 'comment', value: 'a>b'}, {type: 'doctype'} as never]}, {type: 'text', value: 'a'}]}
    const result = sanitizeTree(tree, {schema: defaultSchema, embedHosts: []})
    assert.equal(toHtml(tree), 'a')
    assert.deepEqual(result.changes.map((change) => change.ruleId), ['sanitized-element'])
    assert.match(result.changes[0]!.reason, /with its content/)
  })

  it('should tell apart elements without a place in the source, and leave no mark on them', () => {
    const tree: Root = {type: 'root', children: [
      {type: 'element', tagName: 'p', properties: {title: 'a'}, children: []},
      {type: 'element', tagName: 'p', properties: {}, children: [{type: 'element', tagName: 'b', properties: {onClick: 'x'}, children: []}]}
    ]}
    const result = sanitizeTree(tree, {schema: defaultSchema, embedHosts: []})
    assert.equal(toHtml(tree), '<p title="a"></p><p><b></b></p>')
    assert.deepEqual(result.changes.map((change) => change.ruleId), ['sanitized-attribute'])
    const elements: Element[] = [tree.children[0] as Element, tree.children[1] as Element, (tree.children[1] as Element).children[0] as Element]
    for (const element of elements) assert.equal(element.data?.sanitizeKey, undefined)
  })

  it('should join texts side by side when only one of them has a place', () => {
    const at = (start: number, end: number) => ({start: {line: 1, column: start + 1, offset: start}, end: {line: 1, column: end + 1, offset: end}})
    for (const placed of [0, 1]) {
      const texts: Array<import('hast').Text> = [{type: 'text', value: 'a'}, {type: 'text', value: 'b'}]
      texts[placed]!.position = placed === 0 ? at(3, 4) : at(20, 21)
      const p: Element = {type: 'element', tagName: 'p', properties: {}, children: [texts[0]!, {type: 'element', tagName: 'script', properties: {}, children: []}, texts[1]!]}
      const tree: Root = {type: 'root', children: [p]}
      sanitizeTree(tree, {schema: defaultSchema, embedHosts: []})
      assert.equal(toHtml(tree), '<p>ab</p>')
      const joined = (tree.children[0] as Element).children
      assert.equal(joined.length, 1)
      // The joined text keeps the first text's place, or none: never one made of half a place.
      assert.deepEqual(joined[0]!.position, placed === 0 ? at(3, 4) : undefined)
    }
  })

  it('should list the images without alt in document order, however deep', () => {
    assert.deepEqual(clean('<div><p><img src="a.png"></p></div><img src="b.png"><img src="c.png" alt="">').images, [[8, 25], [35, 52]])
  })

  it('should mark the span of an element whose content lies past its end, once', () => {
    const at = (start: number, end: number) => ({start: {line: 1, column: start + 1, offset: start}, end: {line: 1, column: end + 1, offset: end}})
    const tree = (children: Array<[number, number]>, span: [number, number] = [5, 10]): Root => ({type: 'root', children: [
      {type: 'element', tagName: 'h2', properties: {}, position: at(...span), children: children.map(([start, end]) => ({type: 'text', value: 'x', position: at(start, end)}))}
    ]})
    const marks = (root: Root) => sanitizeTree(root, {schema: defaultSchema, embedHosts: []}).changes.map(({ruleId, start, end}) => [ruleId, start, end])
    assert.deepEqual(marks(tree([[6, 12], [13, 20]])), [['rewritten-markup', 5, 12]])
    assert.deepEqual(marks(tree([[2, 14]])), [['rewritten-markup', 2, 14]])
    // Content that starts early but ends inside (a reopened formatting element), or ends at the end, is fine.
    assert.deepEqual(marks(tree([[2, 8], [8, 10]])), [])
    assert.deepEqual(marks(tree([[6, 12]], [5, 5])), [['rewritten-markup', 5, 12]])
    const unplaced: Root = {type: 'root', children: [{type: 'element', tagName: 'h2', properties: {}, children: [{type: 'text', value: 'x', position: at(6, 12)}]}]}
    assert.deepEqual(marks(unplaced), [])
    const endless = tree([[6, 12]])
    delete (endless.children[0] as Element).position!.end.offset
    assert.deepEqual(marks(endless), [])
    // Half a place (a hand-built point without an offset) tells nothing either: no mark, never at NaN.
    const startless = tree([[6, 12]])
    delete (startless.children[0] as Element).position!.start.offset
    assert.deepEqual(marks(startless), [])
    for (const side of ['start', 'end'] as const) {
      const child = tree([[6, 12]])
      delete ((child.children[0] as Element).children[0]!.position![side] as {offset?: number}).offset
      assert.deepEqual(marks(child), [], side)
    }
  })

  it('should check the properties of an element allowed only under its ancestors, as of any other', () => {
    // `<td>` is allowed only inside a `<table>` (the schema's `ancestors`): allowed there, its style is filtered too.
    const result = clean('<table><tr><td style="position: fixed">b</td></tr></table>')
    assert.equal(result.html, '<table><tbody><tr><td>b</td></tr></tbody></table>')
    assert.deepEqual(result.changes.map(([ruleId]) => ruleId), ['sanitized-style', 'sanitized-style'])
  })

  it('should add nothing to the elements it keeps from the source', () => {
    const result = clean('<p>a <b>c</b></p>')
    const p = result.tree.children[0] as Element
    assert.equal(p.data, undefined)
    assert.equal((p.children[1] as Element).data, undefined)
  })

  it('should sanitise with a schema that checks no protocols', () => {
    // `protocols: null` over the default: hast-util-sanitize then checks no URL; neither do our checks.
    const html = '<a href="HTTPS://a.example/" title="X">a</a>'
    const result = clean(html, {schema: {...defaultSchema, protocols: null}})
    assert.equal(result.html, html)
    assert.deepEqual(result.changes, [])
    // A srcset is then checked against http and https.
    for (const image of ['<img src="a.png" srcset="https://a.example/a.png 1x" alt="">', '<img src="a.png" srcset="http://a.example/a.png 1x" alt="">']) {
      assert.equal(clean(image, {schema: {...defaultSchema, protocols: null}}).html, image)
    }
    assert.equal(clean('<img srcset="ftp://a.example/a.png 1x" alt="">', {schema: {...defaultSchema, protocols: null}}).html, '<img alt="">')
  })

  it('should give the changes in order of their start', () => {
    const starts = clean('<p onclick="x">a<blink>b</blink><script>c</script><!--d>--></p>').changes.map(([, start]) => start as number)
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b))
    assert.equal(starts.length, 6)
  })
})

describe('checkProperty', () => {
  it('should say why a property is refused', () => {
    assert.deepEqual(checkProperty(defaultSchema, 'p', 'onClick', 'x'), {ok: false, why: 'allowed'})
    assert.deepEqual(checkProperty(defaultSchema, 'a', 'href', 'javascript:x'), {ok: false, why: 'value'})
    assert.deepEqual(checkProperty(defaultSchema, 'p', 'id', 'cookie'), {ok: false, why: 'clobber'})
    assert.deepEqual(checkProperty(defaultSchema, 'a', 'name', 'submit'), {ok: false, why: 'clobber'})
    assert.deepEqual(checkProperty(defaultSchema, 'p', 'title', 'cookie'), {ok: true, value: 'cookie'})
    assert.deepEqual(checkProperty(defaultSchema, 'p', 'style', 'color: red; position: fixed'), {ok: false, why: 'style', value: 'color: red', dropped: 'position: fixed'})
    assert.deepEqual(checkProperty(defaultSchema, 'p', 'style', 'position: fixed; top: 0'), {ok: false, why: 'style', value: undefined, dropped: 'position: fixed; top: 0'})
    assert.deepEqual(checkProperty(defaultSchema, 'p', 'style', 'color: red'), {ok: true, value: 'color: red'})
  })

  it('should check every item of a list value, and only plain values', () => {
    assert.deepEqual(checkProperty(defaultSchema, 'p', 'className', ['a', 'b']), {ok: true, value: ['a', 'b']})
    assert.deepEqual(checkProperty({attributes: {p: ['className']}}, 'p', 'className', ['a', null as never]), {ok: false, why: 'value'})
    assert.deepEqual(checkProperty({attributes: {p: ['title']}}, 'p', 'title', null), {ok: false, why: 'value'})
    assert.deepEqual(checkProperty({attributes: {p: ['hidden']}}, 'p', 'hidden', true), {ok: true, value: true})
    assert.deepEqual(checkProperty({attributes: {p: ['width']}}, 'p', 'width', 3), {ok: true, value: 3})
  })

  it('should allow only the listed values of a property, literal or by pattern', () => {
    const schema: Schema = {attributes: {p: [['dir', 'ltr', /^r/], ['hidden', true]]}}
    assert.equal(checkProperty(schema, 'p', 'dir', 'ltr').ok, true)
    assert.equal(checkProperty(schema, 'p', 'dir', 'rtl').ok, true)
    assert.equal(checkProperty(schema, 'p', 'dir', 'auto').ok, false)
    assert.equal(checkProperty(schema, 'p', 'hidden', true).ok, true)
    assert.equal(checkProperty(schema, 'p', 'hidden', 'true').ok, false)
    assert.equal(checkProperty(defaultSchema, 'p', 'contentEditable', 'true').ok, false)
    assert.equal(checkProperty(defaultSchema, 'p', 'contentEditable', 'false').ok, true)
  })

  it('should read a definition that lists no values as allowing any, as hast-util-sanitize does', () => {
    const schema: Schema = {attributes: {p: [['title']]}}
    for (const value of ['x', '', 3, true] as const) {
      assert.deepEqual(checkProperty(schema, 'p', 'title', value), {ok: true, value})
      const kept = sanitize({type: 'element', tagName: 'p', properties: {title: value} as Element['properties'], children: []}, schema) as Element
      assert.equal(kept.properties['title'], value)
    }
  })

  it('should read `data*` for data properties only, and prefer an exact entry', () => {
    const schema: Schema = {attributes: {'*': ['data*', ['dataX', 'y']]}}
    assert.equal(checkProperty(schema, 'p', 'dataFoo', 'any').ok, true)
    assert.equal(checkProperty(schema, 'p', 'DataFoo', 'any').ok, true)
    assert.equal(checkProperty(schema, 'p', 'dataX', 'z').ok, false)
    assert.equal(checkProperty(schema, 'p', 'data', 'any').ok, false)
    assert.equal(checkProperty(schema, 'p', 'title', 'any').ok, false)
    assert.equal(checkProperty({attributes: {'*': ['title']}}, 'p', 'dataFoo', 'any').ok, false)
  })

  it('should check URL properties against their protocols only', () => {
    assert.equal(checkProperty(defaultSchema, 'a', 'href', 'tel:123').ok, true)
    assert.equal(checkProperty(defaultSchema, 'img', 'src', 'tel:123').ok, false)
    assert.equal(checkProperty({attributes: {a: ['href']}, protocols: {href: []}}, 'a', 'href', 'javascript:x').ok, true)
    assert.equal(checkProperty({attributes: {a: ['title']}, protocols: {href: ['http']}}, 'a', 'title', 'javascript:x').ok, true)
  })

  it('should ignore inherited keys of a schema', () => {
    const attributes = Object.create({p: ['title']}) as Schema['attributes']
    assert.equal(checkProperty({attributes}, 'p', 'title', 'x').ok, false)
    const protocols = Object.create({href: ['https']}) as Schema['protocols']
    assert.equal(checkProperty({attributes: {a: ['href']}, protocols}, 'a', 'href', 'javascript:x').ok, true)
  })

  it('should read a definition remembered in the memo, per element', () => {
    const memo = createCheckMemo()
    assert.equal(checkProperty(defaultSchema, 'p', 'title', 'x', memo).ok, true)
    assert.equal(memo.definitions!.get('p')!.get('title'), 'title')
    // What the memo says wins: it is one call's view of the schema.
    memo.definitions!.get('p')!.set('title', undefined)
    assert.deepEqual(checkProperty(defaultSchema, 'p', 'title', 'x', memo), {ok: false, why: 'allowed'})
    assert.equal(checkProperty(defaultSchema, 'span', 'title', 'x', memo).ok, true)
    assert.equal(memo.definitions!.get('span')!.has('title'), true)
    assert.equal(memo.definitions!.get('p')!.has('lang'), false)
  })

  it('should remember styles and definitions in a memo', () => {
    const memo = createCheckMemo()
    checkProperty(defaultSchema, 'p', 'style', 'color: red; position: fixed', memo)
    assert.deepEqual([...memo.styles!.keys()], ['color: red; position: fixed'])
    const cached = memo.styles!.get('color: red; position: fixed')!
    cached.removed = []
    assert.deepEqual(checkProperty(defaultSchema, 'p', 'style', 'color: red; position: fixed', memo), {ok: true, value: 'color: red; position: fixed'})
    assert.deepEqual(createCheckMemo(), {styles: new Map(), definitions: new Map()})
  })
})

describe('isAllowedSandbox', () => {
  it('should allow only the tokens of the default sandbox', () => {
    assert.equal(isAllowedSandbox(''), true)
    assert.equal(isAllowedSandbox('allow-scripts'), true)
    assert.equal(isAllowedSandbox('ALLOW-SCRIPTS\tallow-popups\n'), true)
    assert.equal(isAllowedSandbox(embedSandbox), true)
    assert.equal(isAllowedSandbox(['allow-scripts', 'allow-same-origin']), true)
    assert.equal(isAllowedSandbox([]), true)
    assert.equal(isAllowedSandbox('allow-scripts allow-top-navigation'), false)
    assert.equal(isAllowedSandbox(['allow-forms']), false)
    assert.equal(isAllowedSandbox('allow-modals'), false)
  })

  it('should refuse a missing sandbox', () => {
    for (const value of [undefined, null, false]) assert.equal(isAllowedSandbox(value), false)
    assert.equal(isAllowedSandbox(true), false)
  })
})

describe('srcsetUrls', () => {
  it('should give each candidate’s URL', () => {
    assert.deepEqual(srcsetUrls('a.png 1x, b.png 2x'), ['a.png', 'b.png'])
    assert.deepEqual(srcsetUrls(' \ta.png\n100w ,\fb.png 2x,c.png'), ['a.png', 'b.png', 'c.png'])
    assert.deepEqual(srcsetUrls('a.png,, b.png,c.png'), ['a.png', 'b.png,c.png'])
    // A comma inside descriptor brackets ends the candidate here, not in a browser: more is checked, never less.
    assert.deepEqual(srcsetUrls(',a.png 1x (x, y), b.png'), ['a.png', 'y)', 'b.png'])
    assert.deepEqual(srcsetUrls('a.png 1x,javascript:x 2x'), ['a.png', 'javascript:x'])
    assert.deepEqual(srcsetUrls(''), [])
    assert.deepEqual(srcsetUrls(' , '), [])
    assert.deepEqual(srcsetUrls('data:image/png,abc 1x'), ['data:image/png,abc'])
  })
})

describe('isSafeComment', () => {
  it('should refuse comments that could end early or hide markup', () => {
    for (const value of ['more', '', ' a - b ', 'a-b']) assert.equal(isSafeComment(value), true, value)
    for (const value of ['a>b', '<b', '--', 'a--b', '-a', 'a-', '>', '->']) assert.equal(isSafeComment(value), false, value)
  })
})

describe('an embed read by parsePost', () => {
  it('should report both the sandbox it adds and the content it removes, each at its place, and read back unchanged', () => {
    const raw = '---\ntitle: x\n---\n<p>a</p>\n<iframe src="https://www.youtube.com/embed/x">fallback text</iframe>\n'
    const article = parsePost(raw)
    assert.deepEqual(
      article.messages.map((message) => [message.ruleId, message.reason.slice(0, message.reason.indexOf('`<iframe>`')), message.place]),
      [
        ['sanitized-embed', 'Added `sandbox` to the ', {start: {line: 5, column: 1, offset: 26}, end: {line: 5, column: 2, offset: 27}}],
        ['sanitized-embed', 'Removed the content of the ', {start: {line: 5, column: 47, offset: 72}, end: {line: 5, column: 60, offset: 85}}]
      ]
    )
    const written = renderPost(article)
    assert.equal(written, `---\ntitle: x\n---\n<p>a</p>\n<iframe src="https://www.youtube.com/embed/x" sandbox="${embedSandbox}"></iframe>\n`)
    assert.deepEqual(parsePost(written).messages, [])
    assert.equal(renderPost(parsePost(written)), written)
  })
})
