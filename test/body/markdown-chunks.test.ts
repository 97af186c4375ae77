import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import type {Root} from 'mdast'
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

/** A source whose only place to cut is before its `## yes` line, read cut there as micromark reads it whole. */
function assertCutBeforeYes(source: string): void {
  assert.deepEqual(cutPoints(source), [source.indexOf('## yes')], JSON.stringify(source))
  assert.deepEqual(readMarkdown(source, options, 1), fromMarkdown(source, options).children, JSON.stringify(source))
}

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

  it('should be cut after each HTML block and fence ends, not before (by CommonMark’s rules, as micromark reads them)', () => {
    // Each source: `## no` lines are inside a block, the `## yes` line is the only place to cut.
    const sources = [
      '<script>\n## no\n</script>\n## yes',
      '<style x>\n## no\n</style>\n## yes',
      '<textarea>\n## no\n</textarea>\n## yes',
      '<pre\n## no\n</pre>\n## yes',
      '<!--\n## no\n-->\n## yes',
      '<!-->\n## no\n-->\n## yes',
      '<?\n## no\n?>\n## yes',
      '<![CDATA[\n## no\n]]>\n## yes',
      '<!X\n## no\n>\n## yes',
      '<prex>\n## no\n\n## yes',
      '<div>\n## no\n \t\n## yes',
      '  <div>\n## no\n\n## yes',
      '  <!--\n## no\n-->\n## no\n\n## yes',
      '  <script>\n## no\n</script>\n## no\n\n## yes',
      '<script>x</script>\n## yes',
      '<!-- one -->\n## yes',
      '````\n## no\n```\n## no\n````\n## yes',
      '~~~\n## no\n```\n## no\n~~~~ \n## yes',
      '``` a`b\n## yes',
      '~~~ a`b\n## no\n~~~\n## yes',
      '<script\t>\n## no\n</script>\n## yes',
      '<!1\n\n## yes',
      // Not an opening: a fence or tag after text, a single tilde; a block kind after another tag (ended by a blank line).
      'a ``` b\n## yes',
      'a ~~~ b\n## yes',
      '~ x\n## yes',
      'a <script>\n## yes',
      '<b><script>\n\n## yes',
      '<b><!--\n\n## yes',
      '<b><?\n\n## yes',
      '<b><![CDATA[\n\n## yes',
      '<b><!X\n\n## yes'
    ]
    for (const source of sources) assertCutBeforeYes(source)
  })

  it('should not be cut where a block may still be open', () => {
    // An indented fence or `<p>` may be open at the top level: only a later place may be cut.
    for (const source of ['  ```\n## no\n```\n## no', '  ```\n## no\n  ```\n## no', '<p>x</p>\n## no', '<div>\n## no', '<div>\nx\n## no', '<!--\n## no', '<div>\n```\n\n```\n## no']) {
      assert.deepEqual(cutPoints(source), [], JSON.stringify(source))
    }
  })

  it('should be cut only before a heading of one to six `#` followed by a space, a tab or the line’s end, after any line ending', () => {
    const source = '#\n#\tb\n####### no\n#no\n###### yes\r\n## crlf\r## cr\n#'
    assert.deepEqual(cutPoints(source), ['#\tb', '###### yes', '## crlf\r', '## cr\n', '#'].map((line) => source.lastIndexOf(line)))
    assert.deepEqual(readMarkdown(source, options, 1), fromMarkdown(source, options).children)
  })

  it('should start a chunk at a cut as far as the size from the last one, and read a chunk as long as the cap', () => {
    // One paragraph of exactly the cap, then a heading and another paragraph as long: two chunks, each at the cap.
    const first = `${'a'.repeat(maxChunkLength - 1)}\n`
    const source = `${first}## B\n${'b'.repeat(maxChunkLength - 5)}`
    assert.equal(source.length, 2 * maxChunkLength)
    const nodes = readMarkdown(source, options, maxChunkLength)
    assert.deepEqual(nodes?.map((node) => [node.type, node.position?.start.offset, node.position?.start.line]), [
      ['paragraph', 0, 1],
      ['heading', maxChunkLength, 2],
      ['paragraph', maxChunkLength + 5, 3]
    ])
    // One character more in the first chunk and it is past the cap.
    assert.equal(readMarkdown(`a${source}`, options, maxChunkLength), undefined)
  })

  it('should still be cut with 32 things that may be open, and never with more', () => {
    // Tilde fences, each indented less and shorter than the one before: inside the first (with indented code off, a
    // fence closes only at one of its character at least as long), each may also open a fence of its own, at the top
    // level or in a list item: two more possibilities a line, 2 + 2 × 15 = 32 after 16 of them, 34 after 17.
    const fences = (count: number) => Array.from({length: count}, (_, index) => `${' '.repeat(40 - index)}${'~'.repeat(60 - index)}`)
    for (const [count, cut] of [[16, true], [17, false]] as const) {
      // Text at column 0 ends every list item; `~~~` then closes nothing and opens one; a hundred tildes close all.
      const source = [...fences(count), 'text', '~~~', '~'.repeat(100), '## yes', 'more'].join('\n')
      assert.deepEqual(cutPoints(source), cut ? [source.indexOf('## yes')] : [], String(count))
      assert.deepEqual(readMarkdown(source, options, 1), fromMarkdown(source, options).children)
    }
  })

  it('should end a chunk at an earlier cut rather than pass the cap, even short of the size', () => {
    // A cut 100 characters in, then none for less than the cap: two chunks fit, one from the start would not.
    const source = `${'x'.repeat(99)}\n## A\n${'a'.repeat(maxChunkLength - 28)}\n## B\nb`
    const [first, second] = cutPoints(source)
    assert.deepEqual([first, second], [100, source.indexOf('## B')])
    assert.ok(second! > maxChunkLength && second! - first! <= maxChunkLength)
    assert.deepEqual(readMarkdown(source, options), fromMarkdown(source, options).children)
    // Every stretch without a place to cut is within the cap, whatever the size aimed at.
    assert.deepEqual(readMarkdown(source, options, maxChunkLength), fromMarkdown(source, options).children)
    // The stretch from the first cut to the end is past the cap: not read.
    assert.equal(readMarkdown(`${source}${'b'.repeat(maxChunkLength)}`, options), undefined)
  })

  it('should end a chunk at the last cut before the cap, not an earlier one', () => {
    // Cuts at 100 and about 9,100; from the first cut to the end is past the cap, from the second it is not.
    const source = `${'x'.repeat(99)}\n## A\n${'a'.repeat(9000)}\n## B\n${'b'.repeat(10_000)}`
    const [first, second] = cutPoints(source)
    assert.ok(source.length - first! > maxChunkLength && source.length - second! <= maxChunkLength)
    assert.deepEqual(readMarkdown(source, options, maxChunkLength), fromMarkdown(source, options).children)
  })

  it('should not be cut where a link reference definition may be used across the cut', () => {
    assert.deepEqual(cutPoints('[a]\n\n## A\n\n[a]: /url'), [])
  })

  it('should read a run longer than one chunk, each heading at its own offset and line', () => {
    const sections = Array.from({length: 400}, (_, index) => `## Part ${index}\n\n- one ${index}\n- two\n\nSome text ${index}.`)
    const source = sections.join('\n\n')
    assert.ok(source.length > maxChunkLength)
    const headings = readMarkdown(source, options)!.filter((node) => node.type === 'heading')
    assert.equal(headings.length, 400)
    headings.forEach((heading, index) => {
      const offset = source.indexOf(`## Part ${index}\n`)
      assert.equal(heading.position?.start.offset, offset)
      assert.equal(heading.position?.start.line, source.slice(0, offset).split('\n').length)
    })
  })

  it('should cut a long run into chunks of at least the size, each ending at the first cut that far from its start', () => {
    const source = Array.from({length: 120}, (_, index) => `## Part ${index}\n\n- one ${index}\n- two\n\nSome text ${index}.`).join('\n\n')
    const cuts = cutPoints(source)
    // Each chunk is parsed alone: a transform sees its root, which ends at the chunk's length.
    const lengths: number[] = []
    const counting = {...options, mdastExtensions: [{transforms: [(tree: Root) => void lengths.push(tree.position!.end.offset!)]}]}
    for (const size of [1, 500, 2000]) {
      lengths.length = 0
      assert.deepEqual(readMarkdown(source, counting, size), fromMarkdown(source, options).children)
      let start = 0
      for (const [index, length] of lengths.entries()) {
        const end = start + length
        if (index === lengths.length - 1) assert.equal(end, source.length)
        else {
          assert.ok(cuts.includes(end) && length >= size, `${size}: a chunk of ${length} ending at ${end}`)
          assert.ok(!cuts.some((cut) => cut > start && cut < end && cut - start >= size), `${size}: a cut before ${end} was far enough`)
        }
        start = end
      }
      assert.ok(lengths.length > 1, `${size}: ${lengths.length} chunks`)
    }
  })

  it('should not read a stretch longer than the cap without a place to cut', () => {
    const source = '- item\n'.repeat(Math.ceil(maxChunkLength / 7) + 1)
    assert.equal(readMarkdown(source, options), undefined)
  })
})

describe('cutPoints after an indented fence', () => {
  it('should be cut again once an indented fence is closed by a line indented as much, in a list item or not', () => {
    const sources = [
      '  ```\n  code\n\n  ```\n## yes',
      '- a\n\n  ```\n  ## code\n  ```\n## yes',
      '\t~~~~\n\tcode\n\t~~~~~\n## yes',
      '1. a\n\n   ```\n   ```\n\n## yes'
    ]
    for (const source of sources) assertCutBeforeYes(source)
  })

  it('should not be cut where the fence may still be open at the top level', () => {
    // Less indented or at column 0 inside, a line may have ended a list item: the fence may be a top-level one.
    for (const source of ['  ```\n## no', '  ```\n code\n  ```\n## no', '  ```\n## no\n  ```\n## no', '  ```\ncode\n```\n## no', '  ```\n  ~~~\n## no', '- a\n\n  ```\n  code\n## no']) {
      assert.deepEqual(cutPoints(source), [], JSON.stringify(source))
    }
  })

  it('should read a run longer than the cap in chunks after an indented fence', () => {
    const sections = Array.from({length: 400}, (_, index) => `## Part ${index}\n\n- one ${index}\n  \`\`\`\n  code ${index}\n  \`\`\`\n- two\n\nText ${index}.`)
    const source = `  \`\`\`\n  code\n  \`\`\`\n\n${sections.join('\n\n')}`
    assert.ok(source.length > maxChunkLength)
    assert.equal(cutPoints(source).length, 400)
    assert.deepEqual(readMarkdown(source, options), fromMarkdown(source, options).children)
  })

  it('should read any run with indented fences and list items cut as micromark reads it whole', () => {
    const line = fc.constantFrom('## h', '# h', 'text', '', '  ', '- a', '1. a', '  - b', '```', '  ```', '   ```', '    ```', '\t```', '  ````', '  ~~~', ' ~~~', '  code', 'code', '    code', '> q', '  <div>', '<!--', '-->', '- ```', '- <!--', '1. <div>', '> - ~~~')
    let cut = 0
    fc.assert(
      fc.property(fc.array(line, {maxLength: 30}), fc.constantFrom('\n', '\r\n', '\r'), (lines, ending) => {
        const source = lines.join(ending)
        if (cutPoints(source).length > 0) cut++
        assert.deepEqual(readMarkdown(source, options, 1), fromMarkdown(source, options).children)
      }),
      {seed: 20261208, numRuns: 3000}
    )
    // The property says little unless enough runs were cut (about one in eleven is).
    assert.ok(cut > 150, `only ${cut} runs were cut`)
  })
})

describe('cutPoints after a list item or quote that opens a block on its first line', () => {
  it('should not be cut where the container ends, as micromark ends it a character later at a chunk\'s end', () => {
    // `- ```` alone gives the list [0, 6], before a heading [0, 5]: a chunk ending there would read it one longer.
    for (const source of ['- ```\n## no\n\n## yes', '- <!--\n## no\n## yes', '1. <div>\n## no\n## yes', '> - ~~~\n## no\n## yes', '  * ```\n  x\n\n## no\n## yes']) {
      assertCutBeforeYes(source)
    }
  })
})
