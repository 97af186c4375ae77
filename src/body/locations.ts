import {defaultTreeAdapter, Parser, type DefaultTreeAdapterMap, type Token} from 'parse5'

/*
 * Source locations as parse5 keeps them, made cheaper. parse5 hands nodes
 * locations of several shapes (a token's, a spread copy with `startTag` and
 * per-attribute `attrs`) and replaces them with a spread copy at every end
 * update (each text run, each element end): the property accesses on them
 * go megamorphic, and the copies were the largest single cost of a parse.
 * Here every node gets one object with the fields the hast conversion
 * reads, always in the same order, and ends are written into it.
 */

type ParentNode = DefaultTreeAdapterMap['parentNode']
type ChildNode = DefaultTreeAdapterMap['childNode']

/** A node's location as the hast conversion reads it (no per-attribute locations). */
interface Located {
  startLine: number
  startCol: number
  startOffset: number
  endLine: number
  endCol: number
  endOffset: number
  startTag: Token.Location | undefined
  endTag: Token.Location | undefined
}

/** parse5's default tree, with locations of one shape. */
const treeAdapter: typeof defaultTreeAdapter = {
  ...defaultTreeAdapter,
  setNodeSourceCodeLocation(node, location) {
    node.sourceCodeLocation = location ? locationOf(location, (location as Partial<Token.ElementLocation>).startTag) : location
  },
  updateNodeSourceCodeLocation(node, end) {
    const location = node.sourceCodeLocation as Located | null | undefined
    if (!location) {
      node.sourceCodeLocation = {...end} as Token.ElementLocation
      return
    }
    location.endLine = end.endLine!
    location.endCol = end.endCol!
    location.endOffset = end.endOffset!
    if (end.endTag) location.endTag = end.endTag
  }
}

/** The method of parse5's parser replaced here (not in its public types). */
interface Internals {
  _attachElementToTree?: typeof attachElement
}

/**
 * A parse5 fragment parser (as `parseFragment` makes one) that keeps source
 * locations in one object per node.
 *
 * parse5 also gives each new element a spread copy of its start tag's
 * location, only for the adapter to copy it again: that method is replaced
 * by one that makes the node's own location straight from the tag's. A
 * parse5 without it is left as it is (the same tree, a little slower).
 * (Element ends make two objects each as well; sparing them measured
 * nothing, so they are left to parse5.)
 *
 * @returns A parser to give the HTML to (`parser.tokenizer.write(html, true)`, then `parser.getFragment()`).
 * @example
 * const parser = locatingParser()
 * parser.tokenizer.write('<p>Hi</p>', true)
 * parser.getFragment().childNodes[0].sourceCodeLocation.endTag.startOffset
 * //=> 5
 */
export function locatingParser(): Parser<DefaultTreeAdapterMap> {
  const parser = Parser.getFragmentParser(null, {sourceCodeLocationInfo: true, treeAdapter})
  const internals = parser as unknown as Internals
  if (typeof internals._attachElementToTree === 'function') internals._attachElementToTree = attachElement
  return parser
}

/** parse5's `_attachElementToTree` with source locations, the location made once. */
function attachElement(element: ChildNode, location: Token.Location | null, at: {parent: ParentNode; beforeElement?: ChildNode | null}): void {
  element.sourceCodeLocation = location ? locationOf(location, location) : null
  if (at.beforeElement) treeAdapter.insertBefore(at.parent, element, at.beforeElement)
  else treeAdapter.appendChild(at.parent, element)
}

function locationOf(location: Token.Location, startTag: Token.Location | undefined): Token.ElementLocation {
  const result: Located = {
    startLine: location.startLine,
    startCol: location.startCol,
    startOffset: location.startOffset,
    endLine: location.endLine,
    endCol: location.endCol,
    endOffset: location.endOffset,
    startTag,
    endTag: undefined
  }
  return result as Token.ElementLocation
}
