/**
 * The benchmark suite (`npm run bench`). See bench/README.md.
 *
 *   npm run bench                  everything (about 10 minutes)
 *   npm run bench -- --quick       the sample up to 100× and the corpus only
 *   npm run bench -- --compare     run, then compare with the previous run
 *   npm run bench -- --compare-only  compare latest.json with previous.json, no run
 *   npm run bench -- --only=load,bundle   some sections only (time, memory, batch, load, bundle)
 *   npm run bench -- --dist        time the import of ./dist (after `npm run build`) instead of a private build
 */
import {execFileSync, spawn} from 'node:child_process'
import {copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {Worker} from 'node:worker_threads'
import {
  archiveDirectory,
  corpusDirectory,
  listPosts,
  medianPost,
  quickScales,
  readPosts,
  root,
  samplePosts,
  scales,
  type Post
} from './inputs.ts'
import {measure, measureOnce, median, sum, type MeasureSettings} from './measure.ts'
import {buildPackage, bundleSizes, htmlInputs, timeProcesses} from './load.ts'
import {checkTargets, compare, rowKey, table, targetList, type Results, type Row} from './report.ts'
import {floor, loadInternals, names, prepare, tasksFor, useInternals, type Internals, type TaskKey} from './tasks.ts'
import {parseReadability} from './peers/readability.ts'
import type {BatchCommand, BatchData, BatchReport, BatchTask} from './batch-worker.ts'
import {poolCeiling} from './ceiling.ts'

type Section = Row['section']
const allSections: Section[] = ['time', 'memory', 'batch', 'load', 'bundle']

const argv = process.argv.slice(2)
const quick = argv.includes('--quick')
const only = argv.find((argument) => argument.startsWith('--only='))?.slice('--only='.length).split(',') as Section[] | undefined
const sections: Section[] = only ?? (quick ? ['time'] : allSections)
const resultsDirectory = path.join(root, 'bench', 'results')
const latestPath = path.join(resultsDirectory, 'latest.json')
const previousPath = path.join(resultsDirectory, 'previous.json')

const rows: Row[] = []
const notes: string[] = []
const inputsRun: Results['inputs'] = []
const started = performance.now()
const log = (message: string) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}\n`)

if (argv.includes('--compare-only')) {
  printComparison()
  process.exit(0)
}

const loadBefore = os.loadavg()[0]!
if (loadBefore > os.availableParallelism()) {
  notes.push(`The machine was busy (1-minute load ${loadBefore.toFixed(1)} on ${os.availableParallelism()} cores): absolute figures are pessimistic; ratios, measured interleaved, hold up better.`)
}

const scaleList = quick ? quickScales : scales
const labels = {
  sample: 'sample×1',
  ten: 'sample×10',
  hundred: 'sample×100',
  thousand: 'sample×1000',
  corpusMedian: undefined as string | undefined,
  all: [] as string[]
}

if (sections.includes('time')) await timeSection()
if (sections.includes('memory')) await memorySection()
if (sections.includes('batch')) await batchSection()
if (sections.includes('load')) await loadSection()
if (sections.includes('bundle')) await bundleSection()

const results: Results = {
  version: 1,
  date: new Date().toISOString(),
  quick,
  sections,
  environment: {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    loadBefore,
    loadAfter: os.loadavg()[0]!,
    commit: git(['rev-parse', 'HEAD']),
    dirty: git(['status', '--porcelain', '--', 'src']).length > 0
  },
  durationSeconds: Math.round((performance.now() - started) / 1000),
  inputs: inputsRun,
  rows,
  targets: checkTargets(rows, names, labels),
  notes
}

mkdirSync(resultsDirectory, {recursive: true})
if (existsSync(latestPath)) copyFileSync(latestPath, previousPath)
writeFileSync(latestPath, JSON.stringify(results, null, 2) + '\n')

console.log(table(rows))
console.log(`\nTargets\n${targetList(results.targets)}`)
if (notes.length > 0) console.log(`\nNotes\n${notes.map((note) => `- ${note}`).join('\n')}`)
console.log(`\n${results.durationSeconds} s on ${results.environment.cpus} × ${results.environment.cpuModel}, Node ${process.version}; load ${loadBefore.toFixed(1)} → ${results.environment.loadAfter.toFixed(1)}. Written to bench/results/latest.json.`)
if (argv.includes('--compare')) printComparison()

// ---------------------------------------------------------------------------

function printComparison(): void {
  if (!existsSync(latestPath) || !existsSync(previousPath)) {
    console.log('\nNothing to compare with: bench/results/previous.json is made from latest.json by the next run.')
    return
  }
  const latest = JSON.parse(readFileSync(latestPath, 'utf8')) as Results
  const previous = JSON.parse(readFileSync(previousPath, 'utf8')) as Results
  console.log(`\n${compare(previous, latest)}`)
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, {cwd: root, encoding: 'utf8'}).trim()
  } catch {
    return ''
  }
}

function collect(): void {
  ;(globalThis as {gc?: () => void}).gc?.()
}

// Time ----------------------------------------------------------------------

/** Budgets per sample scale: bigger inputs get fewer rounds, never fewer than three. */
function settingsFor(times: number): MeasureSettings {
  const factor = quick ? 0.5 : 1
  if (times <= 10) return {warmupMs: 1500 * factor, minWarmupCalls: 10, budgetMs: 8000 * factor, minRounds: 15, maxRounds: 400}
  if (times <= 100) return {warmupMs: 2000 * factor, minWarmupCalls: 3, budgetMs: 12_000 * factor, minRounds: 7, maxRounds: 100}
  if (times <= 1000) return {warmupMs: 0, minWarmupCalls: 1, budgetMs: 12_000, minRounds: 3, maxRounds: 20}
  // The JIT is warm from the smaller inputs; at 10 MB a call lasts seconds.
  return {warmupMs: 0, minWarmupCalls: 0, budgetMs: 0, minRounds: 3, maxRounds: 3}
}

async function timeSection(): Promise<void> {
  const loaded = await loadInternals()
  let internals: Internals | undefined
  if (typeof loaded === 'string') notes.push(`Stage rows skipped: ${loaded}.`)
  else {
    internals = loaded
    useInternals(internals)
  }

  const samples = samplePosts(scaleList)
  // One long warm-up on the sample, so the first measured input is not also the one that pays for the JIT.
  log('warming up')
  measure(tasksFor(prepare(samples[0]!), {internals, readability: false}), {warmupMs: quick ? 4000 : 8000, minWarmupCalls: 20, budgetMs: 0, minRounds: 0, maxRounds: 0})
  const corpusNames = listPosts(corpusDirectory)
  const corpus = corpusNames ? readPosts(corpusDirectory, corpusNames) : undefined
  if (!corpus) notes.push('No corpus at ../shared/corpus: its rows are skipped.')

  for (const post of samples.filter((post) => Number(post.name.split('×')[1]) <= 100)) {
    single(post, internals, post.name === labels.sample)
  }
  if (corpus) {
    const middle = medianPost(corpus)
    labels.corpusMedian = `corpus median (${(middle.bytes / 1024).toFixed(1)} KB)`
    notes.push(`The corpus median post is ${middle.name}.`)
    single({...middle, name: labels.corpusMedian}, internals, true, settingsFor(1))
    group(`corpus (${corpus.length} posts)`, corpus, internals, quick ? 2 : 5)
  }
  for (const post of samples.filter((post) => Number(post.name.split('×')[1]) > 100)) single(post, internals, false)

  if (!quick) {
    const archiveNames = listPosts(archiveDirectory)
    if (archiveNames) group(`archive (${archiveNames.length} posts)`, readPosts(archiveDirectory, archiveNames), internals, 1)
    else notes.push('No archive at ../shared/archive/koreablockchain: its rows are skipped.')
  }
}

/** Time every task on one post, interleaved, and add its rows. */
function single(post: Post, internals: Internals | undefined, withReadability: boolean, settings?: MeasureSettings): void {
  collect()
  log(`${post.name} (${(post.bytes / 1024).toFixed(1)} KB)`)
  const prepared = prepare(post)
  const times = Number(post.name.split('×')[1] ?? 1)
  const tasks = tasksFor(prepared, {internals, readability: false, floorParts: times <= 100})
  // cheerio grows faster than linearly (about 36 s a call at 5000×): there it gets one call, outside the rounds.
  const once = times >= 5000 ? tasks.filter((task) => task.key === 'cheerio') : []
  const timings = measure(
    tasks.filter((task) => !once.includes(task)),
    settings ?? settingsFor(times)
  )
  for (const task of once) timings.set(task.name, measure([task], {warmupMs: 0, minWarmupCalls: 0, budgetMs: 0, minRounds: 1, maxRounds: 1}).get(task.name)!)
  const medians = new Map<TaskKey, {median: number; samples: number; ratio?: number}>()
  for (const [key, name] of Object.entries(names) as Array<[TaskKey, string]>) {
    const timing = timings.get(name)
    if (timing) medians.set(key, {median: timing.median, samples: timing.samples.length})
  }
  addStageRest(medians)
  let readabilityNote: string | undefined
  if (withReadability) {
    // Readability makes so much garbage that it would skew the others: it gets its own rounds, against the floor.
    const pair = measure(
      [
        {name: 'floor', run: () => floor(prepared)},
        {name: 'readability', run: () => parseReadability(post.raw)}
      ],
      {warmupMs: 3000, minWarmupCalls: 5, budgetMs: quick ? 4000 : 8000, minRounds: 10, maxRounds: 200}
    )
    const floorThere = pair.get('floor')!.median
    const readability = pair.get('readability')!
    medians.set('readability', {median: readability.median, samples: readability.samples.length, ratio: readability.median / floorThere})
    readabilityNote = `own rounds, against the floor (${format(floorThere)} ms there)`
  }
  const floorMedian = medians.get('floor')!.median
  for (const [key, name] of Object.entries(names) as Array<[TaskKey, string]>) {
    const entry = medians.get(key)
    if (!entry) continue
    rows.push({
      section: 'time',
      input: post.name,
      name,
      value: entry.median,
      unit: 'ms',
      postsPerSecond: 1000 / entry.median,
      megabytesPerSecond: post.bytes / 1e6 / (entry.median / 1000),
      ratio: entry.ratio ?? entry.median / floorMedian,
      note:
        key === 'readability'
          ? readabilityNote
          : key === 'stageBuild'
            ? 'parsePost minus stages 1–3'
            : entry.samples === 1
              ? 'one call'
              : undefined
    })
  }
  inputsRun.push({name: post.name, posts: 1, bytes: post.bytes})
  labels.all.push(post.name)
}

function format(value: number): string {
  return value >= 10 ? value.toFixed(0) : value.toFixed(2)
}

/**
 * Stage 3 is timed with a parse of its own (the sanitiser works in place): what it adds to stage 2.
 * Stage 4 is what parsePost spends beyond stages 1–3 (flatten, blocks, sections, stats, messages).
 */
function addStageRest(medians: Map<TaskKey, {median: number; samples: number}>): void {
  const parse = medians.get('stageParse')
  const sanitize = medians.get('stageSanitize')
  if (parse && sanitize) medians.set('stageSanitize', {...sanitize, median: Math.max(0, sanitize.median - parse.median)})
  const whole = medians.get('parsePost')
  const stages = (['stageFrontMatter', 'stageParse', 'stageSanitize'] as const).map((key) => medians.get(key))
  if (!whole || stages.some((stage) => !stage)) return
  medians.set('stageBuild', {median: Math.max(0, whole.median - sum(stages.map((stage) => stage!.median))), samples: whole.samples})
}

/** Time every task on every post (each post's tasks interleaved, `rounds` times), and add rows for the whole set. */
function group(label: string, posts: Post[], internals: Internals | undefined, rounds: number): void {
  collect()
  log(`${label}: ${posts.length} posts, ${rounds} round(s) each`)
  const perPost = new Map<TaskKey, number[]>()
  let failed = 0
  let bytes = 0
  let measured = 0
  for (let index = 0; index < posts.length; index++) {
    const post = posts[index]!
    const samples = new Map<string, number[]>()
    let tasks: ReturnType<typeof tasksFor>
    try {
      tasks = tasksFor(prepare(post), {internals, readability: false})
      for (let round = 0; round < rounds; round++) {
        for (const [name, time] of measureOnce(tasks, index + round)) {
          const list = samples.get(name) ?? []
          list.push(time)
          samples.set(name, list)
        }
      }
    } catch (error) {
      // A post that makes anything throw is left out of every row, so the rows stay comparable.
      failed++
      notes.push(`${label}: ${post.name} left out, it threw: ${String(error).slice(0, 200)}`)
      continue
    }
    for (const task of tasks) {
      const list = perPost.get(task.key) ?? []
      list.push(median(samples.get(task.name)!))
      perPost.set(task.key, list)
    }
    bytes += post.bytes
    measured++
    if (index % 1000 === 999) log(`  ${index + 1} posts`)
  }
  const stageKeys = ['stageFrontMatter', 'stageParse', 'stageSanitize'] as const
  if (perPost.has('stageParse') && perPost.has('stageSanitize')) {
    // Stage 3 is timed with a parse of its own: what it adds to stage 2.
    const parse = perPost.get('stageParse')!
    perPost.set('stageSanitize', perPost.get('stageSanitize')!.map((time, index) => Math.max(0, time - parse[index]!)))
  }
  if (perPost.has('parsePost') && stageKeys.every((key) => perPost.has(key))) {
    perPost.set(
      'stageBuild',
      perPost.get('parsePost')!.map((time, index) => Math.max(0, time - sum(stageKeys.map((key) => perPost.get(key)![index]!))))
    )
  }
  const floorTimes = perPost.get('floor')!
  const floorTotal = sum(floorTimes)
  for (const [key, name] of Object.entries(names) as Array<[TaskKey, string]>) {
    const times = perPost.get(key)
    if (!times) continue
    const total = sum(times)
    const ratios = times.map((time, index) => time / floorTimes[index]!)
    rows.push({
      section: 'time',
      input: label,
      name,
      value: median(times),
      unit: 'ms',
      postsPerSecond: measured / (total / 1000),
      megabytesPerSecond: bytes / 1e6 / (total / 1000),
      ratio: total / floorTotal,
      note: key === 'floor' ? `median of posts; ${format(total)} ms for all` : `median post ${format(median(ratios))}× floor${key === 'stageBuild' ? '; parsePost minus stages 1–3' : ''}`
    })
  }
  inputsRun.push({name: label, posts: measured, bytes})
  labels.all.push(label)
}

// Memory --------------------------------------------------------------------

function child(args: string[], expose: boolean): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const flags = [...(expose ? ['--expose-gc'] : []), '--max-old-space-size=8192', '--import', 'tsx', path.join(root, 'bench', 'memory.ts'), ...args]
    const env = {...process.env}
    delete env['NODE_OPTIONS']
    const processChild = spawn(process.execPath, flags, {cwd: root, env, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    processChild.stdout.on('data', (chunk) => (stdout += chunk))
    processChild.stderr.on('data', (chunk) => (stderr += chunk))
    processChild.on('close', (code) => {
      const line = stdout.trim().split('\n').at(-1) ?? ''
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`bench/memory.ts ${args.join(' ')} failed (${code}): ${stderr.trim().split('\n').slice(0, 5).join(' ')}`))
      else resolve(JSON.parse(line) as Record<string, unknown>)
    })
  })
}

async function memorySection(): Promise<void> {
  log('memory: heap retained over 10,000 posts (parsePost, floor)')
  try {
    // Separate processes, so they may run side by side: heap figures do not depend on CPU time.
    const [ours, floorRun] = await Promise.all([child(['retained', 'parsePost', '10000'], true), child(['retained', 'floor', '10000'], true)])
    const input = listPosts(archiveDirectory) ? 'archive, cyclic' : 'corpus, cyclic'
    const floorBytes = floorRun['bytesPerPost'] as number
    const slope = (run: Record<string, unknown>) => `${format(run['slope'] as number)} B/post by regression over ${String(run['checkpoints'])} checkpoints`
    rows.push({section: 'memory', input, name: 'floor: heap retained per post', value: floorBytes, unit: 'B/post', ratio: 1, note: `${format(((floorRun['after'] as number) - (floorRun['before'] as number)) / 1024)} KB over 10,000 posts; ${slope(floorRun)}`})
    rows.push({
      section: 'memory',
      input,
      name: 'parsePost: heap retained per post',
      value: ours['bytesPerPost'] as number,
      unit: 'B/post',
      // Retention near zero (or below: GC noise) makes a ratio meaningless: given only when both retain something.
      ratio: floorBytes > 1 && (ours['bytesPerPost'] as number) > 1 ? (ours['bytesPerPost'] as number) / floorBytes : undefined,
      note: `${format(((ours['after'] as number) - (ours['before'] as number)) / 1024)} KB over 10,000 posts; ${slope(ours)}`
    })
  } catch (error) {
    notes.push(`Retained heap not measured: ${String(error)}`)
  }
  log('memory: peak RSS at sample×5000 (baseline, floor, parsePost; one process each)')
  try {
    const [baseline, floorRun, ours] = await Promise.all([
      child(['peak', 'baseline', '5000'], false),
      child(['peak', 'floor', '5000'], false),
      child(['peak', 'parsePost', '5000'], false)
    ])
    const mb = (run: Record<string, unknown>) => (run['maxRss'] as number) / 1024 / 1024
    const input = `sample×5000 (${((ours['bytes'] as number) / 1e6).toFixed(1)} MB)`
    rows.push({section: 'memory', input, name: 'baseline: peak RSS (input only)', value: mb(baseline), unit: 'MB', ratio: mb(baseline) / mb(floorRun), note: 'modules loaded and the post built, nothing parsed'})
    rows.push({section: 'memory', input, name: 'floor: peak RSS', value: mb(floorRun), unit: 'MB', ratio: 1, note: `${format(mb(floorRun) - mb(baseline))} MB over the baseline`})
    rows.push({
      section: 'memory',
      input,
      name: 'parsePost: peak RSS',
      value: mb(ours),
      unit: 'MB',
      ratio: mb(ours) / mb(floorRun),
      note: `${format(mb(ours) - mb(baseline))} MB over the baseline (${format((mb(ours) - mb(baseline)) / Math.max(1, mb(floorRun) - mb(baseline)))}× the floor's)`
    })
  } catch (error) {
    notes.push(`Peak RSS not measured: ${String(error)}`)
  }
}

// Batch ---------------------------------------------------------------------

async function batchSection(): Promise<void> {
  const files = listPosts(archiveDirectory)
  if (!files) {
    notes.push('No archive: batch rows skipped.')
    return
  }
  const threads = os.availableParallelism()
  log(`batch: the archive on one thread and on a pool of ${threads} workers`)
  const start = () =>
    new Promise<Worker>((resolve, reject) => {
      // Warm-up is a whole untimed pass of each task: after 500 posts the first timed pass still ran
      // at 60–80 % of the later ones (compiling on a core the pool needs), and skewed the medians.
      const data: BatchData = {directory: archiveDirectory, files, warmup: files.length}
      // Workers do not inherit tsx's hooks from `--import tsx`: the worker registers them, then imports the TypeScript.
      const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({register}) => { register(); return import(${JSON.stringify(new URL('./batch-worker.ts', import.meta.url).href)}) })`
      const worker = new Worker(bootstrap, {eval: true, workerData: data})
      worker.once('error', reject)
      worker.once('message', (report: BatchReport) => (report.type === 'ready' ? resolve(worker) : reject(new Error('unexpected message'))))
    })
  const run = (workers: Worker[], task: BatchTask) => {
    // One counter per pass: every worker takes the next chunk of posts from it until the archive is done.
    const next = new SharedArrayBuffer(4)
    return Promise.all(
      workers.map(
        (worker) =>
          new Promise<BatchReport & {type: 'done'}>((resolve) => {
            worker.once('message', (report: BatchReport) => resolve(report as BatchReport & {type: 'done'}))
            worker.postMessage({type: 'go', task, next} satisfies BatchCommand)
          })
      )
    )
  }
  const time = async (workers: Worker[], task: BatchTask) => {
    collect()
    const begin = performance.now()
    const cpu = process.cpuUsage()
    const reports = await run(workers, task)
    const ms = performance.now() - begin
    const used = process.cpuUsage(cpu)
    // CPU time of every thread of this process over wall time: how many cores the pass really had.
    if (task === 'parsePost') cores[workers.length > 1 ? 'pool' : 'one'].push((used.user + used.system) / 1000 / ms)
    return {postsPerSecond: sum(reports.map((report) => report.posts)) / (ms / 1000), failed: sum(reports.map((report) => report.failed))}
  }

  const cores = {one: [] as number[], pool: [] as number[]}
  // Workers start one at a time: reading and warming up while others measure would skew them.
  // Each holds the whole archive, and takes its work as it goes.
  const one = [await start()]
  const pool: Worker[] = []
  for (let index = 0; index < threads; index++) pool.push(await start())
  try {
    const results = {oneFloor: [] as number[], poolFloor: [] as number[], one: [] as number[], pool: [] as number[]}
    // ABBA order, floor passes included: whichever runs first or last, or in a burst of load, is not always the same one.
    const steps: Array<['one' | 'pool', BatchTask]> = [
      ['one', 'parsePost'],
      ['pool', 'parsePost'],
      ['one', 'floor'],
      ['pool', 'floor']
    ]
    // Four passes of each: a pass takes seconds, and two were not enough to settle a median.
    for (const order of [steps, [...steps].reverse(), steps, [...steps].reverse()]) {
      for (const [which, task] of order) {
        const rate = (await time(which === 'one' ? one : pool, task)).postsPerSecond
        results[task === 'floor' ? (which === 'one' ? 'oneFloor' : 'poolFloor') : which].push(rate)
      }
    }
    const single = results.one
    const parallel = results.pool
    const floorSingle = {postsPerSecond: median(results.oneFloor)}
    const floorPool = {postsPerSecond: median(results.poolFloor)}
    const ceiling = await poolCeiling(threads)
    const input = `archive (${files.length} posts)`
    const megabytes = sum(files.map((name) => statSync(path.join(archiveDirectory, name)).size)) / 1e6
    const mbps = (postsPerSecond: number) => (postsPerSecond * megabytes) / files.length
    const singleRate = median(single)
    const poolRate = median(parallel)
    rows.push({section: 'batch', input, name: 'floor: one thread', value: floorSingle.postsPerSecond, unit: 'posts/s', postsPerSecond: floorSingle.postsPerSecond, megabytesPerSecond: mbps(floorSingle.postsPerSecond), ratio: 1, note: `median of ${results.oneFloor.length} passes`})
    rows.push({section: 'batch', input, name: `floor: pool of ${threads}`, value: floorPool.postsPerSecond, unit: 'posts/s', postsPerSecond: floorPool.postsPerSecond, megabytesPerSecond: mbps(floorPool.postsPerSecond), ratio: 1, note: `${format(floorPool.postsPerSecond / floorSingle.postsPerSecond)}× one thread`})
    rows.push({section: 'batch', input, name: 'parsePost: one thread', value: singleRate, unit: 'posts/s', postsPerSecond: singleRate, megabytesPerSecond: mbps(singleRate), ratio: floorSingle.postsPerSecond / singleRate, note: `median of ${single.length} passes; the process used ${format(median(cores.one))} cores`})
    rows.push({
      section: 'batch',
      input,
      name: `parsePost: pool of ${threads}`,
      value: poolRate,
      unit: 'posts/s',
      postsPerSecond: poolRate,
      megabytesPerSecond: mbps(poolRate),
      ratio: floorPool.postsPerSecond / poolRate,
      note: `${format(poolRate / singleRate)}× one thread; median of ${parallel.length} passes; the process used ${format(median(cores.pool))} cores (1-minute load ${os.loadavg()[0]!.toFixed(1)})`
    })
    // What the cores give at best: the same pool on work that touches no memory.
    rows.push({section: 'batch', input, name: `machine: arithmetic, pool of ${threads}`, value: ceiling, unit: '×', ratio: undefined, note: `${threads} workers on integer arithmetic alone (no memory) over one: what the cores give at best`})
  } finally {
    for (const worker of [...one, ...pool]) await worker.terminate()
  }
}

// Load ----------------------------------------------------------------------

async function loadSection(): Promise<void> {
  log('load: building the package, then node -e 0 against node -e "import(\'article-kit\')"')
  const built = await buildPackage(argv.includes('--dist'))
  if (typeof built === 'string') {
    notes.push(`Cold import not measured: ${built}`)
    return
  }
  try {
    const runs = 15
    const times = timeProcesses(built.directory, runs)
    if (typeof times === 'string') {
      notes.push(`Cold import not measured: ${times}`)
      return
    }
    const bare = median(times.bare)
    const imported = median(times.imported)
    rows.push({section: 'load', input: 'whole process', name: 'node -e 0', value: bare, unit: 'ms', ratio: 1, note: `median of ${runs}`})
    rows.push({
      section: 'load',
      input: 'whole process',
      name: "node -e \"import('article-kit')\"",
      value: imported,
      unit: 'ms',
      ratio: imported / bare,
      note: `median of ${runs}; import adds ${format(imported - bare)} ms${argv.includes('--dist') ? ' (./dist)' : ' (private build)'}`
    })
  } finally {
    built.cleanup()
  }
}

async function bundleSection(): Promise<void> {
  log('bundle sizes (esbuild, minified, gzip -9)')
  const sizes = await bundleSizes()
  const kb = (bytes: number) => bytes / 1024
  const floorSize = kb(sizes.floor.gzipped)
  const add = (name: string, size: typeof sizes.whole, note: string) =>
    rows.push({section: 'bundle', input: 'min+gz', name, value: kb(size.gzipped), unit: 'KB', ratio: kb(size.gzipped) / floorSize, note: `${format(kb(size.minified))} KB minified; ${note}`})
  add('floor: unified + rehype-parse + yaml', sizes.floor, `${sizes.floor.inputs.length} files`)
  add('whole: src/index.ts', sizes.whole, `${sizes.whole.inputs.length} files`)
  add('ours: src/index.ts, dependencies external', sizes.ours, `${sizes.ours.inputs.length} files of ours`)
  const html = htmlInputs(sizes.frontMatter)
  const packages = [...new Set(html.map((input) => input.split('node_modules/')[1]!.split('/')[0]!))]
  add(
    'front-matter entry: parse.ts + render.ts',
    sizes.frontMatter,
    html.length === 0 ? 'no parse5/hast in its inputs' : `pulls in ${packages.join(', ')}`
  )
}

