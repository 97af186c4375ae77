/**
 * Regenerate test/messages/<rule-id>/messages.json from input.txt: the
 * messages of that rule (id, place, severity; not the wording). Read every
 * changed file before committing it.
 */
import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {parsePost} from '../src/index.ts'

const root = new URL('../test/messages/', import.meta.url).pathname
for (const rule of readdirSync(root).sort()) {
  const raw = readFileSync(join(root, rule, 'input.txt'), 'utf8')
  const messages = parsePost(raw)
    .messages.filter((message) => message.ruleId === rule)
    .map(({ruleId, place, fatal}) => ({ruleId, place, fatal}))
  writeFileSync(join(root, rule, 'messages.json'), JSON.stringify(messages, null, 2) + '\n')
  console.log(rule, messages.length)
}
