/**
 * Peer: gray-matter for the front matter, then @mozilla/readability on a
 * jsdom document, as a "just extract the article" tool would do it. Slow:
 * the benchmark runs it on the sample and the corpus's median post only.
 */
import {Readability} from '@mozilla/readability'
import {JSDOM} from 'jsdom'
import {readMatter} from './handwritten.ts'

/** What Readability extracts. */
export interface Readable {
  title: string
  text: string
}

/**
 * Parse a raw post with gray-matter, jsdom and Readability.
 *
 * @param raw - The whole post.
 * @returns The title and the text of the article.
 */
export function parseReadability(raw: string): Readable {
  const {data, content} = readMatter(raw)
  const title = typeof data['title'] === 'string' ? data['title'] : ''
  const dom = new JSDOM('<!doctype html><html><head><title></title></head><body></body></html>')
  const document = dom.window.document
  document.title = title
  document.body.innerHTML = content
  const article = new Readability(document).parse()
  dom.window.close()
  return {title: article?.title ?? title, text: article?.textContent ?? ''}
}
