/**
 * Memory figures, each measured in a child process of its own (run by
 * bench/index.ts; not meant to be run by hand, but it can be):
 *
 *   node --expose-gc --import tsx bench/memory.ts retained parsePost|floor [count]
 *   node --import tsx bench/memory.ts peak parsePost|floor|baseline [times]
 *
 * `retained`: heap still used, per post, after parsing `count` posts of the
 * archive cyclically and keeping nothing (heapUsed after forced GCs, before
 * and after the loop, once every post has been parsed once to warm up; the
 * slope over ten checkpoints is given too). `peak`: the process's peak resident set size
 * (`process.resourceUsage().maxRSS`) after one parse of the sample scaled
 * `times`, so article-kit and the floor can be compared on a 10 MB post.
 * Each prints one line of JSON.
 */
import {parsePost, parseFrontMatter} from '../src/index.ts'
import {archiveDirectory, corpusDirectory, listPosts, readPosts, readSample, scaleSample, type Post} from './inputs.ts'
import {floor} from './tasks.ts'

type Kind = 'parsePost' | 'floor' | 'baseline'

const [mode, kind = 'parsePost', countArgument] = process.argv.slice(2) as [string, Kind, string | undefined]

let sink: unknown

function parserOf(kind: Kind): (post: Post) => unknown {
  if (kind === 'parsePost') return (post) => parsePost(post.raw)
  if (kind === 'floor') {
    return (post) => {
      // Splitting is not part of the floor: done here because no references may be kept.
      const front = parseFrontMatter(post.raw)
      const yaml = front.block ? post.raw.slice(front.block.contentStart, front.block.contentEnd) : null
      return floor({body: post.raw.slice(front.bodyStart), yaml})
    }
  }
  return () => undefined
}

function collect(): void {
  const gc = (globalThis as {gc?: () => void}).gc
  if (!gc) throw new Error('Run with --expose-gc')
  // Several passes: weak references and finalizers free more on the second one.
  for (let pass = 0; pass < 4; pass++) gc()
}

function retained(kind: Kind, count: number): void {
  const directory = listPosts(archiveDirectory) ? archiveDirectory : corpusDirectory
  const names = listPosts(directory) ?? []
  const posts = names.length > 0 ? readPosts(directory, names) : [{name: 'sample', raw: readSample(), bytes: 0}]
  const parse = parserOf(kind)
  // Warm up on every post once: the first sight of a post's shapes (new hidden classes, compiled
  // code, V8's tables) costs memory once, and is not what is retained per post.
  for (let index = 0; index < posts.length; index++) sink = parse(posts[index]!)
  sink = undefined
  collect()
  const before = process.memoryUsage().heapUsed
  // Checkpoints every tenth of the loop: a regression over them is steadier than two points.
  const step = Math.max(1, Math.floor(count / 10))
  const points: Array<[number, number]> = [[0, before]]
  for (let index = 0; index < count; index++) {
    sink = parse(posts[index % posts.length]!)
    if ((index + 1) % step === 0 || index + 1 === count) {
      sink = undefined
      collect()
      points.push([index + 1, process.memoryUsage().heapUsed])
    }
  }
  const after = points.at(-1)![1]
  console.log(
    JSON.stringify({mode: 'retained', kind, count, posts: posts.length, source: directory, before, after, bytesPerPost: (after - before) / count, slope: slopeOf(points), checkpoints: points.length})
  )
}

/** Least-squares slope of y over x. */
function slopeOf(points: ReadonlyArray<[number, number]>): number {
  const n = points.length
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n
  let numerator = 0
  let denominator = 0
  for (const [x, y] of points) {
    numerator += (x - meanX) * (y - meanY)
    denominator += (x - meanX) ** 2
  }
  return denominator === 0 ? 0 : numerator / denominator
}

function peak(kind: Kind, times: number): void {
  const raw = scaleSample(readSample(), times)
  const post: Post = {name: `sample×${times}`, raw, bytes: Buffer.byteLength(raw)}
  const parse = parserOf(kind)
  sink = parse(post)
  const maxRss = process.resourceUsage().maxRSS * 1024
  console.log(JSON.stringify({mode: 'peak', kind, times, bytes: post.bytes, maxRss, kept: sink !== null}))
}

if (mode === 'retained') retained(kind, Number(countArgument ?? 10_000))
else if (mode === 'peak') peak(kind, Number(countArgument ?? 5000))
else throw new Error(`Unknown mode ${mode}: expected \`retained\` or \`peak\``)
