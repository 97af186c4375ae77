/**
 * The browser playground, end to end: build it with Vite, serve the output,
 * paste the sample in Debian's Chromium and check every panel.
 */
import assert from 'node:assert/strict'
import {mkdir, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import {extname, join, normalize, sep} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {fileURLToPath} from 'node:url'
import {chromium, type Browser, type Page} from 'playwright-core'
import {launchOptions, requireChromium} from './harness.ts'
import {build} from 'vite'
import {parsePost} from '../../src/index.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
const configFile = join(root, 'examples', 'playground', 'vite.config.ts')
const output = join(root, 'test-output')
const sample = await readFile(join(root, 'examples', 'sample.txt'), 'utf8')

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml'
}

// Stands in for remote images: the test makes no outside requests.
const placeholder = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="#c7d2fe"/><stop offset="1" stop-color="#fbcfe8"/></linearGradient></defs><rect width="1200" height="630" fill="url(#g)"/></svg>`

describe('playground', () => {
  let directory = ''
  let server: Server | undefined
  let browser: Browser | undefined
  let page: Page
  let origin = ''

  before(async () => {
    requireChromium()
    directory = await mkdtemp(join(tmpdir(), 'article-kit-playground-'))
    await build({configFile, logLevel: 'warn', build: {outDir: directory, emptyOutDir: true}})
    server = await serve(directory)
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    browser = await chromium.launch(launchOptions)
    page = await browser.newPage({viewport: {width: 1600, height: 1000}, deviceScaleFactor: 1})
    await page.route('**/*', async (route) => {
      const request = route.request()
      if (request.url().startsWith(`${origin}/`)) return route.continue()
      if (request.resourceType() === 'image') return route.fulfill({contentType: 'image/svg+xml', body: placeholder})
      return route.abort()
    })
    await mkdir(output, {recursive: true})
  })

  after(async () => {
    await browser?.close()
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
    if (directory) await rm(directory, {recursive: true, force: true})
  })

  it('should bundle no Node built-in', async () => {
    const files = await readdir(join(directory, 'assets'))
    for (const file of files.filter((name) => name.endsWith('.js'))) {
      const code = await readFile(join(directory, 'assets', file), 'utf8')
      // Vite's stub for a built-in it could not bundle.
      assert.doesNotMatch(code, /__vite-browser-external/, file)
    }
  })

  it('should show the outline, summary and rendered HTML of the pasted sample', async () => {
    await page.goto(`${origin}/index.html`)
    await page.locator('#input').fill(sample)
    const outline = page.locator('#outline')
    await outline.locator('.title').getByText('공고히 한 北·러, 러시아의 정책 모두 지지').waitFor()

    assert.equal(await outline.locator('[data-depth="2"]').count(), 1)
    assert.equal(await outline.locator('[data-depth="3"]').count(), 4)
    assert.deepEqual(await outline.locator('[data-depth="3"] .heading').allTextContents(), [
      '동반자 협정 서명으로 강화된 군사·외교·경제 협력',
      '러시아의 지지와 군사 협력 강화',
      '다극화 세계 질서를 위한 협력',
      '분석 및 전문가 평가'
    ])
    assert.equal(await outline.locator('.summary [data-matched="true"]').count(), 4)
    assert.equal(await outline.locator('.summary [data-matched="false"]').count(), 0)
    assert.match(await outline.locator('.stats').innerText(), /words\s+181\b/)

    assert.equal(await page.locator('#preview').getAttribute('sandbox'), '')
    const frame = page.frameLocator('#preview')
    assert.equal(await frame.locator('h2').innerText(), '북-러 정상회담 결과 분석')
    assert.equal(await frame.locator('h3').count(), 4)
    assert.match(await page.locator('#source').innerText(), /<h2 data-ke-size="size26">북-러 정상회담 결과 분석<\/h2>/)

    await page.getByRole('tab', {name: 'Article JSON'}).click()
    const article = JSON.parse(await page.locator('#source').innerText()) as {sections: unknown[]}
    assert.equal(article.sections.length, 1)
    await page.getByRole('tab', {name: 'HTML source'}).click()

    // A heading in the outline selects it in the editor.
    await outline.locator('[data-depth="2"] > button').click()
    const heading = parsePost(sample).sections[0]!.position!
    assert.deepEqual(await selectionOf(page), {start: heading.start.offset, end: heading.end.offset, focused: true})

    await frame.locator('img').evaluate((image: HTMLImageElement) => image.decode())
    await page.screenshot({path: join(output, 'playground.png')})
  })

  it('should select the place of a clicked diagnostic in the textarea', async () => {
    await page.getByRole('button', {name: 'Sample with problems'}).click()
    const variant = await page.locator('#input').inputValue()
    const messages = parsePost(variant).messages
    const expected = messages.find((message) => message.ruleId === 'image-alt-missing')
    assert.ok(expected, 'the variant has an image without alt')
    assert.equal(await page.locator('#diagnostics button').count(), messages.length)

    await page.locator('#diagnostics button[data-rule="image-alt-missing"]').click()
    const {start, end} = expected.place
    // The message points at the tag (an empty span): the playground selects the whole tag.
    const tagEnd = start.offset === end.offset ? variant.indexOf('>', start.offset) + 1 : end.offset
    assert.deepEqual(await selectionOf(page), {start: start.offset, end: tagEnd, focused: true})
    assert.match(variant.slice(start.offset, tagEnd), /^<img [^>]*>$/)
    await page.screenshot({path: join(output, 'playground-diagnostic.png')})
  })

  it('should refuse to build when the library imports a Node built-in', async () => {
    const entry = join(directory, 'bad')
    await mkdir(entry, {recursive: true})
    await writeFile(join(entry, 'index.html'), '<script type="module" src="./main.ts"></script>')
    await writeFile(join(entry, 'main.ts'), "import {join} from 'node:path'\nconsole.log(join('a', 'b'))\n")
    await assert.rejects(
      build({configFile, root: entry, logLevel: 'silent', build: {outDir: join(entry, 'dist'), emptyOutDir: true}}),
      /node:path.*Node built-in/
    )
  })
})

/** The textarea's selection, and whether it has the focus. */
function selectionOf(page: Page): Promise<{start: number; end: number; focused: boolean}> {
  return page.locator('#input').evaluate((input: HTMLTextAreaElement) => ({
    start: input.selectionStart,
    end: input.selectionEnd,
    focused: document.activeElement === input
  }))
}

/** A static file server for `directory` on 127.0.0.1 and a random port. */
async function serve(directory: string): Promise<Server> {
  const server = createServer(async (request, response) => {
    const path = normalize(join(directory, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)))
    const type = types[extname(path)]
    if (!path.startsWith(directory + sep) || !type) return void response.writeHead(404).end()
    try {
      const body = await readFile(path)
      response.writeHead(200, {'content-type': type}).end(body)
    } catch {
      response.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return server
}
