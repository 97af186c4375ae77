/**
 * The default schema as a policy: what it keeps and what it removes,
 * element by element and attribute by attribute, read through the
 * sanitiser (`sanitizeTree`, `checkProperty`) rather than the schema's
 * fields. The lists here are written from the schema's documentation
 * (its doc comment and SECURITY.md), not read from the schema.
 */
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import type {Element, Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {parseBody} from '../../src/body/parse.ts'
import {checkProperty, isAllowedSandbox, sanitizeTree} from '../../src/body/sanitize.ts'
import {defaultEmbedHosts, defaultSchema, embedSandbox, schemaWithDefaults, type Schema} from '../../src/body/schema.ts'

/** A hand-built tree of one `<div>` holding `a`, the element, `b`: the parser cannot make every element in a body. */
function sanitizeOne(tagName: string, properties: Element['properties'] = {}) {
  const element: Element = {type: 'element', tagName, properties, children: [{type: 'text', value: 'inside'}]}
  const tree: Root = {type: 'root', children: [{type: 'element', tagName: 'div', properties: {}, children: [{type: 'text', value: 'a'}, element, {type: 'text', value: 'b'}]}]}
  const result = sanitizeTree(tree, {schema: defaultSchema, embedHosts: defaultEmbedHosts})
  return {html: toHtml(tree), changes: result.changes}
}

function allowed(tagName: string, key: string, value: Element['properties'][string]): boolean {
  return checkProperty(defaultSchema, tagName, key, value).ok
}

describe('defaultSchema', () => {
  it('should remove the elements that run, load, or hide markup with their content', () => {
    const stripped = ['script', 'style', 'template', 'noscript', 'object', 'embed', 'applet', 'frame', 'frameset', 'noembed', 'noframes', 'svg', 'math', 'title', 'head', 'meta', 'link', 'base', 'xmp', 'plaintext', 'input']
    for (const name of stripped) {
      const result = sanitizeOne(name)
      assert.equal(result.html, '<div>ab</div>', name)
      assert.equal(result.changes.length, 1, name)
      assert.equal(result.changes[0]!.ruleId, 'sanitized-element', name)
    }
  })

  it('should remove a void element that is stripped as one change over the whole tag', () => {
    for (const name of ['meta', 'link', 'base', 'input', 'embed']) {
      const html = `<p>a<${name} x="y">b</p>`
      const {tree} = parseBody(html)
      const result = sanitizeTree(tree, {schema: defaultSchema, embedHosts: defaultEmbedHosts, source: html})
      assert.deepEqual(result.changes.map(({start, end}) => [start, end]), [[4, 4 + `<${name} x="y">`.length]], name)
      assert.equal(toHtml(tree), '<p>ab</p>', name)
    }
  })

  it('should unwrap form controls that hold text, keeping the text', () => {
    for (const name of ['button', 'select', 'option', 'textarea', 'label', 'form', 'blink']) {
      const result = sanitizeOne(name)
      assert.equal(result.html, '<div>ainsideb</div>', name)
      assert.equal(result.changes.length, 1, name)
    }
  })

  it('should keep the elements real posts use, besides GitHub’s', () => {
    const added = ['abbr', 'acronym', 'address', 'article', 'aside', 'big', 'caption', 'center', 'cite', 'col', 'colgroup', 'dfn', 'figcaption', 'figure', 'font', 'footer', 'header', 'hgroup', 'main', 'mark', 'nav', 'o:p', 'small', 'time', 'u', 'audio', 'video']
    for (const name of [...added, 'p', 'div', 'table', 'img', 'b', 'a']) {
      const result = sanitizeOne(name)
      assert.deepEqual(result.changes, [], name)
      assert.ok(result.html.startsWith(`<div>a<${name}`), `${name}: ${result.html}`)
    }
    for (const name of ['track', 'wbr']) {
      const element: Element = {type: 'element', tagName: name, properties: {}, children: []}
      const tree: Root = {type: 'root', children: [element]}
      assert.deepEqual(sanitizeTree(tree, {schema: defaultSchema, embedHosts: []}).changes, [], name)
      assert.equal(toHtml(tree), `<${name}>`, name)
    }
  })

  it('should keep ids and names as written, without a prefix', () => {
    const result = sanitizeOne('a', {id: 'intro', ariaDescribedBy: ['intro']})
    assert.equal(result.html, '<div>a<a id="intro" aria-describedby="intro">inside</a>b</div>')
    assert.deepEqual(result.changes, [])
    assert.equal(sanitizeOne('a', {name: 'chapter-1'}).html, '<div>a<a name="chapter-1">inside</a>b</div>')
  })

  it('should keep comments and drop doctypes', () => {
    const {tree} = parseBody('<p>a</p><!--more--><p>b</p>')
    sanitizeTree(tree, {schema: defaultSchema, embedHosts: []})
    assert.equal(toHtml(tree), '<p>a</p><!--more--><p>b</p>')
    const doctype: Root = {type: 'root', children: [{type: 'doctype'}, {type: 'text', value: 'x'}]}
    assert.equal(sanitizeTree(doctype, {schema: defaultSchema, embedHosts: []}).changes.length, 1)
    assert.equal(toHtml(doctype), 'x')
  })

  it('should add no property to an element that lacks it', () => {
    for (const name of ['a', 'img', 'p', 'iframe']) {
      const properties = name === 'iframe' ? {src: 'https://www.youtube.com/embed/x', sandbox: ['allow-scripts']} : {}
      const element: Element = {type: 'element', tagName: name, properties, children: []}
      const tree: Root = {type: 'root', children: [element]}
      sanitizeTree(tree, {schema: defaultSchema, embedHosts: defaultEmbedHosts})
      assert.deepEqual(Object.keys((tree.children[0] as Element).properties), Object.keys(properties), name)
    }
  })

  it('should allow on every element the attributes real posts use', () => {
    for (const name of ['p', 'span', 'td', 'div', 'li', 'code', 'h2', 'section', 'ol', 'ul', 'a', 'img']) {
      assert.equal(allowed(name, 'className', ['any', 'class']), true, `${name} class`)
      assert.equal(allowed(name, 'style', 'color: red'), true, `${name} style`)
      assert.equal(allowed(name, 'dataKeSize', 'size16'), true, `${name} data-*`)
    }
    for (const key of ['role', 'bgColor', 'translate', 'imageanchor', 'layout', 'face', 'wicket:id', 'title', 'lang', 'dir']) assert.equal(allowed('p', key, 'x'), true, key)
    assert.equal(allowed('p', 'contentEditable', 'false'), true)
    assert.equal(allowed('p', 'contentEditable', 'true'), false)
    for (const key of ['onClick', 'onclick', 'autoFocus', 'formAction', 'srcDoc', 'is', 'slot']) assert.equal(allowed('p', key, 'x'), false, key)
  })

  it('should allow AMP’s `on` only as one bare tap target', () => {
    for (const value of ['tap:lightbox1', 'tap:a', 'tap:a-b_c9', 'tap:ampx', 'tap:Amp1']) assert.equal(allowed('img', 'on', value), true, value)
    for (const value of ['tap:AMP', 'tap:amp', 'tap:aMp', 'tap:x.submit', 'tap:x.navigateTo(url=y)', 'tap:a;tap:b', 'tap:a,b', 'tap:1a', 'tap:-a', 'tap:', 'TAP:a', 'click:a', ' tap:a', 'tap:a ', 'x tap:a', 'tap:a\n']) {
      assert.equal(allowed('img', 'on', value), false, value)
    }
  })

  it('should allow the link, image and table attributes real posts use', () => {
    for (const key of ['rel', 'target', 'type', 'referrerPolicy', 'href', 'title']) assert.equal(allowed('a', key, 'x'), true, `a ${key}`)
    for (const key of ['srcSet', 'sizes', 'loading', 'decoding', 'width', 'height', 'alt', 'title', 'src', 'longDesc']) assert.equal(allowed('img', key, 'x.png'), true, `img ${key}`)
    for (const key of ['border', 'cellPadding', 'cellSpacing']) assert.equal(allowed('table', key, '1'), true, key)
    assert.equal(allowed('th', 'scope', 'col'), true)
    assert.equal(allowed('col', 'width', '10'), true)
    assert.equal(allowed('ol', 'reversed', true), true)
    assert.equal(allowed('ol', 'type', 'a'), true)
    assert.equal(allowed('ul', 'type', 'disc'), true)
    for (const key of ['face', 'color', 'size']) assert.equal(allowed('font', key, '3'), true, `font ${key}`)
    assert.equal(allowed('time', 'dateTime', '2024-01-01'), true)
    // Attributes of one element only.
    assert.equal(allowed('p', 'rel', 'x'), false)
    assert.equal(allowed('p', 'srcSet', 'x.png'), false)
    assert.equal(allowed('p', 'dateTime', '2024-01-01'), true) // GitHub allows it on every element.
    assert.equal(allowed('li', 'reversed', true), false)
  })

  it('should allow an iframe the attributes a player needs, and no more', () => {
    for (const key of ['src', 'allow', 'allowFullScreen', 'frameBorder', 'loading', 'referrerPolicy', 'sandbox', 'scrolling']) {
      assert.equal(allowed('iframe', key, key === 'src' ? 'https://www.youtube.com/embed/x' : 'x'), true, key)
    }
    // `class`, `style`, `data-*`, `title` and `name` come from the attributes of every element.
    for (const key of ['srcDoc', 'onLoad', 'csp', 'credentialless', 'autoFocus']) assert.equal(allowed('iframe', key, 'x'), false, key)
  })

  it('should load media only over https or from the page’s own site', () => {
    for (const name of ['video', 'audio', 'source', 'track']) {
      for (const url of ['https://a.example/v.mp4', 'HTTPS://a.example/v.mp4', '/v.mp4', 'v.mp4', './v.mp4', '?v', '#t']) assert.equal(allowed(name, 'src', url), true, `${name} ${url}`)
      for (const url of ['http://a.example/v.mp4', 'HTTP://a.example/v.mp4', 'Http://a', '//a.example/v.mp4', '\\\\a.example/v.mp4', '/\\a.example/v.mp4', '\\/a.example', ' https://a.example/v.mp4', '\u0001/v.mp4', '\u0020/v', 'https://a.example/v\t.mp4', 'a b\tc.mp4', 'https://a.example/\nv.mp4', 'https://a.example/v.mp4\r', 'javascript:x', 'data:video/mp4,x', 'ftp://a.example/v.mp4']) {
        assert.equal(allowed(name, 'src', url), false, `${name} ${JSON.stringify(url)}`)
      }
    }
  })

  it('should let media play on request only, loading no more than its metadata first', () => {
    for (const name of ['video', 'audio']) {
      for (const key of ['controls', 'loop', 'muted']) assert.equal(allowed(name, key, true), true, `${name} ${key}`)
      assert.equal(allowed(name, 'autoPlay', true), false, `${name} autoplay`)
      assert.equal(allowed(name, 'preload', 'none'), true)
      assert.equal(allowed(name, 'preload', 'metadata'), true)
      assert.equal(allowed(name, 'preload', 'auto'), false)
      assert.equal(allowed(name, 'preload', ''), false)
    }
    assert.equal(allowed('video', 'playsInline', true), true)
    assert.equal(allowed('video', 'poster', 'https://a.example/p.png'), true)
    assert.equal(allowed('video', 'poster', 'javascript:x'), false)
    assert.equal(allowed('audio', 'poster', 'https://a.example/p.png'), false)
    for (const key of ['srcSet', 'type', 'sizes']) assert.equal(allowed('source', key, 'x'), true, `source ${key}`)
    for (const key of ['kind', 'srcLang']) assert.equal(allowed('track', key, 'x'), true, `track ${key}`)
  })

  it('should allow each URL property only its protocols', () => {
    for (const url of ['http://a.example/', 'https://a.example/', 'mailto:a@b.c', 'tel:123', '/a']) assert.equal(allowed('a', 'href', url), true, url)
    for (const url of ['irc://a.example/', 'xmpp:a@b.c', 'ftp://a.example/', 'javascript:x', 'data:text/html,x']) assert.equal(allowed('a', 'href', url), false, url)
    for (const [name, key] of [['img', 'src'], ['video', 'poster'], ['blockquote', 'cite'], ['img', 'longDesc']] as const) {
      assert.equal(allowed(name, key, 'https://a.example/x'), true, `${name} ${key}`)
      assert.equal(allowed(name, key, 'http://a.example/x'), true, `${name} ${key}`)
      assert.equal(allowed(name, key, 'mailto:a@b.c'), false, `${name} ${key}`)
      assert.equal(allowed(name, key, 'javascript:x'), false, `${name} ${key}`)
    }
  })
})

describe('defaultEmbedHosts', () => {
  it('should keep the players seen in real posts, sandboxed, and no other host', () => {
    const players = ['www.youtube.com', 'youtube.com', 'www.youtube-nocookie.com', 'player.vimeo.com', 'play-tv.kakao.com', 'tv.kakao.com', 'tv.naver.com', 'serviceapi.nmv.naver.com', 'serviceapi.rmcnmv.naver.com']
    for (const host of [...players, 'evil.example', 'vimeo.com', 'm.youtube.com']) {
      const html = `<iframe src="https://${host}/embed/x"></iframe>`
      const {tree} = parseBody(html)
      const result = sanitizeTree(tree, {schema: defaultSchema, embedHosts: defaultEmbedHosts, source: html})
      const kept = players.includes(host)
      assert.equal(toHtml(tree), kept ? `<iframe src="https://${host}/embed/x" sandbox="${embedSandbox}"></iframe>` : '', host)
      assert.deepEqual(result.changes.map((change) => change.ruleId), kept ? ['sanitized-embed', 'sanitized-embed'] : ['sanitized-embed'], host)
    }
  })
})

describe('embedSandbox', () => {
  it('should let a player run in its own origin, and nothing more', () => {
    assert.deepEqual(embedSandbox.split(' ').sort(), ['allow-popups', 'allow-presentation', 'allow-same-origin', 'allow-scripts'])
    for (const token of ['allow-scripts', 'allow-same-origin', 'allow-presentation', 'allow-popups']) assert.equal(isAllowedSandbox(token), true, token)
    for (const token of ['allow-top-navigation', 'allow-forms', 'allow-modals', 'allow-popups-to-escape-sandbox', 'allow-downloads']) assert.equal(isAllowedSandbox(token), false, token)
  })
})

describe('schemaWithDefaults', () => {
  it('should give the default schema when none is given', () => {
    assert.equal(schemaWithDefaults(undefined), defaultSchema)
    assert.equal(schemaWithDefaults(null), defaultSchema)
  })

  it('should read a schema over the default one top-level key at a time, once per schema object', () => {
    const schema: Schema = {allowComments: false, tagNames: ['p']}
    const result = schemaWithDefaults(schema)
    assert.equal(result.allowComments, false)
    assert.deepEqual(result.tagNames, ['p'])
    assert.equal(result.attributes, defaultSchema.attributes)
    assert.equal(result.strip, defaultSchema.strip)
    assert.equal(schemaWithDefaults(schema), result)
    assert.notEqual(schemaWithDefaults({...schema}), result)
    assert.notEqual(result, defaultSchema)
  })
})
