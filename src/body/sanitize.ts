import type {Element, ElementContent, Nodes, Parents, Properties, Root} from 'hast'
import {defaultSchema as baseSchema, sanitize} from 'hast-util-sanitize'
import {find, html as htmlSpace} from 'property-information'
import type {Schema} from './schema.ts'
import {embedSandbox} from './schema.ts'
import {sanitizeStyle, type StyleResult} from './style.ts'
import {clobbers} from './clobber.ts'
import {isSafeUrl, embedHost} from './url.ts'

/** What the sanitiser changed, in body offsets. */
export interface Change {
  ruleId: 'sanitized-element' | 'sanitized-attribute' | 'sanitized-style' | 'sanitized-embed' | 'sanitized-comment' | 'rewritten-markup'
  reason: string
  start: number
  end: number
}

/** What the sanitiser did and noticed. */
export interface Sanitized {
  /** Every change, by start offset. */
  changes: Change[]
  /** Body ranges of kept `<img>` elements that have no `alt`. */
  imagesWithoutAlt: Array<[number, number]>
}

/**
 * What the checks of one parse or one render remember, never shared between
 * calls (a schema changed between two calls is read anew): posts repeat a
 * few styles and attributes many times.
 */
export interface CheckMemo {
  /** Style attributes checked so far. */
  styles?: Map<string, StyleResult>
  /** The schema's definition of each attribute met so far, by tag name, then property. */
  definitions?: Map<string, Map<string, Definition | undefined>>
}

/** An empty memo for one call: every memo has the same keys, so the settings objects made from it keep one shape. */
export function createCheckMemo(): CheckMemo {
  return {styles: new Map(), definitions: new Map()}
}

/** What the sanitiser needs. */
export interface SanitizeSettings extends CheckMemo {
  schema: Schema
  embedHosts: readonly string[]
  /** The source the tree was parsed from, to tell real comments from bogus ones (`<?php …>`). */
  source?: string
}

type Chain = {name: string; parent: Chain | undefined} | undefined

const own = Object.prototype.hasOwnProperty

declare module 'hast' {
  interface Data {
    /** An element without a place in the source, numbered while it is sanitised (see `keyOf`). */
    sanitizeKey?: number | undefined
  }
}

/** What our own checks did to one element's properties, to be reported in property order once it is known to stay. */
interface Notes {
  /** The element's properties before any check. */
  original: Properties
  /** Properties our checks removed or changed, and why. */
  changed: Map<string, PropertyCheck>
  /** A sandbox added or replaced on an embed. */
  sandbox?: string
}

/** One sanitisation: its settings and what was found so far. */
interface State {
  settings: SanitizeSettings
  changes: Change[]
  notes: Map<Element, Notes>
  /** Numbers for elements without a place in the source. */
  unplaced: number
}

/**
 * Sanitise a hast tree with hast-util-sanitize and a schema in its format,
 * reporting every change instead of making it silently.
 *
 * hast-util-sanitize decides what stays (elements, attributes, protocols,
 * comments). In front of it, our own checks do what its schema cannot say:
 * CSS declaration by declaration, every `srcset` candidate, ids and names
 * that would clobber DOM properties, embeds only from `embedHosts` and
 * sandboxed, comments that could end early or were not written as comments,
 * and misnested markup. The positioned changes are then read from what it
 * removed (it keeps `position` on what survives). Elements not allowed are
 * unwrapped (their content kept), except `strip` ones, which go with their
 * content.
 *
 * @param tree - The tree to clean (its children are replaced by the clean ones).
 * @param settings - Schema and embed hosts.
 * @returns The changes, in document order of their start, and images without `alt`.
 */
export function sanitizeTree(tree: Root, settings: SanitizeSettings): Sanitized {
  // hast-util-sanitize reads a schema over its own default, key by key: so must our checks.
  const schema: Schema = {...baseSchema, ...settings.schema}
  const state: State = {settings: {...settings, schema}, changes: [], notes: new Map(), unplaced: 0}
  check(state, tree)
  const clean = sanitize(tree, schema) as Root
  const {kept, imagesWithoutAlt} = finish(state, clean)
  report(state, tree, kept)
  tree.children = clean.children
  return {changes: state.changes.sort((a, b) => a.start - b.start), imagesWithoutAlt}
}

/**
 * Our checks, in front of hast-util-sanitize, in document order: they change
 * the tree in place and note what they did. Content that will go with its
 * `strip` element is not looked into (nothing in it is reported).
 */
function check(state: State, tree: Root): void {
  const {settings, changes} = state
  const stack: Array<[Parents, Chain]> = [[tree, undefined]]
  while (stack.length > 0) {
    const [parent, chain] = stack.pop()!
    misplaced(parent, changes)
    const output: Nodes[] = []
    for (const node of parent.children as Nodes[]) {
      if (node.type === 'text') output.push(node)
      else if (node.type === 'comment') {
        if (settings.schema.allowComments && isSafeComment(node.value) && isWrittenComment(node, settings.source)) output.push(node)
        else removed(state, parent, 'sanitized-comment', 'Removed a comment that could change how the page is parsed', node)
      } else if (node.type === 'element') {
        if (!node.position) node.data = {...node.data, sanitizeKey: state.unplaced++} as Element['data']
        const name = node.tagName
        const allowed = allowedTag(settings.schema, name, chain)
        if (!allowed && !keepsContent(settings.schema, name)) {
          output.push(node) // hast-util-sanitize removes it with its content; `report` says so.
          continue
        }
        if (name === 'iframe' && allowed && !embed(state, parent, node)) continue
        if (allowed) checkProperties(state, node)
        output.push(node)
        // Unwrapped elements are no ancestors of what they held.
        stack.push([node, allowed ? {name, parent: chain} : chain])
      } else {
        removed(state, parent, 'sanitized-element', `Removed a \`${node.type}\` node`, node)
      }
    }
    parent.children = output as ElementContent[]
  }
}

/** An embed from an allowed host stays, sandboxed and empty; any other is removed here. */
function embed(state: State, parent: Parents, node: Element): boolean {
  const src = node.properties['src']
  const host = typeof src === 'string' ? embedHost(src) : undefined
  if (!host || !state.settings.embedHosts.includes(host)) {
    removed(state, parent, 'sanitized-embed', `Removed an \`<iframe>\`${host ? ` from \`${host}\`` : ''}: only embeds from allowed hosts are kept`, node)
    return false
  }
  removeContent(state, node, host)
  const sandbox = node.properties['sandbox']
  if (!isAllowedSandbox(sandbox)) {
    const notes = notesOf(state, node)
    node.properties['sandbox'] = embedSandbox.split(' ')
    notes.sandbox = sandbox === undefined ? `Added \`sandbox\` to the \`<iframe>\` from \`${host}\`` : `Replaced the \`sandbox\` of the \`<iframe>\` from \`${host}\`: it allowed more than a player needs`
  }
  return true
}

/**
 * An iframe's content is removed, and said so, unless it is white space.
 * It is never shown: an iframe's content model is nothing, and the parser
 * reads what is between its tags as raw text, which no sanitiser looks into
 * <https://html.spec.whatwg.org/multipage/iframe-embed-object.html#the-iframe-element>.
 * Kept, markup in it would come alive wherever the HTML is read as
 * something else (feed readers and mail clients show it as fallback), and
 * hast-util-to-html escapes it where the HTML standard writes it as it is,
 * so each rewriting would change it again.
 */
function removeContent(state: State, node: Element, host: string): void {
  const content = node.children
  if (content.every((child) => child.type === 'text' && !/[^\t\n\f\r ]/.test(child.value))) return
  node.children = []
  const start = content[0]!.position?.start.offset
  const end = content.at(-1)!.position?.end.offset
  const reason = `Removed the content of the \`<iframe>\` from \`${host}\`: browsers never show it, and markup in it is not sanitised`
  if (start === undefined || end === undefined) change(state.changes, 'sanitized-embed', reason, node)
  else state.changes.push({ruleId: 'sanitized-embed', reason, start, end})
}

function notesOf(state: State, node: Element): Notes {
  let notes = state.notes.get(node)
  if (!notes) state.notes.set(node, (notes = {original: {...node.properties}, changed: new Map()}))
  return notes
}

/** What the schema cannot say about properties: CSS declarations, `srcset` candidates, clobbering. */
function checkProperties(state: State, node: Element): void {
  const properties = node.properties
  const protocols = state.settings.schema.protocols
  for (const key of Object.keys(properties)) {
    const value = properties[key]
    // URL schemes are case-insensitive, hast-util-sanitize's check is not: `HTTPS://` is read as `https://`.
    if (typeof value === 'string' && protocols && own.call(protocols, key)) properties[key] = lowerScheme(value)
    if (key !== 'style' && key !== 'srcSet' && key !== 'id' && key !== 'name') continue
    const checked = checkProperty(state.settings.schema, node.tagName, key, properties[key], state.settings)
    // What the schema itself refuses is left to hast-util-sanitize.
    if (checked.ok || checked.why === 'allowed') continue
    if (checked.why === 'value' && key !== 'srcSet') continue
    notesOf(state, node).changed.set(key, checked)
    if (checked.why === 'style' && checked.value !== undefined) properties[key] = checked.value
    else delete properties[key]
  }
}

/** A URL with its scheme in lower case (the same string when it has none or it is already). */
function lowerScheme(value: string): string {
  const scheme = /^[A-Za-z][A-Za-z\d+.-]*:/.exec(value)
  return scheme && /[A-Z]/.test(scheme[0]) ? scheme[0].toLowerCase() + value.slice(scheme[0].length) : value
}

/**
 * Read what hast-util-sanitize removed: elements (with their content, or
 * only their tags) and attributes, each a positioned change, with our own
 * notes on the elements that stay (`kept`: the clean tree's elements by `keyOf`).
 */
function report(state: State, before: Root, kept: ReadonlyMap<string, Element>): void {
  const {schema} = state.settings
  const stack: Parents[] = [before]
  while (stack.length > 0) {
    const parent = stack.pop()!
    // Comments are decided by `check` alone: what it keeps, hast-util-sanitize keeps (`allowComments`).
    for (const node of parent.children as Nodes[]) {
      if (node.type !== 'element') continue
      const after = kept.get(keyOf(node))
      if (!after) {
        if (!keepsContent(schema, node.tagName)) {
          removed(state, parent, 'sanitized-element', `Removed \`<${node.tagName}>\` with its content: it is not allowed in article HTML`, node)
          continue
        }
        removed(state, parent, 'sanitized-element', `Removed the \`<${node.tagName}>\` tag (its content was kept): it is not allowed in article HTML`, node, true)
      } else reportProperties(state, node, after)
      stack.push(node)
    }
  }
}

/** Where an element is, to find it again in the clean tree: its start tag, or the number it was given. */
function keyOf(node: Element): string {
  const start = node.position?.start.offset
  return start === undefined ? `#${node.data?.sanitizeKey}` : `${start}:${node.tagName}`
}

/** Report an element's removed and changed properties, in the order they were written. */
function reportProperties(state: State, node: Element, after: Element): void {
  const notes = state.notes.get(node)
  const original = notes?.original ?? node.properties
  for (const key of Object.keys(original)) {
    const value = original[key]
    let checked = notes?.changed.get(key) ?? (own.call(after.properties, key) ? undefined : checkProperty(state.settings.schema, node.tagName, key, value, state.settings))
    if (!checked) continue
    // Removed all the same: never silently.
    if (checked.ok) checked = {ok: false, why: 'value'}
    const attribute = find(htmlSpace, key).attribute
    if (checked.why === 'style') {
      change(state.changes, 'sanitized-style', `Removed CSS \`${truncate(checked.dropped)}\` from \`<${node.tagName} style>\``, node, true)
      continue
    }
    const shown = truncate(String(Array.isArray(value) ? value.join(' ') : value))
    const why = checked.why === 'clobber' ? 'it would clobber a DOM property' : checked.why === 'value' ? 'its value is unsafe' : 'it is not allowed'
    change(state.changes, 'sanitized-attribute', `Removed \`${attribute}="${shown}"\` from \`<${node.tagName}>\`: ${why}`, node, true)
  }
  if (notes?.sandbox) change(state.changes, 'sanitized-embed', notes.sandbox, node, true)
}

/**
 * A removal. A node the parser placed at an empty range (`<script>` left
 * open at the end) would not touch its parent's range: the parent is marked
 * too, so the item around it is rewritten.
 */
function removed(state: State, parent: Parents, ruleId: Change['ruleId'], reason: string, node: Nodes, tagsOnly = false): void {
  change(state.changes, ruleId, reason, node, tagsOnly)
  const start = node.position?.start.offset ?? 0
  const end = node.position?.end.offset ?? start
  if (end <= start && parent.position) {
    const parentStart = parent.position.start.offset ?? 0
    state.changes.push({ruleId, reason: '', start: parentStart, end: parentStart + 1})
  }
}

/**
 * One walk of the clean tree: texts a removal left side by side become one
 * (a parser would read them as one), kept images
 * without `alt` are listed, and every element is indexed for `report`.
 */
function finish(state: State, tree: Root): {kept: Map<string, Element>; imagesWithoutAlt: Array<[number, number]>} {
  const kept = new Map<string, Element>()
  const imagesWithoutAlt: Array<[number, number]> = []
  const stack: Parents[] = [tree]
  while (stack.length > 0) {
    const parent = stack.pop()!
    const output: Nodes[] = []
    for (const node of parent.children as Nodes[]) {
      const previous = output.at(-1)
      if (node.type === 'text' && previous?.type === 'text') {
        previous.value += node.value
        if (previous.position && node.position) previous.position = {start: previous.position.start, end: node.position.end}
        continue
      }
      output.push(node)
      if (node.type !== 'element') continue
      kept.set(keyOf(node), node)
      if (node.data?.sanitizeKey !== undefined) delete node.data.sanitizeKey
      if (node.tagName === 'img' && node.properties['alt'] === undefined) imagesWithoutAlt.push([node.position?.start.offset ?? 0, node.position?.end.offset ?? 0])
      stack.push(node)
    }
    parent.children = output as ElementContent[]
  }
  return {kept, imagesWithoutAlt: imagesWithoutAlt.sort((a, b) => a[0] - b[0])}
}

/**
 * A child whose source lies outside its parent's (text a parser moved into a
 * heading from after it, misnested tables) means the source cannot be
 * sliced item by item: the span is marked, and written out serialised.
 */
function misplaced(parent: Parents, changes: Change[]): void {
  const start = parent.position?.start.offset
  const end = parent.position?.end.offset
  if (start === undefined || end === undefined) return
  for (const child of parent.children) {
    const childStart = child.position?.start.offset
    const childEnd = child.position?.end.offset
    // Only content past the element's end: reopened formatting elements start early, harmlessly.
    if (childStart === undefined || childEnd === undefined || childEnd <= end) continue
    changes.push({ruleId: 'rewritten-markup', reason: 'Rewrote misnested markup whose content lies outside its element', start: Math.min(start, childStart), end: Math.max(end, childEnd)})
    return
  }
}

/** Whether a disallowed element's content stays (hast-util-sanitize's rule: only with a `strip` list that does not name it). */
function keepsContent(schema: Schema, name: string): boolean {
  return Boolean(schema.strip && !schema.strip.includes(name))
}

function allowedTag(schema: Schema, name: string, chain: Chain): boolean {
  if (!name || name === '*' || (schema.tagNames && !schema.tagNames.includes(name))) return false
  const ancestors = schema.ancestors && own.call(schema.ancestors, name) ? schema.ancestors[name] : undefined
  if (!ancestors) return true
  for (let link = chain; link; link = link.parent) if (ancestors.includes(link.name)) return true
  return false
}

/** The verdict on one property. */
export type PropertyCheck =
  | {ok: true; value: Properties[string]}
  | {ok: false; why: 'allowed' | 'value' | 'clobber'}
  | {ok: false; why: 'style'; value: string | undefined; dropped: string}

/**
 * Check one hast property of an element against the schema: allowed name,
 * allowed value, safe URL protocol, harmless CSS, no DOM clobbering.
 * Shared by the sanitiser and the renderer's check of verbatim HTML.
 */
export function checkProperty(schema: Schema, tagName: string, key: string, value: Properties[string], memo?: CheckMemo): PropertyCheck {
  const definition = definitionOf(schema, tagName, key, memo?.definitions)
  if (definition === undefined) return {ok: false, why: 'allowed'}
  const safe = propertyValue(schema, definition, key, value)
  if (safe === undefined) return {ok: false, why: 'value'}
  if (key === 'style' && typeof safe === 'string') {
    const styles = memo?.styles
    let cleaned = styles?.get(safe)
    if (!cleaned) {
      cleaned = sanitizeStyle(safe)
      styles?.set(safe, cleaned)
    }
    if (cleaned.removed.length > 0) {
      const dropped = cleaned.removed.map((removal) => removal.declaration).join('; ')
      return {ok: false, why: 'style', value: cleaned.value.trim() === '' ? undefined : cleaned.value, dropped}
    }
  }
  if ((key === 'id' || key === 'name') && typeof safe === 'string' && clobbers(safe)) return {ok: false, why: 'clobber'}
  return {ok: true, value: safe}
}

type Definition = string | [string, ...Array<string | number | boolean | RegExp | null | undefined>]

/** The schema's definition of `key` on `tagName` (the element's own first, then `*`), remembered in `definitions`. */
function definitionOf(schema: Schema, tagName: string, key: string, definitions: CheckMemo['definitions']): Definition | undefined {
  let known = definitions?.get(tagName)
  if (known?.has(key)) return known.get(key)
  const attributes = schema.attributes ?? {}
  const specific = own.call(attributes, tagName) ? attributes[tagName] : undefined
  const defaults = own.call(attributes, '*') ? attributes['*'] : undefined
  const definition = findDefinition(specific, key) ?? findDefinition(defaults, key)
  if (definitions) {
    if (!known) definitions.set(tagName, (known = new Map()))
    known.set(key, definition)
  }
  return definition
}

function findDefinition(definitions: readonly Definition[] | undefined, key: string): Definition | undefined {
  if (!definitions) return undefined
  let dataDefault: Definition | undefined
  for (const entry of definitions) {
    const name = typeof entry === 'string' ? entry : entry[0]
    if (name === key) return entry
    if (name === 'data*') dataDefault = entry
  }
  return key.length > 4 && key.slice(0, 4).toLowerCase() === 'data' ? dataDefault : undefined
}

function propertyValue(schema: Schema, definition: Definition, key: string, value: Properties[string]): Properties[string] {
  if (Array.isArray(value)) {
    const result: Array<string | number> = []
    for (const item of value) {
      const safe = primitive(schema, definition, key, item)
      if (safe === undefined) return undefined // One bad candidate (a `srcset` URL) spoils the attribute.
      result.push(safe as string | number)
    }
    return result
  }
  return primitive(schema, definition, key, value)
}

function primitive(schema: Schema, definition: Definition, key: string, value: unknown): string | number | boolean | undefined {
  if (typeof value !== 'boolean' && typeof value !== 'number' && typeof value !== 'string') return undefined
  if (key === 'srcSet' && typeof value === 'string') {
    // Every candidate's URL is checked, not only the first.
    const protocols = schema.protocols?.['src'] ?? ['http', 'https']
    if (!srcsetUrls(value).every((url) => isSafeUrl(url, protocols))) return undefined
  } else {
    const protocols = schema.protocols && own.call(schema.protocols, key) ? schema.protocols[key] : undefined
    if (protocols && protocols.length > 0 && !isSafeUrl(String(value), protocols)) return undefined
  }
  if (typeof definition === 'object' && definition.length > 1) {
    let ok = false
    for (let index = 1; index < definition.length; index++) {
      const allowed = definition[index]
      if (allowed instanceof RegExp ? allowed.test(String(value)) : allowed === value) {
        ok = true
        break
      }
    }
    if (!ok) return undefined
  }
  return value
}

const sandboxTokens = new Set(embedSandbox.split(' '))

/** Whether an iframe's `sandbox` grants no more than `embedSandbox` (no top navigation, no forms, no modals). */
export function isAllowedSandbox(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false
  const tokens = Array.isArray(value) ? value.map(String) : String(value).split(/[\t\n\f\r ]+/)
  return tokens.every((token) => token === '' || sandboxTokens.has(token.toLowerCase()))
}

/**
 * The URLs of a `srcset` value (<https://html.spec.whatwg.org/multipage/images.html#parsing-a-srcset-attribute>):
 * each candidate is a URL, then descriptors up to a comma.
 */
export function srcsetUrls(value: string): string[] {
  const urls: string[] = []
  let index = 0
  while (index < value.length) {
    while (index < value.length && /[\t\n\f\r ,]/.test(value[index]!)) index++
    if (index >= value.length) break
    let end = index
    while (end < value.length && !/[\t\n\f\r ]/.test(value[end]!)) end++
    let url = value.slice(index, end)
    const trailing = /,+$/.exec(url)
    if (trailing) url = url.slice(0, -trailing[0].length)
    urls.push(url)
    index = end
    // Descriptors run to the next comma (none when the URL ended with one).
    if (!trailing) {
      while (index < value.length && value[index] !== ',') index++
    }
  }
  return urls
}

/** Whether a comment was written as `<!--…-->` (not `<?…>` or `<!…>`, which browsers also read as comments). */
function isWrittenComment(node: Nodes, source: string | undefined): boolean {
  if (source === undefined) return true
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return false
  return source.startsWith('<!--', start) && source.startsWith('-->', end - 3) && end - start >= 7
}

/** A comment is kept only when it cannot end early or hide markup (`<!--more-->` is fine). */
export function isSafeComment(value: string): boolean {
  return !/[<>]|--|^-|-$/.test(value)
}

function change(changes: Change[], ruleId: Change['ruleId'], reason: string, node: Nodes, tagsOnly = false): void {
  const position = node.position
  const start = position?.start.offset ?? 0
  const end = position?.end.offset ?? start
  if (tagsOnly) {
    // Only the tags changed: mark both ends, so the content between can stay verbatim.
    changes.push({ruleId, reason, start, end: start + 1})
    if (end - 1 > start) changes.push({ruleId, reason: '', start: end - 1, end})
  } else changes.push({ruleId, reason, start, end})
}

function truncate(value: string): string {
  return value.length > 60 ? value.slice(0, 57) + '…' : value
}
