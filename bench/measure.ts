/**
 * Interleaved timing: every task runs once per round, in a rotating order,
 * so drift (thermal, GC debt, other processes) spreads over all of them
 * instead of landing on whichever ran last. mitata runs one benchmark to the
 * end before the next, which is why this loop is our own.
 */

/** One thing to time. `setup` (untimed) runs before every call when given. */
export interface Task<State = any> {
  name: string
  setup?: (() => State) | undefined
  run: (state: State) => unknown
}

/** Settings of one measurement. */
export interface MeasureSettings {
  /** Time to spend warming up, over all tasks (ms). */
  warmupMs: number
  /** At least this many warm-up calls per task. */
  minWarmupCalls: number
  /** Time to spend measuring, over all tasks (ms). */
  budgetMs: number
  minRounds: number
  maxRounds: number
}

/** Times of one task: one sample per round, in ms per call. */
export interface Timing {
  name: string
  samples: number[]
  median: number
  /** Calls per sample (several short calls are timed together). */
  batch: number
}

/** Results are kept here so that no call can be optimised away. */
export let sink: unknown

// A sample should last long enough to hold several garbage collections, so that each task pays
// for the garbage it makes. With 2 ms samples (four calls of parsePost on the sample) most
// samples held none, and the median left out the collections of whichever task was cheapest to
// collect after: against 400 ms blocks of calls (total time over calls), parsePost's ratio to the
// floor read 2.3× instead of 1.7× on the sample and 1.3× instead of 1.0× on the corpus median,
// but 1.35× instead of 1.6× at 100×. A young generation fills every few milliseconds here.
const minSampleMs = 50
// And at least this many calls: on big inputs a full collection comes every few calls, and a
// median of one- or two-call samples would leave it out.
const minSampleCalls = 10

/**
 * Warm every task up, then time them in rounds, interleaved.
 *
 * @param tasks - What to time (on the same input).
 * @param settings - Time budget and round limits.
 * @returns Each task's samples and median, by name.
 */
export function measure(tasks: readonly Task[], settings: MeasureSettings): Map<string, Timing> {
  // Warm-up, round-robin, one call at a time: also gives each task's cost.
  const estimate = new Map<Task, number>()
  const warmEach = settings.warmupMs / Math.max(1, tasks.length)
  const spent = new Map<Task, {time: number; calls: number; recent: number[]}>(tasks.map((task) => [task, {time: 0, calls: 0, recent: []}]))
  let warming = true
  while (warming) {
    warming = false
    for (const task of tasks) {
      const state = spent.get(task)!
      if (state.calls >= settings.minWarmupCalls && state.time >= warmEach) continue
      warming = true
      const time = callOnce(task)
      state.time += time
      state.calls++
      state.recent.push(time)
      if (state.recent.length > 9) state.recent.shift()
    }
  }
  // The median of the last few warm-up calls: one garbage collection must not skew the plan.
  for (const task of tasks) estimate.set(task, median(spent.get(task)!.recent))

  const batch = new Map<Task, number>()
  let roundMs = 0
  for (const task of tasks) {
    // No warm-up (big inputs): no estimate, one call per sample.
    const cost = estimate.get(task)! > 0 ? estimate.get(task)! : 0
    const size = task.setup || cost === 0 ? 1 : Math.min(10_000, Math.max(minSampleCalls, Math.ceil(minSampleMs / cost)))
    batch.set(task, size)
    roundMs += cost * size
  }
  const rounds = Math.min(settings.maxRounds, Math.max(settings.minRounds, Math.floor(settings.budgetMs / Math.max(roundMs, 0.001))))

  const samples = new Map<Task, number[]>(tasks.map((task) => [task, []]))
  for (let round = 0; round < rounds; round++) {
    for (const task of rotate(tasks, round)) {
      const size = batch.get(task)!
      samples.get(task)!.push(size === 1 ? callOnce(task) : callMany(task, size))
    }
  }

  const result = new Map<string, Timing>()
  for (const task of tasks) {
    const list = samples.get(task)!
    result.set(task.name, {name: task.name, samples: list, median: median(list), batch: batch.get(task)!})
  }
  return result
}

/**
 * Time every task once on the same input, in an order rotated by `turn`:
 * for runs over many posts, where the posts themselves interleave.
 */
export function measureOnce(tasks: readonly Task[], turn: number): Map<string, number> {
  const result = new Map<string, number>()
  for (const task of rotate(tasks, turn)) result.set(task.name, callOnce(task))
  return result
}

function callOnce(task: Task): number {
  const state = task.setup ? task.setup() : undefined
  const start = performance.now()
  sink = task.run(state)
  return performance.now() - start
}

function callMany(task: Task, size: number): number {
  const start = performance.now()
  for (let index = 0; index < size; index++) sink = task.run(undefined)
  return (performance.now() - start) / size
}

/** Round `n` starts at task `n mod length`, and every other round goes backwards. */
function rotate<T>(list: readonly T[], turn: number): T[] {
  const shift = turn % Math.max(1, list.length)
  const rotated = [...list.slice(shift), ...list.slice(0, shift)]
  return turn % 2 === 1 ? rotated.reverse() : rotated
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export function sum(values: Iterable<number>): number {
  let total = 0
  for (const value of values) total += value
  return total
}
