import type {Element, ElementContent} from 'hast'
import type {Image} from '../../types.ts'
import {meaningfulChildren, stringProperty} from '../hast.ts'

/**
 * The image that `nodes` consist of, if that is all they are: an `<img>`,
 * or an `<img>` wrapped in a link or in spans (the editor's lightbox span).
 *
 * @returns The image, or undefined when there is anything else.
 */
export function loneImage(nodes: ElementContent[]): Image | undefined {
  let content = meaningfulChildren(nodes)
  let href: string | undefined
  // Unwrap `<a>` and `<span>` that hold only the image.
  for (let wrapper = content[0]; content.length === 1 && wrapper?.type === 'element' && (wrapper.tagName === 'a' || wrapper.tagName === 'span'); wrapper = content[0]) {
    if (wrapper.tagName === 'a') {
      if (href !== undefined) return undefined
      href = stringProperty(wrapper, 'href') ?? ''
    }
    content = meaningfulChildren(wrapper.children)
  }
  if (content.length !== 1) return undefined
  const only = content[0]!
  if (only.type !== 'element' || only.tagName !== 'img') return undefined
  const image = imageOf(only)
  if (href !== undefined) image.href = href
  return image
}

/** The fields of an `<img>`. */
export function imageOf(node: Element): Image {
  const image: Image = {src: stringProperty(node, 'src') ?? '', alt: stringProperty(node, 'alt') ?? ''}
  const title = stringProperty(node, 'title')
  const width = stringProperty(node, 'width')
  const height = stringProperty(node, 'height')
  const srcset = stringProperty(node, 'srcSet')
  if (title !== undefined) image.title = title
  if (width !== undefined) image.width = width
  if (height !== undefined) image.height = height
  if (srcset !== undefined) image.srcset = srcset
  return image
}
