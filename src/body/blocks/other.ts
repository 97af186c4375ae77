import type {Element} from 'hast'
import type {CodeBlock, EmbedBlock, HtmlBlock, QuoteBlock, RuleBlock} from '../../types.ts'
import {embedHost} from '../url.ts'
import {findElement, innerHtml, outerHtml, stringProperty, textOf, type Context} from '../hast.ts'
import {toText} from 'hast-util-to-text'

/** `<blockquote>`. */
export function quote(context: Context, node: Element): Omit<QuoteBlock, 'position' | 'source'> {
  return {type: 'quote', text: textOf(node), html: innerHtml(context, node)}
}

/** `<pre>`, with the language from `data-ke-language` or a `language-*` class. */
export function code(_context: Context, node: Element): Omit<CodeBlock, 'position' | 'source'> {
  const inner = findElement(node, 'code')
  const code = toText(node, {whitespace: 'pre'})
  return {type: 'code', text: code, code, language: languageOf(node) ?? (inner ? languageOf(inner) : undefined) ?? null}
}

function languageOf(node: Element): string | undefined {
  const data = stringProperty(node, 'dataKeLanguage')
  if (data) return data
  const classes = node.properties['className']
  if (!Array.isArray(classes)) return undefined
  for (const name of classes) {
    const match = /^(?:language|lang)-(.+)$/.exec(String(name))
    if (match) return match[1]
  }
  return undefined
}

/** `<hr>`, with the editor's `data-ke-style`. */
export function rule(_context: Context, node: Element): Omit<RuleBlock, 'position' | 'source'> {
  return {type: 'rule', text: '', style: stringProperty(node, 'dataKeStyle') ?? null}
}

/** An allowed `<iframe>` (the sanitiser removed the others). */
export function embed(_context: Context, node: Element): Omit<EmbedBlock, 'position' | 'source'> {
  const src = stringProperty(node, 'src') ?? ''
  return {type: 'embed', text: '', src, host: embedHost(src) ?? '', title: stringProperty(node, 'title') ?? null}
}

/** Anything else the sanitiser allows, kept as HTML (the whole element). */
export function html(context: Context, node: Element): Omit<HtmlBlock, 'position' | 'source'> {
  return {type: 'html', text: textOf(node), html: outerHtml(context, node)}
}
