/**
 * The Article and everything in it: plain, JSON-serialisable data.
 *
 * Positions are 1-based lines and columns plus 0-based offsets into the
 * **raw post** (front matter included). Columns and offsets count UTF-16
 * code units, as parse5 and unist do.
 */

/** One place in the raw post. */
export interface Point {
  /** 1-based line. */
  line: number
  /** 1-based column, in UTF-16 code units. */
  column: number
  /** 0-based offset into the raw post, in UTF-16 code units. */
  offset: number
}

/** A span of the raw post. */
export interface Position {
  start: Point
  end: Point
}

/**
 * What the renderer needs to write an unchanged item back byte for byte.
 *
 * `index` is the item's place in the original body (it tells the renderer
 * which layout text, such as wrapper `<div>`s, sits between two items);
 * `html` is the item's own source text (already sanitised); `digest`
 * is a digest of the item's fields as parsed, so an edit is noticed. The
 * renderer reads `html` again before it keeps it: a hand-built source is
 * never trusted.
 */
export interface Source {
  index: number
  html: string
  digest: string
}

/** Attributes of an element, by HTML attribute name, as sanitised. */
export type Attributes = Record<string, string>

interface BlockFields {
  /** Plain text of the block. */
  text: string
  /** Sanitised attributes of the block's outer element, if any. */
  attributes?: Attributes | undefined
  /** Where the block is in the raw post (absent on hand-built blocks). */
  position?: Position | undefined
  /** Original source, for a byte-exact round trip (absent on hand-built blocks). */
  source?: Source | undefined
}

/** A paragraph: `<p>` or a run of loose inline content (`implicit`). */
export interface ParagraphBlock extends BlockFields {
  type: 'paragraph'
  /** Sanitised inline HTML (links, bold, `<br>` kept). Authoritative over `text`. */
  html: string
  /** True for loose inline content that had no `<p>` around it. */
  implicit?: boolean | undefined
}

/** An empty paragraph used for spacing (`<p>&nbsp;</p>`, `<p><br></p>`); not content. */
export interface SpacerBlock extends BlockFields {
  type: 'spacer'
  /** The spacer's inner HTML (`&nbsp;`, `<br>`, …). */
  html: string
}

/** An image. */
export interface Image {
  src: string
  alt: string
  title?: string | undefined
  width?: string | undefined
  height?: string | undefined
  srcset?: string | undefined
  /** The link around the image, if any. */
  href?: string | undefined
}

/** An image on its own (`<img>`, `<p><img></p>`, `<a><img></a>`). */
export interface ImageBlock extends BlockFields, Image {
  type: 'image'
  /** True when it was a Markdown image line (`![alt](src)`). */
  markdown?: boolean | undefined
}

/** A figure: an image with a caption (Tistory `imageblock`, WordPress captions, …). */
export interface FigureBlock extends BlockFields {
  type: 'figure'
  /** `data-ke-type` or a guess: 'imageblock', 'emoticon', 'revenue', 'figure'. */
  kind: string
  image: Image | null
  /** Plain caption text ('' when none). */
  caption: string
}

/** A Tistory/Kakao open graph link card (`figure[data-ke-type=opengraph]`). */
export interface LinkCardBlock extends BlockFields {
  type: 'link-card'
  url: string
  title: string
  description: string
  image: string
}

/** A list item. */
export interface ListItem {
  text: string
  html: string
}

/** `<ul>` or `<ol>`. */
export interface ListBlock extends BlockFields {
  type: 'list'
  ordered: boolean
  /** The items; nested lists live in their item's `html`. */
  items: ListItem[]
}

/** `<blockquote>`. */
export interface QuoteBlock extends BlockFields {
  type: 'quote'
  html: string
}

/** `<pre>`, or a highlighter's code figure (Octopress `figure.code`, Jekyll `figure.highlight`). */
export interface CodeBlock extends BlockFields {
  type: 'code'
  /**
   * The language, lower case, from `data-ke-language`, `data-lang`, or a class on the `<pre>` or its `<code>`:
   * `language-x`, `lang-x`, `highlight-source-x`, `brush: x;`, or a bare language name (`class="bash"`); null when none.
   */
  language: string | null
  /** The code, as text, without a line-number gutter. Same as `text`, except that a code figure's `text` starts with its caption line. */
  code: string
}

/** A table cell. */
export interface TableCell {
  text: string
  html: string
  header: boolean
  colspan?: number | undefined
  rowspan?: number | undefined
}

/** A table: rows of cells. */
export interface TableBlock extends BlockFields {
  type: 'table'
  rows: TableCell[][]
}

/** `<hr>`, with the editor's `data-ke-style`. */
export interface RuleBlock extends BlockFields {
  type: 'rule'
  style: string | null
}

/** An allowed iframe (YouTube, Vimeo, Kakao TV, Naver TV, or a host you allow). */
export interface EmbedBlock extends BlockFields {
  type: 'embed'
  src: string
  host: string
  title: string | null
}

/** Anything else the sanitiser allows: kept as sanitised HTML, never dropped. */
export interface HtmlBlock extends BlockFields {
  type: 'html'
  html: string
}

/** Every kind of block. */
export type Block =
  | ParagraphBlock
  | SpacerBlock
  | ImageBlock
  | FigureBlock
  | LinkCardBlock
  | ListBlock
  | QuoteBlock
  | CodeBlock
  | TableBlock
  | RuleBlock
  | EmbedBlock
  | HtmlBlock

/** The names of block types. */
export type BlockType = Block['type']

/** A section: a heading and what follows it up to the next heading of the same or a higher rank. */
export interface Section {
  /** Heading text, clean (no `&nbsp;`, no wrapping spans, white space collapsed). */
  heading: string
  /** GitHub-compatible slug, unique in the article (an existing `id` attribute wins). */
  id: string
  /** 1 to 6: `<h2>` is 2. */
  depth: number
  /** Sanitised attributes of the heading element. */
  attributes?: Attributes | undefined
  blocks: Block[]
  children: Section[]
  position?: Position | undefined
  source?: Source | undefined
}

/** One row of the summary table. */
export interface SummaryItem {
  text: string
  /** The id of the section this row names, or null when it matches none. */
  sectionId: string | null
  /**
   * True when the row describes the item row above it rather than naming a
   * section (a table that alternates a short item and a sentence about it);
   * its `sectionId` is null. Absent otherwise.
   */
  isDescription?: boolean | undefined
}

/** The one-column table that lists the sections, usually at the end. */
export interface Summary {
  /** The first row when it is a heading-like row that names no section. */
  title: string | null
  items: SummaryItem[]
  /** All cells, row by row (the title row included). */
  rows: TableCell[][]
  position?: Position | undefined
  source?: Source | undefined
}

/** Statistics of the body text. */
export interface Stats {
  /** Code points (after NFC, so a Hangul syllable is one), spaces included. */
  characters: number
  /** The same without white space. */
  charactersWithoutSpaces: number
  /** Words per script: a run of Hangul, Latin, digits… between spaces or punctuation is one word; each Han ideograph or Kana is one. */
  words: number
  /** Minutes to read, rounded up (230 words a minute; 500 Han/Kana characters a minute); 0 only for no words. */
  readingMinutes: number
}

/** A front matter value: anything YAML can hold, as JSON. */
export type MetaValue = string | number | boolean | null | MetaValue[] | {[key: string]: MetaValue}

/** The front matter, with the known keys typed and normalised. */
export interface Meta {
  title: string | null
  categories: string[]
  tags: string[]
  excerpt: string | null
  /** From `feature_text`. */
  featureText: string | null
  image: string | null
  /** The date as written. */
  date: string | null
  /** The date as ISO 8601, keeping the written offset; a date-only value stays `YYYY-MM-DD` (never shifted to UTC midnight). */
  dateIso: string | null
  author: string | null
  permalink: string | null
  layout: string | null
  /** Every other key, with its value, in the order written. */
  extra: Array<[key: string, value: MetaValue]>
}

/** A diagnostic: plain data that a unified `VFileMessage` can be built from. */
export interface Message {
  reason: string
  line: number
  column: number
  place: Position
  ruleId: string
  source: 'article-kit'
  /** `true`: the Article is incomplete; `false`: worth fixing; `undefined`: informational. */
  fatal?: boolean | undefined
  note?: string | undefined
  url?: string | undefined
  /**
   * How many times the problem occurs in the post, when more than once
   * (absent means once). The message is placed at the first occurrence, its
   * `reason` ends with `(and N more like it)`, and `repeats` holds the others.
   */
  count?: number | undefined
  /** The other occurrences of a grouped message, in order (absent when the problem occurs once). */
  repeats?: Repeat[] | undefined
}

/** Another occurrence of a grouped message: what it says and where it is. */
export interface Repeat {
  reason: string
  place: Position
}

/** How the raw post was laid out, for a byte-exact round trip. */
export interface Layout {
  /** Whether the post began with a UTF-8 byte order mark. */
  bom: boolean
  /** The line ending the post uses most. */
  eol: '\n' | '\r\n' | '\r'
  /** The front matter block exactly as written, fences included, or null when there was none. */
  frontMatter: string | null
  /** Text between the front matter and the first body item, between items, and after the last. */
  gaps: string[]
}

/** The hero image: the first image before the first section (the title heading is not one). */
export interface Hero extends Image {
  /** The caption, when the hero is a figure. */
  caption?: string | undefined
  /** True when it was a Markdown image line (`![alt](src)`). */
  markdown?: boolean | undefined
  position?: Position | undefined
  source?: Source | undefined
}

/**
 * The post's title written in its body: its only `<h1>`, when no other
 * heading comes before it (news-bot and editor posts). It is the title, not
 * a section: what follows it up to the first other heading is the lead.
 */
export interface TitleHeading {
  /** Heading text, clean (no `&nbsp;`, no wrapping spans, white space collapsed). */
  text: string
  /** GitHub-compatible slug, unique in the article (an existing `id` attribute wins). */
  id: string
  /** Sanitised attributes of the `<h1>`. */
  attributes?: Attributes | undefined
  position?: Position | undefined
  source?: Source | undefined
}

/**
 * Where `meta.title` came from: `'front-matter'` (the `title` key),
 * `'heading'` (the front matter has no title, so the title heading's text
 * stands in; `renderPost` does not write it into the front matter while it
 * still equals that text), or null when the post has no title.
 */
export type TitleSource = 'front-matter' | 'heading' | null

/** A parsed post. */
export interface Article {
  meta: Meta
  /** Where `meta.title` came from. */
  titleSource: TitleSource
  /** The post's only `<h1>` when it comes before every other heading, else null. */
  titleHeading: TitleHeading | null
  hero: Hero | null
  lead: Block[]
  sections: Section[]
  summary: Summary | null
  text: string
  stats: Stats
  messages: Message[]
  layout: Layout
}
