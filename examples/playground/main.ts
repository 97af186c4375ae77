/// <reference types="vite/client" />
/**
 * The playground: paste a raw post, see what article-kit makes of it.
 * Everything runs in the page; nothing is sent anywhere.
 */
import sample from '../sample.txt?raw'
import {parsePost, renderHtml, type Article, type Position} from '../../src/index.ts'
import {toJsonLd} from '../../src/json-ld/index.ts'
import {diagnostics, outline, previewDocument} from './view.ts'

type Tab = 'html' | 'article' | 'json-ld'

const input = find<HTMLTextAreaElement>('#input')
const status = find('#status')
const outlinePanel = find('#outline')
const diagnosticsPanel = find('#diagnostics')
const diagnosticsCount = find('#diagnostics-count')
const preview = find<HTMLIFrameElement>('#preview')
const source = find('#source')
const tabs = [...document.querySelectorAll<HTMLButtonElement>('[data-tab]')]

// A variant of the sample with problems to click on: an image without
// `alt`, a heading that skips a level and an event handler the sanitiser removes.
const problems = sample
  .replace(' alt="koreablockchain 속보"', '')
  .replace('<h3>분석 및 전문가 평가</h3>', '<h4>분석 및 전문가 평가</h4>')
  .replace('<p data-ke-size="size16">푸틴', '<p data-ke-size="size16" onclick="alert(1)">푸틴')

let tab: Tab = 'html'
let outputs: Record<Tab, string> = {html: '', article: '', 'json-ld': ''}
let timer: ReturnType<typeof setTimeout> | undefined

input.addEventListener('input', () => {
  clearTimeout(timer)
  timer = setTimeout(update, 150)
})
find('#load-sample').addEventListener('click', () => load(sample))
find('#load-problems').addEventListener('click', () => load(problems))
find('#clear').addEventListener('click', () => load(''))
for (const button of tabs) {
  button.addEventListener('click', () => {
    tab = button.dataset.tab as Tab
    showSource()
  })
}
update()

function load(value: string): void {
  input.value = value
  input.scrollTop = 0
  update()
}

/** Parse the textarea and redraw every panel. */
function update(): void {
  const raw = input.value
  const started = performance.now()
  let article: Article
  let html: string
  try {
    article = parsePost(raw)
    html = renderHtml(article)
  } catch (error) {
    // parsePost collects problems instead of throwing; this is a bug to report.
    status.textContent = `Error: ${String(error)}`
    return
  }
  const elapsed = performance.now() - started
  const jsonLd = toJsonLd(article)
  const language = typeof jsonLd.inLanguage === 'string' ? jsonLd.inLanguage : 'en'
  const count = article.messages.length

  document.body.dataset.empty = String(raw.trim() === '')
  status.textContent = raw.trim() === ''
    ? 'Paste a post to start.'
    : `${article.stats.words.toLocaleString('en')} words · ${count} ${count === 1 ? 'message' : 'messages'} · parsed and rendered in ${elapsed.toFixed(1)} ms`
  outlinePanel.replaceChildren(...outline(article, select))
  diagnosticsPanel.replaceChildren(diagnostics(article.messages, select))
  diagnosticsCount.textContent = String(count)
  diagnosticsCount.dataset.severity = article.messages.some((message) => message.fatal) ? 'error' : count > 0 ? 'warning' : 'none'
  preview.srcdoc = previewDocument(article, html, language)
  outputs = {html, article: JSON.stringify(article, null, 2), 'json-ld': JSON.stringify(jsonLd, null, 2)}
  showSource()
}

function showSource(): void {
  for (const button of tabs) button.setAttribute('aria-selected', String(button.dataset.tab === tab))
  source.textContent = outputs[tab]
}

/** Select a span of the raw post; offsets count UTF-16 code units, as the textarea does. */
function select(place: Position): void {
  // Blurring first makes Chrome scroll the selection into view on focus.
  input.blur()
  input.setSelectionRange(place.start.offset, place.end.offset)
  input.focus()
}

function find<T extends HTMLElement = HTMLElement>(selector: string): T {
  const element = document.querySelector<T>(selector)
  if (!element) throw new Error(`Missing \`${selector}\` in index.html`)
  return element
}
