/**
 * A batch worker: reads its share of the archive once (untimed), warms up,
 * says `ready`, then parses all of its posts on every `go` and reports how
 * long that took. bench/index.ts runs one of these alone (one thread) and
 * one per core (the pool).
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parentPort, workerData} from 'node:worker_threads'
import {parseFrontMatter, parsePost} from '../src/index.ts'
import {floor} from './tasks.ts'

/** What the main thread gives each worker. */
export interface BatchData {
  directory: string
  files: string[]
  warmup: number
}

/** Messages to the worker. */
export type BatchCommand = {type: 'go'; task: 'parsePost' | 'floor'} | {type: 'exit'}

/** Messages from the worker. */
export type BatchReport = {type: 'ready'; posts: number} | {type: 'done'; posts: number; ms: number; failed: number}

const port = parentPort
if (!port) throw new Error('bench/batch-worker.ts runs as a worker thread')
const data = workerData as BatchData
const raws = data.files.map((name) => readFileSync(path.join(data.directory, name), 'utf8'))
// The floor gets its body and YAML already split, as in the main benchmark.
const split = raws.map((raw) => {
  const front = parseFrontMatter(raw)
  return {body: raw.slice(front.bodyStart), yaml: front.block ? raw.slice(front.block.contentStart, front.block.contentEnd) : null}
})

let sink: unknown
function run(task: 'parsePost' | 'floor', count: number): number {
  let failed = 0
  for (let index = 0; index < count; index++) {
    try {
      sink = task === 'parsePost' ? parsePost(raws[index]!) : floor(split[index]!)
    } catch {
      failed++
    }
  }
  sink = undefined
  return failed
}

const warm = Math.min(data.warmup, raws.length)
run('parsePost', warm)
run('floor', warm)
port.postMessage({type: 'ready', posts: raws.length} satisfies BatchReport)

port.on('message', (command: BatchCommand) => {
  if (command.type === 'exit') {
    port.close()
    return
  }
  const start = performance.now()
  const failed = run(command.task, raws.length)
  port.postMessage({type: 'done', posts: raws.length, ms: performance.now() - start, failed, sink} satisfies BatchReport & {sink: unknown})
})
