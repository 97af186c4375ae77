/**
 * A batch worker: reads the whole archive once (untimed), warms up, says
 * `ready`, then on every `go` takes chunks of posts from a counter it
 * shares with the other workers of the pass until none are left, and
 * reports how many it parsed and how long that took. bench/index.ts runs
 * one of these alone (one thread) and one per core (the pool). Taking work
 * as it goes, as a real pool does (examples/batch/convert.ts), keeps one
 * worker from idling while the other finishes a fixed half.
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

/** Messages to the worker. `next` is a shared counter: the index of the next post nobody took yet. */
export type BatchCommand = {type: 'go'; task: BatchTask; next: SharedArrayBuffer} | {type: 'exit'}

/** What a pass runs on each post. */
export type BatchTask = 'parsePost' | 'floor'

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
function run(task: BatchTask, from: number, to: number): number {
  let failed = 0
  for (let index = from; index < to; index++) {
    try {
      sink = task === 'parsePost' ? parsePost(raws[index]!) : floor(split[index]!)
    } catch {
      failed++
    }
  }
  sink = undefined
  return failed
}

// Posts taken at a time: few enough that the workers end together, enough that the counter is not contended.
const chunk = 32

const warm = Math.min(data.warmup, raws.length)
run('parsePost', 0, warm)
run('floor', 0, warm)
port.postMessage({type: 'ready', posts: raws.length} satisfies BatchReport)

port.on('message', (command: BatchCommand) => {
  if (command.type === 'exit') {
    port.close()
    return
  }
  const next = new Int32Array(command.next)
  const start = performance.now()
  let posts = 0
  let failed = 0
  for (let from = Atomics.add(next, 0, chunk); from < raws.length; from = Atomics.add(next, 0, chunk)) {
    const to = Math.min(raws.length, from + chunk)
    failed += run(command.task, from, to)
    posts += to - from
  }
  port.postMessage({type: 'done', posts, ms: performance.now() - start, failed, sink} satisfies BatchReport & {sink: unknown})
})
