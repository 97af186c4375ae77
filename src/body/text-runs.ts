import {InsertionMode, Token, type DefaultTreeAdapterMap, type Parser} from 'parse5'

/*
 * parse5's tokenizer cuts text into tokens of one kind each: white space,
 * NUL, everything else. Korean prose has a space every few characters, so a
 * paragraph became hundreds of tokens, each with its own location object,
 * its own dispatch, and its own append to the same text node: a third of
 * all the memory a parse allocated, and up to half of parse5's time.
 *
 * Where the tree builder does the same with white space as with other
 * characters (insert it, after reconstructing formatting elements), this
 * lets a run of text and spaces stay one token. What it builds is the
 * same: the text node gets the same value and the same location. Where
 * the two differ (tables, the head, a newline to drop after `<pre>` or
 * `<textarea>`), tokens stay as parse5 cuts them.
 */

const character = Token.TokenType.CHARACTER
const whitespace = Token.TokenType.WHITESPACE_CHARACTER

/** Insertion modes whose handling of white space and of other characters is the same, but for `framesetOk`. */
const textAlike: ReadonlySet<InsertionMode> = new Set([
  InsertionMode.IN_BODY,
  InsertionMode.IN_CAPTION,
  InsertionMode.IN_CELL,
  InsertionMode.IN_TEMPLATE,
  InsertionMode.TEXT,
  InsertionMode.IN_SELECT,
  InsertionMode.IN_SELECT_IN_TABLE
])

/** The parts of parse5's parser and tokenizer this reads (not in its public types). */
interface Internals {
  insertionMode: InsertionMode
  skipNextNewLine: boolean
  tokenizer: {
    inForeignNode: boolean
    currentCharacterToken: {type: Token.TokenType} | null
    _ensureCharacterToken?: (type: Token.TokenType) => void
  }
}

/**
 * Let `parser` keep runs of text and white space in one character token
 * where that builds the same tree. A parse5 without the method this wraps
 * is left as it is (slower, same result).
 *
 * @param parser - A parse5 parser, before it is given input.
 * @example
 * import {Parser} from 'parse5'
 * const parser = Parser.getFragmentParser(null, {sourceCodeLocationInfo: true})
 * joinTextRuns(parser)
 * parser.tokenizer.write('<p>한 문장 두 문장</p>', true)
 * parser.getFragment().childNodes[0].childNodes.length
 * //=> 1
 */
export function joinTextRuns(parser: Parser<DefaultTreeAdapterMap>): void {
  const internals = parser as unknown as Internals
  const tokenizer = internals.tokenizer
  const ensure = tokenizer._ensureCharacterToken
  if (typeof ensure !== 'function') return
  // An own property: the tokenizer's state functions call it as `this._ensureCharacterToken(type)`.
  tokenizer._ensureCharacterToken = function (type) {
    const current = tokenizer.currentCharacterToken
    if (current !== null && current.type !== type && joins(internals, current.type, type)) {
      // The run goes on as text: it holds a character that is not white space.
      current.type = character
      return
    }
    ensure.call(tokenizer, type)
  }
}

function joins(parser: Internals, current: Token.TokenType, next: Token.TokenType): boolean {
  if (current === whitespace) {
    // After `<pre>` and `<textarea>` a leading newline is dropped, but only from a white space token.
    if (next !== character || parser.skipNextNewLine) return false
  } else if (current !== character || next !== whitespace) return false
  // In foreign content (SVG, MathML) both are inserted as they are.
  return parser.tokenizer.inForeignNode || textAlike.has(parser.insertionMode)
}
