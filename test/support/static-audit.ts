/**
 * What rendered HTML holds that could run script, navigate, load from
 * elsewhere or clobber the DOM, read without a browser: the HTML is parsed by
 * jsdom (parse5, as the HTML standard says) into a `<div>` and every element
 * is inspected. Written apart from the library's sanitiser on purpose (its
 * own URL, CSS and name rules), so a bug in one is not hidden by the other;
 * the Chromium sweep (`test/browser/xss.test.ts`) runs the same documents.
 */
import {JSDOM} from 'jsdom'

const window = new JSDOM('<!doctype html><html><head></head><body></body></html>', {url: 'https://xss.test/'}).window
const document = window.document

const safeScheme = /^(?:https?|mailto|tel|irc|ircs|xmpp):$/
const rasterData = /^data:image\/(?:png|gif|jpe?g|webp|avif|bmp)[;,]/i
const urlAttributes = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'cite', 'longdesc', 'ping', 'manifest', 'codebase', 'dynsrc', 'lowsrc', 'icon', 'profile', 'usemap', 'classid', 'archive'])
const forbiddenElements = /^(?:script|style|base|meta|link|object|embed|applet|frame|frameset|form|portal|fencedframe|noscript|template|math|input|button|select|textarea)$/
// Media must not start on its own, fetch more than metadata up front, or come over http (SECURITY.md, "Media").
const mediaElements = /^(?:video|audio|track)$/
const insecureMedia = /^(?:http:|[\\/]{2})/i
const badCss = /expression\s*\(|behaviou?r\s*:|-moz-binding|javascript\s*:|vbscript\s*:|@import/i
const ampTapTarget = /^tap:(?!amp$)[a-z][\w-]*$/i
const cssUrl = /url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^)]*))\s*\)/gi

/** Whether a browser would load or navigate to `raw` without running script. */
function isSafeUrl(raw: string, attribute: string): boolean {
  let url: URL
  try {
    url = new URL(raw.trim(), 'https://xss.test/')
  } catch {
    return true // Nothing a browser can use either.
  }
  if (safeScheme.test(url.protocol)) return true
  if (url.protocol === 'data:' && rasterData.test(url.href) && /src/.test(attribute)) return true
  return url.href === 'about:blank'
}

/** Whether `raw`, read as a browser reads an image URL, is http(s) (relative ones resolve to the page's). */
function isImageUrl(raw: string): boolean {
  try {
    return /^https?:$/.test(new URL(raw.trim(), 'https://xss.test/').protocol)
  } catch {
    return true // Nothing a browser can load either.
  }
}

/** CSS text with comments and escapes taken out, the crude way. */
function plainCss(raw: string): string {
  return raw
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) || 0xff_fd))
    .replace(/\\(.)/g, '$1')
}

function auditAttribute(element: Element, name: string, value: string, found: string[]): void {
  const tag = element.localName
  // `on` alone is AMP's action attribute: allowed only as a bare tap target (a page's own component, no method).
  if (/^on./.test(name) || (name === 'on' && !ampTapTarget.test(value))) found.push(`handler ${tag}[${name}]`)
  else if (urlAttributes.has(name)) {
    if (!isSafeUrl(value, name)) found.push(`url ${tag}[${name}]=${value}`)
  } else if (name === 'srcset' || name === 'imagesrcset') {
    for (const candidate of value.split(',')) {
      const url = candidate.trim().split(/\s+/)[0]
      if (url && !isSafeUrl(url, name)) found.push(`url ${tag}[${name}]=${url}`)
    }
  } else if (name === 'style') {
    const plain = plainCss(value)
    if (badCss.test(plain)) found.push(`style ${tag}: ${value}`)
    for (const declaration of plain.split(';')) {
      const colon = declaration.indexOf(':')
      const property = colon === -1 ? '' : declaration.slice(0, colon).trim().toLowerCase()
      const urls = [...declaration.matchAll(cssUrl)]
      for (const match of urls) {
        const target = match[1] ?? match[2] ?? match[3] ?? ''
        if (rasterData.test(target.trim())) continue
        // A background image loads as an `<img src>` does: one, over http(s) or relative. Nothing else may load.
        if ((property === 'background' || property === 'background-image') && urls.length === 1 && isImageUrl(target)) continue
        found.push(`style url ${tag}: ${target}`)
      }
    }
  } else if (name === 'srcdoc') found.push(`srcdoc ${tag}`)
  else if (['attributename', 'to', 'values', 'from', 'by'].includes(name) && /href|^on|javascript:/i.test(value)) found.push(`svg animation ${tag}[${name}]=${value}`)
  else if ((name === 'id' || name === 'name') && value.trim() in document) found.push(`clobber document.${value.trim()} by ${tag}[${name}]`)
  else if ((name === 'id' || name === 'name') && element.closest('form') && value.trim() in window.HTMLFormElement.prototype) found.push(`clobber form.${value.trim()} by ${tag}[${name}]`)
  else if (name === 'autoplay') found.push(`autoplay ${tag}`)
  else if (name === 'preload' && !/^(?:none|metadata)$/i.test(value.trim())) found.push(`preload ${tag}[preload]=${value}`)
  if (name === 'src' && (mediaElements.test(tag) || (tag === 'source' && /^(?:video|audio)$/.test(element.parentElement?.localName ?? '')))) {
    if (insecureMedia.test(value.replace(/[\t\n\r]/g, '').replace(/^[\0- ]+/, ''))) found.push(`media over http ${tag}[src]=${value}`)
  }
}

function auditIframe(element: Element, found: string[]): void {
  if (!element.hasAttribute('sandbox')) {
    found.push('iframe without sandbox')
    return
  }
  const tokens = (element.getAttribute('sandbox') ?? '').toLowerCase().split(/\s+/)
  for (const token of tokens) {
    if (/^allow-(?:top-navigation(?:-to-custom-protocols)?|popups-to-escape-sandbox)$/.test(token)) found.push(`iframe sandbox lets the frame act on the page: ${token}`)
  }
  const src = element.getAttribute('src')
  let sameOrigin = true
  try {
    sameOrigin = !src || new URL(src, 'https://xss.test/').origin === 'https://xss.test'
  } catch {}
  if (sameOrigin && tokens.includes('allow-scripts') && tokens.includes('allow-same-origin')) found.push('iframe sandbox allows scripts and same origin')
}

/**
 * Every finding in one rendered fragment, as `kind detail` lines; none for
 * inert HTML.
 *
 * @param html - What `renderHtml` (or the body of `renderPost`) wrote.
 * @returns The findings, in document order.
 */
export function auditHtml(html: string): string[] {
  const container = document.createElement('div')
  container.innerHTML = html
  const found: string[] = []
  for (const element of container.querySelectorAll('*')) {
    const tag = element.localName
    if (tag === 'script' && (element.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json') {
      try {
        JSON.parse(element.textContent ?? '')
      } catch {
        found.push('json-ld that does not parse')
      }
    } else if (forbiddenElements.test(tag)) found.push(`element ${tag}`)
    else if (tag === 'iframe') auditIframe(element, found)
    for (const attribute of element.attributes) auditAttribute(element, attribute.name.toLowerCase(), attribute.value, found)
  }
  return found
}
