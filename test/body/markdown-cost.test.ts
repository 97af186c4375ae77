import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {markdownBudget, markdownCost, maxContainers} from '../../src/body/markdown-cost.ts'

/** The options runs.ts reads Markdown with. */
const options = {extensions: [{disable: {null: ['codeIndented', 'setextUnderline']}}]}

/** How deep micromark nests lists and block quotes in a document (a container inside a container counts once more). */
function containerDepth(source: string): number {
  let deepest = 0
  const stack: Array<[{type: string; children?: unknown[]}, number]> = [[fromMarkdown(source, options), 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    const here = node.type === 'list' || node.type === 'blockquote' ? depth + 1 : depth
    deepest = Math.max(deepest, here)
    for (const child of (node.children ?? []) as Array<{type: string; children?: unknown[]}>) stack.push([child, here])
  }
  return deepest
}

describe('markdownCost', () => {
  it('counts prose at one unit a character, whatever its line endings', () => {
    for (const source of ['## A\n\ntext', 'Plain words only.\r\nAnd more.', 'a\rb\r\rc', '']) {
      assert.equal(markdownCost(source), source.length, JSON.stringify(source))
    }
  })

  it('adds punctuationCost for each Markdown punctuation character, and the square of a paragraph’s count over pairCost', () => {
    // 40 a character, and n² / 16 a paragraph: figured by hand from the module's two constants.
    assert.equal(markdownCost('*a*'), 3 + 2 * 40 + 4 / 16)
    assert.equal(markdownCost('a [b](c) `d` <e> &f; \\g !h _i_'), 30 + 10 * 40 + 100 / 16)
    // Two paragraphs are squared apart: 2² + 2² instead of 4².
    assert.equal(markdownCost('*a*\n\n*b*'), 8 + 4 * 40 + (4 + 4) / 16)
    assert.equal(markdownCost('*a*\n*b*'), 7 + 4 * 40 + 16 / 16)
    // A blank line of spaces and tabs ends a paragraph too.
    assert.equal(markdownCost('*a*\n \t\n*b*'), 10 + 4 * 40 + (4 + 4) / 16)
  })

  it('grows with the square of a paragraph’s punctuation: a paragraph of it costs far more than its length', () => {
    const heavy = '*a'.repeat(4000)
    assert.ok(markdownCost(heavy) > markdownBudget / 2, 'one 8 KB paragraph of `*a` is most of a post’s budget')
    const prose = 'word '.repeat(1600)
    assert.equal(markdownCost(prose), prose.length)
  })

  it('does not count what fenced code holds, up to a closing fence of the same character at least as long', () => {
    const code = '```js\n*a*a*a [b] <c>\n```'
    assert.equal(markdownCost(code), code.length)
    assert.equal(markdownCost('~~~~\n*\n~~~\n*\n~~~~'), 17, 'a shorter fence is code')
    assert.equal(markdownCost('```\n*\n~~~\n*\n```'), 15, 'the other character is code')
    assert.equal(markdownCost('```\n*\n``` x\n*\n```'), 17, 'a fence with text after it is code')
    // Past the closing fence, punctuation counts again.
    assert.equal(markdownCost('```\n*\n```\n*'), 11 + 40 + 1 / 16)
    // An unclosed fence runs to the end, as in micromark.
    assert.equal(markdownCost('```\n*a*'), 7)
    // Indented up to three spaces is a fence; four is not (indented code is off: it is a paragraph).
    assert.equal(markdownCost('   ```\n*'), 8)
    assert.equal(markdownCost('    ```\n*'), 9 + 4 * 40 + 16 / 16)
  })

  it('reads a backtick fence whose info string holds a backtick as text, as CommonMark does', () => {
    const source = '```a`b\n*'
    // micromark agrees: no code block.
    assert.equal(fromMarkdown(source, options).children[0]?.type, 'paragraph')
    assert.equal(markdownCost(source), 8 + 5 * 40 + 25 / 16)
    // A tilde fence may hold a backtick in its info string.
    assert.equal(fromMarkdown('~~~a`b\n*', options).children[0]?.type, 'code')
    assert.equal(markdownCost('~~~a`b\n*'), 8)
  })

  it('refuses a line that opens more than maxContainers lists or block quotes', () => {
    for (const marker of ['- ', '* ', '+ ', '1. ', '2) ', '> ', '>', ' > ', '\t- ']) {
      const at = marker.repeat(maxContainers) + 'a'
      const past = marker.repeat(maxContainers + 1) + 'a'
      assert.equal(containerDepth(past), maxContainers + 1, `micromark nests ${JSON.stringify(marker)} once a marker`)
      assert.ok(Number.isFinite(markdownCost(at)), `${maxContainers} × ${JSON.stringify(marker)} is read`)
      assert.equal(markdownCost(past), Number.POSITIVE_INFINITY, `${maxContainers + 1} × ${JSON.stringify(marker)} is refused`)
      assert.equal(markdownCost('text\n' + past + '\nmore'), Number.POSITIVE_INFINITY, 'on any line')
    }
    // Markers after text on the line open nothing.
    assert.ok(Number.isFinite(markdownCost('a ' + '- '.repeat(100))))
  })

  it('refuses a list item or block quote indented as deep as maxContainers levels of two columns', () => {
    const depth = 2 * maxContainers
    assert.equal(markdownCost(' '.repeat(depth) + '- a'), Number.POSITIVE_INFINITY)
    assert.equal(markdownCost(' '.repeat(depth) + '> a'), Number.POSITIVE_INFINITY)
    assert.equal(markdownCost(' '.repeat(depth) + '1. a'), Number.POSITIVE_INFINITY)
    // A tab moves to the next multiple of four columns.
    assert.equal(markdownCost('\t'.repeat(depth / 4) + '- a'), Number.POSITIVE_INFINITY)
    assert.equal(markdownCost('  \t'.repeat(depth / 4) + '- a'), Number.POSITIVE_INFINITY)
    assert.ok(Number.isFinite(markdownCost(' '.repeat(depth - 1) + '- a')), 'a column less is read')
    assert.ok(Number.isFinite(markdownCost('\t'.repeat(depth / 4 - 1) + '   - a')), 'three columns short of it is read')
    // Deep indentation alone (HTML written indented) is not a container.
    assert.ok(Number.isFinite(markdownCost(' '.repeat(200) + '<td>a</td>')))
    assert.ok(Number.isFinite(markdownCost(' '.repeat(200) + '-a')))
    // Such lines inside fenced code are code.
    assert.ok(Number.isFinite(markdownCost('```\n' + ' '.repeat(200) + '- a\n' + '- '.repeat(100) + 'a\n```')))
  })
})
