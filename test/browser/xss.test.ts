/**
 * The security proof: every vector in `test/fixtures/xss/vectors.json`, in
 * every place a post or a hand-built Article can hold it, rendered by
 * `renderHtml` and `renderPost`, loaded in a real browser that traps
 * everything a payload could do (see `./harness.ts`).
 *
 * Needs Debian's Chromium at `/usr/bin/chromium` (`apt-get install -y
 * chromium`); without it the browser tests fail and say so (CI installs it).
 * A full report of any finding is written to `test-output/xss-report.json`.
 */

import assert from 'node:assert/strict'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {after, describe, it} from 'node:test'
import {parse as parseYaml, stringify as stringifyYaml} from 'yaml'
import {parsePost, renderHtml, renderPost} from '../../src/index.ts'
import type {Article, Block, MetaValue, Section} from '../../src/types.ts'
import {buildDocument, checkPages, closeBrowser, parseEvent, requireChromium, type PageInput} from './harness.ts'

interface Vector {
  id: string
  category: string
  vector: string
}

/** Where one rendered document came from. */
interface Origin {
  vector: string
  placement: string
  renderer: 'renderHtml' | 'renderPost'
}

const vectors = JSON.parse(
  readFileSync(new URL('../fixtures/xss/vectors.json', import.meta.url), 'utf8')
) as Vector[]
const sampleRaw = readFileSync(new URL('../fixtures/sample/input.txt', import.meta.url), 'utf8')

/** Sections per browser page. */
const batchSize = 50

// ---------------------------------------------------------------------------
// Raw posts: a small template, with the vector put in one place at a time.

const templateMatter: Record<string, MetaValue> = {
  title: 'Template post',
  excerpt: 'A short excerpt.',
  feature_text: 'Feature text.',
  image: 'https://example.com/hero.jpg',
  categories: ['News'],
  tags: ['test'],
  custom: 'value'
}

interface BodySlots {
  paragraph: string
  h2: string
  h3: string
  cell: string
  extra: string
}

const cleanSlots: BodySlots = {
  paragraph: '<p>First paragraph.</p>',
  h2: '<h2>First section</h2>',
  h3: '<h3>Sub section</h3>',
  cell: '',
  extra: ''
}

function templateBody(slots: BodySlots): string {
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

function post(matter: string, slots: BodySlots): string {
  return '---\n' + matter + '---\n' + templateBody(slots)
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Front matter placements quoted by `yaml`, so the post is valid YAML. */
const quotedKeys = ['title', 'excerpt', 'feature_text', 'image', 'categories', 'tags', 'custom'] as const

/** Every raw-post placement: name → post. */
const postPlacements: Record<string, (vector: string) => string> = {
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

const sample = parsePost(sampleRaw)

function allSections(sections: Section[]): Section[] {
  return sections.flatMap((section) => [section, ...allSections(section.children)])
}

function allBlocks(article: Article): Block[] {
  return [...article.lead, ...allSections(article.sections).flatMap((section) => section.blocks)]
}

function firstParagraph(article: Article) {
  const block = allBlocks(article).find((item) => item.type === 'paragraph')
  assert.ok(block && block.type === 'paragraph', 'the sample should have a paragraph')
  return block
}

const articlePlacements: Record<string, (article: Article, vector: string) => void> = {
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
interface Split {
  matter: string | null
  body: string
}

/**
 * Split a raw post as Jekyll does (Ruby's `YAML_FRONT_MATTER_REGEXP`, where
 * `^` and `$` only see `\n`): the front matter ends at the first line that is
 * only `---` or `...`. On purpose not the library's own splitter.
 */
function splitLikeJekyll(raw: string): Split {
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
function splitLikeJavaScript(raw: string): Split {
  const match = /^(\ufeff?(?:---)$([\s\S]*?)^(?:---|\.\.\.)[ \t]*$(?:\r\n|\r|\n|\u2028|\u2029)?)/m.exec(raw)
  if (!match) return {matter: null, body: raw.replace(/^\ufeff/, '')}
  return {matter: match[2] ?? '', body: raw.slice(match[0].length)}
}

const splitters = {jekyll: splitLikeJekyll, javascript: splitLikeJavaScript}

/** The body of `renderPost`, as each consumer reads it (one entry when they agree). */
function renderPostBodies(article: Article): string[] {
  const raw = renderPost(article)
  return [...new Set(Object.values(splitters).map((split) => split(raw).body))]
}

function renderPostBody(article: Article): string {
  return splitLikeJekyll(renderPost(article)).body
}

/** Group failure lines by their label's placement, for a readable message. */
function summarise(failures: Array<{vector: string; where: string; problem: string}>): string {
  const groups = new Map<string, string[]>()
  for (const failure of failures) {
    const key = failure.where + ': ' + failure.problem.split('\n')[0]?.slice(0, 160)
    groups.set(key, [...(groups.get(key) ?? []), failure.vector])
  }
  return [...groups.entries()]
    .map(([key, ids]) => '- ' + key + '\n    ' + ids.length + ' vectors: ' + ids.slice(0, 8).join(', ') + (ids.length > 8 ? ', …' : ''))
    .join('\n')
}

function isKebab(value: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)
}

/** The Article's front matter as `yaml` would read it back, keyed like the YAML. */
function metaAsYaml(article: Article): unknown {
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
function prune(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  return Object.fromEntries(
    Object.entries(value).filter(([, item]) => item !== null && !(Array.isArray(item) && item.length === 0))
  )
}

// ---------------------------------------------------------------------------

describe('xss', () => {
  after(async () => {
    await closeBrowser()
  })

  it('should have at least 320 well-formed vectors', () => {
    assert.ok(vectors.length >= 320, 'expected at least 320 vectors, got ' + vectors.length)
    const ids = new Set<string>()
    for (const item of vectors) {
      assert.equal(typeof item.id, 'string')
      assert.ok(isKebab(item.id), 'expected a kebab-case id: ' + item.id)
      assert.ok(!ids.has(item.id), 'duplicate id: ' + item.id)
      ids.add(item.id)
      assert.ok(typeof item.category === 'string' && isKebab(item.category), 'bad category for ' + item.id)
      assert.ok(typeof item.vector === 'string' && item.vector.length > 0, 'empty vector: ' + item.id)
      assert.deepEqual(Object.keys(item).sort(), ['category', 'id', 'vector'])
    }
  })

  it('should detect unsanitised payloads (positive controls)', async () => {
    requireChromium()
    const controls: Array<[name: string, html: string, expected: RegExp]> = [
      ['img-onerror', '<img src=x onerror=alert(1)>', /call: alert\(1\)/],
      ['javascript-link', '<a href="javascript:alert(1)">x</a>', /call: alert\(1\)/],
      ['fetch', '<img src=x onerror="fetch(\'https://evil.invalid/\')">', /call: fetch\(https:\/\/evil\.invalid\/\)/],
      ['cookie', '<svg onload="document.cookie=\'a=1\'"></svg>', /call: document\.cookie = a=1/],
      ['srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>', /call: alert\(1\)/],
      ['meta-refresh', '<meta http-equiv="refresh" content="0;url=https://evil.invalid/">', /request: evil-host document/],
      ['css-request', '<p style="background:url(https://evil.invalid/x)">x</p>', /request: evil-host image/],
      ['dom-audit', '<a href="vbscript:alert(1)">x</a>', /audit: url a\[href\]=vbscript:/]
    ]
    const results = await checkPages(
      controls.map(([name, html]) => ({name, html: buildDocument([{id: name, html}])}))
    )
    for (const [index, [name, , expected]] of controls.entries()) {
      const events = results[index]?.events ?? []
      assert.ok(
        events.some((event) => expected.test(event)),
        'expected the harness to catch `' + name + '`, got ' + JSON.stringify(events)
      )
    }
    // The article itself, unedited, is clean: the harness does not cry wolf.
    const clean = await checkPages([
      {name: 'sample', html: buildDocument([{id: 'html', html: renderHtml(sample)}, {id: 'post', html: renderPostBody(sample)}])}
    ])
    assert.deepEqual(clean[0]?.events, [])
  })

  it('should execute nothing from any vector in any placement', async () => {
    requireChromium()
    const started = Date.now()
    const documents = new Map<string, Origin[]>()
    const crashes: string[] = []
    let renders = 0

    function add(html: string, origin: Origin) {
      const list = documents.get(html)
      if (list) list.push(origin)
      else documents.set(html, [origin])
    }

    for (const {id, vector} of vectors) {
      for (const [placement, build] of Object.entries(postPlacements)) {
        try {
          const article = parsePost(build(vector))
          add(renderHtml(article), {vector: id, placement, renderer: 'renderHtml'})
          for (const body of renderPostBodies(article)) add(body, {vector: id, placement, renderer: 'renderPost'})
          renders += 2
        } catch (error) {
          crashes.push(id + ' @ ' + placement + ': ' + String(error))
        }
      }
      for (const [placement, put] of Object.entries(articlePlacements)) {
        try {
          const article = structuredClone(sample)
          put(article, vector)
          add(renderHtml(article), {vector: id, placement, renderer: 'renderHtml'})
          for (const body of renderPostBodies(article)) add(body, {vector: id, placement, renderer: 'renderPost'})
          renders += 2
        } catch (error) {
          crashes.push(id + ' @ ' + placement + ': ' + String(error))
        }
      }
    }
    const rendered = Date.now()

    // Distinct documents, batched; the first page also carries a control that must fire.
    const distinct = [...documents.keys()]
    const control = {id: 'control', html: '<img src=x onerror=alert(1)>'}
    const pages: PageInput[] = []
    for (let start = 0; start < distinct.length; start += batchSize) {
      const sections = distinct.slice(start, start + batchSize).map((html, offset) => ({id: 'd' + (start + offset), html}))
      if (start === 0) sections.push(control)
      pages.push({name: 'batch-' + start / batchSize, html: buildDocument(sections)})
    }
    const results = await checkPages(pages)
    assert.ok(
      results[0]?.events.some((event) => event === '[control] call: alert(1)'),
      'the control in the first batch should be caught: ' + JSON.stringify(results[0]?.events)
    )

    // Events with no section (requests, navigations) get exact attribution by
    // checking each document of that page alone.
    const findings = new Map<number, string[]>()
    const recheck: number[] = []
    for (const [pageIndex, result] of results.entries()) {
      for (const event of result.events) {
        const {section} = parseEvent(event)
        if (section === 'control') continue
        if (section === null || !/^d\d+$/.test(section)) {
          for (let offset = 0; offset < batchSize; offset++) recheck.push(pageIndex * batchSize + offset)
          continue
        }
        const index = Number(section.slice(1))
        findings.set(index, [...(findings.get(index) ?? []), event])
      }
    }
    const toRecheck = [...new Set(recheck)].filter((index) => index < distinct.length)
    if (toRecheck.length > 0) {
      const single = await checkPages(
        toRecheck.map((index) => ({
          name: String(index),
          html: buildDocument([{id: 'd' + index, html: distinct[index] ?? ''}])
        }))
      )
      for (const result of single) {
        if (result.events.length === 0) continue
        const index = Number(result.name)
        findings.set(index, [...new Set([...(findings.get(index) ?? []), ...result.events])])
      }
    }
    const checked = Date.now()

    const report = [...findings.entries()].map(([index, events]) => ({
      events,
      origins: documents.get(distinct[index] ?? '') ?? [],
      html: distinct[index] ?? ''
    }))
    const executed = report.filter((entry) => entry.events.some((event) => parseEvent(event).kind !== 'audit'))
    const vectorsHit = new Set(report.flatMap((entry) => entry.origins.map((origin) => origin.vector)))
    const placements = Object.keys(postPlacements).length + Object.keys(articlePlacements).length
    console.log(
      'xss: ' + vectors.length + ' vectors × ' + placements + ' placements × 2 renderers = ' + renders +
        ' renders (' + distinct.length + ' distinct documents in ' + pages.length + ' pages), ' +
        executed.length + ' executed, ' + (report.length - executed.length) + ' audit-only findings, ' +
        vectorsHit.size + ' vectors involved; render ' + (rendered - started) + ' ms, browser ' + (checked - rendered) + ' ms'
    )
    if (report.length > 0 || crashes.length > 0) {
      mkdirSync(new URL('../../test-output/', import.meta.url), {recursive: true})
      writeFileSync(
        new URL('../../test-output/xss-report.json', import.meta.url),
        JSON.stringify({crashes, findings: report}, null, 2) + '\n'
      )
    }
    assert.deepEqual(crashes, [], 'parsing or rendering threw')
    assert.equal(
      report.length,
      0,
      report.length +
        ' rendered documents did something (full list in test-output/xss-report.json):\n' +
        report
          .slice(0, 20)
          .map(
            (entry) =>
              '- ' +
              entry.origins
                .slice(0, 3)
                .map((origin) => origin.vector + ' @ ' + origin.placement + ' (' + origin.renderer + ')')
                .join(', ') +
              (entry.origins.length > 3 ? ' +' + (entry.origins.length - 3) : '') +
              '\n    ' +
              entry.events.join('\n    ')
          )
          .join('\n')
    )
  })

  it('should render vector posts idempotently', () => {
    const failures: Array<{vector: string; where: string; problem: string}> = []
    for (const {id, vector} of vectors) {
      for (const [placement, build] of Object.entries(postPlacements)) {
        const article = parsePost(build(vector))
        const once = renderHtml(article)
        const twice = renderHtml(parsePost(renderPost(article)))
        if (once !== twice) {
          const at = [...once].findIndex((character, index) => character !== twice[index])
          failures.push({
            vector: id,
            where: placement,
            problem: 'differs at ' + at + ': ' + JSON.stringify(once.slice(Math.max(0, at - 40), at + 60)) + ' then ' + JSON.stringify(twice.slice(Math.max(0, at - 40), at + 60))
          })
        }
      }
    }
    assert.equal(failures.length, 0, failures.length + ' posts changed on a second round:\n' + summarise(failures))
  })

  it('should never let front matter break its fences', () => {
    const failures: Array<{vector: string; where: string; problem: string}> = []
    /** `expected: null` checks the fences only (the input's YAML was already broken, and is kept as written). */
    const check = (vector: string, where: string, article: Article, expected?: unknown) => {
      const raw = renderPost(article)
      const html = renderHtml(article)
      for (const [consumer, split] of Object.entries(splitters)) {
        const {matter, body} = split(raw)
        if (body !== html && body !== '\n' + html && body !== '\r\n' + html) {
          failures.push({vector, where: where + ' (' + consumer + ')', problem: 'the body after the front matter is not renderHtml’s output'})
          continue
        }
        if (expected === null) continue
        let value: unknown
        try {
          value = matter === null ? {} : (parseYaml(matter) ?? {})
        } catch (error) {
          failures.push({vector, where: where + ' (' + consumer + ')', problem: 'the front matter does not parse: ' + String(error)})
          continue
        }
        try {
          assert.deepEqual(prune(value), prune(expected ?? metaAsYaml(article)))
        } catch {
          failures.push({vector, where: where + ' (' + consumer + ')', problem: 'the front matter reads back as something else'})
        }
      }
    }
    let checks = 0
    for (const {id, vector} of vectors) {
      for (const placement of Object.keys(postPlacements).filter((name) => name.startsWith('matter-'))) {
        const build = postPlacements[placement]
        if (!build) continue
        const raw = build(vector)
        let valid = true
        try {
          parseYaml(splitLikeJekyll(raw).matter ?? '')
        } catch {
          valid = false
        }
        check(id, placement, parsePost(raw), valid ? undefined : null)
        checks++
      }
      const titled = structuredClone(sample)
      titled.meta.title = vector
      check(id, 'article-meta-title', titled, {...(metaAsYaml(sample) as object), title: vector})
      const extra = structuredClone(sample)
      extra.meta.extra.push([vector, vector])
      check(id, 'article-meta-extra-key', extra, {...(metaAsYaml(sample) as object), [vector]: vector})
      for (const [name, frontMatter] of Object.entries({
        bare: vector,
        fenced: '---\n' + vector + '\n---\n',
        trailing: '---\ntitle: x\n---\n' + vector
      })) {
        const laid = structuredClone(sample)
        laid.layout.frontMatter = frontMatter
        check(id, 'article-layout-front-matter-' + name, laid, metaAsYaml(sample))
      }
      checks += 5
    }
    console.log('front matter: ' + checks + ' posts checked with ' + Object.keys(splitters).length + ' consumers, ' + failures.length + ' problems')
    assert.equal(failures.length, 0, failures.length + ' front matter problems:\n' + summarise(failures))
  })
})
