import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {before, describe, it} from 'node:test'
import {load, type CheerioAPI} from 'cheerio'
import {parsePost} from '../../src/index.ts'

// The example imports the built package by its name, as users do (`npm test` builds first).
const root = new URL('../../', import.meta.url).pathname
const output = mkdtempSync(join(tmpdir(), 'article-kit-site-'))
let result: {status: number | null; stdout: string; stderr: string}

function page(path: string): CheerioAPI {
  return load(readFileSync(join(output, path), 'utf8'))
}

/** Each heading's id and the `href` of the link inside it. */
function headings($: CheerioAPI, selector: string): Array<[id: string | undefined, href: string | undefined]> {
  return $(selector)
    .toArray()
    .map((heading) => [$(heading).attr('id'), $(heading).find('a').attr('href')])
}

describe('examples/site/build.ts (remark and rehype with articleParse)', () => {
  before(() => {
    result = spawnSync(process.execPath, ['--import', 'tsx', 'examples/site/build.ts', output], {cwd: root, encoding: 'utf8'})
  })

  it('should write every page and post into one folder, and report the messages by file and place', () => {
    assert.equal(result.status, 0, result.stderr)
    assert.deepEqual(readdirSync(output, {recursive: true, encoding: 'utf8'}).sort(), ['about.html', 'index.html', 'posts', 'posts/first-light.html', 'posts/seoul-night-market.html'])
    assert.match(result.stdout, /3 of 3 pages written/)
    assert.match(result.stderr, /posts\/first-light\.html\n\s*12:52-12:88\s+warning\s+Removed `<script>`.*sanitized-element/)
    assert.match(result.stderr, /posts\/seoul-night-market\.md\n\s*14:4-14:43\s+warning .*image-alt-missing/)
  })

  it('should list the posts newest first on the index, with titles, dates and excerpts from the front matter', () => {
    const $ = page('index.html')
    const posts = $('main > ul').first().children('li').toArray()
    assert.deepEqual(
      posts.map((item) => [$(item).children('a').attr('href'), $(item).children('a').text(), $(item).find('time').attr('datetime'), $(item).find('p').text()]),
      [
        ['posts/seoul-night-market.html', '서울의 밤 시장', '2024-08-02', 'A walk through a night market in Seoul.'],
        ['posts/first-light.html', 'First light at the observatory', '2024-07-18T09:30:00+09:00', 'The new telescope saw its first light last night.']
      ]
    )
    assert.deepEqual(
      $('main > ul').last().find('a').toArray().map((link) => [$(link).attr('href'), $(link).text()]),
      [['about.html', 'About this site']]
    )
  })

  it('should give a post its front matter title, sanitised body, and headings with ids and self links', () => {
    const $ = page('posts/first-light.html')
    assert.equal($('title').text(), 'First light at the observatory')
    assert.equal($('main > h1').contents().first().text(), 'First light at the observatory')
    const ids = parsePost(readFileSync(join(root, 'examples/site/posts/first-light.html'), 'utf8')).sections.map((section) => section.id)
    assert.deepEqual(ids, ['what-it-saw', 'what-comes-next'])
    assert.deepEqual(
      headings($, 'main > h2'),
      ids.map((id) => [id, `#${id}`])
    )
    assert.match($('main').text(), /twelve billion/)
    assert.equal($('script').length, 0)
    assert.equal($('img').attr('onerror'), undefined)
    assert.equal($('img').attr('alt'), 'A faint red smudge')
    assert.equal($('a:contains("calibration")').attr('href'), undefined)
    assert.equal($('*').toArray().some((element) => Object.keys($(element).attr() ?? {}).some((name) => name.startsWith('on'))), false)
  })

  it('should slug Hangul headings as GitHub does', () => {
    const $ = page('posts/seoul-night-market.html')
    assert.equal($('title').text(), '서울의 밤 시장')
    assert.deepEqual(headings($, 'main > h2, main > h3'), [
      ['먹거리', '#먹거리'],
      ['prices', '#prices'],
      ['getting-there', '#getting-there']
    ])
  })

  it('should build a Markdown page through remark-parse and remark-rehype into the same layout', () => {
    const $ = page('about.html')
    assert.equal($('title').text(), 'About this site')
    assert.deepEqual(headings($, 'main > h1, main > h2'), [
      ['about-this-site', '#about-this-site'],
      ['how-it-is-built', '#how-it-is-built'],
      ['contact', '#contact']
    ])
    assert.equal($('a[href="https://unifiedjs.com"]').text(), 'unified')
    assert.equal($('code').text(), 'articleParse')
    assert.equal($('nav a').attr('href'), 'index.html')
  })
})
