import type {Element} from 'hast'
import type {Article, Block, Hero, Message, Position, Section, Source, Summary, TableBlock, TitleHeading} from '../types.ts'
import type {LineIndex} from '../diagnostics/line-index.ts'
import {createMessage} from '../diagnostics/message.ts'
import type {RuleId} from '../diagnostics/catalogue.ts'
import {cleanText, textOf, attributesOf, type Context} from '../body/hast.ts'
import type {Flat} from '../body/flatten.ts'
import type {SanitizeSettings} from '../body/sanitize.ts'
import {toBlock, type BareBlock} from '../body/blocks/index.ts'
import {readRuns} from '../body/runs.ts'
import {isSummary, summaryMatcher, type SummaryMatch} from './summary-table.ts'
import {createSlugger} from './slug.ts'
import {digest} from '../record/digest.ts'
import {markdownHero} from './markdown-hero.ts'
import {toPieces, type Piece} from './pieces.ts'

/** What building the Article from the flattened body needs. */
export interface BuildState {
  context: Context
  lines: LineIndex
  /** Where the body starts in the raw post. */
  bodyStart: number
  messages: Message[]
  sanitize: SanitizeSettings
  /** Whether the sanitiser changed anything (each change has its message already). */
  sanitized: boolean
}

/** The body part of an Article. */
export type BodyParts = Pick<Article, 'titleHeading' | 'hero' | 'lead' | 'sections' | 'summary'> & {
  gaps: string[]
  texts: string[]
  /** Every item and gap is kept as written (nothing was rewritten). */
  verbatim: boolean
}

/**
 * Build hero, lead, sections and summary from the flattened body.
 *
 * Headings nest by rank wherever layout containers put them; an `<h3>`
 * before any `<h2>` is a top-level section of its own. A post's only
 * `<h1>`, when no other heading comes before it, is its title heading, not
 * a section (what follows it up to the next heading is the lead); other
 * `<h1>`s are top-level sections. The hero is the first image before the
 * first section; the summary is the one-column table whose rows name the
 * sections, wherever it is.
 */
export function buildBody(state: BuildState, flat: Flat): BodyParts {
  const {context} = state
  const slug = createSlugger()
  const markdown = markdownHero(context, flat)
  readRuns(context, flat, state.sanitize)
  const {pieces, gaps} = toPieces(context, flat, state.sanitize)
  const verbatim = !state.sanitized && pieces.every((piece) => piece.context === context) && isWholeBody(context.body, pieces, gaps)
  const parts: BodyParts = {titleHeading: null, hero: null, lead: [], sections: [], summary: null, gaps, texts: [], verbatim}
  const stack: Section[] = []
  const all: Section[] = []
  const tables: Array<{block: TableBlock; owner: Block[]}> = []
  const seen = new Map<string, number>()
  const hasH2 = pieces.some((piece) => piece.item.kind === 'heading' && (piece.item.nodes[0] as Element).tagName === 'h2')
  const title = titleOf(pieces)

  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index]!
    const {item} = piece
    const position = positionOf(state, piece)
    const outer = piece.context.body.slice(item.start, item.end)

    if (index === 0 && markdown && piece.context === context) {
      parts.hero = withSource({...markdown.image, markdown: true}, position, index, outer)
      continue
    }

    if (title && index === title.index) {
      const node = item.nodes[0] as Element
      const text = title.text
      const explicit = typeof node.properties['id'] === 'string' ? node.properties['id'] : undefined
      const heading: TitleHeading = {text, id: slug(text, explicit)}
      const attributes = attributesOf(node)
      if (attributes) heading.attributes = attributes
      parts.titleHeading = withSource(heading, position, index, outer)
      parts.texts.push(text)
      continue
    }

    if (item.kind === 'heading') {
      const node = item.nodes[0] as Element
      const depth = Number(node.tagName.charAt(1))
      const heading = cleanText(textOf(node))
      const explicit = typeof node.properties['id'] === 'string' ? node.properties['id'] : undefined
      const section: Section = {heading, id: slug(heading, explicit), depth, blocks: [], children: []}
      const attributes = attributesOf(node)
      if (attributes) section.attributes = attributes
      headingMessages(state, piece, section, stack, hasH2, seen)
      while (stack.length > 0 && stack.at(-1)!.depth >= depth) stack.pop()
      if (stack.length > 0) stack.at(-1)!.children.push(section)
      else parts.sections.push(section)
      stack.push(section)
      all.push(section)
      withSource(section, position, index, outer)
      parts.texts.push(heading)
      continue
    }

    const bare = toBlock(piece.context, item)
    const block = withSource(bare as Block, position, index, outer)
    const owner = stack.length > 0 ? stack.at(-1)!.blocks : parts.lead
    const hero = !parts.hero && stack.length === 0 && all.length === 0 ? heroOf(block) : undefined
    if (hero) {
      parts.hero = withSource(hero, position, index, outer)
      if (hero.caption) parts.texts.push(hero.caption)
      continue
    }
    owner.push(block)
    if (block.type === 'table') tables.push({block, owner})
    if (block.text) parts.texts.push(block.text)
  }

  parts.summary = findSummary(state, tables, all)
  return parts
}

/**
 * The meta and where its title came from: the front matter's `title`, else
 * the title heading's text (the front matter's own meta is left as read).
 *
 * @param meta - The meta read from the front matter.
 * @param heading - The title heading, if any.
 * @returns The Article's `meta` and `titleSource`.
 */
export function titled(meta: Article['meta'], heading: TitleHeading | null): Pick<Article, 'meta' | 'titleSource'> {
  if (meta.title !== null) return {meta, titleSource: 'front-matter'}
  if (heading) return {meta: {...meta, title: heading.text}, titleSource: 'heading'}
  return {meta, titleSource: null}
}

/**
 * The title heading's index and text: the only `<h1>`, when it is the first
 * heading, has text, and at most a line or two of text comes before it (a
 * source line, a greeting: `maxTextBeforeTitle`). A reader takes such a
 * heading as the post's title, above the sections, not as a section holding
 * all of them. An empty one names nothing: it stays a section, and
 * `heading-empty` says so; one after paragraphs of text is a section
 * heading written big.
 */
function titleOf(pieces: Piece[]): {index: number; text: string} | undefined {
  let found = -1
  for (let index = 0; index < pieces.length; index++) {
    const {item} = pieces[index]!
    if (item.kind !== 'heading') continue
    const node = item.nodes[0] as Element
    if (node.tagName !== 'h1') {
      if (found === -1) return undefined
      continue
    }
    if (found !== -1) return undefined
    found = index
  }
  if (found === -1) return undefined
  // Its text is the title heading's: read once, here.
  const text = cleanText(textOf(pieces[found]!.item.nodes[0] as Element))
  if (text === '') return undefined
  let before = 0
  for (let index = 0; index < found; index++) {
    for (const node of pieces[index]!.item.nodes) before += cleanText(textOf(node)).length
    if (before > maxTextBeforeTitle) return undefined
  }
  return {index: found, text}
}

/** How much text (UTF-16 code units) may come before a title heading: a source line or a greeting, not the post's opening. */
const maxTextBeforeTitle = 200

/**
 * Whether gaps and items, written in turn, give the body back exactly
 * (`parsePost` rewrites a body until they do; a body still changing after
 * its last round does not).
 */
function isWholeBody(body: string, pieces: Piece[], gaps: string[]): boolean {
  let cursor = 0
  for (let index = 0; index <= pieces.length; index++) {
    const gap = gaps[index] ?? ''
    const piece = pieces[index]
    if (!body.startsWith(gap, cursor) || (piece && piece.item.start !== cursor + gap.length)) break
    cursor += gap.length
    if (!piece) return cursor === body.length
    cursor = piece.item.end
  }
  return false
}

/** The message for markup that is rewritten because it cannot be kept as written (offsets into the raw post). */
export function rewrittenMarkup(lines: LineIndex, start: number, end: number): Message {
  return createMessage(lines, 'rewritten-markup', 'Rewrote markup that cannot be kept as written (stray or ignored tags, NUL characters, unclosed quotes)', start, end)
}

/** Attach position and source (with its digest) to an item. */
function withSource<T extends object>(item: T, position: Position | undefined, index: number, html: string): T & {position?: Position; source?: Source} {
  const result = item as T & {position?: Position; source?: Source}
  if (position) result.position = position
  result.source = {index, html, digest: digest(item)}
  return result
}

function heroOf(block: Block): Hero | undefined {
  if (block.type === 'image') {
    const {type: _type, text: _text, attributes: _attributes, position: _position, source: _source, markdown: _markdown, ...image} = block
    return image
  }
  if (block.type === 'figure' && block.image && block.kind !== 'emoticon' && block.kind !== 'revenue') {
    return block.caption ? {...block.image, caption: block.caption} : {...block.image}
  }
  return undefined
}

function positionOf(state: BuildState, piece: Piece): Position {
  return {start: state.lines.point(state.bodyStart + piece.start), end: state.lines.point(state.bodyStart + piece.end)}
}

function headingMessages(state: BuildState, item: Piece, section: Section, stack: Section[], hasH2: boolean, seen: Map<string, number>): void {
  const parent = stack.findLast((open) => open.depth < section.depth)
  if (!parent && section.depth > 2 && hasH2) headingMessage(state, item, 'heading-order', `Expected an \`<h2>\` before this \`<h${section.depth}>\``)
  if (parent && section.depth > parent.depth + 1) {
    headingMessage(state, item, 'heading-order', `Expected an \`<h${parent.depth + 1}>\` between this \`<h${section.depth}>\` and the \`<h${parent.depth}>\` before it`)
  }
  if (section.heading === '') headingMessage(state, item, 'heading-empty', `Expected text in this \`<h${section.depth}>\``)
  const key = section.heading.toLowerCase()
  if (section.heading !== '' && seen.has(key)) headingMessage(state, item, 'heading-duplicate', `Expected a unique heading; \`${section.heading}\` is used before (its id is \`${section.id}\`)`)
  seen.set(key, (seen.get(key) ?? 0) + 1)
}

// A module function, not a closure per heading: every heading would make one.
function headingMessage(state: BuildState, item: Piece, ruleId: RuleId, reason: string): void {
  state.messages.push(createMessage(state.lines, ruleId, reason, state.bodyStart + item.start, state.bodyStart + item.end))
}

function findSummary(state: BuildState, tables: Array<{block: TableBlock; owner: Block[]}>, sections: Section[]): Summary | null {
  if (tables.length === 0 || sections.length === 0) return null
  const matcher = summaryMatcher(
    sections.map((section) => ({id: section.id, heading: section.heading, depth: section.depth})),
    (index) => sectionText(sections[index]!)
  )
  let best: {table: {block: TableBlock; owner: Block[]}; match: SummaryMatch} | undefined
  for (const table of tables) {
    const match = matcher(table.block.rows)
    if (match && isSummary(match) && (!best || match.matched >= best.match.matched)) best = {table, match}
  }
  if (!best) return null
  const {block, owner} = best.table
  owner.splice(owner.indexOf(block), 1)
  const summary: Summary = {title: best.match.title, items: best.match.items, rows: block.rows}
  if (block.position) summary.position = block.position
  if (block.source) summary.source = {index: block.source.index, html: block.source.html, digest: digest(summary)}
  summaryMessages(state, summary, sections)
  return summary
}

/**
 * A section's text for summary matching: its blocks and subsections, less
 * its one-column tables, which list names (one may be the summary being
 * matched, whose rows would name the section that holds it).
 */
function sectionText(section: Section): string {
  let text = ''
  for (const block of section.blocks) {
    if (block.type !== 'table' || block.rows.some((row) => row.length !== 1)) text += block.text + '\n'
  }
  for (const child of section.children) text += child.heading + '\n' + sectionText(child)
  return text
}

function summaryMessages(state: BuildState, summary: Summary, sections: Section[]): void {
  const start = summary.position?.start.offset ?? state.bodyStart
  const end = summary.position?.end.offset ?? start
  for (const item of summary.items) {
    if (item.sectionId === null && item.text !== '' && !item.isDescription) {
      state.messages.push(createMessage(state.lines, 'summary-unmatched', `Expected the summary row \`${item.text}\` to name a section`, start, end))
    }
  }
  // Sections at the rank the summary lists, that it leaves out.
  const matched = new Set(summary.items.map((item) => item.sectionId))
  const depths = new Set(sections.filter((section) => matched.has(section.id)).map((section) => section.depth))
  for (const section of sections) {
    if (depths.has(section.depth) && !matched.has(section.id)) {
      const at = section.position ?? summary.position
      state.messages.push(
        createMessage(state.lines, 'summary-missing-section', `Expected the summary to list the section \`${section.heading}\``, at?.start.offset ?? start, at?.end.offset ?? end)
      )
    }
  }
}

export type {BareBlock}
