import type {Context} from '../body/hast.ts'
import type {Flat, Item} from '../body/flatten.ts'
import {closesItself, gapHtml, keptItems, readBody, serializeItem} from '../body/normalize.ts'
import type {SanitizeSettings} from '../body/sanitize.ts'

/** An item with the text it is read from, and where it came from in the body. */
export interface Piece {
  item: Item
  /** The text the item's offsets point into: the body, or the sanitised HTML of a changed item. */
  context: Context
  /** Body offsets of the source it came from (for positions and messages). */
  start: number
  end: number
}

/**
 * Turn the flattened body into pieces and the layout text between them.
 *
 * An item the sanitiser changed is written back serialised, and serialised
 * HTML may parse into a different shape than the damaged source did (a
 * `<p>` moved out of a `<table>`, tags closed). So such an item is parsed
 * again from its serialisation and its pieces are taken from that: the
 * Article then describes exactly what `renderPost` writes, and parsing the
 * output gives the same Article (the round trip's fixpoint).
 */
export function toPieces(context: Context, flat: Flat, settings: SanitizeSettings): {pieces: Piece[]; gaps: string[]} {
  const pieces: Piece[] = []
  const gaps: string[] = []
  const clean = keptItems(context, flat)
  let pending = gapHtml(context, flat.gaps[0]!)
  for (let index = 0; index < flat.items.length; index++) {
    const item = flat.items[index]!
    if (clean[index]) {
      gaps.push(pending)
      pieces.push({item, context, start: item.start, end: item.end})
      pending = ''
    } else {
      const {context: inner, flat: sub} = readBody(serializeItem(item), settings)
      pending += gapHtml(inner, sub.gaps[0]!)
      for (let subIndex = 0; subIndex < sub.items.length; subIndex++) {
        gaps.push(pending)
        pieces.push({item: sub.items[subIndex]!, context: inner, start: item.start, end: item.end})
        pending = gapHtml(inner, sub.gaps[subIndex + 1]!)
      }
    }
    pending += gapHtml(context, flat.gaps[index + 1]!, !clean[index] && !closesItself(context, item))
  }
  gaps.push(pending)
  return {pieces, gaps}
}

