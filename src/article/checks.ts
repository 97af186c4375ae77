import type {Article, Block, Message, Section} from '../types.ts'
import {createMessage} from '../diagnostics/message.ts'
import type {RuleId} from '../diagnostics/catalogue.ts'
import type {LineIndex} from '../diagnostics/line-index.ts'
import type {BuildState} from './build.ts'
import {matchKey} from './summary-table.ts'

/**
 * Messages about the content as a whole: an empty body, images without
 * `alt`, front matter that disagrees with the body, ad slots.
 */
export function contentMessages(state: Pick<BuildState, 'lines' | 'messages' | 'bodyStart'>, article: Article, itemCount: number, imagesWithoutAlt: Array<[number, number]>): void {
  const {lines, messages, bodyStart} = state
  const hasContent = article.hero !== null || article.sections.length > 0 || article.lead.some((block) => block.type !== 'spacer')
  if (itemCount === 0 || !hasContent) {
    messages.push(createMessage(lines, 'body-empty', 'Expected content after the front matter', bodyStart))
  }

  imageAltMessages(lines, bodyStart, imagesWithoutAlt, messages)

  const {excerpt, featureText, image} = article.meta
  // Most posts repeat one in the other word for word: no need to compare keys then.
  if (excerpt && featureText && !excerpt.includes(featureText) && !featureText.includes(excerpt)) {
    const a = matchKey(excerpt)
    const b = matchKey(featureText)
    if (a && b && !a.includes(b) && !b.includes(a)) {
      messages.push(createMessage(lines, 'excerpt-mismatch', 'Expected `excerpt` and `feature_text` to agree (neither contains the other)', 0))
    }
  }

  if (image && article.hero && image.trim() !== article.hero.src.trim()) {
    const place = article.hero.position
    messages.push(
      createMessage(lines, 'image-mismatch', `Expected the front matter \`image\` to be the hero image \`${article.hero.src}\``, place?.start.offset ?? 0, place?.end.offset ?? 0)
    )
  }

  for (const block of everyBlock(article)) {
    if (block.type === 'figure' && block.kind === 'revenue') {
      const place = block.position
      messages.push(createMessage(lines, 'revenue-slot', 'Found an ad slot (`data-ke-type="revenue"`)', place?.start.offset ?? 0, place?.end.offset ?? 0))
    }
  }
}

/** A message for each image the sanitiser found without `alt` (body offsets). */
export function imageAltMessages(lines: LineIndex, bodyStart: number, imagesWithoutAlt: Array<[number, number]>, messages: Message[]): void {
  for (const [start, end] of imagesWithoutAlt) {
    messages.push(createMessage(lines, 'image-alt-missing', 'Expected an `alt` attribute on this image', bodyStart + start, bodyStart + end))
  }
}

/**
 * The rules `buildBody` and `contentMessages` report from an Article's
 * content (not from what was read or sanitised): for a sanitised post they
 * come from the Article of its rewrite.
 */
export const contentRules: ReadonlySet<RuleId> = new Set<RuleId>([
  'heading-order', 'heading-empty', 'heading-duplicate', 'summary-unmatched', 'summary-missing-section',
  'body-empty', 'excerpt-mismatch', 'image-mismatch', 'revenue-slot'
])

/** Every block of an article, lead first, then sections depth-first (iterative). */
export function* everyBlock(article: Pick<Article, 'lead' | 'sections'>): Generator<Block> {
  yield* article.lead
  const stack: Section[] = [...article.sections].reverse()
  while (stack.length > 0) {
    const section = stack.pop()!
    yield* section.blocks
    for (let index = section.children.length - 1; index >= 0; index--) stack.push(section.children[index]!)
  }
}
