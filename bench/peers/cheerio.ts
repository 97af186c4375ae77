/**
 * Peer: gray-matter for the front matter, cheerio (parse5 behind it) with
 * CSS selectors for the title, headings and paragraphs.
 */
import * as cheerio from 'cheerio'
import {readMatter, type Extracted} from './handwritten.ts'

/**
 * Parse a raw post with gray-matter and cheerio.
 *
 * @param raw - The whole post.
 * @returns The title, the headings and the text of each paragraph.
 */
export function parseCheerio(raw: string): Extracted {
  const {data, content} = readMatter(raw)
  // `false`: a fragment, as the body is (no html/head/body wrapping).
  const $ = cheerio.load(content, null, false)
  const headings = $('h1, h2, h3, h4, h5, h6')
    .map((_, element) => ({depth: Number(element.tagName.charAt(1)), text: collapse($(element).text())}))
    .get()
  const paragraphs = $('p')
    .map((_, element) => collapse($(element).text()))
    .get()
    .filter(Boolean)
  const title = typeof data['title'] === 'string' ? data['title'] : (headings[0]?.text ?? '')
  return {title, headings, paragraphs}
}

function collapse(value: string): string {
  return value.replace(/[\t\n\f\r ]+/g, ' ').trim()
}
