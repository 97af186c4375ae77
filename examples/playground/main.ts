/// <reference types="vite/client" />
/**
 * The playground: paste a raw post, see what article-kit makes of it.
 * Everything runs in the page; nothing is sent anywhere.
 */
import sample from '../sample.txt?raw'
import {parsePost, renderHtml, type Article, type Position} from '../../src/index.ts'
import {toJsonLd} from '../../src/json-ld/index.ts'
import {scrollToOffset} from './dom.ts'
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

// A variant of the sample with problems to click on: a bad date, an image
// without `alt`, an event handler the sanitiser removes and a summary row
// that names no section.
const problems = sample
  .replace("title: '공고히", "date: 2024-13-45\ntitle: '공고히")
  .replace(' alt="koreablockchain 속보"', '')
  .replace('<p data-ke-size="size16">푸틴', '<p data-ke-size="size16" onclick="alert(1)">푸틴')
  .replace('<b>분석 및 전문가 평가</b>', '<b>전문가 전망</b>')

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
  const start = place.start.offset
  let end = place.end.offset
  // Some messages point at a tag without a span: select the whole tag, so there is something to see.
  if (end === start && input.value.charAt(start) === '<') {
    const close = input.value.indexOf('>', start)
    if (close !== -1) end = close + 1
  }
  input.focus()
  input.setSelectionRange(start, end)
  scrollToOffset(input, start)
}

function find<T extends HTMLElement = HTMLElement>(selector: string): T {
  const element = document.querySelector<T>(selector)
  if (!element) throw new Error(`Missing \`${selector}\` in index.html`)
  return element
}
