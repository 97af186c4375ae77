import {cleanHtml} from '../body/normalize.ts'
import type {Policy} from './policy.ts'

/**
 * HTML that is safe to write: the string itself when reading it (parse,
 * sanitise, balance) changes nothing, else its rewrite. The same reading
 * `parsePost` gives a raw post's body; whatever a hand-built Article holds,
 * nothing else comes out.
 *
 * @param html - Any string.
 * @param policy - Schema and embed hosts.
 * @returns Safe HTML, balanced.
 */
export function safeHtml(html: string, policy: Policy): string {
  return typeof html === 'string' ? cleanHtml(html, policy) : ''
}
