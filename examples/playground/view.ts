/** The playground's panels: each function turns part of an Article into DOM. */
import type {Article, Message, Position, Section} from '../../src/index.ts'
import {h} from './dom.ts'

/** Called with a span of the raw post to select in the editor. */
export type Select = (place: Position) => void

/** Title, meta, stats, the section tree and the summary table. */
export function outline(article: Article, select: Select): HTMLElement[] {
  const {meta, stats, summary} = article
  const kicker = [...meta.categories, meta.dateIso ?? meta.date, meta.author].filter(Boolean).join(' · ')
  return [
    h('div', {class: 'headline'},
      kicker ? h('p', {class: 'kicker'}, kicker) : null,
      h('h3', {class: meta.title ? 'title' : 'title missing'}, meta.title ?? 'No title'),
      meta.tags.length > 0 ? h('ul', {class: 'chips'}, meta.tags.map((tag) => h('li', null, tag))) : null
    ),
    h('dl', {class: 'stats'},
      stat('words', stats.words),
      stat('characters', stats.characters),
      stat('min read', stats.readingMinutes),
      stat('sections', countSections(article.sections))
    ),
    h('h4', null, 'Sections'),
    article.sections.length > 0 ? tree(article.sections, select) : h('p', {class: 'empty'}, 'No headings.'),
    h('h4', null, 'Summary table', summary?.title ? h('span', {class: 'aside'}, ` ${summary.title}`) : null),
    summary
      ? h('ul', {class: 'summary'}, summary.items.map((item) => {
          const target = item.sectionId ? findSection(article.sections, item.sectionId) : undefined
          return h('li', {'data-matched': String(Boolean(target))},
            h('span', {class: 'mark', 'aria-label': target ? 'matched' : 'no match'}, target ? '✓' : '✗'),
            h('span', null, item.text),
            target ? h('code', null, `#${target.id}`) : h('em', null, 'names no section')
          )
        }))
      : h('p', {class: 'empty'}, 'No summary table.')
  ]
}

/** The messages as buttons; clicking one selects its `place`. */
export function diagnostics(messages: Message[], select: Select): HTMLElement {
  if (messages.length === 0) return h('p', {class: 'empty ok'}, 'No problems found.')
  return h('ol', {class: 'messages'}, messages.map((message) => {
    const severity = message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
    const button = h('button', {type: 'button', class: severity, 'data-rule': message.ruleId},
      h('span', {class: 'severity'}, severity),
      h('span', {class: 'where'}, `${message.line}:${message.column}`),
      h('span', {class: 'reason'}, message.reason),
      h('code', {class: 'rule'}, message.ruleId),
      message.note ? h('span', {class: 'note'}, message.note) : null
    )
    button.addEventListener('click', () => select(message.place))
    return h('li', null, button)
  }))
}

/**
 * A whole document for the sandboxed preview. The HTML comes from
 * `renderHtml` (sanitised), the iframe has `sandbox=""` (no scripts, no
 * forms, no navigation of the page), and a CSP allows nothing but styles and
 * media on top.
 */
export function previewDocument(article: Article, html: string, language: string): string {
  const title = article.meta.title ? `<h1>${escape(article.meta.title)}</h1>\n` : ''
  return `<!doctype html>
<html lang="${escape(language)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src http: https: data:; media-src http: https:; frame-src https:">
<style>${previewStyle}</style></head>
<body><article>${title}${html}</article></body></html>`
}

const previewStyle = `
body{margin:0;padding:20px 24px;font:15px/1.7 system-ui,'Noto Sans CJK KR','Noto Sans KR',sans-serif;color:#1f2328;word-break:keep-all;overflow-wrap:anywhere}
h1{font-size:1.5em;line-height:1.35;margin:0 0 .8em}h2{font-size:1.25em;margin:1.4em 0 .5em;padding-bottom:.2em;border-bottom:1px solid #e5e7eb}h3{font-size:1.05em;margin:1.2em 0 .4em}
p{margin:.5em 0}img{max-width:100%;height:auto;border-radius:6px;background:#f3f4f6}
table{border-collapse:collapse;margin:1em 0;width:100%}td,th{border:1px solid #d0d7de;padding:4px 10px}
pre{background:#f6f8fa;padding:10px;overflow:auto}blockquote{margin:1em 0;padding-left:1em;border-left:3px solid #d0d7de;color:#57606a}`

function stat(label: string, value: number): HTMLElement[] {
  return [h('dt', null, label), h('dd', null, value.toLocaleString('en'))]
}

function tree(sections: Section[], select: Select): HTMLElement {
  return h('ol', {class: 'tree'}, sections.map((section) => {
    const button = h('button', {type: 'button', title: section.position ? 'Select in the editor' : undefined},
      h('span', {class: 'depth'}, `H${section.depth}`),
      h('span', {class: 'heading'}, section.heading || '(empty)')
    )
    const place = section.position
    if (place) button.addEventListener('click', () => select(place))
    else button.disabled = true
    return h('li', {'data-depth': String(section.depth)},
      button,
      section.children.length > 0 ? tree(section.children, select) : null
    )
  }))
}

function countSections(sections: Section[]): number {
  return sections.reduce((total, section) => total + 1 + countSections(section.children), 0)
}

function findSection(sections: Section[], id: string): Section | undefined {
  for (const section of sections) {
    if (section.id === id) return section
    const found = findSection(section.children, id)
    if (found) return found
  }
  return undefined
}

function escape(value: string): string {
  return value.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`)
}
