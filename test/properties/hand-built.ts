import fc from 'fast-check'
import type {Article, Attributes, Block, Hero, Image, Layout, Meta, Section, Source, Summary, TableCell, TitleHeading} from '../../src/index.ts'
import {metaValue, yamlString} from './arbitraries.ts'

/*
 * Hand-built Articles that are not canonical: any string in any field, html
 * fields holding markup noise, attributes with odd names and values, optional
 * fields left out, sources and layouts that do not belong to the Article.
 * Every value has the type the Article's types give it.
 */

/** Pieces of markup: what breaks parsers, sanitisers and serialisers. */
const piece = fc.constantFrom(
  '<p>', '</p>', '<h2>', '</h2>', '<h3 id="location">', '<h1>', '<h6>', '</h4>', '<table>', '<tr>', '<td>', '</td>', '<th colspan=2>', '</table>', '<ul>', '<li>', '</ol>',
  '<b>', '</b>', '<i>', '<a href="javascript:alert(1)">', '<a href=https://example.com/>', '</a>', '<img src=x onerror=alert(1)>', '<img src="https://example.com/a.png" alt=a>',
  '<div>', '</div>', '<span style="color:red;background:url(javascript:x)">', '<font>', '<center>', '<figure data-ke-type="opengraph">', '<figcaption>', '</figure>',
  '<pre>\n', '<code>', '</pre>', '<blockquote>', '<hr>', '<br>', '<iframe src="https://www.youtube.com/embed/x">', '<iframe src="https://evil.example/x">', '</iframe>',
  '<script>alert(1)</script>', '<script>', '</script>', '<style>p{}</style>', '<svg><p>', '<math><mi>', '<template>', '<noscript>', '<textarea>', '<xmp>', '<plaintext>',
  '<select>', '<title>', '<!-- c -->', '<!-->', '<!--', '-->', '<![CDATA[x]]>', '<?x>', '<!doctype html>', '<base href=x>', '<meta charset=x>', '<body onload=x>', '<html>',
  '<form>', '<button>', '<input>', '<details open>', '<summary>', '<dl><dt>', '<video src=x>', '<a name=cookie>', '<img srcset="javascript:x 1x">',
  '&', '&amp;', '&nbsp;', '&#0;', '&#x110000;', '&#xD800;', '&bogus;', '&lt', '\u0000', '\r', '\r\n', '\ufeff', '\u2028', '\u00a0', '\u200b',
  '---\n', '---', '...\n', '![a](b.png)', '\n\n', ' ', '\t', '"', "'", '=', '<', '>', '`', 'text', '글', '😀', '<<', '</', '<a', '<p title="x'
)

/** Markup noise. */
export const noise = fc.array(fc.oneof({weight: 3, arbitrary: piece}, {weight: 1, arbitrary: fc.string({unit: 'grapheme-ascii', maxLength: 6})}), {maxLength: 14}).map((pieces) => pieces.join(''))

/**
 * Any string: text, markup noise, lone surrogates and controls, YAML.
 * FIXME(bug): with no `<` and letter right before a `.` or `#` (`<a#`, and
 * `<b&` that is written `<b&#x26;`): `neutralizeTagNames` (tag-names.ts)
 * rewrites such spots to `-` inside attribute values too, and a value
 * holding one grows at every round trip (`width="<a&#x22;"` reads back
 * `<a&-x22;`, written `<a&#x26;-x22;`, …), so the fixpoint is never reached.
 */
export const anyString = fc.oneof(
  {weight: 3, arbitrary: fc.string({unit: 'binary', maxLength: 24})},
  {weight: 3, arbitrary: noise},
  {weight: 1, arbitrary: yamlString},
  {weight: 1, arbitrary: fc.constantFrom('', ' ', 'javascript:alert(1)', 'https://www.youtube.com/embed/x', '//player.vimeo.com/video/1', 'data:text/html,x', 'location', '1', '0', '-1', '2.5', 'NaN')}
).map(withoutSelectorTags)

/** `<a#`, and `<b&` or `<b"` (written `<b&#x26;`, `<b&#x22;`), with a space after the `<` (see `anyString`). */
function withoutSelectorTags(value: string): string {
  // `&`, quotes, backtick and NUL are written as references (`&#x22;`) in attribute values.
  return value.replace(/<(?=\/?[a-zA-Z][^\t\n\f\r />.#]*[.#&"'`\u0000])/g, '< ')
}

/** Attribute names: plain, event handlers, odd spellings, names no attribute can have. */
const attributeName = fc.oneof(
  fc.constantFrom(
    'data-ke-size', 'data-ke-type', 'data-ke-style', 'data-og-url', 'class', 'style', 'id', 'name', 'href', 'src', 'srcset', 'title', 'alt', 'width', 'colspan', 'sandbox', 'allowfullscreen',
    'onclick', 'onerror', 'on', 'ONLOAD', 'Style', 'ID', 'data-', 'data', 'xmlns', 'xlink:href', 'xml:lang', 'a.b', 'a_b', 'contenteditable', 'hidden', 'open', 'formaction',
    'on click', 'x<', '"', "'", '=', '', ' ', '/', '>', 'a\u0000', '__proto__', 'constructor', 'toString', 'hasOwnProperty'
  ),
  fc.string({unit: 'grapheme-ascii', maxLength: 8})
)

const attributeValue = fc.oneof(anyString, fc.constantFrom('javascript:alert(1)', 'java\tscript:x', 'expression(alert(1))', 'color: red; background: url(javascript:x)', 'size16', 'opengraph', 'true', '"><script>x</script>'))

/** Attributes, as an Article holds them (by HTML name). */
export const attributes: fc.Arbitrary<Attributes> = fc.dictionary(attributeName, attributeValue, {maxKeys: 4})

/** Leave an optional field out now and then. */
function optional<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arbitrary, {nil: undefined, freq: 2})
}

/** A source that does not belong to the item: a hand-built one is never trusted. */
const source: fc.Arbitrary<Source> = fc.record({index: fc.integer({min: -2, max: 12}), html: fc.oneof(noise, anyString), digest: fc.oneof(fc.stringMatching(/^[0-9a-f]{16}$/), anyString)})

const place = fc.record({line: fc.integer({min: 0, max: 9}), column: fc.integer({min: 0, max: 9}), offset: fc.integer({min: -1, max: 99})})
const position = fc.record({start: place, end: place})

/** Fields every block may have. */
const blockFields = {text: anyString, attributes: optional(attributes), position: optional(position), source: fc.option(source, {nil: undefined, freq: 4})}

const image: fc.Arbitrary<Image> = fc.record(
  {src: anyString, alt: anyString, title: anyString, width: anyString, height: anyString, srcset: anyString, href: anyString},
  {requiredKeys: ['src', 'alt']}
)

const cell: fc.Arbitrary<TableCell> = fc.record(
  {text: anyString, html: fc.oneof(noise, anyString), header: fc.boolean(), colspan: fc.integer({min: -1, max: 4}), rowspan: fc.oneof(fc.integer({min: -1, max: 4}), fc.constant(Number.NaN))},
  {requiredKeys: ['text', 'html', 'header']}
)

const rows = fc.array(fc.array(cell, {maxLength: 3}), {maxLength: 3})

/** Any block, with its fields anything of their type. */
export const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({type: fc.constant('paragraph' as const), html: noise, implicit: optional(fc.boolean()), ...blockFields}, {requiredKeys: ['type', 'html', 'text']}),
  fc.record({type: fc.constant('spacer' as const), html: fc.oneof(noise, anyString), ...blockFields}, {requiredKeys: ['type', 'html', 'text']}),
  fc
    .tuple(fc.record({type: fc.constant('image' as const), markdown: optional(fc.boolean()), ...blockFields}, {requiredKeys: ['type', 'text']}), image)
    .map(([fields, value]): Block => ({...value, ...fields})),
  fc.record({type: fc.constant('figure' as const), kind: anyString, image: fc.option(image, {nil: null}), caption: anyString, ...blockFields}, {requiredKeys: ['type', 'kind', 'image', 'caption', 'text']}),
  fc.record({type: fc.constant('link-card' as const), url: anyString, title: anyString, description: anyString, image: anyString, ...blockFields}, {requiredKeys: ['type', 'url', 'title', 'description', 'image', 'text']}),
  fc.record({type: fc.constant('list' as const), ordered: fc.boolean(), items: fc.array(fc.record({text: anyString, html: fc.oneof(noise, anyString)}), {maxLength: 3}), ...blockFields}, {requiredKeys: ['type', 'ordered', 'items', 'text']}),
  fc.record({type: fc.constant('quote' as const), html: noise, ...blockFields}, {requiredKeys: ['type', 'html', 'text']}),
  fc.record({type: fc.constant('code' as const), language: fc.option(anyString, {nil: null}), code: anyString, ...blockFields}, {requiredKeys: ['type', 'language', 'code', 'text']}),
  fc.record({type: fc.constant('table' as const), rows, ...blockFields}, {requiredKeys: ['type', 'rows', 'text']}),
  fc.record({type: fc.constant('rule' as const), style: fc.option(anyString, {nil: null}), ...blockFields}, {requiredKeys: ['type', 'style', 'text']}),
  fc.record({type: fc.constant('embed' as const), src: anyString, host: anyString, title: fc.option(anyString, {nil: null}), ...blockFields}, {requiredKeys: ['type', 'src', 'host', 'title', 'text']}),
  fc.record({type: fc.constant('html' as const), html: noise, ...blockFields}, {requiredKeys: ['type', 'html', 'text']})
)

const blocks = fc.array(block, {maxLength: 4})

const section: fc.Memo<Section> = fc.memo((n) =>
  fc.record(
    {
      heading: anyString,
      id: anyString,
      // Any number: out of range, fractional, not a number.
      depth: fc.oneof(fc.integer({min: -1, max: 8}), fc.constantFrom(2.5, Number.NaN, Number.POSITIVE_INFINITY)),
      attributes: optional(attributes),
      blocks,
      children: n <= 1 ? fc.constant([]) : fc.array(section(n - 1), {maxLength: 2}),
      position: optional(position),
      source: fc.option(source, {nil: undefined, freq: 4})
    },
    {requiredKeys: ['heading', 'id', 'depth', 'blocks', 'children']}
  )
)

const hero: fc.Arbitrary<Hero> = fc
  .tuple(image, fc.record({caption: anyString, markdown: fc.boolean(), source}, {requiredKeys: []}))
  .map(([value, extra]) => ({...value, ...extra}))

const titleHeading: fc.Arbitrary<TitleHeading> = fc.record(
  {text: anyString, id: anyString, attributes: optional(attributes), position: optional(position), source},
  {requiredKeys: ['text', 'id']}
)

const summary: fc.Arbitrary<Summary> = fc.record(
  {title: fc.option(anyString, {nil: null}), items: fc.array(fc.record({text: anyString, sectionId: fc.option(anyString, {nil: null})}), {maxLength: 4}), rows, source},
  {requiredKeys: ['title', 'items', 'rows']}
)

const meta: fc.Arbitrary<Meta> = fc.record({
  title: fc.option(anyString, {nil: null}),
  categories: fc.array(anyString, {maxLength: 3}),
  tags: fc.array(anyString, {maxLength: 3}),
  excerpt: fc.option(anyString, {nil: null}),
  featureText: fc.option(anyString, {nil: null}),
  image: fc.option(anyString, {nil: null}),
  date: fc.option(anyString, {nil: null}),
  dateIso: fc.option(anyString, {nil: null}),
  author: fc.option(anyString, {nil: null}),
  permalink: fc.option(anyString, {nil: null}),
  layout: fc.option(anyString, {nil: null}),
  // Any keys, known ones and repeats included.
  extra: fc.array(fc.tuple(fc.oneof(anyString, fc.constantFrom('title', 'tags', 'author', 'date', '__proto__')), metaValue), {maxLength: 3})
})

/** A layout that does not belong to the Article: gaps of noise, a front matter block of any text. */
const layout: fc.Arbitrary<Layout> = fc.record({
  bom: fc.boolean(),
  eol: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const),
  frontMatter: fc.option(fc.oneof(anyString, anyString.map((value) => `---\n${value}\n---\n`)), {nil: null}),
  gaps: fc.array(fc.oneof(noise, fc.constantFrom('\n\n', '\n', '<div>', '</div>', '')), {maxLength: 5})
})

/** An Article built by hand, anything in it. */
export const wildArticle: fc.Arbitrary<Article> = fc.record({
  meta,
  titleSource: fc.constantFrom('front-matter' as const, 'heading' as const, null),
  titleHeading: fc.option(titleHeading, {nil: null}),
  hero: fc.option(hero, {nil: null}),
  lead: blocks,
  sections: fc.array(section(3), {maxLength: 3}),
  summary: fc.option(summary, {nil: null}),
  text: anyString,
  stats: fc.record({characters: fc.nat(), charactersWithoutSpaces: fc.nat(), words: fc.nat(), readingMinutes: fc.nat()}),
  messages: fc.constant([]),
  // Mostly a hand-built Article's own layout; sometimes one from elsewhere.
  layout: fc.oneof({weight: 3, arbitrary: fc.constant<Layout>({bom: false, eol: '\n', frontMatter: null, gaps: []})}, {weight: 2, arbitrary: layout})
})
