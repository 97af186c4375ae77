import type {ElementContent} from 'hast'
import type {Article, Block, Hero, Section, Source, Summary, TitleHeading} from '../types.ts'
import {createCheckMemo} from '../body/sanitize.ts'
import {toHtml} from 'hast-util-to-html'
import {hasDigest} from '../record/digest.ts'
import {keptItem, keptLayout} from '../record/provenance.ts'
import {blockNode, headingNode, heroNode, isObject, objectsIn, summaryNode, titleNode} from './fields.ts'
import {cleanHtml} from '../body/normalize.ts'
import {trimmedSummary} from './summary.ts'
import {policyOf, type Policy, type RenderOptions} from './policy.ts'

export type {RenderOptions} from './policy.ts'

/** One thing to write, in order. */
type Entry =
  | {kind: 'heading'; item: Section}
  | {kind: 'title'; item: TitleHeading}
  | {kind: 'block'; item: Block}
  | {kind: 'hero'; item: Hero}
  | {kind: 'summary'; item: Summary}

/**
 * Render an Article's body as HTML, in the editor's style.
 *
 * Items that were not edited since `parsePost` are written from their
 * source, so an unmodified Article gives its body back byte for byte (the
 * layout between items, such as wrapper `<div>`s and blank lines, comes from
 * `article.layout.gaps`). Edited and hand-built items are written from their
 * fields. Every string is treated as untrusted: unless the Article is, in
 * this process, exactly what `parsePost` read under the same schema and
 * embed hosts (see `record/provenance.ts`), the whole output is read as a
 * raw post's body is (parsed, sanitised, checked for what would leave its
 * container; what changed is rewritten from its tree). So the result is
 * safe and balanced: placed inside any element, it stays inside it.
 *
 * @param article - A parsed or hand-built Article.
 * @param options - Schema and embed hosts to enforce (optional).
 * @returns The HTML body.
 * @example
 * renderHtml(parsePost('---\ntitle: A\n---\n<h2>One</h2>\n<p>a</p>\n'))
 * //=> '<h2>One</h2>\n<p>a</p>\n'
 */
export function renderHtml(article: Article, options?: Readonly<RenderOptions> | null): string {
  // Caches for this call only: posts repeat a few styles, tags and strings many times.
  const policy: Policy = {...policyOf(options), ...createCheckMemo()}
  const entries = order(article)
  const gaps = Array.isArray(article.layout?.gaps) ? article.layout.gaps : []
  let separator: string | undefined
  // A parsed Article whose gaps and items are all as parsePost read them, in place, is its body as read.
  const layout = keptLayout(article.layout, policy)
  const gapHtml = (gap: unknown) => (typeof gap === 'string' ? gap : '')
  // Written text, in order. Items written from fields gather in one tree (with the text that
  // follows them as raw nodes), sanitised and serialised once, at the end.
  const parts: string[] = []
  let tree: ElementContent[] | undefined
  let written = 0
  const raw = (value: string) => {
    written++
    if (tree) tree.push({type: 'raw', value} as unknown as ElementContent)
    else parts.push(value)
  }
  let last = -1
  // Whether every item so far is a kept one of the layout's own parse, each in its place: the output is then the body as read.
  let whole = layout !== undefined && entries.length === gaps.length - 1

  for (let at = 0; at < entries.length; at++) {
    const entry = entries[at]!
    const index = sourceIndex(entry.item.source, gaps.length)
    if (index !== undefined && index > last) {
      // Layout of items that were removed keeps its tags (wrapper divs), not its blank lines.
      for (let skipped = last + 1; skipped < index; skipped++) raw(structure(gaps[skipped]))
      raw(gapHtml(gaps[index]))
      last = index
    } else if (written > 0 || last >= 0) {
      raw((separator ??= separatorOf(gaps, article.layout?.eol)))
    }
    const source = entry.item.source
    const reading = keptItem(entry.item, policy)
    if (reading !== layout?.reading || index !== at) whole = false
    // Kept: written as it is, when the record says so or its fields still have the digest they were read with.
    const kept = reading !== undefined || (source && typeof source.html === 'string' && hasDigest(entry.item, source.digest))
    // A summary with items removed keeps its other rows as written.
    const trimmed = !kept && entry.kind === 'summary' ? trimmedSummary(entry.item, policy) : undefined
    if (kept) raw(source!.html)
    else if (trimmed !== undefined) raw(trimmed)
    else {
      const nodes = toNodes(entry, policy)
      if (nodes.length > 0) {
        written++
        tree ??= []
        for (const node of nodes) tree.push(node)
      }
    }
  }
  // What the parts spell out, without copying it again (over 128 KB, a new string costs more than all the rest).
  if (whole) return layout!.body
  if (gaps.length > 0) {
    for (let skipped = last + 1; skipped < gaps.length - 1; skipped++) raw(structure(gaps[skipped]))
    if (last + 1 <= gaps.length - 1) raw(gapHtml(gaps[gaps.length - 1]))
  }
  if (tree) parts.push(fromFields(tree))
  // Anything else is read as a raw post's body is: what parsePost would keep is written as it is, the rest
  // rewritten from its sanitised tree, and the whole, placed in any element, stays inside it.
  return cleanHtml(parts.join(''), policy)
}

/**
 * Items written from their fields. Their attributes and URLs are not checked here: the whole
 * output is read as a raw post's body is, once, at the end (`cleanHtml`), and an element that
 * would lose anything there is rewritten from its sanitised tree. Top-level nodes are written
 * one after the other, so one tree for many items gives what a tree for each would.
 */
function fromFields(nodes: ElementContent[]): string {
  // `raw` nodes hold a field's HTML, already read on its own (`safeHtml`), or the text between items.
  return toHtml({type: 'root', children: nodes}, {allowDangerousHtml: true})
}

function toNodes(entry: Entry, policy: Policy): ElementContent[] {
  switch (entry.kind) {
    case 'heading':
      return [headingNode(entry.item)]
    case 'title':
      return [titleNode(entry.item)]
    case 'hero':
      return [heroNode(entry.item)]
    case 'summary':
      return [summaryNode(entry.item)]
    default: {
      const nodes = blockNode(entry.item, policy)
      return Array.isArray(nodes) ? nodes : [nodes]
    }
  }
}

/** Lead, then sections depth-first; the title heading, hero and summary go where their source was (else title and hero first, summary last). */
function order(article: Article): Entry[] {
  const entries: Entry[] = []
  for (const item of objectsIn(article.lead)) entries.push({kind: 'block', item})
  const stack: Section[] = objectsIn(article.sections).reverse()
  while (stack.length > 0) {
    const section = stack.pop()!
    entries.push({kind: 'heading', item: section})
    for (const item of objectsIn(section.blocks)) entries.push({kind: 'block', item})
    const children = objectsIn(section.children)
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!)
  }
  if (isObject(article.hero)) place(entries, {kind: 'hero', item: article.hero}, 0)
  if (isObject(article.titleHeading)) place(entries, {kind: 'title', item: article.titleHeading}, 0)
  if (isObject(article.summary)) place(entries, {kind: 'summary', item: article.summary}, entries.length)
  return entries
}

function place(entries: Entry[], entry: Entry, fallback: number): void {
  const index = entry.item.source?.index
  if (typeof index !== 'number') {
    entries.splice(fallback, 0, entry)
    return
  }
  const at = entries.findIndex((other) => typeof other.item.source?.index === 'number' && other.item.source.index > index)
  entries.splice(at === -1 ? entries.length : at, 0, entry)
}

function sourceIndex(source: Source | undefined, gapCount: number): number | undefined {
  const index = source?.index
  return typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < gapCount - 1 ? index : undefined
}

/** The tags of a gap without its text: what stays when the item after it is removed. */
function structure(gap: unknown): string {
  const tags = String(gap ?? '').match(/<[^>]*>/g)
  return tags ? tags.join('') : ''
}

/** The separator for new items: the most common blank-only gap, else a blank line. */
function separatorOf(gaps: readonly unknown[], eol: unknown): string {
  const counts = new Map<string, number>()
  for (let index = 1; index < gaps.length - 1; index++) {
    const gap = gaps[index]
    if (typeof gap === 'string' && /^[\t\n\f\r ]+$/.test(gap)) counts.set(gap, (counts.get(gap) ?? 0) + 1)
  }
  let best: string | undefined
  for (const [gap, count] of counts) if (best === undefined || count > counts.get(best)!) best = gap
  const newline = eol === '\r\n' || eol === '\r' ? eol : '\n'
  return best ?? newline + newline
}
