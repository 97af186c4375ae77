/**
 * A small XSS detector: loads HTML documents in Debian's Chromium (through
 * `playwright-core`, no browser download) and reports everything a payload
 * could do if it ran.
 *
 * Three kinds of evidence are collected, each as one line in `events`:
 *
 * - **executed**: a trapped call (`alert`, `confirm`, `prompt`, `print`,
 *   `fetch`, `XMLHttpRequest#open`/`#send`, `navigator.sendBeacon`,
 *   `window.open`, `WebSocket`, `EventSource`, a `document.cookie` write), a
 *   JavaScript dialog that got past the traps, a popup, a navigation of the
 *   page away from the test document, or a request that article markup
 *   cannot make on its own (see `classifyRequest`);
 * - **audit**: what the DOM holds after parsing, whether or not Chromium runs
 *   it: `on*` attributes, `javascript:`/`vbscript:`/`data:` URLs in URL
 *   attributes, scripts (other than valid JSON-LD), `<style>`, `<base>`,
 *   `<meta>`, `<link>`, `<object>`, `<embed>`, forms, iframes without
 *   `sandbox` or with `srcdoc`, dangerous CSS, and `position: fixed` overlays;
 * - **timeout**: the document did not settle (a payload that hangs the page).
 *
 * Every line reads `[section] kind: detail`, where `section` is the
 * `data-xss-section` of the `<section>` that fired, or `-` when it cannot be
 * told (requests and navigations are seen outside the page). Callers that
 * need exact attribution check a failing page again one section at a time.
 *
 * Each document is served from its own URL on `https://xss.test/` by a route
 * we control, so relative URLs resolve and cookies exist; every other request
 * is recorded and aborted, so nothing leaves the machine.
 */

import {existsSync} from 'node:fs'
import {chromium, type Browser, type Page, type Request} from 'playwright-core'

/** One HTML document to check. */
export interface PageInput {
  /** Name, echoed in the result. */
  name: string
  /** The whole document. */
  html: string
}

/** What happened while one document was loaded and poked. */
export interface PageResult {
  name: string
  /** One line per finding (`[section] kind: detail`); empty when nothing happened. */
  events: string[]
}

/** One part of a batched document. */
export interface SectionInput {
  /** Marker written to `data-xss-section` and reported in events. */
  id: string
  /** HTML placed inside the `<section>`. */
  html: string
}

/** Settings for `checkPages`. */
export interface CheckOptions {
  /** How many pages load at once (default: `2`). */
  concurrency?: number | null | undefined
  /** How long handlers get to fire after the events are dispatched, in ms (default: `100`). */
  settle?: number | null | undefined
  /** Hosts whose documents may load in iframes (default: `defaultFrameHosts`). */
  frameHosts?: readonly string[] | null | undefined
  /** Give up on a document after this many ms (default: `20000`). */
  timeout?: number | null | undefined
}

/** Iframe hosts the library allows by default; their documents are aborted but not reported. */
export const defaultFrameHosts: readonly string[] = [
  'www.youtube.com',
  'youtube.com',
  'www.youtube-nocookie.com',
  'player.vimeo.com',
  'tv.kakao.com',
  'play-tv.kakao.com',
  'tv.naver.com',
  'serviceapi.nmv.naver.com'
]

export const launchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run'
  ]
}

/**
 * Fail (not skip) when Debian's Chromium is missing: a browser suite that
 * skips itself proves nothing, and CI installs it.
 */
export function requireChromium(): void {
  if (!existsSync(launchOptions.executablePath)) {
    throw new Error(`Chromium not found at ${launchOptions.executablePath} (apt-get install -y chromium fonts-noto-cjk)`)
  }
}

const origin = 'https://xss.test'
const emptyOptions: Readonly<CheckOptions> = Object.freeze({})

/** Where exfiltration in our vectors goes; any request there is a finding. */
const evilHost = /(^|\.)evil\.invalid$/i

/** Request types plain article markup (images, media, allowed iframes) never causes. */
const scriptOnlyTypes = new Set([
  'script',
  'stylesheet',
  'xhr',
  'fetch',
  'eventsource',
  'websocket',
  'manifest',
  'ping',
  'other'
])

let shared: Promise<Browser> | undefined
let counter = 0

/**
 * The shared browser, launched on first use.
 *
 * @returns The browser; close it with `closeBrowser`.
 */
export function launchBrowser(): Promise<Browser> {
  if (!shared) shared = chromium.launch(launchOptions)
  return shared
}

/** Close the shared browser, if it was launched. */
export async function closeBrowser(): Promise<void> {
  const browser = shared
  shared = undefined
  if (browser) await (await browser).close()
}

/**
 * Wrap sections in one document, each in `<section data-xss-section=id>`.
 *
 * @param sections - The parts.
 * @returns A whole HTML document.
 */
export function buildDocument(sections: readonly SectionInput[]): string {
  const parts = sections.map(
    (section) =>
      '<section data-xss-section="' +
      section.id.replace(/[^\w.:-]/g, '_') +
      '">\n' +
      section.html +
      '\n</section>'
  )
  return (
    '<!doctype html>\n<html><head><meta charset="utf-8" data-xss-own><title data-xss-own>xss check</title></head><body>\n' +
    parts.join('\n') +
    '\n</body></html>\n'
  )
}

/**
 * Parse an event line back into its parts.
 *
 * @param event - A line from `PageResult.events`.
 * @returns The section (`null` when unknown), kind and detail.
 */
export function parseEvent(event: string): {section: string | null; kind: string; detail: string} {
  const match = /^\[([^\]]*)\] ([\w-]+): ?([\s\S]*)$/.exec(event)
  if (!match) return {section: null, kind: 'unknown', detail: event}
  const section = match[1] === '-' || match[1] === undefined ? null : match[1]
  return {section, kind: match[2] ?? 'unknown', detail: match[3] ?? ''}
}

/**
 * Decide whether a request is evidence of executed or injected code.
 *
 * Images and media are what article markup loads, so they only count when
 * they go to `evil.invalid`; a navigation of the page, a script-only request
 * type, or an iframe document from a host not allowed always counts.
 *
 * @param request - The request.
 * @param served - URL of the document under test.
 * @param frameHosts - Hosts allowed in iframes.
 * @returns A reason, or `null` when the request is harmless.
 */
export function classifyRequest(
  request: Request,
  served: string,
  frameHosts: ReadonlySet<string>
): string | null {
  const url = request.url()
  let host = ''
  try {
    host = new URL(url).hostname
  } catch {
    return 'unparsable-url'
  }
  const type = request.resourceType()
  if (evilHost.test(host)) return 'evil-host'
  if (url === origin + '/favicon.ico') return null
  if (type === 'document') {
    const frame = safeFrame(request)
    const isMain = frame ? frame.parentFrame() === null : true
    if (isMain) return url.split('#')[0] === served ? null : 'navigation'
    return frameHosts.has(host) ? null : 'frame'
  }
  if (scriptOnlyTypes.has(type)) return 'type-' + type
  return null
}

function safeFrame(request: Request) {
  try {
    return request.frame()
  } catch {
    // Service-worker requests have no frame.
    return null
  }
}

/**
 * Load each document, poke it, and report what happened.
 *
 * Each worker keeps one page and loads document after document in it, each
 * from its own URL. After `load`, every element (also in same-origin
 * iframes) receives `mouseover`, `mouseenter`, `pointerover`, `click`,
 * `focus`, `load`, `error`, `animationstart`, `transitionend` and `toggle`;
 * elements with an inline handler also get some 35 more events and one per
 * `on*` attribute they carry; focusable elements are focused; then handlers
 * get `settle` ms before the DOM is audited.
 * Clicks on plain `http`/`https`/`mailto` links are prevented (following a
 * link is not an attack and would unload the page); `javascript:` links are
 * left to run.
 *
 * @param pages - Documents to check.
 * @param options - Configuration (optional).
 * @returns One result per document, in order.
 */
export async function checkPages(
  pages: readonly PageInput[],
  options?: Readonly<CheckOptions> | null
): Promise<PageResult[]> {
  const settings = options || emptyOptions
  const concurrency = Math.max(1, settings.concurrency ?? 2)
  const settle = settings.settle ?? 100
  const timeout = settings.timeout ?? 20_000
  const frameHosts = new Set(settings.frameHosts ?? defaultFrameHosts)
  const browser = await launchBrowser()
  const context = await browser.newContext({javaScriptEnabled: true, bypassCSP: true})
  const served = new Map<string, string>()
  const pageUrl = new Map<Page, string>()
  const events = new Map<Page, string[]>()

  function push(page: Page | null | undefined, line: string) {
    if (!page) return
    const list = events.get(page)
    if (list) list.push(line)
  }

  await context.exposeBinding('__xssReport', (source, line: unknown) => {
    if (typeof line === 'string') push(source.page, line)
  })
  await context.addInitScript({content: trapScript})
  await context.route('**/*', async (route) => {
    const request = route.request()
    const url = request.url()
    const body = served.get(url)
    const frame = safeFrame(request)
    if (body !== undefined && frame && frame.parentFrame() === null) {
      await route.fulfill({status: 200, contentType: 'text/html; charset=utf-8', body})
      return
    }
    const page = frame ? frame.page() : null
    const reason = classifyRequest(request, (page && pageUrl.get(page)) || '', frameHosts)
    if (reason) push(page, '[-] request: ' + reason + ' ' + request.resourceType() + ' ' + url)
    if (request.isNavigationRequest() && frame && frame.parentFrame() === null) {
      // A 204 cancels the navigation, so the page (and its other sections) stays.
      await route.fulfill({status: 204, body: ''}).catch(() => {})
      return
    }
    await route.abort().catch(() => {})
  })

  const results: PageResult[] = Array.from({length: pages.length}, (_, index) => ({
    name: pages[index]?.name ?? String(index),
    events: []
  }))
  let next = 0

  async function worker() {
    let page: Page | undefined
    let state: State = {url: '', events: []}
    while (next < pages.length) {
      const index = next++
      const input = pages[index]
      if (!input) continue
      if (!page) {
        const fresh = await context.newPage()
        fresh.setDefaultTimeout(timeout)
        // Handlers read `state` when they fire, so one page serves many documents.
        fresh.on('dialog', (dialog) => {
          state.events.push('[-] dialog: ' + dialog.type() + ' ' + dialog.message())
          dialog.dismiss().catch(() => {})
        })
        fresh.on('framenavigated', (frame) => {
          if (frame.parentFrame() !== null || frame.url() === 'about:blank') return
          if (frame.url().split('#')[0] !== state.url) state.events.push('[-] navigation: ' + frame.url())
        })
        fresh.on('popup', (popup) => {
          state.events.push('[-] popup: ' + popup.url())
          popup.close().catch(() => {})
        })
        page = fresh
      }
      const url = origin + '/' + ++counter + '.html'
      state = {url, events: []}
      served.set(url, input.html)
      pageUrl.set(page, url)
      events.set(page, state.events)
      try {
        state.events.push(...(await one(page, url, settle, timeout)))
      } catch (error) {
        state.events.push('[-] timeout: ' + String(error instanceof Error ? error.message : error).split('\n')[0])
        // A page that hung is not reused.
        await page.close({runBeforeUnload: false}).catch(() => {})
        page = undefined
      }
      served.delete(url)
      const result = results[index]
      if (result) result.events = [...new Set(state.events)]
    }
    if (page) await page.close().catch(() => {})
  }

  try {
    await Promise.all(Array.from({length: Math.min(concurrency, pages.length)}, worker))
  } finally {
    await context.close().catch(() => {})
  }
  return results
}

/**
 * Evaluate script expressions one after another in one blank page of the
 * shared browser, for checks that parse HTML with the page's `DOMParser`
 * (its documents run no script and load nothing) rather than load it.
 *
 * @param expressions - JavaScript expressions; each value must be serialisable.
 * @returns The value of each expression, in order.
 */
export async function evaluateInBlankPage(expressions: readonly string[]): Promise<unknown[]> {
  const browser = await launchBrowser()
  const context = await browser.newContext({javaScriptEnabled: true})
  try {
    // Nothing in these pages may reach the network.
    await context.route('**/*', (route) => route.abort().catch(() => {}))
    const page = await context.newPage()
    const values: unknown[] = []
    for (const expression of expressions) values.push(await page.evaluate(expression))
    return values
  } finally {
    await context.close().catch(() => {})
  }
}

/** The document a reused page currently shows, and what it did. */
interface State {
  url: string
  events: string[]
}

/** Load, poke and audit one document; the events pushed through the binding go to the caller's list. */
async function one(page: Page, url: string, settle: number, timeout: number): Promise<string[]> {
  const work = (async () => {
    await page.goto(url, {waitUntil: 'commit', timeout})
    // A navigation started while the document parses (a payload assigning
    // `location`) stops it loading, and `load` never comes: go on without it.
    await page.waitForLoadState('load', {timeout: Math.min(timeout, 3000)}).catch(() => {})
    await page.evaluate(pokeScript)
    await page.waitForTimeout(settle)
    const local: unknown = await page.evaluate(auditScript)
    return Array.isArray(local) ? local.filter((line): line is string => typeof line === 'string') : []
  })()
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('document did not settle in ' + timeout + ' ms')), timeout)
  })
  try {
    const found = await Promise.race([work, limit])
    // Give late binding calls (async handlers) a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 10))
    return found
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Runs in every frame before any of its scripts: replaces the functions a
 * payload would call with recorders. Each record goes to the Node side
 * through the `__xssReport` binding and to `window.__xssEvents`.
 */
const trapScript = String.raw`(() => {
  const events = []
  Object.defineProperty(window, '__xssEvents', {value: events})
  const sectionOf = (node) => {
    try {
      let element = node
      if (element && element.nodeType !== 1) element = element.parentElement || null
      let found = element && element.closest ? element.closest('[data-xss-section]') : null
      if (!found && window.frameElement) found = window.frameElement.closest('[data-xss-section]')
      if (!found && window.__xssCurrent) found = window.__xssCurrent.closest('[data-xss-section]')
      return found ? found.getAttribute('data-xss-section') : '-'
    } catch (error) {
      return '-'
    }
  }
  const show = (value) => {
    try {
      return Array.from(value, (item) => String(item)).join(', ').slice(0, 200)
    } catch (error) {
      return '?'
    }
  }
  const record = (kind, detail) => {
    const origin = (window.event && window.event.target) || document.currentScript || null
    const line = '[' + sectionOf(origin) + '] ' + kind + ': ' + detail
    events.push(line)
    try {
      window.__xssReport(line)
    } catch (error) {
      // The binding may not exist yet in a brand-new frame; __xssEvents keeps it.
    }
  }
  Object.defineProperty(window, '__xssRecord', {value: record})
  // Names of DOM properties as they are before any content: an id or name
  // equal to one of these clobbers the property (<https://domclob.xyz/>).
  const namesOf = (object) => {
    const names = new Set()
    for (let current = object; current; current = Object.getPrototypeOf(current)) {
      for (const name of Object.getOwnPropertyNames(current)) names.add(name)
    }
    return names
  }
  Object.defineProperty(window, '__xssDocumentNames', {value: namesOf(document)})
  Object.defineProperty(window, '__xssWindowNames', {value: namesOf(window)})
  Object.defineProperty(window, '__xssFormNames', {value: namesOf(HTMLFormElement.prototype)})
  const trap = (owner, name, make) => {
    try {
      Object.defineProperty(owner, name, {value: make(owner[name]), configurable: false, writable: false})
    } catch (error) {}
  }
  trap(window, 'alert', () => function alert() { record('call', 'alert(' + show(arguments) + ')') })
  trap(window, 'confirm', () => function confirm() { record('call', 'confirm(' + show(arguments) + ')'); return false })
  trap(window, 'prompt', () => function prompt() { record('call', 'prompt(' + show(arguments) + ')'); return null })
  trap(window, 'print', () => function print() { record('call', 'print()') })
  trap(window, 'open', () => function open() { record('call', 'open(' + show(arguments) + ')'); return null })
  trap(window, 'fetch', () => function fetch() {
    record('call', 'fetch(' + show(arguments) + ')')
    return Promise.reject(new TypeError('blocked by xss harness'))
  })
  const XHR = window.XMLHttpRequest && window.XMLHttpRequest.prototype
  if (XHR) {
    trap(XHR, 'open', () => function open() { record('call', 'XMLHttpRequest.open(' + show(arguments) + ')') })
    trap(XHR, 'send', () => function send() { record('call', 'XMLHttpRequest.send(' + show(arguments) + ')') })
  }
  if (window.Navigator) {
    trap(Navigator.prototype, 'sendBeacon', () => function sendBeacon() {
      record('call', 'sendBeacon(' + show(arguments) + ')')
      return false
    })
  }
  for (const name of ['WebSocket', 'EventSource']) {
    trap(window, name, () => function () {
      record('call', 'new ' + name + '(' + show(arguments) + ')')
      throw new TypeError('blocked by xss harness')
    })
  }
  try {
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: false,
      get() { return '' },
      set(value) { record('call', 'document.cookie = ' + String(value).slice(0, 200)) }
    })
  } catch (error) {}
  const safeScheme = /^(https?|mailto|tel|irc|ircs|xmpp):$/
  // Following a plain link is not an attack and would unload the page.
  addEventListener('click', (event) => {
    const target = event.target
    const link = target && target.closest ? target.closest('a, area') : null
    if (!link) return
    let href = link.getAttribute('href')
    if (href === null) href = link.getAttributeNS('http://www.w3.org/1999/xlink', 'href')
    if (href === null) return
    let url
    try {
      url = new URL(href, document.baseURI)
    } catch (error) {
      event.preventDefault()
      return
    }
    if (safeScheme.test(url.protocol)) event.preventDefault()
  }, true)
  addEventListener('submit', (event) => {
    const form = event.target
    const submitter = event.submitter
    const action = (submitter && submitter.getAttribute('formaction')) || (form && form.getAttribute('action')) || ''
    let url
    try {
      url = new URL(action, document.baseURI)
    } catch (error) {
      event.preventDefault()
      return
    }
    if (url.protocol === 'javascript:') return
    if (/(^|\.)evil\.invalid$/i.test(url.hostname)) record('navigation', 'form submission to ' + url.href)
    event.preventDefault()
  }, true)
})()`

/**
 * Dispatch events on every element of the document (and same-origin
 * iframes) and focus what can take focus. The common events go to every
 * element; the long list, and an event named after each `on*` attribute, go
 * to elements that carry an inline handler (nothing else can react to them).
 */
const pokeScript = String.raw`(() => {
  const common = ['mouseover', 'mouseenter', 'pointerover', 'click', 'focus', 'load', 'error', 'animationstart', 'transitionend', 'toggle']
  const more = [
    'mousemove', 'mousedown', 'mouseup', 'mouseout', 'mouseleave', 'pointerenter', 'pointerdown',
    'pointerup', 'dblclick', 'auxclick', 'contextmenu', 'focusin', 'blur', 'focusout', 'abort',
    'animationiteration', 'animationend', 'transitionstart', 'transitionrun', 'beforetoggle',
    'input', 'change', 'keydown', 'keyup', 'keypress', 'wheel', 'scroll', 'copy', 'cut', 'paste',
    'select', 'drag', 'dragstart', 'drop', 'invalid'
  ]
  const make = (type) => {
    if (/^(mouse|click|dblclick|auxclick|contextmenu)/.test(type)) return new MouseEvent(type, {bubbles: true, cancelable: true, view: window})
    if (type.startsWith('pointer')) return new PointerEvent(type, {bubbles: true, cancelable: true})
    if (type.startsWith('focus') || type === 'blur') return new FocusEvent(type)
    return new Event(type, {bubbles: false, cancelable: true})
  }
  const focusable = 'a[href], area[href], button, input, select, textarea, iframe, summary, details, [tabindex], [contenteditable], [autofocus], svg a'
  const documents = [document]
  for (let index = 0; index < documents.length; index++) {
    for (const frame of documents[index].querySelectorAll('iframe, frame, object, embed')) {
      try {
        const inner = frame.contentDocument
        if (inner && !documents.includes(inner)) documents.push(inner)
      } catch (error) {}
    }
  }
  for (const doc of documents) {
    const view = doc.defaultView || window
    for (const element of Array.from(doc.querySelectorAll('*'))) {
      view.__xssCurrent = element
      const own = []
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase()
        if (name.startsWith('on') && name.length > 2) own.push(name.slice(2))
      }
      const types = own.length > 0 ? [...new Set([...common, ...more, ...own])] : common
      for (const type of types) {
        try { element.dispatchEvent(make(type)) } catch (error) {}
      }
      try {
        if (typeof element.focus === 'function' && element.matches(focusable)) element.focus({preventScroll: true})
      } catch (error) {}
    }
    view.__xssCurrent = null
  }
})()`

/** Inspect the settled DOM and return audit findings plus the events recorded in frames. */
const auditScript = String.raw`(() => {
  const found = []
  const sectionOf = (element, frameElement) => {
    const own = element.closest ? element.closest('[data-xss-section]') : null
    const section = own || (frameElement ? frameElement.closest('[data-xss-section]') : null)
    return section ? section.getAttribute('data-xss-section') : '-'
  }
  const note = (element, frameElement, detail) => {
    found.push('[' + sectionOf(element, frameElement) + '] audit: ' + detail.slice(0, 300))
  }
  const safeScheme = /^(https?|mailto|tel|irc|ircs|xmpp):$/
  const rasterData = /^data:image\/(png|gif|jpe?g|webp|avif|bmp)[;,]/i
  const urlAttributes = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'cite', 'longdesc', 'ping', 'manifest', 'codebase', 'dynsrc', 'lowsrc', 'icon', 'profile', 'usemap', 'classid', 'archive'])
  const isSafeUrl = (element, doc, name, raw) => {
    let url
    try {
      url = new URL(raw.trim(), doc.baseURI)
    } catch (error) {
      return true // The browser cannot use it either.
    }
    if (safeScheme.test(url.protocol)) return true
    if (url.protocol === 'data:' && rasterData.test(url.href) && /src/.test(name)) return true
    return url.href === 'about:blank'
  }
  const imageScheme = (doc, raw) => {
    try {
      return new URL(raw.trim(), doc.baseURI).protocol
    } catch (error) {
      return '' // The browser cannot load it either.
    }
  }
  const checkUrl = (element, frameElement, doc, name, raw) => {
    if (!isSafeUrl(element, doc, name, raw)) note(element, frameElement, 'url ' + element.localName + '[' + name + ']=' + raw)
  }
  // Raw style text, with CSS comments and escapes removed the crude way.
  const badCssText = /expression\s*\(|behaviou?r\s*:|-moz-binding|javascript\s*:|vbscript\s*:|@import/i
  const checkStyle = (element, frameElement, doc, raw) => {
    const plain = raw.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16) || 0xfffd)).replace(/\\(.)/g, '$1')
    if (badCssText.test(plain)) note(element, frameElement, 'style ' + element.localName + '[style]=' + raw)
    const style = element.style
    if (!style) return
    for (let index = 0; index < style.length; index++) {
      const value = style.getPropertyValue(style[index])
      for (const match of value.matchAll(/url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^)]*))\s*\)/gi)) {
        const target = (match[1] ?? match[2] ?? match[3] ?? '').replace(/\\(.)/g, '$1')
        // Only a background image may load (as an img may); a url() in any other property is a finding.
        if (style[index] !== 'background-image' || !/^(?:https?:)?$/.test(imageScheme(doc, target))) note(element, frameElement, 'style url ' + element.localName + ' ' + style[index] + ': ' + value)
      }
    }
  }
  const documents = [[document, null]]
  for (let index = 0; index < documents.length; index++) {
    const [doc] = documents[index]
    for (const frame of doc.querySelectorAll('iframe, frame, object, embed')) {
      try {
        const inner = frame.contentDocument
        if (inner && !documents.some((entry) => entry[0] === inner)) documents.push([inner, frame])
      } catch (error) {}
    }
  }
  for (const [doc, frameElement] of documents) {
    const view = doc.defaultView
    for (const line of (view && view.__xssEvents) || []) found.push(line)
    for (const element of Array.from(doc.querySelectorAll('*'))) {
      const name = element.localName
      if (!frameElement && (element.hasAttribute('data-xss-own') || element === doc.documentElement || element === doc.head || element === doc.body || (name === 'section' && element.hasAttribute('data-xss-section') && element.parentElement === doc.body))) continue
      for (const attribute of Array.from(element.attributes)) {
        const attributeName = attribute.name.toLowerCase()
        // on alone is AMP's action attribute, allowed only as a bare tap target (a page's own component, no method).
        if (/^on./.test(attributeName) || (attributeName === 'on' && !/^tap:(?!amp$)[a-z][\w-]*$/i.test(attribute.value))) note(element, frameElement, 'handler ' + name + '[' + attributeName + ']=' + attribute.value)
        else if (urlAttributes.has(attributeName)) checkUrl(element, frameElement, doc, attributeName, attribute.value)
        else if (attributeName === 'srcset' || attributeName === 'imagesrcset') {
          for (const candidate of attribute.value.split(',')) {
            const value = candidate.trim().split(/\s+/)[0]
            if (value) checkUrl(element, frameElement, doc, attributeName, value)
          }
        } else if (attributeName === 'style') checkStyle(element, frameElement, doc, attribute.value)
        else if (attributeName === 'srcdoc') note(element, frameElement, 'srcdoc ' + name)
        else if (attributeName === 'autoplay') note(element, frameElement, 'autoplay ' + name)
        else if (attributeName === 'preload' && !/^(none|metadata)$/i.test(attribute.value.trim())) note(element, frameElement, 'preload ' + name + '[preload]=' + attribute.value)
        else if ((attributeName === 'attributename' || attributeName === 'to' || attributeName === 'values' || attributeName === 'from') && /href|^on|javascript:/i.test(attribute.value)) note(element, frameElement, 'svg-animation ' + name + '[' + attributeName + ']=' + attribute.value)
      }
      for (const attributeName of ['id', 'name']) {
        const value = element.getAttribute(attributeName)
        if (!value || !view || !view.__xssDocumentNames) continue
        const clobbered = view.__xssDocumentNames.has(value)
          ? 'document'
          : view.__xssWindowNames.has(value) && (view[value] instanceof view.Element || view[value] instanceof view.HTMLCollection)
            ? 'window'
            : element.closest('form') && view.__xssFormNames.has(value)
              ? 'form'
              : null
        if (clobbered) note(element, frameElement, 'clobber ' + clobbered + '.' + value + ' by ' + name + '[' + attributeName + ']')
      }
      if (element.hasAttribute('ping')) note(element, frameElement, 'ping ' + name + '[ping]=' + element.getAttribute('ping'))
      // Media only over https or from the page's own site (SECURITY.md, "Media"); picture's sources are images.
      if (element.hasAttribute('src') && (/^(video|audio|track)$/.test(name) || (name === 'source' && element.parentElement && /^(video|audio)$/.test(element.parentElement.localName)))) {
        const src = element.getAttribute('src').replace(/[\t\n\r]/g, '').replace(/^[\x00-\x20]+/, '')
        if (/^(http:|[\\/]{2})/i.test(src)) note(element, frameElement, 'media over http ' + name + '[src]=' + src)
      }
      if (name === 'script') {
        const type = (element.getAttribute('type') || '').trim().toLowerCase()
        if (type === 'application/ld+json') {
          try { JSON.parse(element.textContent || '') } catch (error) { note(element, frameElement, 'json-ld does not parse') }
        } else note(element, frameElement, 'element script')
      } else if (/^(style|base|meta|link|object|embed|applet|frame|frameset|form|portal|fencedframe|input|button|select|textarea)$/.test(name)) {
        note(element, frameElement, 'element ' + name)
      } else if (name === 'iframe' && !element.hasAttribute('sandbox')) {
        note(element, frameElement, 'iframe without sandbox')
      } else if (name === 'iframe') {
        const tokens = (element.getAttribute('sandbox') || '').toLowerCase().split(/\s+/)
        let sameOrigin = true
        try {
          const src = element.getAttribute('src')
          sameOrigin = !src || new URL(src, doc.baseURI).origin === doc.defaultView.location.origin
        } catch (error) {}
        // Scripts plus same origin in a same-origin frame can lift the sandbox.
        if (sameOrigin && tokens.includes('allow-scripts') && tokens.includes('allow-same-origin')) note(element, frameElement, 'iframe sandbox allows scripts and same origin on a same-origin frame')
        for (const token of tokens) {
          if (/^allow-(top-navigation(-to-custom-protocols)?|popups-to-escape-sandbox)$/.test(token)) note(element, frameElement, 'iframe sandbox lets the frame act on the page: ' + token)
        }
      }
      if (view) {
        try {
          const position = view.getComputedStyle(element).position
          if (position === 'fixed' || position === 'sticky') note(element, frameElement, 'position ' + position + ' on ' + name)
        } catch (error) {}
      }
    }
  }
  return found
})()`
