/**
 * Profile `parsePost` with V8's sampling CPU profiler (the one behind
 * `node --cpu-prof`), started after a warm-up so start-up and JIT do not
 * count, and report where the time goes.
 *
 *   npx tsx bench/profile.ts [sample100|sample1|corpus|archive|path/to/post] [--task=parsePost|renderHtml|renderHandBuilt|renderPost] [--seconds=10] [--top=25]
 *
 * Prints self time by module (ours per file, dependencies per package),
 * the top functions by self time, and each of our functions with the time
 * spent in it and below it (inclusive), plus dependency time charged to the
 * nearest function of ours that called it. The raw profile is written to
 * bench/results/profile-<input>.cpuprofile.json (load it in Chrome DevTools'
 * Performance panel, or https://www.speedscope.app).
 */
import {existsSync, mkdirSync, statSync, writeFileSync} from 'node:fs'
import {Session} from 'node:inspector/promises'
import path from 'node:path'
import {parsePost, renderHtml, renderPost, type Article} from '../src/index.ts'
import {handBuild} from './tasks.ts'
import {archiveDirectory, corpusDirectory, listPosts, readPosts, root, samplePosts, type Post} from './inputs.ts'

const argv = process.argv.slice(2)
const input = argv.find((argument) => !argument.startsWith('--')) ?? 'sample100'
const seconds = Number(argv.find((argument) => argument.startsWith('--seconds='))?.split('=')[1] ?? 10)
const top = Number(argv.find((argument) => argument.startsWith('--top='))?.split('=')[1] ?? 25)
const task = argv.find((argument) => argument.startsWith('--task='))?.split('=')[1] ?? 'parsePost'
if (!['parsePost', 'renderHtml', 'renderHandBuilt', 'renderPost'].includes(task)) throw new Error(`Unknown task ${task}: expected parsePost, renderHtml, renderHandBuilt or renderPost`)

function postsFor(name: string): Post[] {
  const sample = /^sample(\d*)$/.exec(name)
  if (sample) return samplePosts([Number(sample[1]) || 1])
  const directory = name === 'corpus' ? corpusDirectory : name === 'archive' ? archiveDirectory : undefined
  const names = directory ? listPosts(directory) : null
  if (directory && names) return readPosts(directory, names)
  // One post by its path (`samples/….txt` too): to see where the time goes on the post a table row points at.
  if (!directory && existsSync(name) && statSync(name).isFile()) return readPosts(path.dirname(name), [path.basename(name)])
  throw new Error(`Unknown or missing input ${name}: expected sample<N>, corpus, archive or a post's path`)
}

interface ProfileNode {
  id: number
  callFrame: {functionName: string; url: string; lineNumber: number; columnNumber: number}
  children?: number[]
}

interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

let sink: unknown
const posts = postsFor(input)
// Render tasks render the Articles parsePost gave (parsed once, before profiling); renderHandBuilt, those Articles without their sources.
const parsed = (post: Post): Article => (task === 'renderHandBuilt' ? handBuild(parsePost(post.raw)) : parsePost(post.raw))
const articles = new Map<Post, Article>(task === 'parsePost' ? [] : posts.map((post) => [post, parsed(post)]))
const call = (post: Post): unknown =>
  task === 'parsePost' ? parsePost(post.raw) : task === 'renderPost' ? renderPost(articles.get(post)!) : renderHtml(articles.get(post)!)
const runFor = (ms: number) => {
  const end = performance.now() + ms
  let calls = 0
  while (performance.now() < end) {
    for (const post of posts) {
      sink = call(post)
      calls++
      if (performance.now() >= end) break
    }
  }
  return calls
}

runFor(3000)
const session = new Session()
session.connect()
await session.post('Profiler.enable')
await session.post('Profiler.setSamplingInterval', {interval: 100})
await session.post('Profiler.start')
const calls = runFor(seconds * 1000)
const {profile} = (await session.post('Profiler.stop')) as unknown as {profile: Profile}
session.disconnect()
void sink

mkdirSync(path.join(root, 'bench', 'results'), {recursive: true})
const file = path.join(root, 'bench', 'results', `profile-${task === 'parsePost' ? '' : `${task}-`}${path.basename(input)}.cpuprofile.json`)
writeFileSync(file, JSON.stringify(profile))

// Analysis --------------------------------------------------------------------

const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const parent = new Map<number, number>()
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)

/** Which module a frame belongs to: `src/…` for ours, the package for dependencies. */
function moduleOf(url: string): string {
  if (!url) return '(v8/native)'
  if (url.startsWith('node:')) return 'node:internal'
  const local = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(local)
  if (match) return match[1]!
  const relative = path.relative(root, local)
  return relative.startsWith('..') ? local : relative
}

const isOurs = (module: string) => module.startsWith('src/')
// Line numbers of our frames are those of tsx's output, not of the source: the function name says enough.
const label = (node: ProfileNode) => {
  const module = moduleOf(node.callFrame.url)
  return `${node.callFrame.functionName || '(anonymous)'} ${module}${isOurs(module) ? '' : `:${node.callFrame.lineNumber + 1}`}`
}

const self = new Map<string, number>()
const selfByModule = new Map<string, number>()
const inclusive = new Map<string, number>()
const charged = new Map<string, number>()
const edges = new Map<string, number>()
let total = 0
for (let index = 0; index < profile.samples.length; index++) {
  const node = byId.get(profile.samples[index]!)!
  const delta = (profile.timeDeltas[index + 1] ?? profile.timeDeltas[index] ?? 0) / 1000
  total += delta
  const name = node.callFrame.functionName
  const module = moduleOf(node.callFrame.url)
  const key = module === '(v8/native)' ? `${name || '(anonymous)'} (v8/native)` : label(node)
  self.set(key, (self.get(key) ?? 0) + delta)
  selfByModule.set(module, (selfByModule.get(module) ?? 0) + delta)
  // Walk up once: every distinct frame of ours gets the sample inclusively; the nearest one is charged;
  // each caller → callee pair of ours on the stack gets it too (so a call path can be told from another).
  const seen = new Set<string>()
  let nearest: string | undefined
  let below: string | undefined
  for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
    const frame = byId.get(id)!
    if (!isOurs(moduleOf(frame.callFrame.url))) continue
    const frameKey = label(frame)
    nearest ??= frameKey
    if (!seen.has(frameKey)) {
      seen.add(frameKey)
      inclusive.set(frameKey, (inclusive.get(frameKey) ?? 0) + delta)
    }
    if (below !== undefined && below !== frameKey) {
      const edge = `${frameKey.replace(/ src\/.*$/, '')} → ${below.replace(/ src\/.*$/, '')}`
      if (!seen.has(edge)) {
        seen.add(edge)
        edges.set(edge, (edges.get(edge) ?? 0) + delta)
      }
    }
    below = frameKey
  }
  const chargedKey = nearest ?? `(outside our code) ${module}`
  charged.set(chargedKey, (charged.get(chargedKey) ?? 0) + delta)
}

const percent = (value: number) => `${((value / total) * 100).toFixed(1).padStart(5)} %`
const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`
const list = (map: Map<string, number>, count: number) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, value]) => `  ${percent(value)} ${ms(value)}  ${key}`)
    .join('\n')

const bytes = posts.reduce((sum, post) => sum + post.bytes, 0)
console.log(`${task} on ${input} (${posts.length} post(s), ${(bytes / 1024).toFixed(1)} KB): ${calls} calls in ${seconds} s sampled at 100 µs; ${(total / calls).toFixed(3)} ms per call under the profiler.`)
console.log(`Profile: ${path.relative(root, file)}\n`)
console.log(`Self time by module (ours: src/…; dependencies by package)\n${list(selfByModule, 30)}\n`)
const ours = [...selfByModule].filter(([module]) => isOurs(module)).reduce((sum, [, value]) => sum + value, 0)
console.log(`  ours ${percent(ours)}, dependencies and V8 ${percent(total - ours)}\n`)
console.log(`Top ${top} functions by self time\n${list(self, top)}\n`)
console.log(`Our functions, inclusive (time in them and everything they call)\n${list(inclusive, top)}\n`)
console.log(`Calls between our functions (time in the callee and below, on that path)\n${list(edges, top)}\n`)
console.log(`All time charged to the nearest function of ours on the stack (dependency and GC time included)\n${list(charged, top)}`)
