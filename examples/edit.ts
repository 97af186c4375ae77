/**
 * Edit a post through its Article (rename a section, add a paragraph,
 * remove a summary item), render it, and show the line diff against the
 * original: `npx tsx examples/edit.ts`.
 */
import {readFileSync} from 'node:fs'
import {parsePost, renderPost, type ParagraphBlock} from 'article-kit'

const raw = readFileSync(new URL('sample.txt', import.meta.url), 'utf8')
const article = parsePost(raw)
const section = article.sections[0]!

// 1. Rename the first h3 section.
section.children[0]!.heading = '동반자 협정: 군사·외교·경제 협력'
// 2. Add a paragraph at the end of the h2 section's own blocks.
const added: ParagraphBlock = {type: 'paragraph', text: '편집자 주: 이 문단은 예제로 추가되었습니다.', html: '<b>편집자 주:</b> 이 문단은 예제로 추가되었습니다.'}
section.blocks.push(added)
// 3. Remove the last summary item.
const removed = article.summary?.items.pop()

const output = renderPost(article)
console.log(`Renamed a section, added a paragraph, removed the summary item “${removed?.text}”.\n`)
console.log(diff(raw.split('\n'), output.split('\n')).join('\n'))

/** A small line diff (longest common subsequence): `-` removed, `+` added, two lines of context. */
function diff(before: string[], after: string[]): string[] {
  const table = before.map(() => new Array<number>(after.length + 1).fill(0))
  table.push(new Array<number>(after.length + 1).fill(0))
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      table[i]![j] = before[i] === after[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!)
    }
  }
  const lines: Array<[mark: string, text: string]> = []
  let i = 0
  let j = 0
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) lines.push([' ', before[i++]!]) && j++
    else if (j < after.length && (i >= before.length || table[i]![j + 1]! >= table[i + 1]![j]!)) lines.push(['+', after[j++]!])
    else lines.push(['-', before[i++]!])
  }
  const near = (index: number) => lines.slice(Math.max(0, index - 2), index + 3).some(([mark]) => mark !== ' ')
  return lines.filter((_, index) => near(index)).map(([mark, text]) => `${mark} ${text.length > 100 ? text.slice(0, 97) + '…' : text}`)
}
