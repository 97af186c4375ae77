import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {defaultEmbedHosts, defaultSchema, renderHtml, type Article, type Block} from '../../src/index.ts'
import {digest} from '../../src/article/digest.ts'
import {isVerbatimSafe} from '../../src/render/check-html.ts'
import type {Policy} from '../../src/render/policy.ts'

/** A policy with the caches one render call has. */
function callPolicy(): Policy {
  return {schema: defaultSchema, embedHosts: defaultEmbedHosts, styles: new Map(), tags: new Set(), verbatim: new Set()}
}

const frame = '<iframe src="https://www.youtube.com/embed/x" sandbox="allow-scripts allow-same-origin"></iframe>'

/** Pairs: a string the check accepts, then one that shares its tags' start but must still be refused, in the same call. */
const pairs: Array<[accepted: string, refused: string]> = [
  ['<p data-ke-size="size16">a</p>', '<p data-ke-size="size16" onclick="alert(1)">a</p>'],
  ['<p data-ke-size="size16">a</p>', '<p data-ke-size="size16"><script>alert(1)</script></p>'],
  ['<a href="https://example.com/">a</a>', '<a href="javascript:alert(1)">a</a>'],
  ['<a href="https://example.com/">a</a>', '<a href="https://example.com/"'],
  ['<b>a</b>', '<b>a</b><b'],
  ['<b>a</b>', '<b>a</b><!-- x'],
  ['<p title="a">a</p>', '<p title="a>">a</p><script>alert(1)</script>'],
  ['<p style="color: red">a</p>', '<p style="color: red; background: url(javascript:alert(1))">a</p>'],
  ['<p style="color: red">a</p>', '<p style="width: expression(alert(1))">a</p>'],
  ['<p title=a>a</p>', '<p title=a onmouseover=alert(1)>a</p>'],
  ['<b>a</b>', '<B>a</B><svg><script>alert(1)</script></svg>'],
  ['</p>', '</p></script>'],
  [frame, frame.replace('></iframe>', '><p title="</iframe><script>alert(1)</script>"></p></iframe>')],
  [frame.toUpperCase().replace('HTTPS://WWW.YOUTUBE.COM/EMBED/X', 'https://www.youtube.com/embed/x'), frame.toUpperCase().replace('HTTPS://WWW.YOUTUBE.COM/EMBED/X', 'https://www.youtube.com/embed/x').replace('></IFRAME>', '><p title="</iframe><script>alert(1)</script>"></p></IFRAME>')],
  [frame, frame.replace('></iframe>', '>x</iframe>')]
]

describe('verbatim check within one call', () => {
  it('should refuse what it refuses alone, after accepting similar tags', () => {
    for (const [accepted, refused] of pairs) {
      assert.equal(isVerbatimSafe(accepted, callPolicy()), true, accepted)
      assert.equal(isVerbatimSafe(refused, callPolicy()), false, refused)
      const policy = callPolicy()
      assert.equal(isVerbatimSafe(accepted, policy), true, accepted)
      assert.equal(isVerbatimSafe(accepted, policy), true, accepted)
      assert.equal(isVerbatimSafe(refused, policy), false, `${refused} after ${accepted}`)
      assert.equal(isVerbatimSafe(accepted + refused, policy), false, `${accepted + refused} after ${accepted}`)
      // Only what was accepted is remembered whole.
      assert.ok(policy.verbatim!.has(accepted), accepted)
      assert.ok(!policy.verbatim!.has(refused) && !policy.verbatim!.has(accepted + refused), refused)
    }
  })

  it('should decide as it does alone, whatever was checked before in the call', () => {
    const strings = pairs.flat()
    const alone = strings.map((html) => isVerbatimSafe(html, callPolicy()))
    for (let shift = 0; shift < strings.length; shift++) {
      const policy = callPolicy()
      for (let step = 0; step < strings.length * 2; step++) {
        const index = (shift + step * 7) % strings.length
        assert.equal(isVerbatimSafe(strings[index]!, policy), alone[index], strings[index])
      }
    }
  })

  it('should never write a hand-built source with script, however its strings repeat', () => {
    for (const [accepted, refused] of pairs) {
      const blocks: Block[] = [accepted, refused, accepted, refused].map((html, index) => {
        const block: Block = {type: 'html', text: '', html: 'x'}
        block.source = {index: index + 1, html, digest: digest(block)}
        return block
      })
      const article = {
        meta: {title: 'x'},
        lead: blocks,
        sections: [],
        layout: {gaps: ['', accepted, refused, accepted, refused, refused]}
      } as unknown as Article
      const html = renderHtml(article)
      assert.doesNotMatch(html, /<script|javascript:|expression\(|on(?:click|mouseover)=/i, html)
    }
  })
})
