import type {Element, ElementContent} from 'hast'
import type {Attributes, Block, EmbedBlock, Hero, Section, Summary, TableCell, TitleHeading} from '../types.ts'
import {embedSandbox} from '../body/schema.ts'
import {isAllowedSandbox} from '../body/sanitize.ts'
import {htmlProperties} from '../body/properties.ts'
import {safeHtml} from './safe.ts'
import type {Policy} from './policy.ts'

/*
 * Write Article items from their fields, in the editor's style. Every string
 * is either text (escaped when serialised) or HTML made safe by `safeHtml`;
 * attributes go through the sanitiser with the rest of the tree. Elements
 * are what hastscript's `h()` would make of the same strings, built directly.
 */

function h(tagName: string, values: Readonly<Record<string, string>>, children: ElementContent | ElementContent[] | string = []): Element {
  const nodes: ElementContent[] = typeof children === 'string' ? [textNode(children)] : Array.isArray(children) ? children : [children]
  const readable: Record<string, string> = {}
  for (const [name, value] of Object.entries(values)) readable[name] = withoutNul(value)
  return {type: 'element', tagName, properties: htmlProperties(readable), children: nodes}
}

/** A text node for a field's text. */
function textNode(value: string): ElementContent {
  return {type: 'text', value: withoutNul(value)}
}

/**
 * A field's text as HTML can hold it: U+0000 becomes U+FFFD. A parser reads a
 * raw NUL in text as nothing (in body and table text) and in an attribute
 * value as U+FFFD, and `&#0;` (what a serialiser writes for it in attributes)
 * as U+FFFD everywhere, so a NUL written out never reads back as itself and
 * a second rendering would differ from the first. U+FFFD reads back as
 * U+FFFD in every context, so rendering what was read gives the same HTML.
 */
function withoutNul(value: string): string {
  return value.includes('\0') ? value.replaceAll('\0', '\uFFFD') : value
}

/**
 * The objects in a list: a hand-built Article may hold holes, nulls or
 * something else than an array where a list of items, rows or cells goes.
 */
export function objectsIn<T>(list: readonly T[] | null | undefined): Array<NonNullable<T>> {
  const objects: Array<NonNullable<T>> = []
  if (!Array.isArray(list)) return objects
  for (const entry of list) if (isObject(entry)) objects.push(entry)
  return objects
}

/** Whether a value is an object, where a hand-built Article should have an item. */
export function isObject<T>(value: T | null | undefined): value is NonNullable<T> {
  return typeof value === 'object' && value !== null
}

const editorSizes: Record<number, string> = {2: 'size26', 3: 'size23', 4: 'size20'}

/** A section's heading. */
export function headingNode(section: Section): ElementContent {
  const depth = Math.min(6, Math.max(1, Math.trunc(Number(section.depth)) || 2))
  const size = editorSizes[depth]
  const attributes = section.attributes ?? (size && !section.source ? {'data-ke-size': size} : undefined)
  return h('h' + depth, props(attributes), String(section.heading ?? ''))
}

/** The title heading: an `<h1>`, written as any heading is. */
export function titleNode(title: TitleHeading): ElementContent {
  return headingNode({heading: String(title.text ?? ''), id: '', depth: 1, attributes: title.attributes, source: title.source, blocks: [], children: []})
}

/** The hero image. */
export function heroNode(hero: Hero): ElementContent {
  if (hero.markdown) {
    // What would end a part early is left out or escaped, so the line reads back as this image
    // (`encodeURIComponent` keeps `(` and `)`, which end the destination).
    const title = hero.title ? ` "${String(hero.title).replace(/"/g, '').replace(/[\r\n]/g, ' ')}"` : ''
    const src = String(hero.src ?? '').replace(/[\s()<>]/g, (char) => (char === '(' ? '%28' : char === ')' ? '%29' : encodeURIComponent(char)))
    return textNode(`![${String(hero.alt ?? '').replace(/[\]\r\n]/g, ' ')}](${src}${title})`)
  }
  if (hero.caption) return h('figure', {}, [image(hero), h('figcaption', {}, String(hero.caption))])
  return h('p', {}, image(hero))
}

/** The summary table, in the editor's markup. */
export function summaryNode(summary: Summary): ElementContent {
  const rows: ElementContent[] = []
  const row = (text: string) => h('tr', {}, h('td', {style: 'text-align: center;'}, h('b', {}, String(text ?? ''))))
  if (summary.title) rows.push(row(summary.title))
  for (const item of objectsIn(summary.items)) rows.push(row(item.text))
  return h('table', {}, h('tbody', {}, rows))
}

/** Any block. An edited block keeps the attributes it was parsed with; a new one gets the editor's. */
export function blockNode(block: Block, policy: Policy): ElementContent | ElementContent[] {
  const size16 = block.source ? undefined : {'data-ke-size': 'size16'}
  const raw = (html: unknown): ElementContent => ({type: 'raw', value: safeHtml(String(html ?? ''), policy)}) as unknown as ElementContent
  switch (block.type) {
    case 'paragraph':
      return block.implicit ? raw(block.html) : h('p', props(block.attributes ?? size16), raw(block.html))
    case 'spacer':
      return h('p', props(block.attributes ?? size16), raw(block.html || '&nbsp;'))
    case 'image':
      if (block.markdown) return heroNode({...block, markdown: true})
      return h('p', props(block.attributes ?? size16), image(block))
    case 'figure':
      return h('figure', props(block.attributes ?? (block.kind && block.kind !== 'figure' ? {'data-ke-type': block.kind} : undefined)), [
        ...(block.image ? [image(block.image)] : []),
        ...(block.caption ? [h('figcaption', {}, String(block.caption))] : [])
      ])
    case 'link-card':
      return h(
        'figure',
        props(block.attributes ?? {'data-ke-type': 'opengraph', 'data-og-title': block.title, 'data-og-description': block.description, 'data-og-url': block.url, 'data-og-image': block.image}),
        h('a', {href: String(block.url ?? '')}, h('div', {class: 'og-text'}, [h('p', {class: 'og-title'}, String(block.title ?? '')), h('p', {class: 'og-desc'}, String(block.description ?? ''))]))
      )
    case 'list':
      return h(block.ordered ? 'ol' : 'ul', props(block.attributes), objectsIn(block.items).map((item) => h('li', {}, raw(item.html))))
    case 'quote':
      return h('blockquote', props(block.attributes), raw(block.html))
    case 'code':
      return h(
        'pre',
        props(block.attributes ?? {'data-ke-type': 'codeblock', ...(block.language ? {'data-ke-language': block.language} : {})}),
        h('code', typeof block.language === 'string' && /^[^\s"'<>&]+$/.test(block.language) ? {class: 'language-' + block.language} : {}, String(block.code ?? block.text ?? ''))
      )
    case 'table':
      return h('table', props(block.attributes), h('tbody', {}, objectsIn(block.rows).map((cells) => h('tr', {}, objectsIn(cells).map((cell) => cellNode(cell, raw))))))
    case 'rule':
      return h('hr', props(block.attributes ?? (block.style ? {'data-ke-type': 'horizontalRule', 'data-ke-style': block.style} : undefined)))
    case 'embed':
      return h('iframe', embedProperties(block))
    case 'html':
      return raw(block.html)
    default:
      return raw((block as {html?: unknown}).html ?? '')
  }
}

/**
 * An embed's attributes: those it was read with, its own sandbox kept when it
 * grants no more than a player needs (a narrower one is the author's
 * choice), else the default one; a new embed gets the editor's `allowfullscreen`.
 */
function embedProperties(block: EmbedBlock): Record<string, string> {
  const attributes = props(block.attributes)
  const sandbox = isAllowedSandbox(attributes['sandbox']) ? attributes['sandbox']! : embedSandbox
  return {...attributes, src: String(block.src ?? ''), ...(block.title ? {title: block.title} : {}), sandbox, ...(block.attributes ? {} : {allowFullScreen: ''})}
}

function cellNode(cell: TableCell, raw: (html: unknown) => ElementContent): ElementContent {
  const properties: Record<string, string> = {}
  if (cell.colspan && cell.colspan > 1) properties['colSpan'] = String(cell.colspan)
  if (cell.rowspan && cell.rowspan > 1) properties['rowSpan'] = String(cell.rowspan)
  return h(cell.header ? 'th' : 'td', properties, raw(cell.html))
}

function image(value: Hero | Omit<Hero, 'position' | 'source'>): ElementContent {
  const properties: Record<string, string> = {src: String(value.src ?? ''), alt: String(value.alt ?? '')}
  if (value.title) properties['title'] = String(value.title)
  if (value.width) properties['width'] = String(value.width)
  if (value.height) properties['height'] = String(value.height)
  if (value.srcset) properties['srcSet'] = String(value.srcset)
  const img = h('img', properties)
  return value.href === undefined ? img : h('a', {href: String(value.href)}, img)
}

/** Attributes (by HTML name) that can be written as attributes; `h` maps them to properties. */
function props(attributes: Attributes | undefined): Record<string, string> {
  const result: Record<string, string> = {}
  if (!attributes || typeof attributes !== 'object') return result
  for (const [name, value] of Object.entries(attributes)) {
    // Names that are not plain attribute names are dropped here; the sanitiser checks the rest.
    if (/^[a-zA-Z][a-zA-Z0-9_:.-]*$/.test(name)) result[name] = String(value)
  }
  return result
}
