import type {Element} from 'hast'
import type {FigureBlock, LinkCardBlock} from '../../types.ts'
import {findElement, stringProperty, textOf, type Context} from '../hast.ts'
import {imageOf} from './image.ts'

/**
 * A `<figure>`: a Tistory open graph card becomes a `link-card`, anything
 * else a `figure` with its image and caption (`kind` says which editor
 * block it was: `imageblock`, `emoticon`, `revenue`, …).
 */
export function figure(_context: Context, node: Element): Omit<FigureBlock, 'position' | 'source'> | Omit<LinkCardBlock, 'position' | 'source'> {
  const kind = stringProperty(node, 'dataKeType')
  if (kind === 'opengraph') {
    const link = findElement(node, 'a')
    return {
      type: 'link-card',
      text: textOf(node),
      url: stringProperty(node, 'dataOgUrl') ?? stringProperty(node, 'dataOgSourceUrl') ?? (link ? stringProperty(link, 'href') : undefined) ?? '',
      title: stringProperty(node, 'dataOgTitle') ?? '',
      description: stringProperty(node, 'dataOgDescription') ?? '',
      image: stringProperty(node, 'dataOgImage') ?? ''
    }
  }
  const img = findElement(node, 'img')
  const caption = findElement(node, 'figcaption')
  return {
    type: 'figure',
    kind: kind ?? 'figure',
    text: textOf(node),
    image: img ? imageOf(img) : null,
    caption: caption ? textOf(caption) : ''
  }
}
