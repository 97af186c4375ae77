import type {Element} from 'hast'
import type {CodeBlock, FigureBlock, LinkCardBlock} from '../../types.ts'
import {findElement, stringProperty, textOf, type Context} from '../hast.ts'
import {codeFigure} from './code.ts'
import {imageOf} from './image.ts'

/**
 * A `<figure>`: a Tistory open graph card becomes a `link-card`, anything
 * else a `figure` with its image and caption (`kind` says which editor
 * block it was: `imageblock`, `emoticon`, `revenue`, …). A highlighter's
 * code figure (`figure.code`, `figure.highlight`) is a `code` block.
 */
export function figure(_context: Context, node: Element): Omit<FigureBlock, 'position' | 'source'> | Omit<LinkCardBlock, 'position' | 'source'> | Omit<CodeBlock, 'position' | 'source'> {
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
  const code = codeFigure(node)
  if (code) return code
  const img = findElement(node, 'img')
  const caption = findElement(node, 'figcaption')
  const image = img ? imageOf(img) : null
  if (image && img) {
    const href = linkAround(node, img)
    if (href !== undefined) image.href = href
  }
  return {
    type: 'figure',
    kind: kind ?? 'figure',
    text: textOf(node),
    image,
    caption: caption ? textOf(caption) : ''
  }
}

/** The `href` of the link around an image in a figure (`<figure><a href><img></a>`), as the renderer writes it. */
function linkAround(figure: Element, img: Element): string | undefined {
  // Depth-first, with the innermost open link: iterative, as every walk of a body is.
  const stack: Array<{node: Element; link: Element | undefined}> = [{node: figure, link: undefined}]
  while (stack.length > 0) {
    const {node, link} = stack.pop()!
    for (const child of node.children) {
      if (child.type !== 'element') continue
      if (child === img) return link ? (stringProperty(link, 'href') ?? '') : undefined
      stack.push({node: child, link: child.tagName === 'a' ? child : link})
    }
  }
  return undefined
}
