import type {Element, ElementContent, Nodes, Parents, Properties, Root} from 'hast'
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
  /** Tags `isVerbatimSafe` accepted so far, by their exact text. */
  tags?: Set<string>
  /** Whole strings `isVerbatimSafe` accepted so far. */
  verbatim?: Set<string>
}

/**
 * An empty memo for one call. `verbatim` is left for the caller to start
 * (a parse starts it only when a rewrite will be read); every memo has the
 * same keys, so the settings objects made from it keep one shape.
 */
export function createCheckMemo(): CheckMemo {
  return {styles: new Map(), definitions: new Map(), tags: new Set(), verbatim: undefined}
}

/** What the sanitiser needs. */
export interface SanitizeSettings extends CheckMemo {
  schema: Schema
  embedHosts: readonly string[]
  /** Keep `raw` nodes (the renderer makes them only from HTML it has checked). */
  keepRaw?: boolean
  /** The source the tree was parsed from, to tell real comments from bogus ones (`<?php …>`). */
  source?: string
}

type Chain = {name: string; parent: Chain | undefined} | undefined

const own = Object.prototype.hasOwnProperty

/**
 * Sanitise a hast tree in place with a hast-util-sanitize schema, reporting
 * every change instead of making it silently.
 *
 * Iterative, so any depth is fine. Elements not allowed are unwrapped
 * (their content kept), except `strip` ones, which go with their content;
 * attributes are filtered by the schema, URLs by protocol, `style` by
 * declaration, ids and names that would clobber DOM properties dropped, and
 * iframes kept only from `embedHosts`, sandboxed.
 *
 * @param tree - The tree to clean (changed in place).
 * @param settings - Schema and embed hosts.
 * @returns The changes, in document order of their start, and images without `alt`.
 */
export function sanitizeTree(tree: Root, settings: SanitizeSettings): Sanitized {
  const changes: Change[] = []
  const imagesWithoutAlt: Array<[number, number]> = []
  const stack: Array<[Parents, Chain]> = [[tree, undefined]]
  while (stack.length > 0) {
    const [parent, chain] = stack.pop()!
    const before = changes.length
    misplaced(parent, changes)
    const pending = parent.children.slice().reverse() as Nodes[]
    const output: Nodes[] = []
    while (pending.length > 0) {
      const node = pending.pop()!
      if (node.type === 'text') {
        const previous = output.at(-1)
        if (previous?.type === 'text') {
          // A removal left two texts side by side: a parser would read them as one.
          previous.value += node.value
          if (previous.position && node.position) previous.position = {start: previous.position.start, end: node.position.end}
        } else output.push(node)
      } else if (node.type === 'comment') {
        if (settings.schema.allowComments && isSafeComment(node.value) && isWrittenComment(node, settings.source)) output.push(node)
        else change(changes, 'sanitized-comment', 'Removed a comment that could change how the page is parsed', node)
      } else if (node.type === 'element') {
        const kept = element(node, chain, settings, changes, pending)
        if (kept) {
          if (node.tagName === 'img' && node.properties['alt'] === undefined) imagesWithoutAlt.push([node.position?.start.offset ?? 0, node.position?.end.offset ?? 0])
          output.push(node)
          stack.push([node, {name: node.tagName, parent: chain}])
        }
      } else if ((node as {type: string}).type === 'raw' && settings.keepRaw) {
        output.push(node)
      } else {
        change(changes, 'sanitized-element', `Removed a \`${node.type}\` node`, node)
      }
    }
    if (changes.length > before) {
      // A node the parser placed at an empty range (`<script>` left open at the end) would not
      // touch its parent's range: mark the parent too, so the item around it is rewritten.
      for (let index = before; index < changes.length; index++) {
        const change = changes[index]!
        if (change.end <= change.start && parent.position) {
          const start = parent.position.start.offset ?? 0
          changes.push({ruleId: change.ruleId, reason: '', start, end: start + 1})
          break
        }
      }
    }
    parent.children = output as ElementContent[]
  }
  return {changes: changes.sort((a, b) => a.start - b.start), imagesWithoutAlt}
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

/** Check one element; returns whether it stays (unwrapped content goes onto `pending`). */
function element(node: Element, chain: Chain, settings: SanitizeSettings, changes: Change[], pending: Nodes[]): boolean {
  const {schema} = settings
  const name = node.tagName
  if (name === 'iframe') return embed(node, settings, changes)
  if (!allowedTag(schema, name, chain)) {
    if (schema.strip?.includes(name)) {
      change(changes, 'sanitized-element', `Removed \`<${name}>\` with its content: it is not allowed in article HTML`, node)
      return false
    }
    change(changes, 'sanitized-element', `Removed the \`<${name}>\` tag (its content was kept): it is not allowed in article HTML`, node, true)
    const children = node.children
    for (let index = children.length - 1; index >= 0; index--) pending.push(children[index]!)
    return false
  }
  properties(node, settings, changes)
  return true
}

function allowedTag(schema: Schema, name: string, chain: Chain): boolean {
  if (!name || name === '*' || (schema.tagNames && !schema.tagNames.includes(name))) return false
  const ancestors = schema.ancestors && own.call(schema.ancestors, name) ? schema.ancestors[name] : undefined
  if (!ancestors) return true
  for (let link = chain; link; link = link.parent) if (ancestors.includes(link.name)) return true
  return false
}

function embed(node: Element, settings: SanitizeSettings, changes: Change[]): boolean {
  const allowed = allowedTag(settings.schema, 'iframe', undefined)
  const src = node.properties['src']
  const host = typeof src === 'string' ? embedHost(src) : undefined
  if (!allowed || !host || !settings.embedHosts.includes(host)) {
    change(changes, 'sanitized-embed', `Removed an \`<iframe>\`${host ? ` from \`${host}\`` : ''}: only embeds from allowed hosts are kept`, node)
    return false
  }
  properties(node, settings, changes)
  node.children = []
  const sandbox = node.properties['sandbox']
  if (!isAllowedSandbox(sandbox)) {
    node.properties['sandbox'] = embedSandbox.split(' ')
    const reason = sandbox === undefined ? `Added \`sandbox\` to the \`<iframe>\` from \`${host}\`` : `Replaced the \`sandbox\` of the \`<iframe>\` from \`${host}\`: it allowed more than a player needs`
    change(changes, 'sanitized-embed', reason, node, true)
  }
  return true
}

function properties(node: Element, settings: SanitizeSettings, changes: Change[]): void {
  const result: Properties = {}
  for (const key of Object.keys(node.properties)) {
    const value = node.properties[key]
    const checked = checkProperty(settings.schema, node.tagName, key, value, settings)
    if (checked.ok) {
      result[key] = checked.value
      continue
    }
    const attribute = find(htmlSpace, key).attribute
    const shown = truncate(String(Array.isArray(value) ? value.join(' ') : value))
    if (checked.why === 'style') {
      change(changes, 'sanitized-style', `Removed CSS \`${truncate(checked.dropped)}\` from \`<${node.tagName} style>\``, node, true)
      if (checked.value !== undefined) result[key] = checked.value
    } else {
      const why = checked.why === 'clobber' ? 'it would clobber a DOM property' : checked.why === 'value' ? 'its value is unsafe' : 'it is not allowed'
      change(changes, 'sanitized-attribute', `Removed \`${attribute}="${shown}"\` from \`<${node.tagName}>\`: ${why}`, node, true)
    }
  }
  const {schema} = settings
  const required = schema.required && own.call(schema.required, node.tagName) ? schema.required[node.tagName] : undefined
  if (required) {
    for (const key of Object.keys(required)) if (!own.call(result, key)) result[key] = required[key] as Properties[string]
  }
  node.properties = result
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
