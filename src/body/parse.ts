import type {Element, Root, RootContent} from 'hast'
import rehypeParse, {type ErrorCode} from 'rehype-parse'
import {unified} from 'unified'
import {limitNesting} from './limit-nesting.ts'
import {neutralizeTagNames} from './tag-names.ts'
import {childrenOf, escapes, type Escape} from './balance.ts'
import {VFile} from 'vfile'

/** The parse errors `parseBody` reads: repeated attributes, and where a tag, comment, doctype or CDATA is left unfinished. */
type ReadError = 'duplicateAttribute' | 'eofInTag' | 'eofInComment' | 'eofInDoctype' | 'eofInCdata'

/**
 * Every other parse error, turned off: hast-util-from-html makes a message
 * (a `VFileMessage`, its reason formatted) for each error it is not told to
 * ignore, which costs far more than parsing does (a line of 4,000 `<a `
 * holds 64,000 errors: seconds). Typed as every error code but those read,
 * so a code rehype-parse adds is named here or tsc fails.
 */
const ignored: Record<Exclude<ErrorCode, ReadError>, false> = {
  abandonedHeadElementChild: false, abruptClosingOfEmptyComment: false, abruptDoctypePublicIdentifier: false,
  abruptDoctypeSystemIdentifier: false, absenceOfDigitsInNumericCharacterReference: false, cdataInHtmlContent: false,
  characterReferenceOutsideUnicodeRange: false, closingOfElementWithOpenChildElements: false,
  controlCharacterInInputStream: false, controlCharacterReference: false, disallowedContentInNoscriptInHead: false,
  endTagWithAttributes: false, endTagWithTrailingSolidus: false, endTagWithoutMatchingOpenElement: false,
  eofBeforeTagName: false, eofInElementThatCanContainOnlyText: false, eofInScriptHtmlCommentLikeText: false,
  incorrectlyClosedComment: false, incorrectlyOpenedComment: false, invalidCharacterSequenceAfterDoctypeName: false,
  invalidFirstCharacterOfTagName: false, misplacedDoctype: false, misplacedStartTagForHeadElement: false,
  missingAttributeValue: false, missingDoctype: false, missingDoctypeName: false,
  missingDoctypePublicIdentifier: false, missingDoctypeSystemIdentifier: false, missingEndTagName: false,
  missingQuoteBeforeDoctypePublicIdentifier: false, missingQuoteBeforeDoctypeSystemIdentifier: false,
  missingSemicolonAfterCharacterReference: false, missingWhitespaceAfterDoctypePublicKeyword: false,
  missingWhitespaceAfterDoctypeSystemKeyword: false, missingWhitespaceBeforeDoctypeName: false,
  missingWhitespaceBetweenAttributes: false, missingWhitespaceBetweenDoctypePublicAndSystemIdentifiers: false,
  nestedComment: false, nestedNoscriptInHead: false, nonConformingDoctype: false,
  nonVoidHtmlElementStartTagWithTrailingSolidus: false, noncharacterCharacterReference: false,
  noncharacterInInputStream: false, nullCharacterReference: false, openElementsLeftAfterEof: false,
  surrogateCharacterReference: false, surrogateInInputStream: false,
  unexpectedCharacterAfterDoctypeSystemIdentifier: false, unexpectedCharacterInAttributeName: false,
  unexpectedCharacterInUnquotedAttributeValue: false, unexpectedEqualsSignBeforeAttributeName: false,
  unexpectedNullCharacter: false, unexpectedQuestionMarkInsteadOfTagName: false, unexpectedSolidusInTag: false,
  unknownNamedCharacterReference: false
}

/** One processor for every parse: frozen, so no call can change its settings. Parse errors are read for repeated attributes. */
const parser = unified()
  .use(rehypeParse, {fragment: true, emitParseErrors: true, ...ignored})
  .freeze()

/** How deep elements may nest: Chromium's HTML parser stops at 512. */
export const maxDepth = 512

/** The body, parsed. */
export interface ParsedBody {
  tree: Root
  /** Offsets (into the body) of the elements whose content was moved up because it nested too deeply. */
  flattened: number[]
  /**
   * Offsets of attributes a tag repeats: the parser (like a browser) keeps
   * the first copy, so the source as written says more than the tree.
   */
  repeated: number[]
  /** Where the body, placed inside a page's element, would reach out of it (`balance.ts`). */
  escapes: Escape[]
}

/**
 * Parse an HTML body into a hast tree with positions, with rehype-parse (as
 * a fragment), with nesting capped at `maxDepth` the way browsers cap it.
 *
 * The cap is set twice. Before parsing, a string-level estimate blanks out
 * start tags nested too deeply (parse5's tree builder is quadratic in the
 * depth, and turning its tree into hast recurses). After parsing, what still
 * nests deeper (elements the parser opened itself) is moved up, in order,
 * so every later walk, ours or a dependency's, stays far from the stack limit.
 *
 * @param html - The body (positions are offsets into it).
 * @returns The tree, and where nesting was capped.
 * @example
 * parseBody('<p>Hi</p>').tree.children[0].tagName
 * //=> 'p'
 */
export function parseBody(html: string): ParsedBody {
  const limited = limitNesting(html, maxDepth)
  const parsed = neutralizeTagNames(limited.html)
  const file = new VFile(parsed)
  const tree = parser.parse(file)
  const repeated: number[] = []
  let unfinished: number | undefined
  for (const message of file.messages) {
    const offset = message.place ? (('start' in message.place ? message.place.start : message.place).offset ?? 0) : 0
    if (message.ruleId === 'duplicate-attribute') repeated.push(offset)
    else if (message.ruleId === 'eof-in-tag' || message.ruleId === 'eof-in-comment' || message.ruleId === 'eof-in-doctype' || message.ruleId === 'eof-in-cdata') {
      unfinished = Math.max(0, parsed.lastIndexOf('<', offset - 1))
    }
  }
  // Before the tree changes: what reached out of it is read from the positions the parser gave.
  const found = escapes(tree, parsed, unfinished)
  const flattened = [...limited.cut, ...settleTree(tree)]
  return {tree, flattened, repeated, escapes: found}
}

/**
 * A formatting element the parser reopened (`<b>` again after `<p><b></p>`)
 * has no tag of its own in the source: parse5 gives it the original's start.
 * Such copies lose their position, so they count as made up, like an implied
 * `<tbody>`: they are looked through, and never written out as tags (a parser
 * reading the same source reopens them again).
 */
declare module 'hast' {
  interface Data {
    /** A formatting element the parser reopened: it has no tags in the source. */
    reopened?: boolean
  }
}

/**
 * One walk of the parsed tree, in document order: a formatting element the
 * parser reopened loses its position (the first element seen at a start
 * keeps it; template content keeps all), and content deeper than
 * `maxDepth` is moved up, so every later walk, ours or a dependency's,
 * stays far from the stack limit. Returns where nesting was capped
 * (offsets into the body).
 */
function settleTree(root: Root): number[] {
  const flattened: number[] = []
  const starts = new Set<number>()
  // Node, depth, and whether it lies in a template's content.
  const stack: Array<[Root | Element, number, boolean]> = [[root, 0, false]]
  while (stack.length > 0) {
    const [node, depth, inTemplate] = stack.pop()!
    if (node.type === 'element' && node.position && !inTemplate) {
      const start = node.position.start.offset!
      if (starts.has(start)) {
        delete node.position
        node.data = {...node.data, reopened: true} as Element['data']
      } else starts.add(start)
    }
    const children = childrenOf(node)
    if (depth >= maxDepth && children.some((child) => child.type === 'element' && childrenOf(child).length > 0)) {
      flattened.push(node.position?.start.offset ?? 0)
      moveUp(children)
    }
    const contentOfTemplate = inTemplate || children !== node.children
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index]!
      if (child.type === 'element') stack.push([child, depth + 1, contentOfTemplate])
    }
  }
  return flattened
}

/** Make every descendant a child, in document order, iteratively. */
function moveUp(children: RootContent[]): void {
  const flat: RootContent[] = []
  const pending: RootContent[] = [...children].reverse()
  while (pending.length > 0) {
    const child = pending.pop()!
    flat.push(child)
    if (child.type === 'element') {
      const grandchildren = childrenOf(child)
      for (let index = grandchildren.length - 1; index >= 0; index--) pending.push(grandchildren[index]!)
      grandchildren.length = 0
    }
  }
  children.length = 0
  // A loop, not push(...flat): spreading 100,000 arguments overflows the stack.
  for (const child of flat) children.push(child)
}

/**
 * Whether a tag of `html` has the same attribute twice. A browser keeps the
 * first and drops the others, so a check that reads a later copy would judge
 * a string other than the one the browser runs: the parser's own error is
 * the one to trust.
 *
 * @param html - A fragment.
 * @returns True when rehype-parse reports `duplicate-attribute`.
 * @example
 * hasDuplicateAttribute('<a href="x" href="y">z</a>')
 * //=> true
 */
export function hasDuplicateAttribute(html: string): boolean {
  // Only a tag can hold one: most strings have no `=` twice.
  if (html.indexOf('=') === html.lastIndexOf('=')) return false
  const file = new VFile(html)
  parser.parse(file)
  return file.messages.some((message) => message.ruleId === 'duplicate-attribute')
}
