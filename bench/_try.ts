import {samplePosts} from './inputs.ts'
import {measure} from './measure.ts'
import {loadInternals, prepare, tasksFor, useInternals} from './tasks.ts'
const internals = await loadInternals()
if (typeof internals === 'string') throw new Error(internals)
useInternals(internals)
const [s1] = samplePosts([1])
let t0 = performance.now()
measure(tasksFor(prepare(s1!), {internals, readability: false}), {warmupMs: 15000, minWarmupCalls: 3, budgetMs: 0, minRounds: 0, maxRounds: 0})
console.log('warm', performance.now() - t0)
for (const post of samplePosts([1, 10, 100])) {
  const p = prepare(post)
  const t0 = performance.now()
  const r = measure(tasksFor(p, {internals, readability: false}), {warmupMs: 1000, minWarmupCalls: 3, budgetMs: 5000, minRounds: 3, maxRounds: 300})
  console.log(post.name, post.bytes, ((performance.now() - t0) / 1000).toFixed(1) + 's')
  for (const t of r.values()) console.log(t.name.padEnd(50), t.median.toFixed(4), t.samples.length, t.batch, Math.min(...t.samples).toFixed(4))
}
