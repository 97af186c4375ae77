/**
 * The hand-written pipeline a team would write instead of article-kit:
 * gray-matter for the front matter, rehype-parse + rehype-sanitize for the
 * body, and one walk that collects the title, headings and paragraphs.
 *
 * It does much less than `parsePost` (no positions, messages, sections,
 * summary or round trip); it is the bar "use the library" must clear.
 */
import matter from 'gray-matter'
import type {Element, ElementContent, Root, RootContent} from 'hast'
import rehypeParse from 'rehype-parse'
import rehypeSanitize from 'rehype-sanitize'
import {unified} from 'unified'

/** What the hand-written pipeline extracts. */
export interface Extracted {
  title: string
  headings: Array<{depth: number; text: string}>
  paragraphs: string[]
}

const processor = unified().use(rehypeParse, {fragment: true}).use(rehypeSanitize).freeze()

// gray-matter caches by content when called without options: an options object turns that off,
// or every call after the first would be a cache hit.
const matterOptions = {}
const fence = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/

/**
 * gray-matter, made lenient the way a careful team would: js-yaml throws on
 * YAML it cannot read (`title: [속보] …`), and then the body is still wanted.
 */
export function readMatter(raw: string): {data: Record<string, unknown>; content: string} {
  try {
    const file = matter(raw, matterOptions)
    return {data: file.data as Record<string, unknown>, content: file.content}
  } catch {
    return {data: {}, content: raw.replace(fence, '')}
  }
}

const headingDepth: Record<string, number> = {h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6}

/**
 * Parse a raw post with gray-matter, rehype-parse and rehype-sanitize, and walk it once.
 *
 * @param raw - The whole post.
 * @returns The title, the headings and the text of each paragraph.
 */
export function parseHandwritten(raw: string): Extracted {
  const {data, content} = readMatter(raw)
  const tree = processor.runSync(processor.parse(content)) as Root
  const result: Extracted = {title: typeof data['title'] === 'string' ? data['title'] : '', headings: [], paragraphs: []}
  // Iterative pre-order walk: deep posts must not overflow the stack.
  const stack: Array<RootContent | ElementContent> = [...tree.children].reverse()
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type !== 'element') continue
    const depth = headingDepth[node.tagName]
    if (depth !== undefined) {
      result.headings.push({depth, text: collapse(textOf(node))})
      continue
    }
    if (node.tagName === 'p') {
      const text = collapse(textOf(node))
      if (text) result.paragraphs.push(text)
      continue
    }
    for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!)
  }
  if (!result.title && result.headings.length > 0) result.title = result.headings[0]!.text
  return result
}

function textOf(node: Element): string {
  let text = ''
  const stack: ElementContent[] = [...node.children].reverse()
  while (stack.length > 0) {
    const child = stack.pop()!
    if (child.type === 'text') text += child.value
    else if (child.type === 'element') {
      if (child.tagName === 'br') text += '\n'
      for (let index = child.children.length - 1; index >= 0; index--) stack.push(child.children[index]!)
    }
  }
  return text
}

function collapse(value: string): string {
  return value.replace(/[\t\n\f\r ]+/g, ' ').trim()
}
