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
import {mkdirSync, writeFileSync} from 'node:fs'
import {after, describe, it} from 'node:test'
import {parse as parseYaml} from 'yaml'
import {parsePost, renderHtml, renderPost} from '../../src/index.ts'
import type {Article} from '../../src/types.ts'
import {checkSource, containers, escapeControls, stayControls, type Escape} from '../support/container-escape.ts'
import {articlePlacements, isKebab, metaAsYaml, postPlacements, prune, renderPostBody, renderVectors, sample, splitLikeJekyll, splitters, summarise, vectors, type PostReading, type RenderedVectors} from '../support/xss-vectors.ts'
import {buildDocument, checkPages, closeBrowser, evaluateInBlankPage, parseEvent, requireChromium, type PageInput} from './harness.ts'

/**
 * Sections per browser page. Loading a page, its trap scripts, the events and
 * the settle time cost about the same for 50 sections as for 200, the work per
 * element is the same (every document of the sweep: 205 pages of 50 took 56 s
 * of CPU, 52 pages of 200 took 26 s), and an event that names no section still
 * has each document of its page checked alone.
 */
const batchSize = 200

/** Outputs per call of the container check. */
const escapeBatchSize = 200

type Failure = {vector: string; where: string; problem: string}

/** What the checks of each raw vector post found, in the sweep's one reading of it. */
interface PostChecks {
  /** Posts whose HTML changes on a second round through `renderPost` and `parsePost`. */
  idempotence: Failure[]
  /** Front matter placements whose rendered post breaks its fences. */
  fences: Failure[]
  /** How many front matter placements were checked. */
  fenceChecks: number
}

let rendered: (RenderedVectors & {checks: PostChecks; ms: number}) | undefined

/**
 * Every vector in every placement, rendered once for the tests that need them
 * all, with how long that took. Each raw post is parsed and rendered once:
 * the idempotence and front matter checks of the same posts run on that
 * reading as it is made (`checkPost`), and their tests assert what they found.
 */
function allRendered(): RenderedVectors & {checks: PostChecks; ms: number} {
  if (!rendered) {
    const started = Date.now()
    const checks: PostChecks = {idempotence: [], fences: [], fenceChecks: 0}
    // The second round of each distinct rendered post: many vectors are sanitised away to the same post, read once.
    const secondRounds: SecondRounds = new Map()
    rendered = {...renderVectors(undefined, (reading) => checkPost(reading, checks, secondRounds)), checks, ms: Date.now() - started}
  }
  return rendered
}

/** `renderHtml(parsePost(post))` (or what it threw) of each rendered post already read. */
type SecondRounds = Map<string, {html: string} | {error: unknown}>

/** The idempotence check of a raw vector post, and the front matter check when the vector is in the front matter. */
function checkPost({vector, placement, raw, article, html: once, post}: PostReading, checks: PostChecks, secondRounds: SecondRounds): void {
  let second = secondRounds.get(post)
  if (!second) {
    try {
      second = {html: renderHtml(parsePost(post))}
    } catch (error) {
      second = {error}
    }
    secondRounds.set(post, second)
  }
  if ('html' in second) {
    const twice = second.html
    if (once !== twice) {
      const at = [...once].findIndex((character, index) => character !== twice[index])
      checks.idempotence.push({
        vector,
        where: placement,
        problem: 'differs at ' + at + ': ' + JSON.stringify(once.slice(Math.max(0, at - 40), at + 60)) + ' then ' + JSON.stringify(twice.slice(Math.max(0, at - 40), at + 60))
      })
    }
  } else {
    checks.idempotence.push({vector, where: placement, problem: 'the second round threw: ' + String(second.error)})
  }
  if (!placement.startsWith('matter-')) return
  let valid = true
  try {
    parseYaml(splitLikeJekyll(raw).matter ?? '')
  } catch {
    valid = false
  }
  // YAML readers disagree on a lone CR inside a value (a line break to the YAML spec and to article-kit,
  // part of the value to yaml's `parse`): when article-kit finds the YAML broken, the block is kept as
  // written and only the fences are checked.
  if (article.messages.some((message) => message.ruleId === 'front-matter-yaml')) valid = false
  checkFences(checks.fences, vector, placement, article, valid ? undefined : null, {html: once, post})
  checks.fenceChecks++
}

/**
 * Whether each consumer (`splitters`) finds `renderHtml`'s output right after the front matter of
 * `renderPost`'s, and reads that front matter back as the Article's meta (or `expected`; `null`
 * checks the fences only: the input's YAML was already broken, and is kept as written).
 */
function checkFences(
  failures: Failure[],
  vector: string,
  where: string,
  article: Article,
  expected?: unknown,
  output: {html: string; post: string} = {html: renderHtml(article), post: renderPost(article)}
): void {
  const {html, post: raw} = output
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

/**
 * Every output that leaves any container (`../support/container-escape.ts`),
 * parsed by Chromium's own HTML parser.
 */
async function findEscapesInChromium(outputs: readonly string[]): Promise<Escape[]> {
  const expressions: string[] = []
  for (let start = 0; start < outputs.length; start += escapeBatchSize) {
    expressions.push(
      '(' + checkSource + ')((html) => new DOMParser().parseFromString(html, "text/html"), ' +
        JSON.stringify(outputs.slice(start, start + escapeBatchSize)) + ', ' + JSON.stringify(containers) + ')'
    )
  }
  const values = await evaluateInBlankPage(expressions)
  return values.flatMap((value, batch) =>
    (value as Escape[]).map((escape) => ({...escape, index: escape.index + batch * escapeBatchSize}))
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
      ['css-url-elsewhere', '<p style="cursor:url(https://images.example/c.cur),auto">x</p>', /audit: style url p cursor/],
      ['amp-action', '<p on="tap:AMP.navigateTo(url=\'https://images.example/\')">x</p>', /audit: handler p\[on\]/],
      ['dom-audit', '<a href="vbscript:alert(1)">x</a>', /audit: url a\[href\]=vbscript:/],
      ['autoplay', '<video src="https://media.example/a.mp4" autoplay muted></video>', /audit: autoplay video/],
      ['preload', '<audio src="https://media.example/a.mp3" preload="auto"></audio>', /audit: preload audio/],
      ['media-http', '<video><source src="http://media.example/a.mp4"></video>', /audit: media over http source/],
      ['form-control', '<p><button>Go</button></p>', /audit: element button/],
      ['name-clobber', '<img name="adoptNode" src="https://example.com/a.png" alt="a">', /audit: clobber document\.adoptNode/]
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

  it('should catch markup that leaves its container, in the containers it leaves (positive controls)', async () => {
    requireChromium()
    const escapes = await findEscapesInChromium(escapeControls.map(([html]) => html))
    for (const [index, [html, caughtIn]] of escapeControls.entries()) {
      const found = escapes.filter((escape) => escape.index === index).map((escape) => escape.container)
      assert.deepEqual(found, caughtIn, html)
    }
    assert.deepEqual(await findEscapesInChromium(stayControls), [])
  })

  it('should keep every vector in every placement inside its container (issue 18, finding 2)', async () => {
    requireChromium()
    const {documents, crashes, renders} = allRendered()
    assert.deepEqual(crashes, [], 'parsing or rendering threw')
    const distinct = [...documents.keys()]
    const escapes = await findEscapesInChromium(distinct)
    const placements = Object.keys(postPlacements).length + Object.keys(articlePlacements).length
    const failures = escapes.map((escape) => {
      const origins = documents.get(distinct[escape.index] ?? '') ?? []
      return {
        vector: origins.map((origin) => origin.vector).join(', '),
        where: origins.map((origin) => origin.placement + ' (' + origin.renderer + ')').slice(0, 3).join(', ') + ' in ' + escape.container,
        problem: escape.actual + '\n(expected ' + escape.expected + ')'
      }
    })
    console.log(
      'container escapes: ' + vectors.length + ' vectors × ' + placements + ' placements × 2 renderers = ' + renders +
        ' renders (' + distinct.length + ' distinct documents, none left out) × ' +
        containers.length + ' containers, ' + escapes.length + ' escapes'
    )
    assert.equal(escapes.length, 0, escapes.length + ' outputs leave their container:\n' + summarise(failures))
  })

  it('should execute nothing from any vector in any placement', async () => {
    requireChromium()
    const {documents, crashes, renders, ms: renderMs} = allRendered()
    const started = Date.now()

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
        vectorsHit.size + ' vectors involved; render ' + renderMs + ' ms, browser ' + (checked - started) + ' ms'
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
    const {crashes, checks} = allRendered()
    assert.deepEqual(crashes, [], 'parsing or rendering threw')
    const failures = checks.idempotence
    assert.equal(failures.length, 0, failures.length + ' posts changed on a second round:\n' + summarise(failures))
  })

  it('should never let front matter break its fences', () => {
    const {crashes, checks: found} = allRendered()
    assert.deepEqual(crashes, [], 'parsing or rendering threw')
    // The vector in each front matter placement of a raw post was checked as the sweep read it (`checkPost`).
    const failures = [...found.fences]
    const check = (vector: string, where: string, article: Article, expected?: unknown) => checkFences(failures, vector, where, article, expected)
    let checks = found.fenceChecks
    for (const {id, vector} of vectors) {
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
