import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {cutPoints, maxChunkLength, readMarkdown} from '../../src/body/markdown-chunks.ts'

/** The options runs.ts reads Markdown with. */
const options = {extensions: [{disable: {null: ['codeIndented', 'setextUnderline']}}]}

/** Lines of the blocks most runs hold, headings among them. */
const common = [
  '## Heading', '# One', '###### Six', '## *em* `code`', '- item', '* star', '  - nested', '1. one', '2) two', '   continued',
  '> quote', 'Plain text', '*em', 'em*', '`code', 'span`', '', '', '', '   ', '\t'
]

/** Lines of every construct that could carry a block across a cut, and some that look like a heading but are not one. */
const tricky = [
  '####### Seven', '#NoSpace', '#', '  ## Indented', '\\## Escaped', '> ## quoted', '> - quoted item', '>',
  '```', '````', '~~~', '  ```', '```js', '``` a`b', '~~~~ tilde', 'a ``` b',
  '<div>', '</div>', '<b>', 'a <b>', '<!-- comment', '-->', '<!-- one -->', '<!-->', '<!--->', '<!---->', '<?>', '<??>', '<!X>',
  '<![CDATA[]]>', '<script>', '<script></script>', '<script/>', '<style>', '</style>', '<textarea>', '<pre>x</pre>', '  <pre>',
  '<?php', '?>', '<![CDATA[', ']]>', '<!DOCTYPE html>', '<', '[a]: /url', '[a]', '    indented', '---', '***', '==='
]

const markdown = fc
  .tuple(
    fc.array(fc.oneof({weight: 3, arbitrary: fc.constantFrom(...common)}, {weight: 1, arbitrary: fc.constantFrom(...tricky)}), {maxLength: 40}),
    fc.constantFrom('\n', '\r\n', '\r')
  )
  .map(([chosen, ending]) => chosen.join(ending))

describe('readMarkdown', () => {
  it('should read a run cut at every place it may be cut as micromark reads the whole run (same nodes, same positions)', () => {
    let cut = 0
    const runs = Number(process.env['FUZZ_RUNS'] ?? 5000)
    fc.assert(
      fc.property(markdown, (source) => {
        if (cutPoints(source).length > 0) cut++
        assert.deepEqual(readMarkdown(source, options, 1), fromMarkdown(source, options).children)
      }),
      {seed: Number(process.env['FUZZ_SEED'] ?? 4242), numRuns: runs}
    )
    // The property says little unless many of the runs were cut (about a quarter are, whatever the count).
    assert.ok(cut > runs / 5, `only ${cut} of ${runs} runs were cut`)
  })

  it('should be cut before each heading at column 0 outside fences and HTML blocks', () => {
    const source = 'Intro\n## A\ntext\n```\n## in code\n```\n<div>\n## in html\n\n## B\n  ## indented\n- item\n# C'
    const expected = ['## A', '## B', '# C'].map((heading) => source.indexOf(heading))
    assert.deepEqual(cutPoints(source), expected)
  })

  it('should not be cut where a link reference definition may be used across the cut', () => {
    assert.deepEqual(cutPoints('[a]\n\n## A\n\n[a]: /url'), [])
  })

  it('should read a run longer than one chunk, each heading at its own offset and line', () => {
    const sections = Array.from({length: 600}, (_, index) => `## Part ${index}\n\n- one ${index}\n- two\n\nSome text ${index}.`)
    const source = sections.join('\n\n')
    assert.ok(source.length > maxChunkLength)
    const headings = readMarkdown(source, options)!.filter((node) => node.type === 'heading')
    assert.equal(headings.length, 600)
    headings.forEach((heading, index) => {
      const offset = source.indexOf(`## Part ${index}\n`)
      assert.equal(heading.position?.start.offset, offset)
      assert.equal(heading.position?.start.line, source.slice(0, offset).split('\n').length)
    })
  })

  it('should not read a stretch longer than the cap without a place to cut', () => {
    const source = '- item\n'.repeat(Math.ceil(maxChunkLength / 7) + 1)
    assert.equal(readMarkdown(source, options), undefined)
  })
})
