import {hasDuplicateAttribute, parseBody} from '../body/parse.ts'
import {sanitizeTree} from '../body/sanitize.ts'
import {serialize} from '../body/hast.ts'
import {isVerbatimSafe} from './check-html.ts'
import type {Policy} from './policy.ts'

/**
 * HTML that is safe to write: the string itself when the strict check
 * passes (the byte-exact path), else the string parsed, sanitised and
 * serialised. Whatever a hand-built Article holds, nothing else comes out.
 *
 * @param html - Any string.
 * @param policy - Schema and embed hosts.
 * @returns Safe HTML.
 */
export function safeHtml(html: string, policy: Policy): string {
  if (typeof html !== 'string') return ''
  // The parser is the judge of duplicate attributes: a browser keeps the first copy, the scan reads every one.
  if (isVerbatimSafe(html, policy) && !hasDuplicateAttribute(html)) return html
  const {tree} = parseBody(html)
  sanitizeTree(tree, policy)
  return serialize(tree)
}
