/**
 * The machine's own ceiling for a worker pool: the same fixed amount of
 * integer arithmetic (no memory touched, nothing shared) run on one worker
 * thread, then on `threads` of them at once. On 2 cores a perfect machine
 * gives 2×; a VM whose cores share a physical core, or a busy host, gives
 * less, and no pool of ours can scale past it. Read the pool's figures
 * against this.
 */
import {Worker} from 'node:worker_threads'
import {median} from './measure.ts'

// Plain JavaScript, so the workers need no loader; the loop is one short function called many times,
// which the engine compiles the same way on every run.
const source = `
const {parentPort} = require('node:worker_threads')
function spin(seed) {
  let value = seed
  for (let step = 0; step < 10000; step++) value = (Math.imul(value, 31) + step) | 0
  return value
}
parentPort.on('message', (calls) => {
  let value = 0
  const start = performance.now()
  for (let call = 0; call < calls; call++) value = spin(value + call)
  parentPort.postMessage([performance.now() - start, value])
})
`

/**
 * Throughput of `threads` workers at once over one worker's.
 *
 * @param threads - Workers in the pool.
 * @param rounds - Passes of each; the median ratio is returned.
 * @returns Pool throughput ÷ one worker's (ideal: `threads`).
 */
export async function poolCeiling(threads: number, rounds = 5): Promise<number> {
  const workers = Array.from({length: threads}, () => new Worker(source, {eval: true}))
  const run = (worker: Worker, calls: number) =>
    new Promise<number>((resolve) => {
      worker.once('message', ([ms]: [number, number]) => resolve(ms))
      worker.postMessage(calls)
    })
  try {
    // Warm every worker, then time: about half a second of work per pass and worker.
    await Promise.all(workers.map((worker) => run(worker, 20_000)))
    const calls = 50_000
    const ratios: number[] = []
    for (let round = 0; round < rounds; round++) {
      const begin = performance.now()
      await run(workers[0]!, calls)
      const one = performance.now() - begin
      const start = performance.now()
      await Promise.all(workers.map((worker) => run(worker, calls)))
      const all = performance.now() - start
      ratios.push((threads * one) / all)
    }
    return median(ratios)
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
}
