import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import type {Nodes} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {parsePost, renderPost, type Block, type Hero, type Section, type Summary, type TitleHeading} from '../../src/index.ts'
import {blockNode, headingNode, heroNode, isObject, objectsIn, summaryNode, titleNode} from '../../src/render/fields.ts'
import {policyOf} from '../../src/render/policy.ts'
import {embedSandbox} from '../../src/body/schema.ts'

const policy = policyOf(undefined)

/** What the renderer writes for nodes (raw nodes hold HTML `safeHtml` let through). */
function html(nodes: ReturnType<typeof blockNode>): string {
  return toHtml((Array.isArray(nodes) ? {type: 'root', children: nodes} : nodes) as Nodes, {allowDangerousHtml: true})
}

/** A hand-built item, as a caller without types (or with holes) could pass it. */
function block(value: Record<string, unknown>): string {
  return html(blockNode(value as unknown as Block, policy))
}

function heading(value: Record<string, unknown>): string {
  return html(headingNode(value as unknown as Section))
}

function title(value: Record<string, unknown>): string {
  return html(titleNode(value as unknown as TitleHeading))
}

function hero(value: Record<string, unknown>): string {
  return html(heroNode(value as unknown as Hero))
}

const parsedSource = {html: '', position: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: 0}}}

describe('headingNode', () => {
  it('should write the editor’s font size for h2 to h4 of a new section', () => {
    assert.equal(heading({heading: 'A', depth: 2}), '<h2 data-ke-size="size26">A</h2>')
    assert.equal(heading({heading: 'A', depth: 3}), '<h3 data-ke-size="size23">A</h3>')
    assert.equal(heading({heading: 'A', depth: 4}), '<h4 data-ke-size="size20">A</h4>')
    assert.equal(heading({heading: 'A', depth: 5}), '<h5>A</h5>')
    assert.equal(heading({heading: 'A', depth: 1}), '<h1>A</h1>')
  })

  it('should keep a parsed section’s attributes, and add none to a parsed section without', () => {
    assert.equal(heading({heading: 'A', depth: 2, source: parsedSource}), '<h2>A</h2>')
    assert.equal(heading({heading: 'A', depth: 2, attributes: {id: 'x'}}), '<h2 id="x">A</h2>')
    assert.equal(heading({heading: 'A', depth: 3, source: parsedSource, attributes: {class: 'c'}}), '<h3 class="c">A</h3>')
  })

  it('should bring any depth into 1 to 6 (2 when it is no number), and write a missing heading as empty', () => {
    assert.equal(heading({heading: 'A', depth: 9}), '<h6>A</h6>')
    assert.equal(heading({heading: 'A', depth: -3}), '<h1>A</h1>')
    assert.equal(heading({heading: 'A', depth: 3.9}), '<h3 data-ke-size="size23">A</h3>')
    assert.equal(heading({heading: 'A', depth: '4'}), '<h4 data-ke-size="size20">A</h4>')
    for (const depth of [0, 'x', null, undefined, Number.NaN]) assert.equal(heading({heading: 'A', depth}), '<h2 data-ke-size="size26">A</h2>', String(depth))
    assert.equal(heading({heading: null, depth: 5}), '<h5></h5>')
    assert.equal(heading({depth: 5}), '<h5></h5>')
    assert.equal(heading({heading: 7, depth: 5}), '<h5>7</h5>')
  })

  it('should write text as text, and NUL as U+FFFD', () => {
    assert.equal(heading({heading: '<b>&\0', depth: 5}), '<h5>&#x3C;b>&#x26;\uFFFD</h5>')
    assert.equal(heading({heading: 'a', depth: 5, attributes: {title: 'x\0y'}}), '<h5 title="x\uFFFDy">a</h5>')
  })
})

describe('titleNode', () => {
  it('should write an <h1> with the text as text and no editor size, parsed or not', () => {
    assert.equal(title({text: 'A <b>', id: 'a'}), '<h1>A &#x3C;b></h1>')
    assert.equal(title({text: 'A', id: 'a', source: parsedSource}), '<h1>A</h1>')
    assert.equal(title({text: 'A\0', id: 'a', attributes: {id: 'x', class: 'c'}}), '<h1 id="x" class="c">A\uFFFD</h1>')
  })

  it('should write a missing text as empty, and other values as their string', () => {
    assert.equal(title({id: 'a'}), '<h1></h1>')
    assert.equal(title({text: null}), '<h1></h1>')
    assert.equal(title({text: 7}), '<h1>7</h1>')
  })
})

describe('heroNode', () => {
  it('should write an image in a paragraph, with only the attributes it has', () => {
    assert.equal(hero({src: 'a.png', alt: 'A'}), '<p><img src="a.png" alt="A"></p>')
    assert.equal(hero({}), '<p><img src="" alt=""></p>')
    assert.equal(hero({src: 'a.png', alt: 'A', title: 'T', width: 10, height: 5, srcset: 'b.png 2x'}), '<p><img src="a.png" alt="A" title="T" width="10" height="5" srcset="b.png 2x"></p>')
    assert.equal(hero({src: 'a.png', alt: 'A', title: '', width: 0, height: null, srcset: ''}), '<p><img src="a.png" alt="A"></p>')
  })

  it('should wrap an image with a link in it, even an empty one', () => {
    assert.equal(hero({src: 'a.png', alt: '', href: 'https://x.example/'}), '<p><a href="https://x.example/"><img src="a.png" alt=""></a></p>')
    assert.equal(hero({src: 'a.png', alt: '', href: ''}), '<p><a href=""><img src="a.png" alt=""></a></p>')
  })

  it('should write a captioned image as a figure', () => {
    assert.equal(hero({src: 'a.png', alt: 'A', caption: 'C'}), '<figure><img src="a.png" alt="A"><figcaption>C</figcaption></figure>')
    assert.equal(hero({src: 'a.png', alt: 'A', caption: ''}), '<p><img src="a.png" alt="A"></p>')
  })

  it('should write a Markdown image as text, with what would end its parts replaced', () => {
    assert.equal(hero({src: 'a.png', alt: 'A', markdown: true}), '![A](a.png)')
    assert.equal(hero({src: 'a b(1)<2>\n.png', alt: 'x]y\nz\r', title: 'say "hi"\r\nnow', markdown: true}), '![x y z ](a%20b%281%29%3C2%3E%0A.png "say hi  now")')
    assert.equal(hero({markdown: true, title: ''}), '![]()')
    // Markdown is text in HTML: escaped when serialised.
    assert.equal(hero({src: 'a&b', alt: '<i>', markdown: true}), '![&#x3C;i>](a&#x26;b)')
  })
  it('should write a Markdown hero that reads back as the same hero', () => {
    for (const fields of [{src: 'a(1).png'}, {src: 'a).png'}, {src: 'a b.png', title: 'line\nbreak'}, {src: 'a<b>.png', alt: 'x]y'}]) {
      const article = parsePost('---\ntitle: T\n---\n![A](x.png)\n\n<p>b</p>\n')
      Object.assign(article.hero!, fields)
      const again = parsePost(renderPost(article)).hero
      assert.ok(again?.markdown, JSON.stringify(fields))
      assert.equal(decodeURIComponent(again.src), fields.src)
      assert.equal(renderPost(parsePost(renderPost(article))), renderPost(article))
    }
  })
})

describe('summaryNode', () => {
  it('should write a title row and a row per item, in the editor’s markup', () => {
    const row = (text: string) => `<tr><td style="text-align: center;"><b>${text}</b></td></tr>`
    assert.equal(html(summaryNode({title: 'T', items: [{text: 'a'}, {text: 'b'}]} as unknown as Summary)), `<table><tbody>${row('T')}${row('a')}${row('b')}</tbody></table>`)
    assert.equal(html(summaryNode({title: null, items: [{text: 'a'}]} as unknown as Summary)), `<table><tbody>${row('a')}</tbody></table>`)
    assert.equal(html(summaryNode({title: '', items: [null, 1, {text: null}, {text: '<&'}]} as unknown as Summary)), `<table><tbody>${row('')}${row('&#x3C;&#x26;')}</tbody></table>`)
    assert.equal(html(summaryNode({title: 'T', items: 'no list'} as unknown as Summary)), `<table><tbody>${row('T')}</tbody></table>`)
  })
})

describe('blockNode', () => {
  it('should write a new paragraph in the editor’s style, and a parsed one with its own attributes', () => {
    assert.equal(block({type: 'paragraph', html: 'a <b>b</b>'}), '<p data-ke-size="size16">a <b>b</b></p>')
    assert.equal(block({type: 'paragraph', html: 'a', source: parsedSource}), '<p>a</p>')
    assert.equal(block({type: 'paragraph', html: 'a', attributes: {style: 'text-align: center;'}}), '<p style="text-align: center;">a</p>')
    assert.equal(block({type: 'paragraph', html: 'a', implicit: true}), 'a')
    assert.equal(block({type: 'paragraph'}), '<p data-ke-size="size16"></p>')
  })

  it('should make every HTML field safe', () => {
    assert.equal(block({type: 'paragraph', html: 'a<script>alert(1)</script><img src=x onerror=alert(1)>'}), '<p data-ke-size="size16">a<img src="x"></p>')
    assert.equal(block({type: 'paragraph', html: '</p><script>x</script>', implicit: true}), '')
    assert.equal(block({type: 'quote', html: '<b onclick="x">q</b>'}), '<blockquote><b>q</b></blockquote>')
    assert.equal(block({type: 'html', html: '<iframe src="https://evil.example/"></iframe>'}), '')
    assert.equal(block({type: 'list', items: [{html: '<a href="javascript:x">a</a>'}]}), '<ul><li><a>a</a></li></ul>')
  })

  it('should write a spacer as a no-break space unless it has HTML', () => {
    assert.equal(block({type: 'spacer', html: ''}), '<p data-ke-size="size16">&nbsp;</p>')
    assert.equal(block({type: 'spacer', html: '<br>'}), '<p data-ke-size="size16"><br></p>')
    assert.equal(block({type: 'spacer', html: '', source: parsedSource}), '<p>&nbsp;</p>')
    assert.equal(block({type: 'spacer', html: '', attributes: {class: 's'}}), '<p class="s">&nbsp;</p>')
  })

  it('should write an image block like the hero, in a paragraph', () => {
    assert.equal(block({type: 'image', src: 'a.png', alt: 'A'}), '<p data-ke-size="size16"><img src="a.png" alt="A"></p>')
    assert.equal(block({type: 'image', src: 'a.png', alt: 'A', source: parsedSource}), '<p><img src="a.png" alt="A"></p>')
    assert.equal(block({type: 'image', src: 'a.png', alt: 'A', attributes: {class: 'x'}}), '<p class="x"><img src="a.png" alt="A"></p>')
    assert.equal(block({type: 'image', src: 'a b.png', alt: 'A', markdown: true, caption: 'not written'}), '![A](a%20b.png)')
  })

  it('should write a figure with its kind, image and caption, each only when there', () => {
    assert.equal(block({type: 'figure', kind: 'imageblock', image: {src: 'a.png', alt: ''}, caption: 'C'}), '<figure data-ke-type="imageblock"><img src="a.png" alt=""><figcaption>C</figcaption></figure>')
    assert.equal(block({type: 'figure', kind: 'figure', image: {src: 'a.png', alt: ''}}), '<figure><img src="a.png" alt=""></figure>')
    assert.equal(block({type: 'figure', caption: 'C'}), '<figure><figcaption>C</figcaption></figure>')
    assert.equal(block({type: 'figure', kind: 'imageblock', attributes: {class: 'f'}, caption: ''}), '<figure class="f"></figure>')
  })

  it('should write a link card in the editor’s opengraph markup', () => {
    assert.equal(
      block({type: 'link-card', url: 'https://a.example/', title: 'T', description: 'D', image: 'https://a.example/i.png'}),
      '<figure data-ke-type="opengraph" data-og-title="T" data-og-description="D" data-og-url="https://a.example/" data-og-image="https://a.example/i.png"><a href="https://a.example/"><div class="og-text"><p class="og-title">T</p><p class="og-desc">D</p></div></a></figure>'
    )
    assert.equal(block({type: 'link-card', attributes: {'data-ke-type': 'opengraph'}}), '<figure data-ke-type="opengraph"><a href=""><div class="og-text"><p class="og-title"></p><p class="og-desc"></p></div></a></figure>')
  })

  it('should write lists, ordered or not, skipping what is not an item', () => {
    assert.equal(block({type: 'list', ordered: true, items: [{html: 'a'}, null, {html: '<i>b</i>'}]}), '<ol><li>a</li><li><i>b</i></li></ol>')
    assert.equal(block({type: 'list', ordered: false, items: [{html: 'a'}], attributes: {'data-ke-list-type': 'disc'}}), '<ul data-ke-list-type="disc"><li>a</li></ul>')
    assert.equal(block({type: 'list', items: {html: 'a'}}), '<ul></ul>')
  })

  it('should write code as text, with a language class only for a plain language name', () => {
    assert.equal(block({type: 'code', language: 'js', code: 'a<b'}), '<pre data-ke-type="codeblock" data-ke-language="js"><code class="language-js">a&#x3C;b</code></pre>')
    assert.equal(block({type: 'code', code: 'x'}), '<pre data-ke-type="codeblock"><code>x</code></pre>')
    assert.equal(block({type: 'code', language: 'a b', code: 'x'}), '<pre data-ke-type="codeblock" data-ke-language="a b"><code>x</code></pre>')
    for (const language of ['"', "'", '<', '>', '&', ' ', '\t']) assert.match(block({type: 'code', language: 'c' + language, code: 'x'}), /<code>x<\/code>/, language)
    assert.match(block({type: 'code', language: 7, code: 'x'}), /<code>x<\/code>/)
    assert.equal(block({type: 'code', text: 'y', attributes: {}}), '<pre><code>y</code></pre>')
    assert.equal(block({type: 'code', code: 'x', text: 'y', source: parsedSource}), '<pre data-ke-type="codeblock"><code>x</code></pre>')
    assert.equal(block({type: 'code'}), '<pre data-ke-type="codeblock"><code></code></pre>')
  })

  it('should write tables, with header cells and spans above 1 only', () => {
    assert.equal(
      block({type: 'table', rows: [[{html: 'h', header: true, colspan: 2}], [{html: 'a', colspan: 1, rowspan: 3}, {html: 'b', rowspan: 1}], null, [null]]}),
      '<table><tbody><tr><th colspan="2">h</th></tr><tr><td rowspan="3">a</td><td>b</td></tr><tr></tr></tbody></table>'
    )
    assert.equal(block({type: 'table', rows: 'x', attributes: {border: '1'}}), '<table border="1"><tbody></tbody></table>')
  })

  it('should write a rule with the editor’s style only when it has one', () => {
    assert.equal(block({type: 'rule', style: 'style1'}), '<hr data-ke-type="horizontalRule" data-ke-style="style1">')
    assert.equal(block({type: 'rule'}), '<hr>')
    assert.equal(block({type: 'rule', style: 'style1', attributes: {class: 'r'}}), '<hr class="r">')
  })

  it('should write an embed sandboxed, whatever its attributes say', () => {
    const sandbox = `sandbox="${embedSandbox}"`
    assert.equal(block({type: 'embed', src: 'https://www.youtube.com/embed/x', title: 'T'}), `<iframe src="https://www.youtube.com/embed/x" title="T" ${sandbox} allowfullscreen></iframe>`)
    assert.equal(block({type: 'embed', src: 'https://www.youtube.com/embed/x', title: ''}), `<iframe src="https://www.youtube.com/embed/x" ${sandbox} allowfullscreen></iframe>`)
    assert.equal(
      block({type: 'embed', attributes: {src: 'https://evil.example/', sandbox: 'allow-top-navigation', width: '10', title: 'old'}, title: 'T'}),
      `<iframe src="" sandbox="${embedSandbox}" width="10" title="T"></iframe>`
    )
  })

  it('should keep the sandbox an embed was read with when it grants no more than a player needs, and add nothing', () => {
    assert.equal(
      block({type: 'embed', src: 'https://www.youtube.com/embed/x', attributes: {src: 'https://www.youtube.com/embed/x', sandbox: 'allow-scripts'}, title: 'T'}),
      '<iframe src="https://www.youtube.com/embed/x" sandbox="allow-scripts" title="T"></iframe>'
    )
    // An empty sandbox grants nothing.
    assert.equal(block({type: 'embed', src: 'https://www.youtube.com/embed/x', attributes: {sandbox: ''}}), '<iframe sandbox="" src="https://www.youtube.com/embed/x"></iframe>')
    const raw = '---\ntitle: x\n---\n<iframe src="https://www.youtube.com/embed/x" sandbox="allow-scripts"></iframe>\n'
    const article = parsePost(raw)
    const embed = article.lead[0]!
    assert.equal(embed.type, 'embed')
    if (embed.type === 'embed') embed.title = 'A video'
    assert.equal(renderPost(article), raw.replace('"allow-scripts"', '"allow-scripts" title="A video"'))
  })

  it('should write an HTML block or an unknown block’s HTML as it is, when safe', () => {
    assert.equal(block({type: 'html', html: '<div class="x">a</div>'}), '<div class="x">a</div>')
    assert.equal(block({type: 'new-kind', html: '<p>a</p>'}), '<p>a</p>')
    assert.equal(block({type: 'new-kind'}), '')
    assert.equal(block({type: 'html', html: null}), '')
  })

  it('should write only plain attribute names, with their values as strings', () => {
    assert.equal(block({type: 'quote', html: 'q', attributes: {'a b': '1', '"x': '2', '1a': '3', 'data-n': 4, 'x:y.z_w-v': 'ok', class: 'c'}}), '<blockquote data-n="4" x:y.z_w-v="ok" class="c">q</blockquote>')
    assert.equal(block({type: 'quote', html: 'q', attributes: 'class=x'}), '<blockquote>q</blockquote>')
    assert.equal(block({type: 'quote', html: 'q', attributes: {title: 'a\0'}}), '<blockquote title="a\uFFFD">q</blockquote>')
  })
})

describe('objectsIn and isObject', () => {
  it('should keep the objects of an array only', () => {
    const a = {x: 1}
    const b = [2]
    assert.deepEqual(objectsIn([a, null, undefined, 1, 'x', b] as unknown[]), [a, b])
    assert.equal(objectsIn([a])[0], a)
    for (const value of [null, undefined, 'ab', {0: a, length: 1}]) assert.deepEqual(objectsIn(value as unknown as unknown[]), [])
    assert.equal(isObject({}), true)
    assert.equal(isObject(null), false)
    assert.equal(isObject('x'), false)
    assert.equal(isObject(() => 1), false)
  })
})
