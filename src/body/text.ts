/**
 * Plain text of hast nodes: hast-util-to-text (`innerText` as the HTML
 * standard defines it), trimmed.
 */
import type {ElementContent} from 'hast'
import {toText} from 'hast-util-to-text'
import {isArtifact} from './flatten.ts'

/**
 * Plain text of nodes, as `innerText` would give it, trimmed. Given an
 * array (a run of a paragraph's or a block's nodes), elements the parser
 * made up (`isArtifact`) are left out: they show nothing, but would add line
 * breaks between texts.
 *
 * @param nodes - An element, or the nodes of a run.
 * @returns The text.
 * @example
 * textOf({type: 'element', tagName: 'p', properties: {}, children: [{type: 'text', value: ' a  b '}]})
 * //=> 'a b'
 */
export function textOf(nodes: ElementContent | ElementContent[]): string {
  if (!Array.isArray(nodes)) return toText(nodes).trim()
  // A run is a list of siblings: they are read as the children of a root.
  const children = nodes.some(isArtifact) ? nodes.filter((node) => !isArtifact(node)) : nodes
  return toText({type: 'root', children}).trim()
}
