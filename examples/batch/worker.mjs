// One worker of the batch converter: parse a post, write its JSON, report back.
// Plain JavaScript, so a worker thread runs it without a TypeScript loader.
import {readFileSync, writeFileSync} from 'node:fs'
import {basename, join} from 'node:path'
import {parentPort, workerData} from 'node:worker_threads'
import {parsePost} from 'article-kit'

const {output} = workerData

parentPort.on('message', (file) => {
  try {
    const article = parsePost(readFileSync(file, 'utf8'))
    const json = basename(file).replace(/\.[^.]+$/, '') + '.json'
    writeFileSync(join(output, json), JSON.stringify(article) + '\n')
    const errors = article.messages.filter((message) => message.fatal === true).length
    const warnings = article.messages.filter((message) => message.fatal === false).length
    const rules = [...new Set(article.messages.map((message) => message.ruleId))].sort()
    parentPort.postMessage({file, json, title: article.meta.title, ok: true, errors, warnings, rules})
  } catch (error) {
    // Nothing is lost: a post that cannot be read or parsed is reported, and the batch goes on.
    parentPort.postMessage({file, json: null, title: null, ok: false, errors: 1, warnings: 0, rules: [], failure: String(error)})
  }
})
