/**
 * Regenerate the expected files of test/fixtures/<case>/ from input.txt:
 * article.json (the parsed Article) and, when renderPost does not give the
 * input back (the sanitiser changed something), output.txt.
 * Read every changed expected file before committing it.
 */
import {existsSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {parsePost, renderPost} from '../src/index.ts'

const root = new URL('../test/fixtures/', import.meta.url).pathname
for (const name of readdirSync(root).sort()) {
  const input = join(root, name, 'input.txt')
  if (!existsSync(input)) continue
  const raw = readFileSync(input, 'utf8')
  const article = parsePost(raw)
  writeFileSync(join(root, name, 'article.json'), JSON.stringify(article, null, 2) + '\n')
  const output = renderPost(article)
  const outputFile = join(root, name, 'output.txt')
  if (output === raw) rmSync(outputFile, {force: true})
  else writeFileSync(outputFile, output)
  console.log(name, output === raw ? 'round-trips byte for byte' : 'sanitised: output.txt written', `${article.messages.length} messages`)
}
