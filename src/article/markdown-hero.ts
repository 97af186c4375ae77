import type {Text} from 'hast'
import type {Image} from '../types.ts'
import type {Context} from '../body/hast.ts'
import type {Flat, Item} from '../body/flatten.ts'

// `![alt](src)` or `![alt](src "title")` alone on the first line.
const imageLine = /^!\[([^\]\r\n]*)\]\(\s*<?([^\s<>()]+)>?(?:\s+"([^"\r\n]*)")?\s*\)[ \t]*(?=\r\n|\r|\n|$)/

// HTML white space only: what a run is trimmed of.
const blank = /^[\t\n\f\r ]*$/

/**
 * Jekyll posts kept as `.md` often start their HTML body with a Markdown
 * image line; take it as the hero. When more loose text follows in the same
 * run, the run is split so the rest stays a paragraph of its own (the
 * line break between them becomes a gap, so the round trip is unchanged).
 *
 * @param context - The body.
 * @param flat - The flattened body (split in place).
 * @returns The image, or undefined.
 */
export function markdownHero(context: Context, flat: Flat): {image: Image} | undefined {
  const first = flat.items[0]
  if (!first || first.kind !== 'run') return undefined
  const node = first.nodes[0]
  if (!node || node.type !== 'text' || !node.position) return undefined
  // The run starts where its text does, or after the white space that opens it (the blank line after front matter).
  const nodeStart = node.position.start.offset
  if (nodeStart === undefined || nodeStart > first.start || !blank.test(context.body.slice(nodeStart, first.start))) return undefined
  const source = context.body.slice(first.start, first.end)
  const match = imageLine.exec(source)
  if (!match) return undefined
  const lineEnd = first.start + match[0].length
  const nodeEnd = node.position.end.offset ?? first.start
  // Only the image line must be as written: a rewrite later in the run is the rest's business.
  if (nodeEnd < lineEnd || match[0].includes('&') || context.isDirty(first.start, lineEnd)) return undefined
  const image: Image = {src: match[2]!, alt: match[1]!}
  if (match[3] !== undefined) image.title = match[3]

  const rest = context.body.slice(lineEnd, first.end)
  const restStart = lineEnd + (rest.length - rest.trimStart().length)
  const lineStart = nodeStart === first.start ? node.position.start : {line: 0, column: 0, offset: first.start}
  const lineNode: Text = {type: 'text', value: match[0], position: {start: lineStart, end: {line: 0, column: 0, offset: lineEnd}}}
  if (restStart >= first.end) {
    first.nodes = [lineNode]
    first.end = lineEnd
    // The blank lines after the image line now belong to the next gap.
    const next = flat.gaps[1]
    if (next) next.start = lineEnd
    return {image}
  }
  // The rest of the text node: its source when that has no character references to decode; its value
  // when the sanitiser merged removed tags into it (the rest is then written from its nodes anyway).
  const rewritten = context.isDirty(restStart, nodeEnd)
  const tail = rewritten ? node.value.slice(match[0].length).trimStart() : context.body.slice(restStart, nodeEnd)
  if (!rewritten && tail.includes('&')) return undefined
  const restNodes = nodeEnd > restStart ? [{type: 'text', value: tail, position: {start: {line: 0, column: 0, offset: restStart}, end: node.position.end}} as Text] : []
  const restItem: Item = {kind: 'run', nodes: [...restNodes, ...first.nodes.slice(1)], start: restStart, end: first.end}
  first.nodes = [lineNode]
  first.end = lineEnd
  flat.items.splice(1, 0, restItem)
  flat.gaps.splice(1, 0, {start: lineEnd, end: restStart, parts: []})
  return {image}
}
