import type {Article, Block, Hero, Section, Summary, TitleHeading} from '../types.ts'

/**
 * Every item of a parsed Article (lead blocks, title heading, hero, summary, sections and
 * their blocks, depth first), in no particular order: what carries a
 * position and a source.
 *
 * @param article - An Article from `parsePost` (lists present, no holes).
 * @returns The items.
 */
export function itemsOf(article: Article): Array<Block | TitleHeading | Hero | Summary | Section> {
  const items: Array<Block | TitleHeading | Hero | Summary | Section> = [...article.lead]
  if (article.titleHeading) items.push(article.titleHeading)
  if (article.hero) items.push(article.hero)
  if (article.summary) items.push(article.summary)
  const sections = [...article.sections]
  while (sections.length > 0) {
    const section = sections.pop()!
    items.push(section, ...section.blocks)
    sections.push(...section.children)
  }
  return items
}
