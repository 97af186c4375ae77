import type {Element, ElementContent, Root, RootContent} from 'hast'
import {childrenOf, tableParts, type Escape} from './balance.ts'
import {isSpaces} from './tag-scanner.ts'

/*
 * Elements that would end an element a page places the body in: an `li`
 * outside a list, a `dd` or `dt` outside a description list, a table part
 * outside a table. The fragment parser has nothing around the body for them
 * to end, so they stay in its tree; a page's parser does not, and `balance.ts`
 * (what the source does to its container) cannot see them once the
 * sanitiser has unwrapped what held them. So they are looked for in the
 * sanitised tree, and given a home there.
 */

/**
 * HTML's special elements. The start tag of an `li` ends an `li` around it,
 * of a `dd` or `dt` a `dd` or `dt`, looking up through the open elements
 * until one of these stops the search (`address`, `div` and `p`, special
 * too, do not). The fragment parser has nothing around the body to end, so
 * a bare one stays in the tree; in a page's list item or description it
 * ends that item and the rest of the body follows outside it.
 * <https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-inbody>
 */
const stopsItemSearch = new Set([
  'applet', 'area', 'article', 'aside', 'base', 'basefont', 'bgsound', 'blockquote', 'body', 'br', 'button', 'caption',
  'center', 'col', 'colgroup', 'dd', 'details', 'dir', 'dl', 'dt', 'embed', 'fieldset', 'figcaption', 'figure', 'footer',
  'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'iframe',
  'img', 'input', 'keygen', 'li', 'link', 'listing', 'main', 'marquee', 'menu', 'meta', 'nav', 'noembed', 'noframes',
  'noscript', 'object', 'ol', 'param', 'plaintext', 'pre', 'script', 'search', 'section', 'select', 'source', 'style',
  'summary', 'table', 'tbody', 'td', 'template', 'textarea', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul', 'wbr', 'xmp'
])

/** Foreign elements whose content is HTML again (integration points), special as well. */
const integrationPoints: Readonly<Record<'svg' | 'math', ReadonlySet<string>>> = {
  svg: new Set(['foreignObject', 'desc', 'title']),
  math: new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml'])
}

/** Properties that mean the same on a `<div>`; the rest belong to the element renamed. */
function isGlobalProperty(name: string): boolean {
  return name === 'id' || name === 'className' || name === 'style' || name === 'title' || name === 'lang' || name === 'dir' || name === 'role' || /^(?:data|aria)[A-Z]/.test(name)
}

/** The element that gives each item a home: a run of bare `<li>`s goes into a `<ul>`, of `<dd>`s and `<dt>`s into a `<dl>`. */
const homes: Readonly<Record<string, string>> = {li: 'ul', dd: 'dl', dt: 'dl'}

/** Where an element stands: what its content is parsed as, and what around it would stop a bare item or table part. */
interface Scope {
  space: 'html' | 'svg' | 'math'
  /** A special element (not `address`, `div`, `p`) stands between here and the body's edge. */
  bounded: boolean
  /** An HTML `table` of the body's own is open around here. */
  inTable: boolean
  /** The nearest place in the body, for a change to an element without one. */
  start: number
  end: number
}

/**
 * Give a home, in a sanitised tree, to the elements that would end an
 * element a page places the body in: an `li` outside a list, a `dd` or `dt`
 * outside a description list, a table part outside a table (in the tree
 * when it starts the body, or when the sanitiser unwrapped what held it).
 *
 * A run of bare items (white space between them) goes into a new `<ul>` or
 * `<dl>`, so a list written without its list stays one. Where the schema
 * does not allow that element, and for table parts (a bare `<tr>` is no
 * table a reader meant), each becomes a `<div>` with its content and global
 * attributes; `col` and `colgroup`, which hold nothing, are removed. Text
 * always stays, and, read again, nothing changes. An `li` inside a
 * `blockquote`, a `td` inside a `table` of the body's, are left alone: what
 * the page has open is beyond them.
 *
 * Containers in scope are those a body's flow content is written into
 * (`div`, `article`, `section`, `main`, `td`/`th`, `li`, `dd`); SECURITY.md
 * says which are not (`p`, headings, `a`, `button`, ...) and why.
 *
 * @param tree - The sanitised tree (changed in place).
 * @param length - The body's length (a change with no place in the tree is put at the whole body).
 * @param allows - Whether the schema allows an element (`ul`, `dl`) as a new home.
 * @returns Where each change is, with why.
 * @example
 * import rehypeParse from 'rehype-parse'
 * import {unified} from 'unified'
 * const tree = unified().use(rehypeParse, {fragment: true}).parse('<li>a</li>')
 * adoptOrphans(tree, 10, () => true).map((escape) => [escape.start, escape.end])
 * //=> [[0, 10]]
 */
export function adoptOrphans(tree: Root, length: number, allows: (tagName: string) => boolean): Escape[] {
  const found: Escape[] = []
  const stack: Array<[Root | Element, Scope]> = [[tree, {space: 'html', bounded: false, inTable: false, start: 0, end: length}]]
  while (stack.length > 0) {
    const [parent, scope] = stack.pop()!
    const children = childrenOf(parent)
    // Almost every parent holds none: then nothing of it is copied.
    if (!children.some((node) => isOrphan(scope, node))) {
      for (const node of children) {
        if (node.type === 'element') stack.push([node, inside(scope, node, node.position?.start.offset ?? scope.start, node.position?.end.offset ?? scope.end)])
      }
      continue
    }
    const pending = [...children].reverse()
    const output: RootContent[] = []
    let changed = false
    while (pending.length > 0) {
      let node = pending.pop()!
      if (node.type !== 'element') {
        output.push(node)
        continue
      }
      const start = node.position?.start.offset ?? scope.start
      const end = node.position?.end.offset ?? scope.end
      const name = node.tagName
      const isItem = isItemOrphan(scope, name)
      const isPart = isPartOrphan(scope, name)
      if (isItem && allows(homes[name]!)) {
        node = home(node, pending, homes[name]!)
        const last = node.children.at(-1)!
        found.push({start, end: last.position?.end.offset ?? end, reason: `Put \`<${name}>\` outside ${name === 'li' ? 'a list' : 'a description list'} in a \`<${node.tagName}>\`: in a page's \`<${name === 'li' ? 'li' : 'dd'}>\` it would end that element`})
        changed = true
      } else if (isPart && (name === 'col' || name === 'colgroup')) {
        for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index]!)
        found.push({start, end, reason: `Removed \`<${name}>\` outside a table: in a page's table cell it would end the cell`})
        changed = true
        continue
      } else if (isItem || isPart) {
        found.push({start, end, reason: `Rewrote \`<${name}>\` outside ${isPart ? 'a table' : name === 'li' ? 'a list' : 'a description list'} as a \`<div>\`: in a page's ${isPart ? 'table cell' : name === 'li' ? '`<li>`' : '`<dd>`'} it would end that element`})
        node.tagName = 'div'
        node.properties = Object.fromEntries(Object.entries(node.properties).filter(([key]) => isGlobalProperty(key)))
      }
      output.push(node)
      stack.push([node, inside(scope, node, start, end)])
    }
    if (changed) {
      if (parent.type === 'element' && parent.tagName === 'template' && parent.content) parent.content.children = output
      else parent.children = output as Element['children']
    }
  }
  return found
}

/** Whether a node is an item or table part with nothing in the body around it to end. */
function isOrphan(scope: Scope, node: RootContent): boolean {
  return node.type === 'element' && (isItemOrphan(scope, node.tagName) || isPartOrphan(scope, node.tagName))
}

function isItemOrphan(scope: Scope, name: string): boolean {
  return scope.space === 'html' && !scope.bounded && own.call(homes, name)
}

function isPartOrphan(scope: Scope, name: string): boolean {
  return scope.space === 'html' && !scope.inTable && tableParts.has(name)
}

/** A new `<ul>` or `<dl>` (made up: no position) around `first` and the items that follow it, white space between them included. */
function home(first: Element, pending: RootContent[], tagName: string): Element {
  const children: ElementContent[] = [first]
  while (pending.length > 0) {
    // The next item, past white space.
    let at = pending.length - 1
    while (at >= 0 && isWhiteSpace(pending[at]!)) at--
    const next = pending[at]
    if (!next || next.type !== 'element' || homes[next.tagName] !== tagName) break
    while (pending.length > at) children.push(pending.pop() as ElementContent)
  }
  return {type: 'element', tagName, properties: {}, children}
}

function isWhiteSpace(node: RootContent): boolean {
  return node.type === 'text' && isSpaces(node.value)
}

const own = {}.hasOwnProperty

/** The scope of an element's content. */
function inside(scope: Scope, node: Element, start: number, end: number): Scope {
  const name = node.tagName
  if (scope.space !== 'html') {
    // Foreign content: HTML again only inside an integration point, which stops the search like a special element.
    return integrationPoints[scope.space].has(name) ? {...scope, space: 'html', bounded: true, start, end} : {...scope, start, end}
  }
  return {
    space: name === 'svg' ? 'svg' : name === 'math' ? 'math' : 'html',
    bounded: scope.bounded || stopsItemSearch.has(name),
    inTable: scope.inTable || name === 'table',
    start,
    end
  }
}
