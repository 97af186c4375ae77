import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import fc from 'fast-check'
import {ArticleError, parsePost, renderPost, type Section} from '../../src/index.ts'
import {content} from '../support/round-trip.ts'

// A fixed seed keeps CI reproducible; fast-check prints the seed and path of any failure to replay it.
const settings = {seed: Number(process.env['FUZZ_SEED'] ?? 20_261_207), numRuns: Number(process.env['FUZZ_RUNS'] ?? 150)}

const word = fc.stringMatching(/^[a-zA-Z가-힣]{1,8}$/)
const line = fc.array(word, {minLength: 1, maxLength: 6}).map((words) => words.join(' '))
/** A wpautop paragraph: lines joined by single newlines, some with inline HTML. */
const paragraph = fc.array(fc.oneof(line, line.map((text) => `<b>${text}</b> ${text}`), line.map((text) => `<a href="https://example.com/${text.length}">${text}</a>`)), {minLength: 1, maxLength: 3})
const newline = fc.constantFrom('\n', '\r\n')

function lines(of: string[], eol: string): string {
  return of.join(eol)
}

function allSections(sections: Section[]): Section[] {
  return sections.flatMap((section) => [section, ...allSections(section.children)])
}

describe('bodies written for wpautop', () => {
  it('should give one paragraph per stretch between blank lines, lines kept as line breaks, byte for byte back', () => {
    fc.assert(
      // Two at least: a body with no blank line is not told apart from HTML that only wraps its lines.
      fc.property(fc.array(paragraph, {minLength: 2, maxLength: 6}), newline, (paragraphs, eol) => {
        const raw = `---${eol}title: t${eol}---${eol}${paragraphs.map((one) => lines(one, eol)).join(eol + eol)}${eol}`
        const article = parsePost(raw)
        assert.equal(renderPost(article), raw)
        assert.equal(article.lead.length, paragraphs.length)
        article.lead.forEach((block, index) => {
          assert.equal(block.type, 'paragraph')
          assert.equal(block.text, paragraphs[index]!.map((text) => text.replace(/<[^>]+>/g, '')).join('\n'))
        })
      }),
      settings
    )
  })
})

/** One Markdown block, and what it should read as: a section's heading, or a block type. */
interface Generated {
  source: string
  heading?: {depth: number; text: string}
  type?: string
}

const markdownBlock: fc.Arbitrary<Generated> = fc.oneof(
  fc.tuple(fc.integer({min: 2, max: 4}), line).map(([depth, text]) => ({source: `${'#'.repeat(depth)} ${text}`, heading: {depth, text}})),
  fc.array(line, {minLength: 1, maxLength: 4}).map((items) => ({source: items.map((text) => `- ${text}`).join('\n'), type: 'list'})),
  fc.tuple(fc.constantFrom('js', 'python', ''), fc.array(line, {maxLength: 3})).map(([language, code]) => ({source: ['```' + language, ...code, '```'].join('\n'), type: 'code'})),
  line.map((text) => ({source: `> ${text}`, type: 'quote'})),
  line.map((text) => ({source: `**${text}** ${text}`, type: 'paragraph'})),
  line.map((text) => ({source: `<p>${text}</p>`, type: 'paragraph'}))
)

describe('Markdown lines in HTML bodies', () => {
  it('should make each heading line a section and each block a block, byte for byte back', () => {
    fc.assert(
      fc.property(fc.array(markdownBlock, {minLength: 1, maxLength: 8}), (blocks) => {
        // One heading makes the run Markdown; without any, a list, fence or quote does.
        fc.pre(blocks.some((block) => !('source' in block && block.source.startsWith('<p>')) && (block.heading || block.type !== 'paragraph')))
        const raw = `---\ntitle: t\n---\n${blocks.map((block) => block.source).join('\n\n')}\n`
        const article = parsePost(raw)
        assert.equal(renderPost(article), raw)
        const headings = blocks.flatMap((block) => (block.heading ? [block.heading] : []))
        assert.deepEqual(
          allSections(article.sections)
            .sort((a, b) => a.position!.start.offset - b.position!.start.offset)
            .map((section) => ({depth: section.depth, text: section.heading})),
          headings
        )
        const types = [...article.lead, ...allSections(article.sections).sort((a, b) => a.position!.start.offset - b.position!.start.offset).flatMap((section) => section.blocks)].map((block) => block.type)
        assert.deepEqual(
          types,
          // Lists with the same marker, one after the other, are one list in Markdown.
          blocks.flatMap((block, index) => (block.type && !(block.type === 'list' && blocks[index - 1]?.type === 'list') ? [block.type] : []))
        )
      }),
      settings
    )
  })

  it('should never throw anything but ArticleError, and reach the fixpoint, on bodies mixing Markdown syntax and HTML', () => {
    const piece = fc.constantFrom('## ', '# ', '- ', '* ', '1. ', '> ', '```', '~~~', '**', '_', '[a](', ')', '<b>', '</b>', '<p>', '</p>', '<!--x-->', '\n', '\n\n', '\r\n', ' ', '    ', 'text', '가나', '&amp;', '<br>', '---', '{% highlight js %}', '{% endhighlight %}')
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 40}), (pieces) => {
        const raw = `---\ntitle: t\n---\n${pieces.join('')}`
        let article
        try {
          article = parsePost(raw)
        } catch (error) {
          assert.ok(error instanceof ArticleError, String(error))
          return
        }
        const rendered = renderPost(article)
        assert.deepEqual(content(parsePost(rendered)), content(article))
      }),
      settings
    )
  })
})
