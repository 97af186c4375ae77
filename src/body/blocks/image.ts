import type {Element, ElementContent} from 'hast'
import type {Image} from '../../types.ts'
import {stringProperty} from '../hast.ts'
import {isArtifact} from '../flatten.ts'

/**
 * The image that `nodes` consist of, if that is all they are: an `<img>`,
 * or an `<img>` wrapped in a link or in spans (the editor's lightbox span).
 *
 * @returns The image, or undefined when there is anything else.
 */
export function loneImage(nodes: ElementContent[]): Image | undefined {
  let only = onlyContent(nodes)
  let href: string | undefined
  // Unwrap `<a>` and `<span>` that hold only the image.
  while (only?.type === 'element' && (only.tagName === 'a' || only.tagName === 'span')) {
    if (only.tagName === 'a') {
      if (href !== undefined) return undefined
      href = stringProperty(only, 'href') ?? ''
    }
    only = onlyContent(only.children)
  }
  if (only?.type !== 'element' || only.tagName !== 'img') return undefined
  const image = imageOf(only)
  if (href !== undefined) image.href = href
  return image
}

/**
 * The one child that carries content (an element the parser did not make
 * up, or text that is not blank), or undefined when there are none or
 * several. Stops at the second: most paragraphs are text, and say so early.
 */
function onlyContent(nodes: ElementContent[]): ElementContent | undefined {
  let found: ElementContent | undefined
  for (const child of nodes) {
    if (child.type === 'element' ? isArtifact(child) : child.type !== 'text' || !visible.test(child.value)) continue
    if (found) return undefined
    found = child
  }
  return found
}

const visible = /[^\s\u00a0]/

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
