// One task of the batch converter, run by tinypool on a worker thread: parse a
// post, write its JSON, return what the report needs.
// Plain JavaScript, so a worker thread runs it without a TypeScript loader.
import {readFileSync, writeFileSync} from 'node:fs'
import {basename, join} from 'node:path'
import {parsePost} from 'article-kit'

export default function convert({file, output}) {
  try {
    const article = parsePost(readFileSync(file, 'utf8'))
    const json = basename(file).replace(/\.[^.]+$/, '') + '.json'
    writeFileSync(join(output, json), JSON.stringify(article) + '\n')
    const errors = article.messages.filter((message) => message.fatal === true).length
    const warnings = article.messages.filter((message) => message.fatal === false).length
    const rules = [...new Set(article.messages.map((message) => message.ruleId))].sort()
    return {file, json, title: article.meta.title, ok: true, errors, warnings, rules}
  } catch (error) {
    // Nothing is lost: a post that cannot be read or parsed is reported, and the batch goes on.
    return {file, json: null, title: null, ok: false, errors: 1, warnings: 0, rules: [], failure: String(error)}
  }
}
