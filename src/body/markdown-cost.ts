import {closesFence, indentOf} from './markdown-chunks.ts'

/*
 * What reading a run as Markdown would cost micromark, told from its text
 * before micromark sees it.
 *
 * micromark reads prose at a steady speed, but not Markdown punctuation
 * (`*`, `_`, brackets, backticks, `<`, `&`, `\`, `!`): each costs it as much
 * as 30 to 60 characters of prose, and more the more of them one paragraph
 * holds (nested emphasis, `*a *a … b c* c*`, grows with their square).
 * Containers are worse: its time grows with the cube of how deep lists and
 * block quotes nest (`- - - … a` on one line, or a list indented one level
 * more on each line: 512 levels take it seconds). Measured with micromark 4
 * and mdast-util-from-markdown 2 (the upstream fix would be their emphasis
 * resolver and document tokenizer splicing in place, as `subtokenize` does
 * since micromark/micromark#171).
 *
 * So a post hands micromark at most `markdownBudget` units of work, its
 * runs in order (runs.ts): a unit is about one character of prose; a run
 * past the budget, or nested deeper than `maxContainers`, is read as wpautop
 * paragraphs, as a run with no Markdown is, and stays byte for byte.
 */

/** Units of work micromark may spend on one post: a few seconds at worst; the heaviest real post we know (a 140 KB Jekyll post, code and all) is about 400,000. */
export const markdownBudget = 2_000_000

/** Lists or block quotes nested deeper than this on a line make a run not Markdown. */
export const maxContainers = 32

/** Extra units for each punctuation character; its square over a paragraph is divided by `pairCost`. */
const punctuationCost = 40
const pairCost = 16

const punctuation = /[*_[\]`<&\\!]/g
const lineEnding = /\r\n|\r|\n/
const blank = /^[ \t]*$/
const fence = /^ {0,3}(`{3,}|~{3,})/
/** More container markers at a line's start than `maxContainers` (`>` may be written without a space). */
const markers = new RegExp(String.raw`^[ \t]*(?:>[ \t]*|(?:[-*+]|\d{1,9}[.)])[ \t]+){${maxContainers + 1}}`)
/** A list item or block quote after its indentation (as deep as `maxContainers` levels of two columns refuses the run). */
const indented = /^[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])/

/**
 * The units of work micromark would spend on a run: its length, plus its
 * punctuation outside fenced code (each, and the square of a paragraph's
 * count); `Infinity` when a line nests containers deeper than
 * `maxContainers`.
 *
 * @param source - The run's text.
 * @returns The cost, in units of about one character of prose.
 * @example
 * markdownCost('## A\n\ntext')
 * //=> 10
 */
export function markdownCost(source: string): number {
  let cost = source.length
  let inParagraph = 0
  let open: string | undefined
  for (const line of source.split(lineEnding)) {
    if (open !== undefined) {
      // Code is read as it is: only its closing fence (the same character, at least as long) ends it.
      if (closesFence(open[0]!, String(open.length), line)) open = undefined
      continue
    }
    const opening = fence.exec(line)?.[1]
    // A backtick fence's info string holds no backtick (else the line is text, and its punctuation counts).
    if (opening && !(opening[0] === '`' && line.indexOf('`', line.indexOf(opening) + opening.length) !== -1)) {
      open = opening
      continue
    }
    if (blank.test(line)) {
      cost += (inParagraph * inParagraph) / pairCost
      inParagraph = 0
      continue
    }
    if (markers.test(line) || (indented.test(line) && indentOf(line) >= 2 * maxContainers)) return Number.POSITIVE_INFINITY
    const count = line.match(punctuation)?.length ?? 0
    cost += punctuationCost * count
    inParagraph += count
  }
  return cost + (inParagraph * inParagraph) / pairCost
}
