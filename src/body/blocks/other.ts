import type {Element} from 'hast'
import type {EmbedBlock, HtmlBlock, QuoteBlock, RuleBlock} from '../../types.ts'
import {embedHost} from '../url.ts'
import {innerHtml, outerHtml, stringProperty, textOf, type Context} from '../hast.ts'

/** `<blockquote>`. */
export function quote(context: Context, node: Element): Omit<QuoteBlock, 'position' | 'source'> {
  return {type: 'quote', text: textOf(node), html: innerHtml(context, node)}
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
