import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {parsePost, renderPost, type Article} from '../../src/index.ts'
import {markdownBudget, markdownCost, maxContainers} from '../../src/body/markdown-cost.ts'

const post = (body: string) => `---\ntitle: t\n---\n${body}`
const headings = (article: Article) => article.sections.map((section) => section.heading)

/** How deep micromark's tree of a run nests (a leaf is 1). */
function markdownDepth(source: string): number {
  let deepest = 0
  const stack: Array<[{children?: unknown[]}, number]> = [[fromMarkdown(source), 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    deepest = Math.max(deepest, depth)
    for (const child of (node.children ?? []) as Array<{children?: unknown[]}>) stack.push([child, depth + 1])
  }
  return deepest
}

describe('runs: Markdown micromark cannot read in bounded time or depth is read as text', () => {
  it('a run nested deeper than the body may nest (`**` in `**`, 600 levels) is read as text, byte for byte, without a stack overflow', () => {
    const deep = '**'.repeat(600) + 'a' + '**'.repeat(600)
    assert.ok(markdownDepth(deep) > 600, 'micromark nests each `**` pair once more')
    assert.ok(Number.isFinite(markdownCost('## h\n' + deep)), 'the cost alone lets it through: the depth refuses it')
    const raw = post('## h\n' + deep + '\n')
    const article = parsePost(raw)
    assert.deepEqual(headings(article), [], 'the run is not read as Markdown')
    assert.ok(article.lead.some((block) => block.text.includes('# h')), 'its text is kept')
    assert.equal(renderPost(article), raw)
  })

  it('a run nested 100 levels deep is still read as Markdown', () => {
    const article = parsePost(post('## h\n' + '**'.repeat(100) + 'a' + '**'.repeat(100) + '\n'))
    assert.deepEqual(headings(article), ['h'])
  })

  it('4,000 block quotes or list markers on a line are read as text, byte for byte', () => {
    for (const marker of ['> ', '- ', '1. ']) {
      const raw = post('## h\n' + marker.repeat(4000) + 'a\n')
      const article = parsePost(raw)
      assert.deepEqual(headings(article), [], JSON.stringify(marker))
      assert.equal(renderPost(article), raw)
    }
    // As deep as `maxContainers`: read as Markdown.
    assert.deepEqual(headings(parsePost(post('## h\n' + '> '.repeat(maxContainers) + 'a\n'))), ['h'])
  })

  it('runs are read as Markdown in order until the post’s budget is spent; the rest as text, byte for byte', () => {
    // Each run's cost is most of all the square of its punctuation over 16: two such runs pass the budget, one does not.
    const run = (name: string) => `## ${name}\n` + '_a '.repeat(4400).trimEnd() + '\n'
    const cost = markdownCost(run('a').trimEnd())
    assert.ok(cost < markdownBudget && 2 * cost > markdownBudget, 'one run fits, two do not')
    const both = post(run('a') + '<hr>\n' + run('b'))
    const article = parsePost(both)
    assert.deepEqual(headings(article), ['a'], 'the second run is read as text')
    assert.equal(renderPost(article), both)
    // Alone, the second run is read.
    assert.deepEqual(headings(parsePost(post('<hr>\n' + run('b')))), ['b'])
    // Runs that do not look like Markdown spend nothing.
    const plain = post('plain text\n'.repeat(3) + '<hr>\n' + run('c'))
    assert.deepEqual(headings(parsePost(plain)), ['c'])
  })
})
