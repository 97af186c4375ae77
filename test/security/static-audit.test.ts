/**
 * The XSS vectors, rendered and read as a browser parses them, without a
 * browser (jsdom for the audit, parse5 for the containers): the part of the
 * Chromium sweep that needs no script to
 * run, so a broken rule fails here too when Chromium is not installed.
 */
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {containers, escapeControls, findEscapes, stayControls} from '../support/container-escape.ts'
import {auditHtml} from '../support/static-audit.ts'
import {articlePlacements, postPlacements, renderVectors, vectors, type Origin} from '../support/xss-vectors.ts'

// One placement of each kind: body markup, an attribute, front matter, and each hand-built field that holds HTML.
const placements = new Set(['body-paragraph', 'body-a-href', 'body-img-alt', 'matter-title-raw', 'article-paragraph-html', 'article-source-html', 'article-layout-gaps', 'article-summary-cell-html', 'article-hero-src', 'article-html-block', 'article-list-item-html', 'article-table-cell-html', 'article-figure-caption', 'article-heading-attributes'])

describe('static audit of rendered vectors', () => {
  it('should find each kind of danger in unsanitised markup (positive controls)', () => {
    const controls: Array<[html: string, expected: RegExp]> = [
      ['<img src=x onerror=alert(1)>', /^handler img\[onerror\]/],
      ['<a href="javascript:alert(1)">x</a>', /^url a\[href\]=javascript:/],
      ['<a href=" java&#x09;script:alert(1)">x</a>', /^url a\[href\]/],
      ['<img src="x.png" srcset="a.png 1x, javascript:alert(1) 2x">', /^url img\[srcset\]=javascript:/],
      ['<p style="cursor:url(https://evil.invalid/x),auto">x</p>', /^style url p/],
      ['<p style="background:url(https://a.example/a.png),url(https://evil.invalid/x)">x</p>', /^style url p/],
      ['<p style="background-image:url(data:image/svg+xml,x)">x</p>', /^style url p/],
      ['<p on="tap:AMP.navigateTo(url=\'https://evil.invalid/\')">x</p>', /^handler p\[on\]/],
      ['<p on="tap:a" onclick="x">x</p>', /^handler p\[onclick\]/],
      ['<p style="background:u\\72l(javascript:alert(1))">x</p>', /^style p/],
      ['<iframe src="https://evil.invalid/"></iframe>', /^iframe without sandbox/],
      ['<iframe src="https://a.example/" sandbox="allow-scripts allow-top-navigation"></iframe>', /allow-top-navigation/],
      ['<iframe srcdoc="<b>x</b>" sandbox=""></iframe>', /^iframe sandbox allows|^srcdoc/],
      ['<script>alert(1)</script>', /^element script/],
      ['<script type="application/ld+json">{</script>', /^json-ld/],
      ['<meta http-equiv="refresh" content="0;url=https://evil.invalid/">', /^element meta/],
      ['<form action="https://evil.invalid/"></form>', /^element form/],
      ['<svg><animate attributeName="href" to="javascript:alert(1)"/></svg>', /^svg animation/],
      ['<img id="cookie" src="x.png">', /^clobber document\.cookie/],
      ['<form><input id="submit"></form>', /^element form/],
      ['<img name="adoptNode" src="x.png">', /^clobber document\.adoptNode by img\[name\]/],
      ['<video src="https://a.example/a.mp4" autoplay></video>', /^autoplay video/],
      ['<audio src="https://a.example/a.mp3" preload="auto"></audio>', /^preload audio/],
      ['<video><source src="http://a.example/a.mp4"></video>', /^media over http source/],
      ['<audio src="//a.example/a.mp3"></audio>', /^media over http audio/],
      ['<p><button>Go</button><select><option>a</option></select><textarea>t</textarea></p>', /^element button/]
    ]
    for (const [html, expected] of controls) {
      const found = auditHtml(html)
      assert.ok(found.some((finding) => expected.test(finding)), `${html}: ${JSON.stringify(found)}`)
    }
    assert.deepEqual(auditHtml('<p id="intro" style="color:red"><a href="https://example.com/?q=1#x">x</a><img src="data:image/png;base64,AA==" alt=""></p>'), [])
    // A background image as an `<img>` is, and AMP's bare tap target.
    assert.deepEqual(auditHtml('<p style="background: url(https://a.example/a.png) no-repeat" on="tap:lightbox1">x</p><p style="background-image: url()">y</p>'), [])
    assert.deepEqual(auditHtml('<video src="https://a.example/a.mp4" preload="metadata" controls><source src="/a.webm"></video><picture><source srcset="http://a.example/a.webp"><img src="http://a.example/a.png" alt=""></picture>'), [])
  })

  it('should catch markup that leaves its container, in the containers it leaves (positive controls)', () => {
    const escapes = findEscapes(escapeControls.map(([html]) => html))
    for (const [index, [html, caughtIn]] of escapeControls.entries()) {
      const found = escapes.filter((escape) => escape.index === index).map((escape) => escape.container)
      assert.deepEqual(found, caughtIn, html)
    }
    assert.deepEqual(findEscapes(stayControls), [])
  })

  it('should find nothing in what the renderers write for any vector, in one placement of each kind', () => {
    for (const name of placements) assert.ok(name in postPlacements || name in articlePlacements, `no placement ${name}`)
    const {documents, crashes} = renderVectors(placements)
    assert.deepEqual(crashes, [])
    assert.ok(documents.size > vectors.length, `only ${documents.size} documents`)
    const findings: string[] = []
    const origin = (origins: Origin[]) => origins.slice(0, 2).map((item) => `${item.vector} @ ${item.placement}, ${item.renderer}`).join('; ')
    for (const [html, origins] of documents) {
      for (const finding of auditHtml(html)) findings.push(`${finding} (${origin(origins)})`)
    }
    assert.deepEqual(findings.slice(0, 20), [], `${findings.length} findings`)

    // Issue 18, finding 2: each document written into a page, in each kind of container, read by parse5: here
    // what the finding's own vectors rendered; the Chromium sweep checks every document.
    const finding2 = new Set(vectors.filter((vector) => vector.category === 'container-escape').map((vector) => vector.id))
    const distinct = [...documents]
      .filter(([, origins]) => origins.some((item) => finding2.has(item.vector)))
      .map(([html]) => html)
    assert.ok(distinct.length > finding2.size, `only ${distinct.length} documents from ${finding2.size} vectors`)
    const escapes = findEscapes(distinct).map(
      (escape) => `escape from ${escape.container} (${origin(documents.get(distinct[escape.index] ?? '') ?? [])}): ${escape.actual}`
    )
    assert.deepEqual(escapes.slice(0, 20), [], `${escapes.length} escapes from ${distinct.length} documents × ${containers.length} containers`)
  })
})
