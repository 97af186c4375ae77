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

/**
 * Scroll a textarea so that `offset` is a third of the way down.
 *
 * Textareas do not scroll to a selection set from script, and with wrapped
 * lines the line number alone does not tell the height: measure the text
 * before `offset` in an invisible copy with the same width and font.
 */
export function scrollToOffset(textarea: HTMLTextAreaElement, offset: number): void {
  const style = getComputedStyle(textarea)
  const mirror = h('div', {'aria-hidden': 'true'}, textarea.value.slice(0, offset))
  const marker = h('span', null, '\u200b')
  mirror.append(marker)
  for (const property of ['font', 'letterSpacing', 'padding', 'border', 'boxSizing', 'tabSize', 'wordSpacing'] as const) {
    mirror.style[property] = style[property]
  }
  Object.assign(mirror.style, {position: 'absolute', visibility: 'hidden', top: '0', left: '-9999px', whiteSpace: 'pre-wrap', overflowWrap: 'break-word', width: `${textarea.clientWidth}px`})
  document.body.append(mirror)
  const top = marker.offsetTop
  mirror.remove()
  textarea.scrollTop = Math.max(0, top - textarea.clientHeight / 3)
}
