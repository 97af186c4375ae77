/** A tiny `h()`: elements from a tag, attributes and children. Text always goes in as text, never as HTML. */

export type Child = Node | string | number | null | undefined | false | Child[]

/**
 * Create an element.
 *
 * @example
 * h('li', {class: 'item', 'data-depth': '2'}, 'One', h('code', null, '#one'))
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes?: Record<string, string | undefined> | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value !== undefined) element.setAttribute(name, value)
  }
  element.append(...flat(children))
  return element
}

function flat(children: Child[]): Array<Node | string> {
  return children.flatMap((child): Array<Node | string> => {
    if (Array.isArray(child)) return flat(child)
    if (child === null || child === undefined || child === false) return []
    return [typeof child === 'number' ? String(child) : child]
  })
}
