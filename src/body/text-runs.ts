import {InsertionMode, Token, Tokenizer as Parse5Tokenizer, TokenizerMode, type DefaultTreeAdapterMap, type Parser} from 'parse5'

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
 *
 * Within a run, and within a quoted attribute value, the tokenizer still
 * took one character at a time through its whole loop only to extend the
 * run by one: `readRunsWhole` takes the rest of a run in one step.
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
  onParseError: unknown
  tokenizer: Tokenizer
}

/** The parts of parse5's tokenizer this reads and replaces. */
interface Tokenizer {
  /** The parser the tokenizer reports to. */
  handler: Internals
  state: number
  inForeignNode: boolean
  currentCharacterToken: {type: Token.TokenType} | null
  /** The text run being built: `preprocessor.html.slice(runStart, runEnd)` is added to the token at its next flush. */
  runEnd: number
  /** `isEol`: the character just read ends a line; the line count moves on when the next is read. */
  preprocessor: {html: string; pos: number; isEol: boolean}
  _ensureCharacterToken?: (type: Token.TokenType) => void
  _stateData?: (code: number) => void
  _stateAttributeValueDoubleQuoted?: (code: number) => void
  _stateAttributeValueSingleQuoted?: (code: number) => void
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
  const tokenizer = ownTokenizer(parser, ['_ensureCharacterToken'])
  if (!tokenizer) return
  // An own property: the tokenizer's state functions call it as `this._ensureCharacterToken(type)`.
  // One module function for every parse, not a closure per parse: closures made per parse and
  // called from parse5's hot paths led V8 to allocate parse5's nodes in the old generation, where
  // dead trees kept young objects alive (parse5 alone on the sample: 5 MB promoted per scavenge,
  // unpatched 0.5 MB; parsePost 1.3 MB, now 7 KB).
  tokenizer._ensureCharacterToken = ensureCharacterToken
}

function ensureCharacterToken(this: Tokenizer, type: Token.TokenType): void {
  const current = this.currentCharacterToken
  if (current !== null && current.type !== type && joins(this.handler, current.type, type)) {
    // The run goes on as text: it holds a character that is not white space.
    current.type = character
    return
  }
  originals._ensureCharacterToken.call(this, type)
}

/**
 * Let `parser` read the rest of a run in one step: text in the data state,
 * and quoted attribute values (a third of the corpus's characters are in
 * `srcset`, `style` and long URLs). parse5 read each character through its
 * whole loop (read, line tracking, state dispatch, token checks) only to
 * extend the run by one. After a character went into a run, the characters
 * that would go into it the same way are taken at once: the same run, the
 * same position. Not right after a line break, never with a parse error
 * handler (every character is checked then); a parse5 without these
 * methods is left as it is.
 *
 * @param parser - A parse5 parser, before it is given input (after `joinTextRuns`, whose joins it follows).
 * @example
 * import {Parser} from 'parse5'
 * const parser = Parser.getFragmentParser(null, {sourceCodeLocationInfo: true})
 * readRunsWhole(parser)
 * parser.tokenizer.write('<img alt="한 장의 사진" src=\'a.png\'>', true)
 * parser.getFragment().childNodes[0].attrs.map((attribute) => attribute.value)
 * //=> ['한 장의 사진', 'a.png']
 */
export function readRunsWhole(parser: Parser<DefaultTreeAdapterMap>): void {
  const tokenizer = ownTokenizer(parser, ['_stateData', '_stateAttributeValueDoubleQuoted', '_stateAttributeValueSingleQuoted'])
  if (!tokenizer || typeof tokenizer.runEnd !== 'number' || tokenizer.handler.onParseError) return
  tokenizer._stateData = stateData
  tokenizer._stateAttributeValueDoubleQuoted = stateDoubleQuoted
  tokenizer._stateAttributeValueSingleQuoted = stateSingleQuoted
}

function stateData(this: Tokenizer, code: number): void {
  originals._stateData.call(this, code)
  // Only after a character that went into a text token, in text: white space goes on where it joins.
  const token = this.currentCharacterToken
  if (token === null || token.type !== character || this.state !== TokenizerMode.DATA) return
  takeRest(this, 0x3c, joins(this.handler, character, whitespace))
}

function stateDoubleQuoted(this: Tokenizer, code: number): void {
  const state = this.state
  originals._stateAttributeValueDoubleQuoted.call(this, code)
  if (this.state === state) takeRest(this, 0x22, true)
}

function stateSingleQuoted(this: Tokenizer, code: number): void {
  const state = this.state
  originals._stateAttributeValueSingleQuoted.call(this, code)
  if (this.state === state) takeRest(this, 0x27, true)
}

/** parse5's own methods, which the replacements call. */
const originals = Parse5Tokenizer.prototype as unknown as Required<Pick<Tokenizer, '_ensureCharacterToken' | '_stateData' | '_stateAttributeValueDoubleQuoted' | '_stateAttributeValueSingleQuoted'>>

type Replaced = keyof typeof originals

/** Whether this parse5 has every method replaced here (decided once, at load). */
const hasOriginals = [originals._ensureCharacterToken, originals._stateData, originals._stateAttributeValueDoubleQuoted, originals._stateAttributeValueSingleQuoted].every(
  (method) => typeof method === 'function'
)

/**
 * The parser's tokenizer, when it is one of the parse5 this module knows
 * (not another copy or version), reports to that parser, and still has its
 * own `methods`; undefined otherwise, and the parser is left as it is.
 */
function ownTokenizer(parser: Parser<DefaultTreeAdapterMap>, methods: readonly Replaced[]): Tokenizer | undefined {
  const internals = parser as unknown as Internals
  const tokenizer = internals.tokenizer
  if (!hasOriginals || Object.getPrototypeOf(tokenizer) !== Parse5Tokenizer.prototype || tokenizer.handler !== internals) return undefined
  return methods.every((name) => tokenizer[name] === originals[name]) ? tokenizer : undefined
}

/**
 * When the character just read went into the run, as its last, and did not end a line
 * (the next read starts the new line: that one is left to parse5), take the rest of the
 * run: up to `stop` (`<` for text, the quote for a value), `&` (a reference), NUL, CR and
 * LF (replaced or counted as lines when read), surrogates (read in pairs, with gaps
 * parse5 keeps for going back: left to it, though the tests find no difference), and
 * white space unless `spaces`.
 */
function takeRest(tokenizer: Tokenizer, stop: number, spaces: boolean): void {
  const preprocessor = tokenizer.preprocessor
  if (tokenizer.runEnd !== preprocessor.pos + 1 || preprocessor.isEol) return
  const html = preprocessor.html
  let index = preprocessor.pos + 1
  for (; index < html.length; index++) {
    const code = html.charCodeAt(index)
    if (code === stop || code === 0x26 || code === 0 || code === 0x0a || code === 0x0d || (code >= 0xd8_00 && code <= 0xdf_ff)) break
    if (!spaces && (code === 0x20 || code === 0x09 || code === 0x0c)) break
  }
  if (index === tokenizer.runEnd) return
  preprocessor.pos = index - 1
  tokenizer.runEnd = index
}

function joins(parser: Internals, current: Token.TokenType, next: Token.TokenType): boolean {
  if (current === whitespace) {
    // After `<pre>` and `<textarea>` a leading newline is dropped, but only from a white space token.
    if (next !== character || parser.skipNextNewLine) return false
  } else if (current !== character || next !== whitespace) return false
  // In foreign content (SVG, MathML) both are inserted as they are.
  return parser.tokenizer.inForeignNode || textAlike.has(parser.insertionMode)
}
