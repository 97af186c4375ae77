/**
 * The XSS vectors (`test/fixtures/xss/vectors.json`) and every place a raw
 * post or a hand-built Article can hold one: shared by the browser sweep
 * (`test/browser/xss.test.ts`, which runs what is rendered in Chromium) and
 * the static audit (`test/security/static-audit.test.ts`, no browser).
 */
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {stringify as stringifyYaml} from 'yaml'
import {parsePost, renderHtml, renderPost} from '../../src/index.ts'
import type {Article, Block, MetaValue, Section} from '../../src/types.ts'

export interface Vector {
  id: string
  category: string
  vector: string
}

/** Where one rendered document came from. */
export interface Origin {
  vector: string
  placement: string
  renderer: 'renderHtml' | 'renderPost'
}

export const vectors = JSON.parse(
  readFileSync(new URL('../fixtures/xss/vectors.json', import.meta.url), 'utf8')
) as Vector[]
export const sampleRaw = readFileSync(new URL('../fixtures/sample/input.txt', import.meta.url), 'utf8')

// ---------------------------------------------------------------------------
// Raw posts: a small template, with the vector put in one place at a time.

export const templateMatter: Record<string, MetaValue> = {
  title: 'Template post',
  excerpt: 'A short excerpt.',
  feature_text: 'Feature text.',
  image: 'https://example.com/hero.jpg',
  categories: ['News'],
  tags: ['test'],
  custom: 'value'
}

export interface BodySlots {
  paragraph: string
  h2: string
  h3: string
  cell: string
  extra: string
}

export const cleanSlots: BodySlots = {
  paragraph: '<p>First paragraph.</p>',
  h2: '<h2>First section</h2>',
  h3: '<h3>Sub section</h3>',
  cell: '',
  extra: ''
}

export function templateBody(slots: BodySlots): string {
  return [
    '',
    '<p><img src="https://example.com/hero.jpg" alt="hero" /></p>',
    '',
    slots.h2,
    '',
    slots.paragraph,
    '',
    slots.h3,
    '',
    '<p>Second paragraph.</p>',
    ...(slots.extra ? ['', slots.extra] : []),
    '',
    '<table>',
    '<tbody>',
    '<tr><td><b>First section</b></td></tr>',
    '<tr><td><b>Sub section</b></td></tr>',
    ...(slots.cell ? ['<tr><td><b>' + slots.cell + '</b></td></tr>'] : []),
    '</tbody>',
    '</table>',
    ''
  ].join('\n')
}

export function post(matter: string, slots: BodySlots): string {
  return '---\n' + matter + '---\n' + templateBody(slots)
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Front matter placements quoted by `yaml`, so the post is valid YAML. */
export const quotedKeys = ['title', 'excerpt', 'feature_text', 'image', 'categories', 'tags', 'custom'] as const

/** Every raw-post placement: name → post. */
export const postPlacements: Record<string, (vector: string) => string> = {
  'body-paragraph': (v) => post(stringifyYaml(templateMatter), {...cleanSlots, paragraph: '<p>' + v + '</p>'}),
  'body-h2': (v) => post(stringifyYaml(templateMatter), {...cleanSlots, h2: '<h2>' + v + '</h2>'}),
  'body-h3': (v) => post(stringifyYaml(templateMatter), {...cleanSlots, h3: '<h3>' + v + '</h3>'}),
  'body-summary-cell': (v) => post(stringifyYaml(templateMatter), {...cleanSlots, cell: v}),
  'body-a-href': (v) => post(stringifyYaml(templateMatter), {...cleanSlots, extra: '<p><a href="' + v + '">link</a></p>'}),
  'body-img-alt': (v) =>
    post(stringifyYaml(templateMatter), {...cleanSlots, extra: '<p><img src="https://example.com/a.jpg" alt="' + v + '" /></p>'}),
  'body-p-title': (v) => post(stringifyYaml(templateMatter), {...cleanSlots, extra: '<p title="' + v + '">text</p>'}),
  'body-p-title-escaped': (v) =>
    post(stringifyYaml(templateMatter), {...cleanSlots, extra: '<p title="' + escapeAttribute(v) + '">text</p>'}),
  ...Object.fromEntries(
    quotedKeys.map((key) => [
      'matter-' + key,
      (v: string) =>
        post(
          stringifyYaml({...templateMatter, [key]: key === 'categories' || key === 'tags' ? [v] : v}),
          cleanSlots
        )
    ])
  ),
  // Unquoted, as a careless tool would write it: the YAML may well be broken.
  'matter-title-raw': (v) => post(stringifyYaml(templateMatter).replace(/^title: .*$/m, () => 'title: ' + v), cleanSlots),
  'matter-custom-raw': (v) => post(stringifyYaml(templateMatter).replace(/^custom: .*$/m, () => 'custom: ' + v), cleanSlots)
}

// ---------------------------------------------------------------------------
// Hand-built Articles: the parsed sample, with the vector put in one field.

export const sample = parsePost(sampleRaw)

export function allSections(sections: Section[]): Section[] {
  return sections.flatMap((section) => [section, ...allSections(section.children)])
}

export function allBlocks(article: Article): Block[] {
  return [...article.lead, ...allSections(article.sections).flatMap((section) => section.blocks)]
}

export function firstParagraph(article: Article) {
  const block = allBlocks(article).find((item) => item.type === 'paragraph')
  assert.ok(block && block.type === 'paragraph', 'the sample should have a paragraph')
  return block
}

function firstSection(article: Article): Section {
  const section = article.sections[0]
  assert.ok(section, 'the sample should have a section')
  return section
}

export const articlePlacements: Record<string, (article: Article, vector: string) => void> = {
  'article-paragraph-html': (a, v) => {
    firstParagraph(a).html = v
  },
  'article-paragraph-text': (a, v) => {
    firstParagraph(a).text = v
  },
  'article-section-heading': (a, v) => {
    const section = a.sections[0]
    assert.ok(section, 'the sample should have a section')
    section.heading = v
  },
  'article-hero-src': (a, v) => {
    assert.ok(a.hero, 'the sample should have a hero')
    a.hero.src = v
  },
  'article-hero-alt': (a, v) => {
    assert.ok(a.hero, 'the sample should have a hero')
    a.hero.alt = v
  },
  'article-summary-item-text': (a, v) => {
    const item = a.summary?.items[0]
    assert.ok(item, 'the sample should have a summary')
    item.text = v
  },
  'article-summary-cell-html': (a, v) => {
    const cell = a.summary?.rows[0]?.[0]
    assert.ok(cell, 'the sample should have a summary')
    cell.html = v
  },
  // Every other field a hand-built block can hold HTML or text in: pushed onto the first section, as an editor would.
  'article-html-block': (a, v) => {
    firstSection(a).blocks.push({type: 'html', html: v, text: ''})
  },
  'article-list-item-html': (a, v) => {
    firstSection(a).blocks.push({type: 'list', ordered: false, items: [{text: 'a', html: 'a'}, {text: v, html: v}], text: ''})
  },
  'article-table-cell-html': (a, v) => {
    firstSection(a).blocks.push({type: 'table', rows: [[{text: 'h', html: 'h', header: true}], [{text: v, html: v, header: false}]], text: ''})
  },
  'article-quote-html': (a, v) => {
    firstSection(a).blocks.push({type: 'quote', html: v, text: ''})
  },
  'article-figure-caption': (a, v) => {
    firstSection(a).blocks.push({type: 'figure', kind: 'figure', image: {src: 'https://example.com/b.png', alt: 'b'}, caption: v, text: ''})
  },
  'article-image-alt-title': (a, v) => {
    firstSection(a).blocks.push({type: 'image', src: 'https://example.com/c.png', alt: v, title: v, text: ''})
  },
  'article-heading-attributes': (a, v) => {
    firstSection(a).attributes = {title: v, 'data-x': v}
  },
  'article-summary-title': (a, v) => {
    assert.ok(a.summary, 'the sample should have a summary')
    a.summary.title = v
  },
  'article-hero-caption': (a, v) => {
    assert.ok(a.hero, 'the sample should have a hero')
    a.hero.caption = v
  },
  'article-meta-title': (a, v) => {
    a.meta.title = v
  },
  'article-meta-extra': (a, v) => {
    a.meta.extra.push(['custom', v], ['nested', {list: [v], key: v}])
  },
  'article-source-html': (a, v) => {
    for (const item of [a.hero, a.summary, ...allSections(a.sections), ...allBlocks(a)]) {
      if (item?.source) item.source.html = v
    }
  },
  'article-layout-gaps': (a, v) => {
    a.layout.gaps = a.layout.gaps.map(() => v)
  },
  'article-layout-front-matter': (a, v) => {
    a.layout.frontMatter = v
  },
  'article-layout-front-matter-fenced': (a, v) => {
    a.layout.frontMatter = '---\n' + v + '\n---\n'
  }
}

// ---------------------------------------------------------------------------
// Helpers.

/** Where a consumer thinks the front matter ends. */
export interface Split {
  matter: string | null
  body: string
}

/**
 * Split a raw post as Jekyll does (Ruby's `YAML_FRONT_MATTER_REGEXP`, where
 * `^` and `$` only see `\n`): the front matter ends at the first line that is
 * only `---` or `...`. On purpose not the library's own splitter.
 */
export function splitLikeJekyll(raw: string): Split {
  const text = raw.replace(/^\ufeff/, '')
  // Jekyll's YAML keeps the newline before the closing fence (`title: \r\n` is null, not "\r").
  const match = /^---[ \t\r\f\v]*\n([\s\S]*?\n)??(?:---|\.\.\.)[ \t\r\f\v]*(?:\n|$)/.exec(text)
  if (!match) return {matter: null, body: text}
  return {matter: match[1] ?? '', body: text.slice(match[0].length)}
}

/**
 * Split a raw post as JavaScript front matter readers with a multiline
 * regular expression do (the npm `front-matter` package): there `^` and `$`
 * also match at U+2028, U+2029 and a lone CR.
 */
export function splitLikeJavaScript(raw: string): Split {
  const match = /^(\ufeff?(?:---)$([\s\S]*?)^(?:---|\.\.\.)[ \t]*$(?:\r\n|\r|\n|\u2028|\u2029)?)/m.exec(raw)
  if (!match) return {matter: null, body: raw.replace(/^\ufeff/, '')}
  return {matter: match[2] ?? '', body: raw.slice(match[0].length)}
}

export const splitters = {jekyll: splitLikeJekyll, javascript: splitLikeJavaScript}

/** The body of `renderPost`, as each consumer reads it (one entry when they agree). */
export function renderPostBodies(article: Article): string[] {
  return postBodies(renderPost(article))
}

/** The body of a raw post, as each consumer reads it (one entry when they agree). */
export function postBodies(raw: string): string[] {
  return [...new Set(Object.values(splitters).map((split) => split(raw).body))]
}

export function renderPostBody(article: Article): string {
  return splitLikeJekyll(renderPost(article)).body
}

/** Group failure lines by their label's placement, for a readable message. */
export function summarise(failures: Array<{vector: string; where: string; problem: string}>): string {
  const groups = new Map<string, string[]>()
  for (const failure of failures) {
    const key = failure.where + ': ' + failure.problem.split('\n')[0]?.slice(0, 160)
    groups.set(key, [...(groups.get(key) ?? []), failure.vector])
  }
  return [...groups.entries()]
    .map(([key, ids]) => '- ' + key + '\n    ' + ids.length + ' vectors: ' + ids.slice(0, 8).join(', ') + (ids.length > 8 ? ', …' : ''))
    .join('\n')
}

export function isKebab(value: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)
}

/** The Article's front matter as `yaml` would read it back, keyed like the YAML. */
export function metaAsYaml(article: Article): unknown {
  const meta = article.meta
  const result: Record<string, unknown> = {}
  if (meta.title !== null) result.title = meta.title
  if (meta.excerpt !== null) result.excerpt = meta.excerpt
  if (meta.featureText !== null) result.feature_text = meta.featureText
  if (meta.image !== null) result.image = meta.image
  if (meta.categories.length > 0) result.categories = meta.categories
  if (meta.tags.length > 0) result.tags = meta.tags
  if (meta.date !== null) result.date = meta.date
  if (meta.author !== null) result.author = meta.author
  if (meta.permalink !== null) result.permalink = meta.permalink
  if (meta.layout !== null) result.layout = meta.layout
  for (const [key, value] of meta.extra) result[key] = value
  return prune(result)
}

/** Drop top-level keys without a value (`null`, `[]`): the Article does not tell them from absent keys. */
export function prune(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  return Object.fromEntries(
    Object.entries(value).filter(([, item]) => item !== null && !(Array.isArray(item) && item.length === 0))
  )
}


/** The distinct documents rendered from every vector in every placement, with where each came from. */
export interface RenderedVectors {
  documents: Map<string, Origin[]>
  /** Parsing or rendering that threw: `vector @ placement: error`. */
  crashes: string[]
  /** How many renderings were made (before duplicates were merged). */
  renders: number
}

/** One vector post as the sweep read it, for checks that need the same readings (`renderVectors`'s `onPost`). */
export interface PostReading {
  /** The vector's id. */
  vector: string
  placement: string
  /** The raw post. */
  raw: string
  /** `parsePost(raw)`. */
  article: Article
  /** `renderHtml(article)`. */
  html: string
  /** `renderPost(article)`. */
  post: string
}

/** Every vector in every placement, once rendered in this process (`renderVectors` without `only`). */
let everything: RenderedVectors | undefined

/**
 * Render every vector in every placement (or those `only` names) with
 * `renderHtml` and `renderPost` (its body, as each consumer splits it).
 * `onPost` gets each raw-post placement as it was read, so checks of the
 * same posts need not parse and render them again.
 *
 * The renderers are pure, so once every placement has been rendered in this
 * process (the browser sweep does, and `npm test` runs the static audit in
 * the same process after it: `scripts/test-run.ts`), the documents of some
 * placements are taken from that rendering instead of being rendered again:
 * the same documents, with the same origins and crashes.
 */
export function renderVectors(only?: ReadonlySet<string>, onPost?: (reading: PostReading) => void): RenderedVectors {
  if (only && !onPost && everything) return selectPlacements(everything, only)
  const result = renderSome(vectors, only, onPost)
  if (!only) everything = result
  return result
}

/**
 * What `renderSome(list, only)` gives, taken from a rendering of every placement:
 * the documents some origin in `only` made, with those origins alone (in the
 * order they were made), and the crashes in `only`.
 */
export function selectPlacements(all: RenderedVectors, only: ReadonlySet<string>): RenderedVectors {
  const documents = new Map<string, Origin[]>()
  let renders = 0
  for (const [html, origins] of all.documents) {
    const kept = origins.filter((origin) => only.has(origin.placement))
    if (kept.length > 0) documents.set(html, kept)
    // Each rendering made one `renderHtml` origin, and counted the two renderers.
    renders += 2 * kept.filter((origin) => origin.renderer === 'renderHtml').length
  }
  const crashes = all.crashes.filter((crash) => only.has(/^.*? @ (.*?): /s.exec(crash)?.[1] ?? ''))
  return {documents, crashes, renders}
}

/** `renderVectors` for some vectors, always rendering. */
export function renderSome(list: readonly Vector[], only?: ReadonlySet<string>, onPost?: (reading: PostReading) => void): RenderedVectors {
  const documents = new Map<string, Origin[]>()
  const crashes: string[] = []
  let renders = 0
  const add = (html: string, origin: Origin) => {
    const known = documents.get(html)
    if (known) known.push(origin)
    else documents.set(html, [origin])
  }
  const renderBoth = (article: Article, vector: string, placement: string) => {
    const html = renderHtml(article)
    const post = renderPost(article)
    add(html, {vector, placement, renderer: 'renderHtml'})
    for (const body of postBodies(post)) add(body, {vector, placement, renderer: 'renderPost'})
    renders += 2
    return {html, post}
  }
  for (const {id, vector} of list) {
    for (const [placement, build] of Object.entries(postPlacements)) {
      if (only && !only.has(placement)) continue
      try {
        const raw = build(vector)
        const article = parsePost(raw)
        const {html, post} = renderBoth(article, id, placement)
        onPost?.({vector: id, placement, raw, article, html, post})
      } catch (error) {
        crashes.push(id + ' @ ' + placement + ': ' + String(error))
      }
    }
    for (const [placement, put] of Object.entries(articlePlacements)) {
      if (only && !only.has(placement)) continue
      try {
        const article = structuredClone(sample)
        put(article, vector)
        renderBoth(article, id, placement)
      } catch (error) {
        crashes.push(id + ' @ ' + placement + ': ' + String(error))
      }
    }
  }
  return {documents, crashes, renders}
}
