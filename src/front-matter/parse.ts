import {isAlias, isCollection, isMap, isNode, isPair, isScalar, parseDocument, visit, YAMLMap, type Alias, type Document} from 'yaml'
import type {Message, Meta, MetaValue} from '../types.ts'
import {LineIndex} from '../diagnostics/line-index.ts'
import {createFrontMatterMessage as createMessage} from '../diagnostics/message.ts'
import {splitPost, type FrontMatterBlock} from '../post/split.ts'
import {emptyMeta, isKnownKey, setKnownKey} from './normalize.ts'
import {recoverPairs, type RecoveredPair} from './recover.ts'

/** Aliases a front matter may expand before it is refused ("billion laughs"). */
export const maxAliasCount = 100

// A library never writes to the console: yaml's default `logLevel` ('warn') sends warnings to
// `process.emitWarning` or `console.warn` (`toJS` on a key that is a collection, `[a, b]: x`).
const quiet = {logLevel: 'error'} as const
const yamlOptions = {...quiet, prettyErrors: false, uniqueKeys: true} as const

/** The front matter of a raw post, parsed. */
export interface FrontMatterResult {
  meta: Meta
  messages: Message[]
  /** Where the block is, or null when the post has none. */
  block: FrontMatterBlock | null
  /** Offset where the body starts. */
  bodyStart: number
  /** A dependency error behind a fatal message, kept for `ArticleError#cause`. */
  cause?: unknown
}

/**
 * Parse the YAML front matter of a raw post into a typed `Meta`.
 *
 * Never throws on bad YAML: problems are messages positioned in the raw post
 * (the opening fence and a byte order mark are counted). Alias bombs are
 * refused, and `__proto__` keys stay plain data.
 *
 * @param raw - The whole raw post (or just its front matter block).
 * @returns The meta, messages, and where the body starts.
 * @example
 * parseFrontMatter('---\ntitle: Hi\ntags: a b\n---\n').meta.tags
 * //=> ['a', 'b']
 */
export function parseFrontMatter(raw: string): FrontMatterResult {
  return parseFrontMatterWith(raw, new LineIndex(raw))
}

/** How deep front matter values may nest (collections in collections): real posts use two or three levels. */
export const maxNesting = 64

/**
 * Whether YAML text could nest deeper than the parser can take, judged
 * before parsing: flow collections (`[`, `{`) open deeper than `limit`
 * outside quotes, or a line indented, or opening compact `- ` entries, past
 * what `limit` levels could need. yaml composes nested collections by
 * recursion, and V8 can abort the whole process near the stack's end
 * instead of throwing; `nestsDeeperThan` then checks what was parsed.
 */
function mayNestTooDeep(yaml: string, limit: number): boolean {
  let depth = 0
  let quote = 0
  let lineStart = true
  let indent = 0
  for (let index = 0; index < yaml.length; index++) {
    const code = yaml.charCodeAt(index)
    if (code === 10 /* \n */) {
      lineStart = true
      indent = 0
      // A quote in a plain scalar (`5" screen`) opens nothing: it must not hide the lines after it.
      quote = 0
      continue
    }
    if (lineStart) {
      // Indentation and compact sequence entries (`- - - x`) each open a level.
      if (code === 32 || code === 45 /* - */) {
        if (++indent > limit * 8) return true
        continue
      }
      lineStart = false
    }
    if (quote !== 0) {
      if (code === quote) quote = 0
      else if (code === 92 /* \ */ && quote === 34) index++
    } else if (code === 34 || code === 39) quote = code
    else if (code === 91 /* [ */ || code === 123 /* { */) {
      if (++depth > limit) return true
    } else if (code === 93 /* ] */ || code === 125 /* } */) depth = Math.max(0, depth - 1)
    else if (code === 35 /* # */) {
      // A comment runs to the end of the line.
      const end = yaml.indexOf('\n', index)
      index = end === -1 ? yaml.length : end - 1
    }
  }
  return false
}

/** Whether a YAML node nests collections deeper than `limit`, found without recursion. */
function nestsDeeperThan(root: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[root, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (isPair(node)) {
      stack.push([node.key, depth], [node.value, depth])
    } else if (isCollection(node)) {
      if (depth > limit) return true
      for (const item of node.items) stack.push([item, depth + 1])
    }
  }
  return false
}

/** `parseFrontMatter` with the caller's line index (parsePost shares one). */
export function parseFrontMatterWith(raw: string, lines: LineIndex): FrontMatterResult {
  const split = splitPost(raw)
  const messages: Message[] = []
  const meta = emptyMeta()
  const result: FrontMatterResult = {meta, messages, block: split.frontMatter, bodyStart: split.bodyStart}

  if (split.unclosed) {
    messages.push(createMessage(lines, 'front-matter-unclosed', 'Expected a closing `---` for the front matter', split.bodyStart, split.bodyStart + 3))
    return result
  }
  const block = split.frontMatter
  if (!block) {
    messages.push(createMessage(lines, 'front-matter-missing', 'Expected front matter (`---`) at the start of the post', split.bodyStart))
    return result
  }

  const offset = block.contentStart
  const yaml = readLineBreaks(raw.slice(offset, block.contentEnd))
  let entries: Entry[]
  let value: unknown
  try {
    if (mayNestTooDeep(yaml, maxNesting)) throw new RangeError(`Expected the front matter to nest at most ${maxNesting} deep`)
    const document = parseDocument(yaml, yamlOptions)
    if (isSet(document.contents)) {
      messages.push(createMessage(lines, 'front-matter-not-mapping', 'Expected the front matter to be a mapping of `key: value` lines, not a set (`!!set`)', offset, block.contentEnd))
      return result
    }
    const damaged = document.errors.some((error) => error.code !== 'DUPLICATE_KEY')
    const read = damaged ? recoverPairs(yaml, document, {options: yamlOptions}) : pairsOf(document)
    reportYamlErrors(result, lines, block, document, read)
    // Only `*name` makes an alias: YAML without one has none to resolve.
    entries = !yaml.includes('*') ? read : withoutUnresolvedAliases(read, (alias, base, recursive) => {
      const [start, end] = alias.range ?? [0, 0]
      const name = alias.source
      const reason = recursive ? `Expected the alias \`*${name}\` outside the value anchored \`&${name}\` (it would contain itself)` : `Expected an anchor \`&${name}\` before the alias \`*${name}\``
      messages.push(createMessage(lines, 'front-matter-yaml', reason + '; its key was left out', offset + base + start, offset + base + end))
    })
    if (damaged || entries.length < read.length) {
      // Only the pairs still read: the rest is left out, its error reported where it is.
      const map = new YAMLMap()
      map.items = entries.map((entry) => entry.pair)
      document.contents = map as typeof document.contents
    }
    // Converting recurses once per level, and near the stack's end V8 can abort the process instead of throwing.
    if (nestsDeeperThan(document.contents, maxNesting)) throw new RangeError(`Expected the front matter to nest at most ${maxNesting} deep`)
    value = document.toJS({maxAliasCount})
  } catch (error) {
    // yaml throws ReferenceError at the alias limit, and deep nesting can overflow the stack.
    const alias = error instanceof ReferenceError && /alias/i.test(error.message)
    messages.push(
      createMessage(
        lines,
        alias ? 'front-matter-alias-limit' : 'front-matter-yaml',
        alias ? `Expected at most ${maxAliasCount} alias expansions in the front matter` : 'Could not read the front matter: it is nested too deeply',
        block.start,
        block.end
      )
    )
    result.cause = error
    return result
  }

  if (value === null || value === undefined) return result // Only comments, or nothing.
  if (typeof value !== 'object' || Array.isArray(value) || value instanceof Map) {
    messages.push(createMessage(lines, 'front-matter-not-mapping', 'Expected the front matter to be a mapping of `key: value` lines', offset, block.contentEnd))
    return result
  }

  const written = new Map<string, string>()
  const places = new Map<string, [number, number]>()
  for (const {pair, base} of entries) {
    if (!isScalar(pair.key)) continue
    const key = String(pair.key.value)
    const range = pair.key.range
    if (range) places.set(key, [offset + base + range[0], offset + base + range[1]])
    if (isScalar(pair.value) && typeof pair.value.source === 'string') written.set(key, pair.value.source)
  }

  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const metaValue = toMetaValue(item)
    if (!isKnownKey(key)) {
      meta.extra.push([key, metaValue])
      continue
    }
    const problem = setKnownKey(meta, key, metaValue, written.get(key))
    if (problem) {
      const [start, end] = places.get(key) ?? [block.start, block.start + 3]
      messages.push(createMessage(lines, problem.ruleId, problem.reason, start, end))
    }
  }
  return result
}

/** A top-level pair of the front matter, and where the text it was parsed from starts in the YAML. */
type Entry = Pick<RecoveredPair, 'pair' | 'base' | 'asText'>

/**
 * The pairs whose aliases all name an anchor set before them, outside
 * themselves, in the pairs kept. yaml composes `b: *x` without an error and
 * throws when converting it (a `ReferenceError` that must not pass for the
 * alias limit); an anchor can be in a line recovery left out; and
 * `&a [*a]` converts to a value that contains itself, which no JSON holds.
 */
function withoutUnresolvedAliases(entries: Entry[], report: (alias: Alias, base: number, recursive: boolean) => void): Entry[] {
  const anchors = new Set<string>()
  return entries.filter(({pair, base}) => {
    const set: string[] = []
    let unresolved: Alias | undefined
    let recursive = false
    visit(pair as unknown as Parameters<typeof visit>[0], {
      Node(_, node, path) {
        if (isAlias(node)) {
          recursive = path.some((ancestor) => isNode(ancestor) && ancestor.anchor === node.source)
          if (!recursive && (anchors.has(node.source) || set.includes(node.source))) return undefined
          unresolved = node
          return visit.BREAK
        }
        if (node.anchor) set.push(node.anchor)
        return undefined
      }
    })
    if (unresolved) {
      report(unresolved, base, recursive)
      return false
    }
    for (const anchor of set) anchors.add(anchor)
    return true
  })
}

/** The pairs of a Document yaml read without errors. */
function pairsOf(document: Document.Parsed): Entry[] {
  return isMap(document.contents) ? document.contents.items.map((pair) => ({pair, base: 0, asText: null})) : []
}

/**
 * Read line breaks as YAML defines them: `\r\n`, `\r` and `\n` each end a
 * line (<https://yaml.org/spec/1.2.2/#54-line-break-characters>), and yaml
 * reads only the first and the last. A lone `\r` becomes `\n`: same length,
 * same offsets.
 *
 * @param text - YAML as written.
 * @returns The YAML with every line break one yaml reads.
 */
export function readLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text
}

/** Whether a node is a `!!set`: a mapping to yaml, whose keys a meta could not hold as keys with values. */
function isSet(node: unknown): boolean {
  return isMap(node) && node.tag === 'tag:yaml.org,2002:set'
}

/**
 * Report yaml's errors, positioned in the raw post. A syntax error is an
 * error (other tools cannot read the post), even when the values around it
 * were still read; the reason says which keys were read as text.
 */
function reportYamlErrors(result: FrontMatterResult, lines: LineIndex, block: FrontMatterBlock, document: Document.Parsed, entries: Entry[]): void {
  const offset = block.contentStart
  // An error at the end of the YAML ("expected `]`") belongs to its last line, not to the closing fence.
  const last = Math.max(offset, block.contentEnd - 1)
  for (const error of document.errors) {
    const duplicate = error.code === 'DUPLICATE_KEY'
    let reason = yamlReason(error.message)
    if (!duplicate) {
      result.cause ??= error
      const recovered = entries.find((entry) => entry.asText && entry.asText[0] <= error.pos[0] && error.pos[0] <= entry.asText[1])
      if (recovered && isScalar(recovered.pair.key)) reason += `; \`${String(recovered.pair.key.value)}\` was read as text (quote its value to make the YAML valid)`
    }
    const ruleId = duplicate ? 'front-matter-duplicate-key' : 'front-matter-yaml'
    result.messages.push(createMessage(lines, ruleId, reason, Math.min(offset + error.pos[0], last), Math.min(offset + error.pos[1], last)))
  }
}

/** Make a YAML value JSON-safe: non-finite numbers become their YAML text. */
function toMetaValue(value: unknown): MetaValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'number') {
    // JSON has no -0 (`x: -0` would not survive a JSON copy of the Article): it is 0.
    if (Number.isFinite(value)) return value === 0 ? 0 : value
    return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf'
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'bigint') return String(value)
  if (Array.isArray(value)) return value.map((item) => toMetaValue(item))
  if (value instanceof Map) {
    const object: {[key: string]: MetaValue} = {}
    for (const [key, item] of value) defineValue(object, String(key), toMetaValue(item))
    return object
  }
  if (value instanceof Set) return [...value].map((item) => toMetaValue(item))
  if (value instanceof Date) return value.toISOString()
  if (ArrayBuffer.isView(value)) return Array.from(value as Uint8Array).join(',')
  if (typeof value === 'object') {
    const object: {[key: string]: MetaValue} = {}
    for (const [key, item] of Object.entries(value)) defineValue(object, key, toMetaValue(item))
    return object
  }
  return String(value)
}

// `object[key] = value` would run the `__proto__` setter; define an own property instead.
function defineValue(object: {[key: string]: MetaValue}, key: string, value: MetaValue): void {
  Object.defineProperty(object, key, {value, enumerable: true, writable: true, configurable: true})
}

// yaml's messages end with " at line L, column C" relative to the YAML; ours are positioned in the post.
function yamlReason(message: string): string {
  const reason = message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim()
  return reason.length > 0 ? reason : 'Invalid YAML in the front matter'
}
