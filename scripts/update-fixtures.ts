/**
 * Regenerate the expected files of test/fixtures/<case>/ from input.txt:
 * article.json (the parsed Article) and, when renderPost does not give the
 * input back (the sanitiser changed something), output.txt.
 *
 * `npm run fixtures` shows the diff of each file that would change and writes
 * nothing; `npm run fixtures -- --write` writes them.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {parsePost, renderPost} from '../src/index.ts'
import {diffExpected, type Expected} from './expected-files.ts'

const root = new URL('../test/fixtures/', import.meta.url).pathname
const files: Expected[] = []
for (const name of readdirSync(root).sort()) {
  const input = join(root, name, 'input.txt')
  if (!existsSync(input)) continue
  const raw = readFileSync(input, 'utf8')
  const article = parsePost(raw)
  const output = renderPost(article)
  files.push({file: join(root, name, 'article.json'), content: JSON.stringify(article, null, 2) + '\n'})
  files.push({file: join(root, name, 'output.txt'), content: output === raw ? null : output})
}
process.exitCode = diffExpected(files, process.argv.slice(2))
