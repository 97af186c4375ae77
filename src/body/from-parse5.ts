import type {Element, Properties, Root, RootContent} from 'hast'
import type {DefaultTreeAdapterMap, Token} from 'parse5'
import {html as htmlSchema, svg as svgSchema} from 'property-information'
import {addProperty, attributeInfo, type Attribute} from './properties.ts'

type P5Fragment = DefaultTreeAdapterMap['documentFragment']
type P5Element = DefaultTreeAdapterMap['element']
type P5Node = DefaultTreeAdapterMap['childNode']
type P5Text = DefaultTreeAdapterMap['textNode']
type P5Comment = DefaultTreeAdapterMap['commentNode']
type P5Template = DefaultTreeAdapterMap['template']
type Position = NonNullable<Root['position']>
type Point = Position['start']

declare module 'hast' {
  interface RootData {
    /** Whether the document was in quirks mode (as hast-util-from-parse5 has it; never for a fragment). */
    quirksMode?: boolean | undefined
  }
}

const svgNamespace = 'http://www.w3.org/2000/svg'
const htmlNamespace = 'http://www.w3.org/1999/xhtml'

/** hastscript's `svgCaseSensitiveTagNames` (not exported by it): `s()` lowercases, then restores these. */
const svgTagNames: ReadonlyMap<string, string> = new Map(
  [
    'altGlyph', 'altGlyphDef', 'altGlyphItem', 'animateColor', 'animateMotion', 'animateTransform', 'clipPath',
    'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix', 'feDiffuseLighting',
    'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR',
    'feGaussianBlur', 'feImage', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset', 'fePointLight',
    'feSpecularLighting', 'feSpotLight', 'feTile', 'feTurbulence', 'foreignObject', 'glyphRef', 'linearGradient',
    'radialGradient', 'solidColor', 'textArea', 'textPath'
  ].map((name) => [name.toLowerCase(), name])
)

const selector = /[#.]/

// What a frame does once its children are converted.
/** A plain element. */
const kindElement = 0
/** An HTML `<template>`: hastscript moves its children into `content`. */
const kindTemplate = 1
/** A `<template>` in MathML: `h()` moved its children into `content` and hast-util-from-parse5 moved them back. */
const kindForeignTemplate = 2
/** The fragment itself, or a template's content. */
const kindRoot = 3
type Kind = typeof kindElement | typeof kindTemplate | typeof kindForeignTemplate | typeof kindRoot

interface Frame {
  nodes: P5Node[]
  index: number
  /** Where converted children go. */
  children: RootContent[]
  kind: Kind
  /** The parse5 element (or template, for a content frame). */
  source: P5Element | undefined
  /** The hast element or root being filled. */
  target: Element | Root
  /** For a template's content: the hast template that gets it. */
  template: Element | undefined
}

interface State {
  html: string
  /** Whether a node got a position yet: roots only get one after that (hast-util-from-parse5's `state.location`). */
  located: boolean
  end: Point | undefined
  htmlAttributes: Map<string, Attribute | null>
  svgAttributes: Map<string, Attribute | null>
  htmlTags: Map<string, string | null>
  svgTags: Map<string, string | null>
}


/**
 * Turn a parse5 fragment (parsed with `sourceCodeLocationInfo`) into hast,
 * exactly as `fromParse5(fragment, {space: 'html', file})` from
 * hast-util-from-parse5 does, without hastscript's per-element `h()`, without
 * vfile-location, and without recursion (so depth only costs heap).
 *
 * Properties get hastscript's semantics (property-information names, the
 * `svg` schema for SVG elements, split lists, booleans, numbers), positions
 * are parse5's (an unclosed element ends where its last child ends), implied
 * elements (`<tbody>`) have none, and an HTML `<template>` has its content as
 * a root in `content`. Like hast-util-from-parse5 without `verbose`, no
 * element gets `data`. One difference: a tag name that hastscript reads as
 * a template (`<template.x>`) has no parse5 content, and where
 * hast-util-from-parse5 throws, its children end up in `content`.
 *
 * @param fragment - What `parseFragment(html, {sourceCodeLocationInfo: true})` returned.
 * @param html - The text the locations point into (the `file` given to hast-util-from-parse5): roots span all of it.
 * @returns The hast root.
 * @example
 * import {parseFragment} from 'parse5'
 * const html = '<p class="a b">Hi'
 * fromParse5Fragment(parseFragment(html, {sourceCodeLocationInfo: true}), html).children[0].properties
 * //=> {className: ['a', 'b']}
 */
export function fromParse5Fragment(fragment: P5Fragment, html: string): Root {
  const state: State = {
    html,
    located: false,
    end: undefined,
    htmlAttributes: new Map(),
    svgAttributes: new Map(),
    htmlTags: new Map(),
    svgTags: new Map()
  }
  const root: Root = {type: 'root', children: [], data: {quirksMode: quirks(fragment)}}
  const stack: Frame[] = [{nodes: fragment.childNodes, index: 0, children: root.children, kind: kindRoot, source: undefined, target: root, template: undefined}]

  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!

    if (frame.index === frame.nodes.length) {
      stack.pop()
      if (frame.kind === kindRoot) finishRoot(state, frame)
      else finishElement(state, frame.source!, frame.target as Element, frame.kind, frame.children, stack)
      continue
    }

    const node = frame.nodes[frame.index++]!

    switch (node.nodeName) {
      case '#text': {
        const result: RootContent = {type: 'text', value: textValue(state, node as P5Text)}
        const position = leafPosition(state, node)
        if (position) result.position = position
        frame.children.push(result)
        break
      }

      case '#comment': {
        const result: RootContent = {type: 'comment', value: (node as P5Comment).data}
        const position = leafPosition(state, node)
        if (position) result.position = position
        frame.children.push(result)
        break
      }

      case '#documentType': {
        const result: RootContent = {type: 'doctype'}
        const position = leafPosition(state, node)
        if (position) result.position = position
        frame.children.push(result)
        break
      }

      default: {
        const source = node as P5Element
        const result = createElement(state, source)
        frame.children.push(result)
        let kind: Kind = kindElement
        let children: RootContent[] = result.children
        if (result.tagName === 'template' && source.namespaceURI !== svgNamespace) {
          if (source.namespaceURI === htmlNamespace) {
            kind = kindTemplate
            // What `h()` would put in `content`; replaced by the real content when there is one.
            children = []
          } else kind = kindForeignTemplate
        }

        if (source.childNodes.length > 0) {
          stack.push({nodes: source.childNodes, index: 0, children, kind, source, target: result, template: undefined})
        } else finishElement(state, source, result, kind, children, stack)
      }
    }
  }

  return root
}

function quirks(node: P5Fragment): boolean {
  // A fragment has no mode; kept for parity should a document come in.
  const mode = (node as {mode?: string}).mode
  return mode === 'quirks' || mode === 'limited-quirks'
}

/** `h()`/`s()` on a parse5 element: the tag name read as a selector, then the attributes. */
function createElement(state: State, source: P5Element): Element {
  const inSvg = source.namespaceURI === svgNamespace
  const tags = inSvg ? state.svgTags : state.htmlTags
  let tagName = tags.get(source.tagName)
  let properties: Properties

  if (tagName === undefined) {
    tagName = selector.test(source.tagName) ? null : adjustTagName(source.tagName.toLowerCase(), inSvg)
    tags.set(source.tagName, tagName)
  }

  if (tagName === null) {
    // `<p.a#b>`: hastscript parses tag names as selectors.
    const selected = parseSelector(source.tagName, inSvg ? 'g' : 'div')
    tagName = adjustTagName(selected.tagName.toLowerCase(), inSvg)
    properties = selected.properties
  } else properties = {}

  const attrs = source.attrs
  if (attrs.length > 0) {
    const schema = inSvg ? svgSchema : htmlSchema
    const infos = inSvg ? state.svgAttributes : state.htmlAttributes

    for (let index = 0; index < attrs.length; index++) {
      const attribute = attrs[index]!
      const name = attribute.prefix ? attribute.prefix + ':' + attribute.name : attribute.name
      let info = infos.get(name)
      if (info === undefined) {
        info = attributeInfo(schema, name)
        infos.set(name, info)
      }

      if (info !== null) addProperty(properties, info, attribute.value)
    }
  }

  return {type: 'element', tagName, properties, children: []}
}

function adjustTagName(lower: string, inSvg: boolean): string {
  return inSvg ? (svgTagNames.get(lower) ?? lower) : lower
}

/** hast-util-parse-selector, for the rare tag name with `.` or `#`. */
function parseSelector(value: string, defaultTagName: string): {tagName: string; properties: Properties} {
  const properties: Properties = {}
  const search = /[#.]/g
  let start = 0
  let previous: string | undefined
  let tagName: string | undefined

  while (start < value.length) {
    search.lastIndex = start
    const match = search.exec(value)
    const subvalue = value.slice(start, match ? match.index : value.length)

    if (subvalue) {
      if (!previous) tagName = subvalue
      else if (previous === '#') properties.id = subvalue
      else if (Array.isArray(properties.className)) properties.className.push(subvalue)
      else properties.className = [subvalue]
      start += subvalue.length
    }

    if (match) {
      previous = match[0]
      start++
    }
  }

  return {tagName: tagName || defaultTagName, properties}
}

/** Positions of text, comments, and doctypes: parse5's, as is. */
/**
 * A text node's value. parse5 builds it a character at a time (a rope of
 * thousands of pieces that the first read must copy out); where the source
 * holds the same characters as they are (same length, and nothing that
 * decodes, normalises or is a tag: `&`, CR, NUL, `<`), the value is that
 * slice of the source instead, which costs nothing to read. Short values
 * are left as they are: their ropes are short, and cost less than the check.
 */
function textValue(state: State, node: P5Text): string {
  const value = node.value
  const location = node.sourceCodeLocation
  if (!location || location.endOffset - location.startOffset !== value.length || value.length < 16) return value
  const slice = state.html.slice(location.startOffset, location.endOffset)
  return verbatimText.test(slice) ? slice : value
}

const verbatimText = /^[^<&\r\0]*$/

function leafPosition(state: State, node: P5Node): Position | undefined {
  const location = (node as {sourceCodeLocation?: Token.Location | null}).sourceCodeLocation
  if (!location) return undefined
  const position = toPosition(location)
  if (position) state.located = true
  return position
}

/** The element's position once its children are done, then its template content. */
function finishElement(state: State, source: P5Element, result: Element, kind: Kind, children: RootContent[], stack: Frame[]): void {
  const location = source.sourceCodeLocation
  if (location) {
    const position = toPosition(location)
    if (position) {
      // parse5 ends an unclosed element at its start tag (parse5#109): end it with its last child.
      // Templates have no children in hast at this point (hastscript moved them to `content`).
      if (!location.endTag && kind === kindElement) {
        const tail = result.children[result.children.length - 1]
        const end = tail && tail.position && tail.position.end
        if (end) position.end = {line: end.line, column: end.column, offset: end.offset} as Point
      }

      state.located = true
      result.position = position
    }
  }

  if (kind === kindTemplate) {
    const content = (source as Partial<P5Template>).content
    if (content) {
      const root: Root = {type: 'root', children: [], data: {quirksMode: quirks(content)}}
      // Its children are converted after the template's own position, as hast-util-from-parse5 does.
      stack.push({nodes: content.childNodes, index: 0, children: root.children, kind: kindRoot, source, target: root, template: result})
    } else {
      // `<template.x>`: hastscript sees a template, parse5 a plain element with no content
      // (hast-util-from-parse5 throws here); keep what `h()` made, the children in `content`.
      result.content = {type: 'root', children}
    }
  }
}

/** A root's position once its children are done; a template's content is attached here. */
function finishRoot(state: State, frame: Frame): void {
  const root = frame.target as Root

  // hast-util-from-parse5 spans the whole file, once any node was located.
  if (state.located) {
    state.end ??= endPoint(state.html)
    const end = state.end
    root.position = {start: {line: 1, column: 1, offset: 0}, end: {line: end.line, column: end.column, offset: end.offset}}
  }

  const source = frame.source
  if (source === undefined || frame.template === undefined) return
  // A template's content spans from the end of its start tag to the start of its end tag.
  const location = source.sourceCodeLocation
  const startTag = location && location.startTag && toPosition(location.startTag)
  const endTag = location && location.endTag && toPosition(location.endTag)
  if (startTag && endTag) root.position = {start: startTag.end, end: endTag.start}
  frame.template.content = root
}

/** hast-util-from-parse5's `position`: a point needs a line and a column; either may be missing. */
function toPosition(location: Token.Location): Position | undefined {
  const start = location.startLine && location.startCol ? {line: location.startLine, column: location.startCol, offset: location.startOffset} : undefined
  const end = location.endLine && location.endCol ? {line: location.endLine, column: location.endCol, offset: location.endOffset} : undefined
  return start || end ? ({start, end} as Position) : undefined
}

/** vfile-location's `toPoint(html.length)`: `\r\n`, `\r`, and `\n` each end a line. */
function endPoint(html: string): Point {
  // indexOf, not a loop over every character: this scans the whole body.
  let line = 1
  let lineStart = 0
  let cr = html.indexOf('\r')
  let lf = html.indexOf('\n')

  while (cr !== -1 || lf !== -1) {
    const eol = cr !== -1 && (lf === -1 || cr < lf) ? (cr + 1 === lf ? lf : cr) : lf
    line++
    lineStart = eol + 1
    if (cr !== -1 && cr < lineStart) cr = html.indexOf('\r', lineStart)
    if (lf !== -1 && lf < lineStart) lf = html.indexOf('\n', lineStart)
  }

  return {line, column: html.length - lineStart + 1, offset: html.length}
}
