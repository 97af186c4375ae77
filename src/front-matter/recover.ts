import {isMap, isScalar, Pair, parseDocument, Scalar, type Document, type ParsedNode} from 'yaml'

/** One top-level `key: value` pair kept from YAML with errors. */
export interface RecoveredPair {
  pair: Pair<unknown, unknown>
  /** Offset, in the whole YAML, of the text the pair was parsed from (its nodes' ranges are relative to it). */
  base: number
  /** Where the damaged text whose first line gave the value, read as text, starts and ends (offsets in the whole YAML); null when yaml read the value. */
  asText: [number, number] | null
}

/** What `recoverPairs` needs: yaml's options. */
export interface RecoverSettings {
  options: Parameters<typeof parseDocument>[1]
}

/**
 * Every top-level pair yaml can still read in a front matter with errors,
 * in order. yaml's Document keeps composing after an error, so a pair whose
 * text holds no error is taken as yaml read it. For a pair with an error in
 * it (or at its edge), its entry (its first line and the lines indented
 * under it) is parsed again on its own; when that still fails, its first
 * line is, and when that fails too, its key is kept with the rest of that
 * line as a string (`title: [속보] 뉴스` is a flow sequence followed by
 * garbage to YAML, a title to its author). The lines after the first are
 * read again the same way, so one broken value (an unclosed quote, a
 * `key: a: b`) cannot take the keys after it along. A line with no key
 * (a title broken over two lines leaves its second half unindented) is
 * left out: its error is reported where it is.
 *
 * Each step parses a shorter text than the one before, and all of them
 * together at most about twice the YAML (a hostile front matter of many
 * broken lines would otherwise be parsed again once per line); what is left
 * when that runs out is not read, and its errors are reported all the same.
 *
 * @param yaml - The whole front matter's YAML (lone `\r`s already read as line breaks).
 * @param document - yaml's Document of it (with errors).
 * @param settings - yaml's options.
 * @returns The pairs, with where each was parsed.
 */
export function recoverPairs(yaml: string, document: Document.Parsed, settings: RecoverSettings): RecoveredPair[] {
  const state: State = {yaml, settings, budget: 16 * 1024 + 2 * yaml.length, pairs: []}
  readPairs(state, 0, yaml.length, document)
  return state.pairs
}

interface State {
  yaml: string
  settings: RecoverSettings
  /** Characters that may still be parsed (each parse also costs 256 for its setup). */
  budget: number
  pairs: RecoveredPair[]
}

/** Read the pairs of the YAML from `from` to `to` (`document`: its Document, when already parsed). */
function readPairs(state: State, from: number, to: number, document?: Document.Parsed): void {
  const text = state.yaml.slice(from, to)
  const parsed = document ?? parse(state, text)
  if (!parsed) return
  const errors = damage(parsed)
  const contents = parsed.contents
  if (errors.length === 0) {
    if (isMap(contents)) for (const pair of contents.items) state.pairs.push({pair, base: from, asText: null})
    return
  }
  if (!isMap(contents) || contents.items.length === 0) {
    // The damage comes before any key: leave its first line out and read on.
    readEntries(state, from, to)
    return
  }
  // Pairs by the line they start on: yaml can start a pair in the middle of a broken line.
  const groups: Array<{start: number; pairs: Array<Pair<unknown, unknown>>}> = []
  for (const pair of contents.items) {
    const start = text.lastIndexOf('\n', startOf(pair) - 1) + 1
    const group = groups.at(-1)
    if (group && start <= group.start) group.pairs.push(pair)
    else groups.push({start, pairs: [pair]})
  }
  const first = groups[0]!.start
  // Text before the first key (a broken line of its own) is read as lines.
  if (first > 0 && errors.some((error) => error < first)) readEntries(state, from, from + first)
  for (let index = 0; index < groups.length; index++) {
    const {start, pairs} = groups[index]!
    const next = index + 1 < groups.length ? groups[index + 1]!.start : text.length
    // An error at the very start of the next key may be this value's (an unclosed `{` runs up to it).
    if (errors.some((error) => error >= start && error <= next)) readEntries(state, from + start, from + next)
    else for (const pair of pairs) state.pairs.push({pair, base: from, asText: null})
  }
}

/**
 * Read the entry at `start` (its first line and the lines indented deeper,
 * which YAML reads as its value) as one pair, else its first line, else its
 * key with the rest of the line as text; then the entries after it, up to
 * `end`.
 */
function readEntries(state: State, start: number, end: number): void {
  const text = state.yaml.slice(start, end)
  const lineEnd = endOfLine(text, 0)
  const entryEnd = endOfEntry(text, lineEnd)
  if (entryEnd > lineEnd && keepIfClean(state, start, text.slice(0, entryEnd))) {
    readRest(state, start, entryEnd, end)
    return
  }
  const line = text.slice(0, lineEnd)
  const parsed = parse(state, line)
  if (!parsed) return
  const contents = parsed.contents
  if (isMap(contents) && contents.items.length > 0) {
    if (damage(parsed).length === 0) {
      for (const pair of contents.items) state.pairs.push({pair, base: start, asText: null})
    } else {
      const pair = contents.items[0]!
      // A key as yaml read it, written on this line (not `: x`, which yaml reads as a null key).
      if (isScalar(pair.key) && pair.key.range && pair.key.range[1] > pair.key.range[0]) {
        // The value as written, up to the end of the line.
        const valueStart = (pair.value as ParsedNode | null)?.range[0] ?? pair.key.range[1]
        const value = line.slice(valueStart).trim()
        state.pairs.push({pair: new Pair(pair.key, new Scalar(value === '' ? null : value)), base: start, asText: [start, end]})
      }
    }
  }
  readRest(state, start, entryEnd, end)
}

/** Keep the pairs of `text` (at `start`) when yaml reads it without errors as a mapping. */
function keepIfClean(state: State, start: number, text: string): boolean {
  const parsed = parse(state, text)
  if (!parsed || damage(parsed).length > 0 || !isMap(parsed.contents)) return false
  for (const pair of parsed.contents.items) state.pairs.push({pair, base: start, asText: null})
  return true
}

/** Read what follows an entry (`from`, relative to `start`) up to `end`. */
function readRest(state: State, start: number, from: number, end: number): void {
  if (start + from < end) readPairs(state, start + from, end)
}

/** Where the line at `offset` ends, its line break included. */
function endOfLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset)
  return newline === -1 ? text.length : newline + 1
}

/** Where the entry whose first line ends at `lineEnd` ends: after the blank lines and the lines indented deeper than its first. */
function endOfEntry(text: string, lineEnd: number): number {
  const indent = indentOf(text, 0)
  let end = lineEnd
  while (end < text.length) {
    const next = endOfLine(text, end)
    if (text.slice(end, next).trim() !== '' && indentOf(text, end) <= indent) break
    end = next
  }
  return end
}

/** How many spaces the line at `offset` starts with. */
function indentOf(text: string, offset: number): number {
  let index = offset
  while (text.charCodeAt(index) === 32) index++
  return index - offset
}

/** Parse `text` if the budget allows. */
function parse(state: State, text: string): Document.Parsed | undefined {
  // Each parse costs about as much as reading a few hundred characters more (a Composer, a Schema).
  state.budget -= text.length + 256
  if (state.budget < 0) return undefined
  return parseDocument(text, state.settings.options)
}

/** Where the errors that damage values are (a duplicate key damages nothing: the last one wins). */
function damage(document: Document.Parsed): number[] {
  return document.errors.filter((error) => error.code !== 'DUPLICATE_KEY').map((error) => error.pos[0])
}

/** Where a pair starts (its key, or its value for a pair without a key). */
function startOf(pair: Pair<unknown, unknown>): number {
  const key = pair.key as ParsedNode | null
  const value = pair.value as ParsedNode | null
  return key?.range[0] ?? value?.range[0] ?? 0
}
