/**
 * Parse the bundled sample post, print a readable outline, re-render it and
 * say whether the output is byte-identical: `npm run example`.
 * Pass another file to try your own: `npx tsx examples/basic.ts post.html`.
 */
import {readFileSync} from 'node:fs'
import {parsePost, renderPost, type Section} from 'article-kit'

const file = process.argv[2] ?? new URL('sample.txt', import.meta.url).pathname
const raw = readFileSync(file, 'utf8')
const article = parsePost(raw)

console.log(`Title:     ${article.meta.title ?? '(none)'}`)
console.log(`Date:      ${article.meta.dateIso ?? '(none)'}   Categories: ${article.meta.categories.join(', ') || '(none)'}`)
console.log(`Hero:      ${article.hero ? `${article.hero.src} (“${article.hero.alt}”)` : '(none)'}`)
console.log(`Lead:      ${article.lead.length} block(s)`)
console.log('Sections:')
const print = (sections: Section[], indent: string) => {
  for (const section of sections) {
    const kinds = section.blocks.map((block) => block.type).join(', ')
    console.log(`${indent}h${section.depth} ${section.heading}  #${section.id}  [${kinds || 'no blocks'}]`)
    print(section.children, indent + '  ')
  }
}
print(article.sections, '  ')

if (article.summary) {
  console.log(`Summary:   ${article.summary.title ?? '(no title row)'}`)
  for (const item of article.summary.items) console.log(`  ${item.sectionId ? '✔' : '✘'} ${item.text}${item.sectionId ? `  → #${item.sectionId}` : '  (matches no section)'}`)
} else console.log('Summary:   (none)')

const {stats} = article
console.log(`Stats:     ${stats.words} words, ${stats.characters} characters (${stats.charactersWithoutSpaces} without spaces), ~${stats.readingMinutes} min read`)
console.log(`Messages:  ${article.messages.length}`)
for (const message of article.messages) console.log(`  ${message.line}:${message.column} ${message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info'} ${message.reason} [${message.ruleId}]`)

const output = renderPost(article)
console.log(output === raw ? 'Round trip: byte-identical ✔' : `Round trip: differs (${output.length} vs ${raw.length} characters); see the sanitiser's messages above`)
