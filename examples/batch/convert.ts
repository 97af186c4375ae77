/**
 * Batch converter: a folder of raw posts → one JSON file per post plus an
 * index, on a pool of worker threads across all cores (tinypool), with a
 * progress bar and a final report of diagnostics per file. A post that fails
 * is reported; the rest still convert.
 *
 *   npx tsx examples/batch/convert.ts <input folder> <output folder>
 */
import {mkdirSync, readdirSync, writeFileSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {basename, join, resolve} from 'node:path'
import {Tinypool} from 'tinypool'

/** What a worker returns for one file (see worker.mjs). */
interface Result {
  file: string
  json: string | null
  title: string | null
  ok: boolean
  errors: number
  warnings: number
  rules: string[]
  failure?: string
}

const [input, output] = process.argv.slice(2)
if (!input || !output) {
  console.error('Usage: npx tsx examples/batch/convert.ts <input folder> <output folder>')
  process.exit(2)
}
const files = readdirSync(input, {withFileTypes: true})
  .filter((entry) => entry.isFile() && /\.(md|markdown|html?|txt)$/i.test(entry.name))
  .map((entry) => resolve(input, entry.name))
  .sort()
mkdirSync(output, {recursive: true})

const results: Result[] = []
const threads = Math.max(1, Math.min(availableParallelism(), files.length))
const started = performance.now()
const pool = new Tinypool({filename: new URL('worker.mjs', import.meta.url).href, minThreads: threads, maxThreads: threads})
try {
  await Promise.all(
    files.map(async (file) => {
      results.push((await pool.run({file, output})) as Result)
      progress(results.length, files.length)
    })
  )
} finally {
  await pool.destroy()
}

results.sort((a, b) => a.file.localeCompare(b.file))
writeFileSync(
  join(output, 'index.json'),
  JSON.stringify(
    results.map(({file, json, title, ok, errors, warnings}) => ({file: basename(file), json, title, ok, errors, warnings})),
    null,
    2
  ) + '\n'
)

process.stderr.write('\n')
const failed = results.filter((result) => !result.ok)
for (const result of results) {
  if (result.failure) console.log(`✖ ${basename(result.file)}: ${result.failure}`)
  else if (result.errors + result.warnings > 0) console.log(`${result.errors ? '✖' : '⚠'} ${basename(result.file)}: ${result.errors} errors, ${result.warnings} warnings (${result.rules.join(', ')})`)
}
const seconds = (performance.now() - started) / 1000
console.log(`${results.length - failed.length} of ${results.length} posts converted on ${threads} threads in ${seconds.toFixed(1)} s; ${failed.length} failed; index: ${join(output, 'index.json')}`)
process.exitCode = failed.length > 0 ? 1 : 0

function progress(done: number, total: number): void {
  if (!process.stderr.isTTY && done !== total && done % 50 !== 0) return
  const width = 30
  const filled = Math.round((done / total) * width)
  process.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`)
}
