/**
 * Regenerate test/messages/<rule-id>/messages.json from input.txt: the
 * messages of that rule (id, place, severity, and the count and places of
 * the others when grouped; not the wording).
 *
 * `npm run messages` shows the diff of each file that would change and writes
 * nothing; `npm run messages -- --write` writes them.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {parsePost} from '../src/index.ts'
import {diffExpected, type Expected} from './expected-files.ts'

const root = new URL('../test/messages/', import.meta.url).pathname
const files: Expected[] = readdirSync(root)
  .sort()
  .map((rule) => {
    const raw = readFileSync(join(root, rule, 'input.txt'), 'utf8')
    const messages = parsePost(raw)
      .messages.filter((message) => message.ruleId === rule)
      .map(({ruleId, place, fatal, count, repeats}) => ({ruleId, place, fatal, count, repeats: repeats?.map((repeat) => repeat.place)}))
    return {file: join(root, rule, 'messages.json'), content: JSON.stringify(messages, null, 2) + '\n'}
  })
process.exitCode = diffExpected(files, process.argv.slice(2))
