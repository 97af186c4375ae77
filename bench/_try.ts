import {samplePosts} from './inputs.ts'
import {measure} from './measure.ts'
import {loadInternals, prepare, tasksFor, useInternals} from './tasks.ts'
const internals = await loadInternals()
if (typeof internals === 'string') throw new Error(internals)
useInternals(internals)
for (const post of samplePosts([1, 10, 100])) {
  const p = prepare(post)
  const f1 = internals.flatten(p.sanitized, p.body.length); const f2 = internals.flatten(p.sanitized, p.body.length)
  console.log('flatten stable', f1.items.length === f2.items.length, JSON.stringify(f1.items.map(i=>[i.start,i.end])) === JSON.stringify(f2.items.map(i=>[i.start,i.end])))
  const t0 = performance.now()
  const r = measure(tasksFor(p, {internals, readability: post.bytes < 10000}), {warmupMs: 2000, minWarmupCalls: 3, budgetMs: 5000, minRounds: 3, maxRounds: 300})
  console.log(post.name, post.bytes, ((performance.now() - t0) / 1000).toFixed(1) + 's')
  for (const t of r.values()) console.log(t.name.padEnd(50), t.median.toFixed(4), t.samples.length, t.batch)
}
